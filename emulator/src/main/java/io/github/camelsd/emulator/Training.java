package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One model training (Dreambooth or LoRA) and its documented stages, {@code deploying_gpu} to {@code model_ready}. The
 * stage follows from the clock: the training time is shared evenly among the seven changes of stage, each stage
 * beginning at its own time ({@link System#nanoTime()} values). A test moves a training on by moving those times
 * earlier ({@link #advance}, {@link #complete}), never by waiting. A cancelled training stays at the stage it had.
 * Each stage reached adds its line to the log that {@code fine_tune_status} answers and that the webhook of the stage
 * carries; which webhooks are due, and the chain that sends them in order, are kept here too.
 */
final class Training {

    /** The documented stages, in order. */
    static final List<String> STAGES = List.of("deploying_gpu", "training_started", "training_success",
            "trained_model_compressing", "trained_model_uploading", "trained_model_uploaded", "deploying_model",
            "model_ready");
    static final int READY = STAGES.size() - 1;
    /** What {@code fine_tune_status} reports for a cancelled training (not documented). */
    static final String CANCELLED = "training_cancelled";

    /** The two kinds of training; they differ in the start answer's {@code data}, as their pages do. */
    enum Kind {
        /** {@code /api/v3/fine_tune}: the Dreambooth page's answer. */
        DREAMBOOTH("it will take upto 25 minutes."),
        /** {@code /api/v3/lora_fine_tune}: the LoRA page's (and its OpenAPI's) answer. */
        LORA("it will take upto 30 minutes.");

        private final String startData;

        Kind(String startData) {
            this.startData = startData;
        }

        /** The {@code data} of the start answer. */
        String startData() {
            return startData;
        }

        /** The kind the operation {@code name} starts. */
        static Kind of(String name) {
            return name.startsWith("lora") ? LORA : DREAMBOOTH;
        }
    }

    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String id;
    private final String key;
    private final Kind kind;
    private final String webhook;
    /** When each stage begins; stage 0 at creation. */
    private final long[] stageAt; // guarded by this
    private final List<String> logs = new ArrayList<>(); // guarded by this
    private Long cancelledAt; // guarded by this
    /** How many stages have had their webhook queued. */
    private int notified; // guarded by this
    /** The stage time a check is scheduled for, or null. */
    private Long scheduledFor; // guarded by this
    private CompletableFuture<Void> deliveries = CompletableFuture.completedFuture(null); // guarded by this

    Training(String id, String key, Kind kind, String webhook, long now, Duration time) {
        this.id = id;
        this.key = key;
        this.kind = kind;
        this.webhook = webhook;
        this.stageAt = new long[STAGES.size()];
        long total = time.toNanos();
        for (int stage = 0; stage < stageAt.length; stage++) {
            stageAt[stage] = now + total / READY * stage + total % READY * stage / READY;
        }
    }

    String id() {
        return id;
    }

    String key() {
        return key;
    }

    Kind kind() {
        return kind;
    }

    /** Where its webhooks go, or null. */
    String webhook() {
        return webhook;
    }

    /** Its stage at {@code now} (frozen where it was cancelled); the stages reached are logged. */
    synchronized int stage(long now) {
        long at = cancelledAt != null && cancelledAt - now < 0 ? cancelledAt : now;
        int stage = 0;
        for (int next = 1; next <= READY; next++) {
            if (at - stageAt[next] >= 0) {
                stage = next;
            }
        }
        while (logs.size() <= stage) {
            logs.add(logLine(logs.size()));
        }
        return stage;
    }

    synchronized boolean cancelled() {
        return cancelledAt != null;
    }

    /** Whether it is ready at {@code now}: its model can be used. */
    synchronized boolean ready(long now) {
        return stage(now) == READY && !cancelled();
    }

    /** The log of the stages reached, one line each, as {@code fine_tune_status} answers it in {@code data}. */
    synchronized String log(long now) {
        stage(now);
        return String.join("\n", logs) + (cancelled() ? "\nTraining cancelled" : "");
    }

    /** The log line of {@code stage} once reached: the webhook's {@code logs}. */
    synchronized String logLine(int stage) {
        if (stage < logs.size()) {
            return logs.get(stage);
        }
        long minutes = (stageAt[READY] - stageAt[stage] + MINUTE_NANOS - 1) / MINUTE_NANOS;
        switch (stage) {
        case 0:
            return "it will take upto 25 minutes"; // both pages' webhook example, the LoRA page's included
        case 1:
            return "Step:1 Training Started, 5 Steps to go : ETA : " + minutes + " minutes";
        case 2:
            return "Step:2 Training Done, 4 Steps to go : ETA : " + minutes + " minutes";
        case 3:
            return "Compressing the trained model";
        case 4:
            return "Step:3 Model Uploading, 3 Steps to go : ETA : " + minutes + " minutes";
        case 5:
            return "Step:4 Model Uploaded, 2 Steps to go : ETA : " + minutes + " minutes";
        case 6:
            return "Deploying the trained model";
        default:
            return "Model loaded successfully";
        }
    }

    /** Stops it at its stage; false (and no change) when it is ready already. */
    synchronized boolean cancel(long now) {
        if (stage(now) == READY && !cancelled()) {
            return false;
        }
        if (cancelledAt == null) {
            cancelledAt = now;
        }
        return true;
    }

    /**
     * Moves it to its next stage now, the later stages keeping their spacing; returns the stage it is at. A training
     * ready or cancelled stays as it is.
     */
    synchronized int advance(long now) {
        int stage = stage(now);
        if (stage < READY && !cancelled()) {
            long shift = stageAt[stage + 1] - now;
            for (int later = stage + 1; later <= READY; later++) {
                stageAt[later] -= shift;
            }
        }
        return stage(now);
    }

    /** Makes it ready now (a cancelled training stays cancelled); returns the stage it is at. */
    synchronized int complete(long now) {
        if (!cancelled()) {
            for (int stage = 0; stage <= READY; stage++) {
                if (stageAt[stage] - now > 0) {
                    stageAt[stage] = now;
                }
            }
        }
        return stage(now);
    }

    /** The stages reached whose webhook is not yet queued, oldest first; they count as queued from now on. */
    synchronized List<Integer> takeDue(long now) {
        int stage = stage(now);
        List<Integer> due = new ArrayList<>();
        while (notified <= stage) {
            due.add(notified++);
        }
        return due;
    }

    /** When its next stage begins, or null when none will (ready or cancelled). */
    synchronized Long nextStageAt(long now) {
        int stage = stage(now);
        return stage == READY || cancelled() ? null : stageAt[stage + 1];
    }

    /** Notes that a check is scheduled for {@code at}; false when one already is, so that it is scheduled once. */
    synchronized boolean schedule(long at) {
        if (scheduledFor != null && scheduledFor == at) {
            return false;
        }
        scheduledFor = at;
        return true;
    }

    /** Notes that the check scheduled for {@code at} ran, so that the next one can be scheduled. */
    synchronized void fired(long at) {
        if (scheduledFor != null && scheduledFor == at) {
            scheduledFor = null;
        }
    }

    /** Sends {@code delivery} once the deliveries queued before it are answered (or failed): stages come in order. */
    synchronized void chain(Supplier<CompletableFuture<Void>> delivery) {
        deliveries = deliveries.handle((done, failure) -> null).thenCompose(previous -> {
            try {
                return delivery.get();
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(null);
            }
        });
    }
}
