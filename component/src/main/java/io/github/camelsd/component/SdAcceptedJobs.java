package io.github.camelsd.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.spi.StateRepository;

/**
 * The jobs the API accepted, by the correlation key of the message they were created for, in the endpoint's
 * {@code jobStateRepository}. An accepted job costs credits: a message that arrives again (redelivered by Kafka to
 * another instance after a crash, replayed after a restart) must resume that job, not submit a new one. Each entry is
 * {@code <job id> <fetch path>}, so that the job can be read whatever endpoint recalls it. The entry of a finished job
 * stays, so that a message that comes again after its job finished reads the finished job instead of paying again;
 * the entry of a failed job is cleared, so that the message's next attempt creates a new job.
 * <p>
 * A StateRepository blocks until its store answers, so every call runs on the component's job-state pool and the
 * methods here return futures. A message with no {@link #correlationKey} (or an endpoint without a repository) is not
 * recorded at all.
 */
final class SdAcceptedJobs {

    /** A job recalled for a correlation key: its id and the path that reads it. */
    record Accepted(String correlationKey, String jobId, String fetchPath) {
    }

    private final StateRepository<String, String> repository;
    private final String keyHeader;
    private final Supplier<Executor> pool;

    /** @param pool where the repository's calls run (asked for only when there is one) */
    SdAcceptedJobs(SdConfiguration config, Supplier<Executor> pool) {
        this.repository = config.getJobStateRepository();
        this.keyHeader = config.getCorrelationKeyHeader();
        this.pool = pool;
    }

    /** The job accepted earlier for {@code key} (the message's {@link #correlationKey}), or null. */
    CompletableFuture<Accepted> recalled(String key) {
        return CompletableFuture.supplyAsync(() -> {
            String entry = repository.getState(key);
            int space = entry == null ? -1 : entry.indexOf(' ');
            return space <= 0 ? null : new Accepted(key, entry.substring(0, space), entry.substring(space + 1));
        }, pool.get());
    }

    /** Records that the API accepted {@code jobId} for {@code key}. */
    CompletableFuture<Void> record(String key, String jobId, String fetchPath) {
        return CompletableFuture.runAsync(() -> repository.setState(key, jobId + " " + fetchPath), pool.get());
    }

    /**
     * The job for {@code key} failed for good (a failed generation, or a failure no wait can resume): a message that
     * comes again must create a new job, not read the failed one again.
     */
    CompletableFuture<Void> forget(String key) {
        return CompletableFuture.runAsync(() -> {
            if (repository.getState(key) != null) {
                repository.setState(key, ""); // a StateRepository cannot remove: an empty entry recalls nothing
            }
        }, pool.get());
    }

    /**
     * The message's correlation key, or null when nothing is to be recorded (no repository, or no key): then the
     * producer calls none of the methods above, and nothing changes threads.
     */
    String correlationKey(Exchange exchange) {
        if (repository == null) {
            return null;
        }
        Object key = exchange.getMessage().getHeader(SdConstants.CORRELATION_KEY);
        if (key == null && keyHeader != null) {
            key = exchange.getMessage().getHeader(keyHeader);
        }
        if (key instanceof byte[] bytes) {
            key = new String(bytes, java.nio.charset.StandardCharsets.UTF_8); // a Kafka key read as bytes
        }
        return key == null || key.toString().isBlank() ? null : key.toString();
    }
}
