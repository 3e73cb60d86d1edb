package io.github.camelsd.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator in a child JVM, so that its threads and heap are not counted as the connector's. Started from the
 * standalone jar the build produces.
 */
final class EmulatorProcess implements AutoCloseable {

    static final String KEY = "bench-key";
    private static final Path JAR = Path.of("emulator/target/camel-sd-emulator-0.1.0-SNAPSHOT-standalone.jar");

    private final Process process;
    private final Thread reaper;
    private final String baseUrl;

    private EmulatorProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
        // a harness stopped mid-run (Ctrl-C, kill) must not leave the emulator's JVM behind, listening and holding 1 GB
        this.reaper = new Thread(process::destroyForcibly, "emulator-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    static EmulatorProcess start(Duration processingTime) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IOException(JAR + " is missing: run ./bench.sh, which builds it");
        }
        // the JDK server keeps only 200 idle connections by default: thousands of clients waiting between polls need more
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-Dsun.net.httpserver.maxIdleConnections=100000",
                "-jar", JAR.toString(), "--port", "0", "--key", KEY,
                "--processing-ms", String.valueOf(processingTime.toMillis()), "--spam-window-ms", "0",
                "--queue-limit", "1000000"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // the emulator prints its base URL once it listens: reading that line is the wait
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith("http://")) {
                drain(output);
                return new EmulatorProcess(process, line.trim());
            }
        }
        process.destroyForcibly();
        throw new IOException("the emulator exited without listening");
    }

    /** Keeps reading the child's output so that it never blocks on a full pipe. */
    private static void drain(BufferedReader output) {
        Thread drainer = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // discarded: the emulator's log is not part of the measurement
                }
            } catch (IOException closed) {
                // the child ended
            }
        }, "emulator-output");
        drainer.setDaemon(true);
        drainer.start();
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        process.destroy();
        process.waitFor();
    }
}
