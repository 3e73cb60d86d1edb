package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * One misbehaviour of a webhook delivery, armed through {@link WebhookFaults}: the payload sent late, sent several
 * times, or never sent. The payload itself is always the documented one.
 */
public final class WebhookFault {

    private enum Kind {
        DELAY, DUPLICATE, DROP
    }

    private final Kind kind;
    private final Duration delay;
    private final int copies;
    private final String label;

    private WebhookFault(Kind kind, Duration delay, int copies, String label) {
        this.kind = kind;
        this.delay = delay;
        this.copies = copies;
        this.label = label;
    }

    /** The payload is POSTed only after {@code delay}; no thread waits meanwhile. */
    public static WebhookFault delay(Duration delay) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new WebhookFault(Kind.DELAY, delay, 1, "delay(" + delay + ")");
    }

    /** The same payload is POSTed twice. */
    public static WebhookFault duplicate() {
        return duplicate(2);
    }

    /** The same payload is POSTed {@code times} times in all, each copy once the previous one was answered. */
    public static WebhookFault duplicate(int times) {
        if (times < 2) {
            throw new IllegalArgumentException("a duplicate is delivered at least twice: " + times);
        }
        return new WebhookFault(Kind.DUPLICATE, Duration.ZERO, times, "duplicate(" + times + ")");
    }

    /** The payload is never POSTed; {@link SdEmulator#droppedWebhooks()} records it instead. */
    public static WebhookFault drop() {
        return new WebhookFault(Kind.DROP, Duration.ZERO, 0, "drop()");
    }

    /** How long the delivery waits before it is sent. */
    Duration delay() {
        return delay;
    }

    /** How many times the payload is sent: 0 when dropped. */
    int copies() {
        return copies;
    }

    boolean drops() {
        return kind == Kind.DROP;
    }

    @Override
    public String toString() {
        return label;
    }
}
