package io.github.camelsd.component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The jobs of one component that wait for a callback, by token, and the callbacks sd:webhook has already emitted, so
 * that the API's duplicates (its delivery is best-effort: late, repeated or lost) complete a job once. A waiting job
 * holds no thread here: only the handler its waiter registered.
 */
final class SdWebhookRegistry {

    /** How many emitted callbacks are remembered to recognise a duplicate: far more than arrive within a retry. */
    static final int REMEMBERED = 10_000;

    private final Map<String, Consumer<byte[]>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Boolean> emitted = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    /** The URL of an sd:webhook consumer on the embedded server, for webhook=auto without webhookUrl. */
    private volatile String localUrl;

    void await(String token, Consumer<byte[]> handler) {
        waiting.put(token, handler);
    }

    void forget(String token) {
        waiting.remove(token);
    }

    /** Hands a callback to the job waiting for it; false when none waits (it ended, or another instance sent it). */
    boolean deliver(String token, byte[] payload) {
        Consumer<byte[]> handler = waiting.get(token);
        if (handler == null) {
            return false;
        }
        handler.accept(payload);
        return true;
    }

    /** Whether this state of the job behind {@code token} is new, remembering it: false for a duplicate. */
    synchronized boolean firstTime(String token, String state) {
        return emitted.putIfAbsent(token + " " + state, Boolean.TRUE) == null;
    }

    int waitingCount() {
        return waiting.size();
    }

    String localUrl() {
        return localUrl;
    }

    void serving(String url) {
        localUrl = url;
    }
}
