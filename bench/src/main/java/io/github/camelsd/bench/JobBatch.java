package io.github.camelsd.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelsd.component.SdConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

/**
 * Jobs submitted all at once through one producer, each timed from its send and from its acceptance by the API
 * ({@code CamelSdAcceptedAt}) to its exchange continuing. A failed job is counted, never the end of the measurement.
 */
final class JobBatch {

    private final List<CompletableFuture<Exchange>> results;
    private final long[] fromSend;
    private final long[] fromAcceptance;
    private List<Exchange> completed;

    private JobBatch(int jobs) {
        results = new ArrayList<>(jobs);
        fromSend = new long[jobs];
        fromAcceptance = new long[jobs];
    }

    /** Sends {@code jobs} prompts ({@code prompt + " " + i}) without waiting for any. */
    static JobBatch send(AsyncProducer producer, Endpoint endpoint, int jobs, String prompt) {
        JobBatch batch = new JobBatch(jobs);
        for (int i = 0; i < jobs; i++) {
            long sent = System.nanoTime();
            int index = i;
            batch.results.add(SdBenchmark.send(producer, endpoint, prompt + " " + i).whenComplete((done, error) -> {
                batch.fromSend[index] = (System.nanoTime() - sent) / 1_000_000;
                Long accepted = done == null ? null : done.getMessage().getHeader(SdConstants.ACCEPTED_AT, Long.class);
                batch.fromAcceptance[index] = accepted == null ? batch.fromSend[index]
                        : System.currentTimeMillis() - accepted;
            }));
        }
        return batch;
    }

    /** How many jobs are still waiting. */
    long waiting() {
        return results.stream().filter(r -> !r.isDone()).count();
    }

    /** Waits for every job to end, one way or the other. */
    JobBatch awaitAll() throws Exception {
        CompletableFuture.allOf(results.stream().map(r -> r.handle((done, error) -> done))
                .toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        completed = results.stream().filter(r -> !r.isCompletedExceptionally()).map(CompletableFuture::join).toList();
        return this;
    }

    int failed() {
        return results.size() - completed.size();
    }

    /** API calls per completed job: the submit plus each fetch. */
    double callsPerJob() {
        return 1 + completed.stream().mapToInt(e -> e.getMessage().getHeader(SdConstants.POLLS, Integer.class))
                .average().orElse(0);
    }

    /** Each job's time from its send (ms), sorted. */
    long[] sortedFromSend() {
        return sorted(fromSend);
    }

    /** Each job's time from its acceptance (ms), sorted. */
    long[] sortedFromAcceptance() {
        return sorted(fromAcceptance);
    }

    private static long[] sorted(long[] millis) {
        return Arrays.stream(millis).sorted().toArray();
    }
}
