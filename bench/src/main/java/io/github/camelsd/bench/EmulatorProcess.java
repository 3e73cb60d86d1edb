package io.github.camelsd.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
    private final int port;

    private EmulatorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static EmulatorProcess start(Duration processingTime) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IOException(JAR + " is missing: run ./bench.sh, which builds it");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        // the JDK server keeps only 200 idle connections by default: thousands of clients waiting between polls need more
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-Dsun.net.httpserver.maxIdleConnections=100000",
                "-jar", JAR.toString(), "--port",
                String.valueOf(port), "--key", KEY, "--processing-ms", String.valueOf(processingTime.toMillis()),
                "--spam-window-ms", "0", "--queue-limit", "1000000"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new EmulatorProcess(process, port);
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("the emulator exited with " + process.exitValue());
                }
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IOException("the emulator did not listen on port " + port + " within 30 s");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
