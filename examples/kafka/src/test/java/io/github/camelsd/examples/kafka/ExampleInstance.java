package io.github.camelsd.examples.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the packaged example application ({@code target/quarkus-app/quarkus-run.jar}) in a JVM of its own,
 * configured through {@code %prod.} system properties, its output in {@code target/scale-out/<name>.log}. The API key
 * goes in through the environment ({@code SD_API_KEY}, as in production), never the command line.
 */
final class ExampleInstance implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    final String name;
    final Path log;
    private final Process process;

    private ExampleInstance(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static ExampleInstance start(String name, String apiKey, Map<String, String> config) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the application is packaged first");
        }
        Path log = Path.of("target", "scale-out", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                // S3Proxy refuses the request checksums the AWS SDK sends by default (see LocalS3Store)
                "-Daws.requestChecksumCalculation=when_required"));
        config.forEach((key, value) -> command.add("-D%prod." + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SD_API_KEY", apiKey);
        return new ExampleInstance(name, log, builder.start());
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hook runs, nothing is committed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The lines of its output that contain {@code text}. */
    long linesWith(String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    /** Stops the JVM as a platform would (SIGTERM, shutdown hooks run), killing it if it takes over 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
