package io.github.camelsd.examples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code quarkus dev} of a user's application, as a developer runs it: {@code ./mvnw quarkus:dev} as a child process
 * on a copy of this example (so the source tree is never touched) plus one route of the test's, with Dev Services'
 * emulator behind {@code sd:}. The route renders, the Dev UI has the camel-sd card, an edit of the route takes effect
 * on the next request (live reload), and the whole process tree is stopped at the end.
 * <p>
 * Nothing of this project is installed into a Maven repository: the copy is built in a reactor (an aggregator next to
 * it) with the extension's modules, which the build has compiled and packaged before this test, so Maven takes them
 * from their target folders and Quarkus from the workspace. The child uses the local repository of the build that runs
 * the test (and its MAVEN_ARGS, from the environment).
 */
@Tag("devmode") // run by failsafe only (pom.xml): it needs the extension's modules built
class HttpDevModeIT {

    private static final Duration START = Duration.ofMinutes(8);
    private static final Duration RELOAD = Duration.ofMinutes(3);
    private static final String ROUTE = "src/main/java/io/github/camelsd/examples/http/DevLoopRoutes.java";
    private static final String ROUTE_SOURCE = """
            package io.github.camelsd.examples.http;

            import org.apache.camel.builder.RouteBuilder;

            public class DevLoopRoutes extends RouteBuilder {

                @Override
                public void configure() {
                    from("platform-http:/dev-loop?httpMethodRestrict=POST").routeId("dev-loop")
                            .convertBodyTo(String.class)
                            .to("sd:text2img?outputFormat=bytes&width=512")
                            .setHeader("Content-Type", constant("image/png"))
                            .setHeader("X-Dev-Loop", constant("first"));
                }
            }
            """;

    private final Path root = Path.of(System.getProperty("sd.devmode.root")).toAbsolutePath().normalize();
    private final Path work = Path.of("target", "devmode").toAbsolutePath();
    private final Path app = work.resolve("app");
    private final int port = freePort();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Process devMode;

    @Test
    void rendersShowsTheCardAndReloadsAnEditedRoute() throws Exception {
        copyApplication();
        devMode = startDevMode();

        HttpResponse<byte[]> first = await("the first render", START,
                () -> render(), response -> response.statusCode() == 200);
        assertEquals("first", first.headers().firstValue("X-Dev-Loop").orElse(null));
        assertEquals(512, widthOf(first.body()));

        String devUiMethods = http.send(get("/q/dev-ui/devui-jsonrpc-data.js"), HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(devUiMethods.contains("camel-quarkus-sd_text2img"), "the Dev UI has the camel-sd card's methods");

        Path route = app.resolve(ROUTE);
        Files.writeString(route, Files.readString(route).replace("width=512", "width=768")
                .replace("constant(\"first\")", "constant(\"edited\")"));
        // the first request after the edit recompiles and restarts the application before it is answered
        HttpResponse<byte[]> edited = await("the edited route", RELOAD, () -> render(),
                response -> response.statusCode() == 200
                        && "edited".equals(response.headers().firstValue("X-Dev-Loop").orElse(null)));
        assertEquals(768, widthOf(edited.body()));
    }

    @AfterEach
    void stopDevMode() throws Exception {
        if (devMode == null) {
            return;
        }
        // Maven, the dev-mode JVM it forked and anything that one started: the JVM first, so Maven sees it end
        List<ProcessHandle> tree = new ArrayList<>(devMode.descendants().toList());
        tree.add(devMode.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                process.destroyForcibly();
                process.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** This example's pom and main sources, with its own artifactId, a parent found from its new place, and the route. */
    private void copyApplication() throws IOException {
        deleteRecursively(work);
        Path example = root.resolve("examples/http");
        copyRecursively(example.resolve("src/main"), app.resolve("src/main"));
        String pom = Files.readString(example.resolve("pom.xml"))
                .replace("<relativePath>../../pom.xml</relativePath>",
                        "<relativePath>" + app.relativize(root.resolve("pom.xml")) + "</relativePath>")
                .replace("<artifactId>camel-sd-example-http</artifactId>",
                        "<artifactId>camel-sd-example-http-devmode</artifactId>");
        Files.writeString(app.resolve("pom.xml"), pom);
        Files.writeString(app.resolve(ROUTE), ROUTE_SOURCE);

        StringBuilder modules = new StringBuilder();
        for (String module : List.of("emulator", "local-s3", "kafka-broker", "kafka-broker-bundle", "component", "runtime",
                "deployment")) {
            modules.append("        <module>").append(work.relativize(root.resolve(module))).append("</module>\n");
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
    }

    private Process startDevMode() throws IOException {
        List<String> command = List.of(root.resolve("mvnw").toString(), "-B", "-ntp",
                "-f", work.resolve("pom.xml").toString(), "-pl", ":camel-sd-example-http-devmode", "-am",
                "-Dmaven.repo.local=" + System.getProperty("sd.devmode.repo"),
                // compile first, so that Maven takes the extension's modules from their target folders
                "compile", "quarkus:dev", "-Dmaven.test.skip=true",
                "-Ddebug=false", "-Dquarkus.http.port=" + port, "-Dquarkus.console.enabled=false",
                "-Dquarkus.analytics.disabled=true");
        return new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("dev-mode.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    private HttpResponse<byte[]> render() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dev-loop"))
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofString("a red fox in the snow", StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .build();
    }

    /** Calls {@code call} until its answer passes {@code done}; a refused connection is dev mode still starting. */
    private <T> T await(String what, Duration deadline, Call<T> call, Predicate<T> done) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        Optional<T> last = Optional.empty();
        while (System.nanoTime() < end) {
            if (!devMode.isAlive()) {
                fail("dev mode ended (exit " + devMode.exitValue() + ") before " + what + "; see " + log());
            }
            try {
                T answer = call.call();
                if (done.test(answer)) {
                    return answer;
                }
                last = Optional.of(answer);
            } catch (IOException notYet) {
                // not listening yet, or restarting
            }
            Thread.sleep(1000);
        }
        return fail("no " + what + " within " + deadline + " (last answer " + last.map(Object::toString).orElse("none")
                + "); see " + log());
    }

    private Path log() {
        return work.resolve("dev-mode.log");
    }

    private static int widthOf(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png)).getWidth();
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws IOException, InterruptedException;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
