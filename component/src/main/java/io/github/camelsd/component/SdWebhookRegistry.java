package io.github.camelsd.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** Callbacks kept for a waiter that does not exist yet: a training's eight stages, with room to spare. */
    private static final int EARLY_KEPT = 16;

    private final Map<String, Slot> waiting = new ConcurrentHashMap<>();
    private final Map<String, Boolean> emitted = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** One expected job: its waiter, or the callbacks that came before it. */
    private static final class Slot {
        Consumer<Map<String, Object>> handler;
        final List<Map<String, Object>> early = new ArrayList<>(1);
    }

    /** The URL of an sd:webhook consumer on the embedded server, for webhook=auto without webhookUrl. */
    private volatile String localUrl;

    /**
     * A job is about to be submitted with this token: from now on its callback is kept for the waiter. The API may call
     * back before the submit's answer has been read (a job done in a second, a busy client), that is before the waiter
     * exists; without this the callback found nobody waiting and the job waited for its fallback poll.
     */
    void expect(String token) {
        waiting.putIfAbsent(token, new Slot());
    }

    /** The waiter of the job: it gets the callback, also one that came before it. */
    void await(String token, Consumer<Map<String, Object>> handler) {
        Slot slot = waiting.computeIfAbsent(token, t -> new Slot());
        List<Map<String, Object>> early;
        synchronized (slot) {
            slot.handler = handler;
            early = List.copyOf(slot.early);
            slot.early.clear();
        }
        early.forEach(handler);
    }

    void forget(String token) {
        waiting.remove(token);
    }

    /**
     * Hands a callback to the job waiting for it, or keeps it until its waiter comes; false when no exchange here
     * expects it (it ended, or another instance submitted it).
     */
    boolean deliver(String token, Map<String, Object> payload) {
        Slot slot = waiting.get(token);
        if (slot == null) {
            return false;
        }
        Consumer<Map<String, Object>> handler;
        synchronized (slot) {
            handler = slot.handler;
            if (handler == null) {
                if (slot.early.size() < EARLY_KEPT) { // a training's stages, in order; more are duplicates
                    slot.early.add(payload);
                }
                return true;
            }
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
