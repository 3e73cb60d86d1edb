package io.github.camelsd.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the quick-start application (JVM mode) on an empty prompt folder and reads how long Quarkus took to start and
 * the process's peak resident memory.
 */
final class StartupProbe {

    private static final Path JAR = Path.of("quickstart/target/quarkus-app/quarkus-run.jar");
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    /** Quarkus' own start time, the wall time to that line, and the peak RSS. */
    record Startup(double quarkusSeconds, double wallSeconds, long peakRssMiB) {
    }

    private StartupProbe() {
    }

    static Startup measure() throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IOException(JAR + " is missing: run ./bench.sh, which builds it");
        }
        Path prompts = Files.createTempDirectory("sd-bench-prompts");
        Path out = Files.createTempDirectory("sd-bench-out");
        long started = System.nanoTime();
        Process process = new ProcessBuilder("java", "-jar", JAR.toString(), prompts.toString(), out.toString())
                .redirectErrorStream(true).start();
        double quarkusSeconds = -1;
        double wallSeconds = -1;
        long peakRss = 0;
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                peakRss = Math.max(peakRss, peakRssKiB(process.pid()));
                Matcher matcher = STARTED.matcher(line);
                if (quarkusSeconds < 0 && matcher.find()) {
                    quarkusSeconds = Double.parseDouble(matcher.group(1));
                    wallSeconds = (System.nanoTime() - started) / 1e9;
                }
            }
        }
        process.waitFor(1, TimeUnit.MINUTES);
        return new Startup(quarkusSeconds, wallSeconds, peakRss / 1024);
    }

    /** VmHWM of a running process (Linux), or 0 once it has gone. */
    private static long peakRssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended between two lines of output
        }
        return 0;
    }
}
