package io.github.camelsd.emulator;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The most recent requests of one kind (received, or webhooks sent or dropped), oldest first. Bounded, because the
 * emulator also runs for hours (dev mode, Dev Services, the benchmark's hundreds of thousands of calls): past the
 * bound the oldest are forgotten. A test that reads the log sends far fewer requests than that.
 */
final class RequestLog {

    /** About 35 MB of requests of a usual size. */
    static final int RETAINED = 50_000;

    private final int retained;
    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>(); // guarded by itself

    RequestLog() {
        this(RETAINED);
    }

    /** A log that keeps the {@code retained} most recent requests. */
    RequestLog(int retained) {
        this.retained = retained;
    }

    void add(RecordedRequest request) {
        synchronized (requests) {
            requests.add(request);
            if (requests.size() > retained) {
                requests.poll();
            }
        }
    }

    List<RecordedRequest> list() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    int size() {
        synchronized (requests) {
            return requests.size();
        }
    }

    int count(Predicate<RecordedRequest> which) {
        synchronized (requests) {
            return (int) requests.stream().filter(which).count();
        }
    }

    void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }
}
