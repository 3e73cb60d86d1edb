package io.github.camelsd.jbang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelsd.emulator.SdEmulator;

/**
 * Runs the launcher as ./camel-jbang.sh does, as a child process with {@code run} and the example route, against the
 * emulator on loopback: the timer fires once, {@code sd:text2img} renders, the file producer writes the PNG. The child
 * gets its own working folder and user home, and {@code --download=false}: the component, and everything else the
 * route uses, must come from the launcher's classpath, not from a Maven repository.
 */
class JBangLauncherTest {

    private static final String KEY = "jbang-test-key";
    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    /** The example route's last step: {@code image <job id> written to <file>}. */
    private static final Pattern WRITTEN = Pattern.compile("image (\\S+) written to (\\S+\\.png)");
    private static final Duration RESULT_WITHIN = Duration.ofSeconds(45);

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void runsTheExampleRouteAgainstTheEmulator(@TempDir Path work) throws Exception {
        Path examples = Path.of(System.getProperty("launcher.examples"));
        Path out = work.resolve("out");
        Path log = work.resolve("launcher.log");
        try (SdEmulator emulator = SdEmulator.builder().port(0).apiKey(KEY).build().start()) {
            ProcessBuilder builder = new ProcessBuilder(launcher(work,
                    "run", examples.resolve("text2img.camel.yaml").toString(),
                    examples.resolve("application.properties").toString(),
                    "--prop=output.dir=" + out, "--download=false"))
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("SD_") || name.startsWith("CAMEL_"));
            env.put("SD_API_KEY", KEY);
            env.put("SD_BASE_URL", emulator.baseUrl());

            Process process = builder.start();
            long pid = process.pid();
            try {
                Matcher written = awaitLine(process, log, WRITTEN, RESULT_WITHIN);
                Path image = Path.of(written.group(2));
                assertEquals(out, image.getParent(), "written where output.dir says");
                byte[] bytes = Files.readAllBytes(image);
                assertTrue(bytes.length > PNG_SIGNATURE.length, "an image, not an empty file");
                assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length), "a PNG file");
                assertEquals(1, emulator.requestCount("/api/v3/text2img"), "one text2img call");
                assertTrue(image.getFileName().toString().contains(written.group(1)), "named after its job id");
            } finally {
                destroy(pid);
            }
            assertTrue(process.waitFor(15, TimeUnit.SECONDS), "the launcher ends once destroyed");
        }
    }

    /** {@code java -cp <launcher classes>:<its runtime classpath> CamelSdJBang args...}, with its own user home. */
    private static List<String> launcher(Path work, String... args) throws IOException {
        String classes = System.getProperty("launcher.classes");
        String classpath = Files.readString(Path.of(System.getProperty("launcher.classpath.file")),
                StandardCharsets.UTF_8).trim();
        Path home = Files.createDirectories(work.resolve("home"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Duser.home=" + home);
        command.add("-cp");
        command.add(classes + File.pathSeparator + classpath);
        command.add(CamelSdJBang.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Waits for a line of the child's output; fails early, with the output, when the child ends first. */
    private static Matcher awaitLine(Process process, Path log, Pattern pattern, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher matcher = pattern.matcher(output);
            if (matcher.find()) {
                return matcher;
            }
            if (!process.isAlive()) {
                fail("the launcher ended (exit " + process.exitValue() + ") before the image was written:\n" + tail(log));
            }
            Thread.sleep(200);
        }
        fail("no image written within " + within.toSeconds() + " s:\n" + tail(log));
        return null; // not reached
    }

    /** Ends the child by its pid, and whatever it started, gently first. */
    private static void destroy(long pid) throws InterruptedException {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        List<ProcessHandle> children;
        try (Stream<ProcessHandle> descendants = handle.get().descendants()) {
            children = descendants.toList();
        }
        children.forEach(ProcessHandle::destroy);
        handle.get().destroy();
        try {
            handle.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            children.forEach(ProcessHandle::destroyForcibly);
            handle.get().destroyForcibly();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
