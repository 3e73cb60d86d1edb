package io.github.camelsd.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the emulator remembers stays bounded over a long run: the benchmark's warm-ups make hundreds of thousands of
 * calls, and with every job and request kept a 1 GB emulator ran out of heap and stopped accepting connections.
 */
class RetentionTest {

    private static final long NOW = 1_000_000_000L;

    @Test
    void pastTheBoundTheOldestFinishedJobsAreForgottenWithWhatBelongsToThem() {
        List<Job> forgotten = new ArrayList<>();
        JobStore store = new JobStore(3, forgotten::add);

        List<Job> jobs = IntStream.range(0, 5).mapToObj(i -> job(store.nextId(), NOW)).toList();
        jobs.forEach(job -> assertTrue(store.admit(job, 100, NOW)));

        assertEquals(jobs.subList(0, 2), forgotten);
        assertNull(store.find(jobs.get(0).id()));
        assertNull(store.find(jobs.get(1).id()));
        jobs.subList(2, 5).forEach(job -> assertNotNull(store.find(job.id())));
    }

    @Test
    void aJobStillProcessingIsKeptPastTheBoundAndForgottenOnceFinishedAndOldest() {
        List<Job> forgotten = new ArrayList<>();
        JobStore store = new JobStore(2, forgotten::add);
        Job slow = job(store.nextId(), NOW + 1_000);
        store.admit(slow, 100, NOW);
        Job first = job(store.nextId(), NOW);
        Job second = job(store.nextId(), NOW);
        store.admit(first, 100, NOW);
        store.admit(second, 100, NOW);

        assertEquals(List.of(first), forgotten, "the processing job is passed over, the next oldest goes");
        assertNotNull(store.find(slow.id()));

        Job third = job(store.nextId(), NOW);
        store.admit(third, 100, NOW + 2_000); // slow is done by now, and the oldest again after second
        assertEquals(List.of(first, second), forgotten);
        Job fourth = job(store.nextId(), NOW);
        store.admit(fourth, 100, NOW + 2_000);
        assertEquals(List.of(first, second, slow), forgotten);
    }

    @Test
    void aClearedStoreStartsCountingAgain() {
        List<Job> forgotten = new ArrayList<>();
        JobStore store = new JobStore(2, forgotten::add);
        IntStream.range(0, 2).forEach(i -> store.admit(job(store.nextId(), NOW), 100, NOW));
        store.clear();
        IntStream.range(0, 2).forEach(i -> store.admit(job(store.nextId(), NOW), 100, NOW));
        assertEquals(List.of(), forgotten);
    }

    @Test
    void theRequestLogKeepsTheMostRecentOldestFirst() {
        RequestLog log = new RequestLog(3);
        IntStream.range(0, 5).forEach(i -> log.add(request("/api/v3/fetch/" + i)));

        assertEquals(3, log.size());
        assertEquals(List.of("/api/v3/fetch/2", "/api/v3/fetch/3", "/api/v3/fetch/4"),
                log.list().stream().map(RecordedRequest::path).toList());
        assertEquals(1, log.count(request -> request.path().endsWith("/4")));
    }

    private static Job job(long id, long doneNanos) {
        return new Job(id, "key", null, null, 1, "prefix-" + id, false, false, NOW, doneNanos, null);
    }

    private static RecordedRequest request(String path) {
        return new RecordedRequest("POST", "http://127.0.0.1" + path, path, null, "", Instant.EPOCH);
    }
}
