package io.github.camelsd.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API's spam filter: a generation request identical to one accepted within the window (same path, same body with
 * the key, fields in any order) is refused. Requests are remembered by a digest, and forgotten once out of the window.
 */
final class SpamFilter {

    private static final int SWEEP_EVERY = 1024;

    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final AtomicLong checks = new AtomicLong();

    /** Whether this request repeats one accepted within {@code window}; if not, it is remembered as accepted now. */
    boolean isRepeat(String path, Map<String, Object> body, Duration window, long now) {
        if (window.isZero()) {
            return false;
        }
        long windowNanos = window.toNanos();
        if (checks.incrementAndGet() % SWEEP_EVERY == 0) {
            acceptedAt.values().removeIf(at -> now - at >= windowNanos);
        }
        boolean[] repeat = new boolean[1];
        acceptedAt.compute(digest(path + "\n" + Json.canonical(body)), (signature, at) -> {
            repeat[0] = at != null && now - at < windowNanos;
            return repeat[0] ? at : now;
        });
        return repeat[0];
    }

    void clear() {
        acceptedAt.clear();
    }

    /** A fixed-size stand-in for the request, which may carry megabytes of base64 images. */
    private static String digest(String request) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
