package io.github.camelsd.quarkus.deployment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * {@code KafkaBroker} (camel-sd-kafka-broker: one KRaft node on 127.0.0.1) in a child JVM of this one, on the class
 * path of {@link SdKafkaBrokerClasspath}.
 *
 * <p>A child JVM rather than an isolated class loader in this one: a Kafka broker that has stopped leaves its Yammer
 * metrics threads running and some 40 MBeans in the platform MBean server, and those hold every class of the loader
 * that defined them; each dev-mode restart and each test application would keep one more broker's classes. A child JVM
 * takes all of it with it when it ends, and no Kafka class is ever loaded here.
 *
 * <p>The child runs until its standard input ends ({@code --until-stdin-closes}): {@link #close()} closes it, and when
 * this JVM ends in any way, even killed, the operating system closes it, so the broker never outlives its application.
 * Its output (the broker's warnings and errors, from slf4j-simple) is logged here.
 */
final class SdKafkaBrokerProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SdKafkaBrokerProcess.class);
    /** What KafkaBroker prints once the broker answers clients. */
    private static final String READY = "bootstrap.servers=";
    /**
     * What the child prints on every start and stop that says nothing about this broker: KafkaBroker's start time, the
     * broker's warning that a freshly formatted storage is empty, and one of its clients closed twice on shutdown.
     * Those lines go to DEBUG; all others (slf4j-simple prints WARN and ERROR only) to WARN.
     */
    private static final List<String> ROUTINE = List.of("Kafka broker started in ",
            "Performing controller activation. The metadata log appears to be empty.",
            "Attempting to close NetworkClient that has already been closed.");
    /** A controlled shutdown of one node takes a second or two; a child that takes longer is killed. */
    private static final long STOP_SECONDS = 30;
    /**
     * A start takes 3 to 20 s, depending on the machine's load; a child that is not ready after this long is killed,
     * rather than the application's start waiting for it for ever.
     */
    private static final long START_SECONDS = 180;

    private final Process process;
    private final SdKafkaBrokerClasspath classpath;
    private final String bootstrapServers;
    private final Thread output;

    private SdKafkaBrokerProcess(Process process, SdKafkaBrokerClasspath classpath, String bootstrapServers,
                                 Thread output) {
        this.process = process;
        this.classpath = classpath;
        this.bootstrapServers = bootstrapServers;
        this.output = output;
    }

    /** Starts the child JVM and returns once its broker is ready; {@code port} 0: a free one. */
    static SdKafkaBrokerProcess start(int port) {
        SdKafkaBrokerClasspath classpath = SdKafkaBrokerClasspath.extract(SdKafkaBrokerProcess.class.getClassLoader());
        Process process = null;
        try {
            process = new ProcessBuilder(java(), "-cp", classpath.asArgument(), SdKafkaBrokerClasspath.MAIN_CLASS,
                    "--port", String.valueOf(port), "--until-stdin-closes")
                    .redirectErrorStream(true)
                    .start();
            Process started = process;
            CompletableFuture<Void> ready = new CompletableFuture<>();
            // killing it ends its output, and so the wait below
            ready.orTimeout(START_SECONDS, TimeUnit.SECONDS).exceptionally(timeout -> {
                started.destroyForcibly();
                return null;
            });
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> before = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(READY)) {
                    ready.complete(null);
                    Thread output = new Thread(() -> forward(lines), "camel-sd-kafka-broker-output");
                    output.setDaemon(true);
                    output.start();
                    return new SdKafkaBrokerProcess(process, classpath, line.substring(READY.length()).trim(),
                            output);
                }
                log(line);
                before.add(line);
            }
            // false: the timeout came first
            boolean ended = ready.complete(null);
            throw new IllegalStateException("the Kafka broker's JVM ended before the broker was ready (exit status "
                    + process.waitFor() + (ended ? "" : ", killed after " + START_SECONDS + " s") + "):\n"
                    + String.join("\n", before));
        } catch (IOException e) {
            stopAfterFailure(process, classpath);
            throw new UncheckedIOException("cannot start the Kafka broker's JVM", e);
        } catch (InterruptedException e) {
            stopAfterFailure(process, classpath);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Kafka broker started", e);
        } catch (RuntimeException e) {
            stopAfterFailure(process, classpath);
            throw e;
        }
    }

    /** The JVM this one runs on. */
    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Until the child's output ends, that is until it has exited. */
    private static void forward(BufferedReader lines) {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                log(line);
            }
        } catch (IOException e) {
            LOG.debug("The Kafka broker's output cannot be read any further", e);
        }
    }

    private static void log(String line) {
        if (ROUTINE.stream().anyMatch(line::contains)) {
            LOG.debug(line);
        } else {
            LOG.warn(line);
        }
    }

    private static void stopAfterFailure(Process process, SdKafkaBrokerClasspath classpath) {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        classpath.close();
    }

    /** {@code 127.0.0.1:PORT}, the value of {@code bootstrap.servers}. */
    String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Ends the child's input, so that KafkaBroker stops the broker (deleting its log folder) and exits; kills it if
     * that takes more than {@value #STOP_SECONDS} s. Then deletes the jars it ran on.
     */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                LOG.warnf("The Kafka broker (pid %d) did not stop within %d s: killed", process.pid(), STOP_SECONDS);
                process.destroyForcibly().waitFor(STOP_SECONDS, TimeUnit.SECONDS);
            }
            output.join(TimeUnit.SECONDS.toMillis(STOP_SECONDS));
        } catch (IOException e) {
            LOG.warnf(e, "Cannot end the Kafka broker's input (pid %d): killed", process.pid());
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            classpath.close();
        }
    }
}
