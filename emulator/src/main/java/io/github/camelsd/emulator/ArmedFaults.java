package io.github.camelsd.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Faults armed for a number of uses, each for every target or for those its scope matches; a use takes the oldest
 * armed fault that matches. Shared by the request faults ({@link SdFaults}, scoped by path prefix) and the webhook
 * faults ({@link WebhookFaults}, scoped by a part of the URL).
 *
 * @param <F> the kind of fault
 */
final class ArmedFaults<F> {

    /** A fault armed for {@code remaining} more uses; {@code scope} null: for every target. */
    private static final class Armed<F> {
        final String scope;
        final F fault;
        int remaining;

        Armed(String scope, F fault, int remaining) {
            this.scope = scope;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Armed<F>> armed = new ArrayDeque<>(); // guarded by this

    synchronized void arm(String scope, F fault, int times) {
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        armed.addLast(new Armed<>(scope, fault, times));
    }

    /** The oldest armed fault whose scope {@code matches} (which is asked about a null scope too), used once; or null. */
    synchronized F take(Predicate<String> matches) {
        for (Iterator<Armed<F>> it = armed.iterator(); it.hasNext();) {
            Armed<F> candidate = it.next();
            if (matches.test(candidate.scope)) {
                if (--candidate.remaining == 0) {
                    it.remove();
                }
                return candidate.fault;
            }
        }
        return null;
    }

    synchronized void clear() {
        armed.clear();
    }
}
