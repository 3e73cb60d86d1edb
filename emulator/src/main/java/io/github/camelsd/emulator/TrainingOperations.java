package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.github.camelsd.emulator.RequestRules.absent;

/**
 * What the training rows do once their request passed the pipeline's checks (key, validation, base model, image
 * downloads): start a training, report, cancel, delete and list trainings, load a model. Every stage a training
 * reaches is POSTed to its webhook, in order: when a request or a test looks at the training, and, for a training
 * with a webhook, from a timer at the time its next stage begins, so that the webhooks come on time without anyone
 * looking.
 */
final class TrainingOperations {

    private static final int OK = 200;
    private static final String UNKNOWN = "Training ID does not exist";

    private final EmulatorSettings settings;
    private final Trainings trainings;
    private final WebhookSender webhooks;
    private final EmulatorThreads threads;

    TrainingOperations(EmulatorSettings settings, Trainings trainings, WebhookSender webhooks,
            EmulatorThreads threads) {
        this.settings = settings;
        this.trainings = trainings;
        this.webhooks = webhooks;
        this.threads = threads;
    }

    /** {@code fine_tune} and {@code lora_fine_tune}: the training starts now, at its first stage. */
    HttpReply start(Operation operation, Map<String, Object> body) {
        Training.Kind kind = Training.Kind.of(operation.name());
        Object webhook = body.get("webhook");
        Training training = trainings.start((String) body.get("key"), kind,
                absent(webhook) ? null : webhook.toString().strip(), System.nanoTime(), settings.trainingTime());
        tick(training);
        return HttpReply.json(OK, ResponseBodies.trainingStarted(training.id(), kind.startData()));
    }

    /** {@code fine_tune_status/{id}}: the stage in {@code messege}, the log in {@code data}. */
    HttpReply status(Operation operation, String id, String key) {
        Training training = trainings.find(id, key);
        if (training == null) {
            return unknown(operation.family());
        }
        tick(training);
        long now = System.nanoTime();
        return HttpReply.json(OK, training.cancelled() ? ResponseBodies.trainingCancelled(training.log(now))
                : ResponseBodies.trainingStatus(Training.STAGES.get(training.stage(now)), training.log(now)));
    }

    /** Both cancel paths: the training stops where it is; one that is ready cannot be cancelled. */
    HttpReply cancel(Operation operation, String id, String key) {
        Training training = trainings.find(id, key);
        if (training == null) {
            return unknown(operation.family());
        }
        tick(training); // the webhooks of the stages reached before the cancel
        if (!training.cancel(System.nanoTime())) {
            return error(operation.family(), 400, "Training is already complete");
        }
        return HttpReply.json(OK, ResponseBodies.trainingDone("training cancelled", id));
    }

    /** Both delete paths: the training, its pending webhooks and its model are gone. */
    HttpReply delete(Operation operation, String id, String key) {
        return trainings.remove(id, key) == null ? unknown(operation.family())
                : HttpReply.json(OK, ResponseBodies.trainingDone("model deleted", id));
    }

    /** {@code finetune_list}: the caller's training ids. */
    HttpReply list(String key) {
        return HttpReply.json(OK, ResponseBodies.trainedModels(trainings.ids(key)));
    }

    /**
     * {@code load_model}: the model exists at once under its {@code model_id} (for its key, or for all when public),
     * and the webhook, if any, hears so at once.
     */
    HttpReply loadModel(Map<String, Object> body) {
        String modelId = body.get("model_id").toString().strip();
        trainings.load(modelId, (String) body.get("key"), "public".equals(String.valueOf(body.get("model_visibility"))
                .strip()));
        Object webhook = body.get("webhook");
        if (!absent(webhook)) {
            webhooks.post(webhook.toString().strip(), ResponseBodies.modelLoaded(modelId));
        }
        return HttpReply.json(OK, ResponseBodies.modelLoadStarted());
    }

    /** Moves training {@code id} (any key's) to its next stage now; returns the stage it is at. */
    String advance(String id) {
        Training training = known(id);
        training.advance(System.nanoTime());
        return stageOf(training);
    }

    /** Makes training {@code id} (any key's) ready now; returns the stage it is at. */
    String complete(String id) {
        Training training = known(id);
        training.complete(System.nanoTime());
        return stageOf(training);
    }

    /** Makes every training ready now; returns how many were not ready before (cancelled ones excluded). */
    int completeAll() {
        int completed = 0;
        long now = System.nanoTime();
        for (Training training : trainings.all()) {
            if (!training.cancelled() && !training.ready(now)) {
                training.complete(now);
                completed++;
            }
            tick(training);
        }
        return completed;
    }

    /** The stage of training {@code id}, or null when there is none. */
    String stage(String id) {
        Training training = trainings.find(id);
        return training == null ? null : stageOf(training);
    }

    private String stageOf(Training training) {
        tick(training);
        return training.cancelled() ? Training.CANCELLED : Training.STAGES.get(training.stage(System.nanoTime()));
    }

    private Training known(String id) {
        Training training = trainings.find(id);
        if (training == null) {
            throw new IllegalArgumentException("no training " + id);
        }
        return training;
    }

    /**
     * Queues the webhooks of the stages reached since last time, and schedules the next look for when the next stage
     * begins.
     */
    private void tick(Training training) {
        long now = System.nanoTime();
        List<Integer> due = training.takeDue(now);
        String url = training.webhook();
        if (url == null) {
            return;
        }
        for (int stage : due) {
            Map<String, Object> payload = ResponseBodies.trainingWebhook(training.id(), Training.STAGES.get(stage),
                    training.logLine(stage));
            training.chain(() -> trainings.holds(training) ? webhooks.post(url, payload)
                    : CompletableFuture.completedFuture(null));
        }
        Long next = training.nextStageAt(now);
        if (next != null && training.schedule(next)) {
            threads.later(Duration.ofNanos(Math.max(0, next - now)), () -> {
                training.fired(next);
                if (trainings.holds(training)) {
                    tick(training);
                }
            });
        }
    }

    private static HttpReply unknown(ApiFamily family) {
        return error(family, family.unknownJobStatus(), UNKNOWN);
    }

    private static HttpReply error(ApiFamily family, int status, String message) {
        return HttpReply.json(status, ResponseBodies.error(family, status, message));
    }
}
