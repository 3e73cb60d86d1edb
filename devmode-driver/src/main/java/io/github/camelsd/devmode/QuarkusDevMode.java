package io.github.camelsd.devmode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code quarkus dev} of one application of this repository, as a developer runs it, for a test: {@code ./mvnw
 * compile quarkus:dev} as a child process on a copy of the application (so the source tree is never touched), which
 * the test may add files to and edit while it runs.
 * <p>
 * Nothing of this project is installed into a Maven repository: the copy is built in a reactor (an aggregator next to
 * it) with the extension's modules, which the build running the test has compiled and packaged before, so Maven takes
 * them from their target folders and Quarkus from the workspace. The child uses the local repository of that build
 * (system property {@code sd.devmode.repo}) and its MAVEN_ARGS (inherited from the environment); the repository's root
 * is system property {@code sd.devmode.root}. Each run gets a free HTTP port, no debug port ({@code -Ddebug=false}),
 * and the plain console ({@code quarkus.console.basic}): its keys can be typed with {@link #type(String)} (the console
 * reads the child's standard input, a pipe the driver holds open). {@link #close()} stops the whole process tree.
 */
public final class QuarkusDevMode implements AutoCloseable {

    /**
     * The modules the copy is built with: the extension, what it depends on, and this driver (a test dependency of the
     * applications, which {@code quarkus:dev} resolves too).
     */
    private static final List<String> REACTOR = List.of("emulator", "local-s3", "kafka-broker", "kafka-broker-bundle",
            "component", "runtime", "deployment", "devmode-driver");
    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

    private final Path root;
    private final Path work;
    private final Path app;
    private final String artifactId;
    private final int port = freePort();
    private Process process;
    private OutputStream console;

    private QuarkusDevMode(Path root, Path work, String artifactId) {
        this.root = root;
        this.work = work;
        this.app = work.resolve("app");
        this.artifactId = artifactId;
    }

    /**
     * A fresh copy of {@code module} (a folder of the repository, such as {@code quickstart}) in
     * {@code target/devmode}: its pom (with its own artifactId, {@code <artifactId>-devmode}, and a parent found from
     * its new place) and {@code src/main}, plus the aggregator that builds it with the extension's modules.
     */
    public static QuarkusDevMode copyOf(String module) throws IOException {
        Path root = Path.of(required("sd.devmode.root")).toAbsolutePath().normalize();
        Path work = Path.of("target", "devmode").toAbsolutePath();
        Path source = root.resolve(module);
        String pom = Files.readString(source.resolve("pom.xml"));
        Matcher artifactId = ARTIFACT_ID.matcher(pom);
        if (!artifactId.find()) {
            throw new IllegalStateException("no artifactId after the parent in " + source.resolve("pom.xml"));
        }
        QuarkusDevMode devMode = new QuarkusDevMode(root, work, artifactId.group(1) + "-devmode");

        deleteRecursively(work);
        copyRecursively(source.resolve("src/main"), devMode.app.resolve("src/main"));
        Files.writeString(devMode.app.resolve("pom.xml"), pom
                .replaceFirst("<relativePath>[^<]*</relativePath>",
                        "<relativePath>" + devMode.app.relativize(root.resolve("pom.xml")) + "</relativePath>")
                .replace("<artifactId>" + artifactId.group(1) + "</artifactId>",
                        "<artifactId>" + devMode.artifactId + "</artifactId>"));

        StringBuilder modules = new StringBuilder();
        for (String reactorModule : REACTOR) {
            modules.append("        <module>").append(work.relativize(root.resolve(reactorModule))).append("</module>\n");
        }
        Files.writeString(work.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <modelVersion>4.0.0</modelVersion>
                    <groupId>io.github.camelsd</groupId>
                    <artifactId>camel-sd-devmode-reactor</artifactId>
                    <version>0</version>
                    <packaging>pom</packaging>
                    <modules>
                %s        <module>app</module>
                    </modules>
                </project>
                """.formatted(modules));
        return devMode;
    }

    /** The copy's folder. */
    public Path app() {
        return app;
    }

    /** The folder the copy and the log are in ({@code target/devmode}), for the test's own files. */
    public Path work() {
        return work;
    }

    /** The free port given to the application as {@code quarkus.http.port}. */
    public int port() {
        return port;
    }

    /** Everything the child printed (Maven's build, then the application's log and console). */
    public Path log() {
        return work.resolve("dev-mode.log");
    }

    /** Writes {@code content} to {@code path} of the copy (relative to it). */
    public QuarkusDevMode write(String path, String content) throws IOException {
        Path file = app.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    /** Changes {@code path} of the copy; fails if {@code change} leaves it as it was (the edit would prove nothing). */
    public QuarkusDevMode edit(String path, UnaryOperator<String> change) throws IOException {
        Path file = app.resolve(path);
        String before = Files.readString(file);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new AssertionError("the edit of " + path + " changed nothing: " + before);
        }
        Files.writeString(file, after);
        return this;
    }

    /**
     * Starts {@code ./mvnw compile quarkus:dev} of the copy; {@code properties} ({@code name=value}) go to it as
     * {@code -D} settings after the driver's.
     */
    public void start(String... properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-ntp",
                "-f", work.resolve("pom.xml").toString(), "-pl", ":" + artifactId, "-am",
                "-Dmaven.repo.local=" + required("sd.devmode.repo"),
                // compile first, so that Maven takes the extension's modules from their target folders
                "compile", "quarkus:dev", "-Dmaven.test.skip=true",
                "-Ddebug=false", "-Dquarkus.http.port=" + port, "-Dquarkus.analytics.disabled=true",
                "-Dquarkus.console.basic=true"));
        for (String property : properties) {
            command.add("-D" + property);
        }
        process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log().toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        console = process.getOutputStream();
    }

    /** Types {@code keys} into the dev-mode console (for example {@code " "}: run a command-mode application again). */
    public void type(String keys) throws IOException {
        console.write(keys.getBytes(StandardCharsets.UTF_8));
        console.flush();
    }

    /**
     * Calls {@code call} about once a second until its answer passes {@code done} and returns that answer; an
     * IOException or a null answer is "not yet" (not listening yet, restarting, a file not written yet). Fails when
     * the child ends first or {@code deadline} passes, naming the log.
     */
    public <T> T await(String what, Duration deadline, Call<T> call, Predicate<? super T> done) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        Object last = "none";
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "dev mode ended (exit " + process.exitValue() + ") before " + what + "; see " + log());
            }
            try {
                T answer = call.call();
                if (answer != null && done.test(answer)) {
                    return answer;
                }
                last = answer;
            } catch (IOException notYet) {
                last = notYet;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no " + what + " within " + deadline + " (last answer " + last + "); see " + log());
    }

    /** Waits until the log passes {@code done}. */
    public String awaitLog(String what, Duration deadline, Predicate<String> done) throws Exception {
        return await(what, deadline, () -> Files.readString(log(), StandardCharsets.UTF_8), done);
    }

    /** Stops Maven, the dev-mode JVM it forked and anything that one started: the JVM first, so Maven sees it end. */
    @Override
    public void close() throws Exception {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle member : tree) {
            try {
                member.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                member.destroyForcibly();
                member.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        process = null;
    }

    /** One look at the application: an HTTP call, a file read. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws IOException, InterruptedException;
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (the failsafe configuration"
                    + " of the module sets it)");
        }
        return value;
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        }
    }
}
