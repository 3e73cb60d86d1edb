package io.github.camelsd.emulator;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.github.camelsd.emulator.RequestRules.absent;

/**
 * What the dedicated server's own rows do once their request passed the pipeline's checks: report the server, restart
 * or update it, clear its cache and queue, list its schedulers, and load, verify, list, delete and sync its models.
 * The emulator has one dedicated server, which every enterprise key and every enterprise path (the text-to-image
 * paths and the realtime, video and super resolution products') share: its loaded models, its queue (the jobs created
 * on enterprise paths) and, as it has one port, its listener.
 *
 * <p>Decisions where the docs are silent: a restart (or update) fails the server's jobs still processing, as
 * {@code clear_queue} does (its answer says "Queue cleared, server is restarting": the queue does not outlive a
 * restart), and keeps everything else: jobs done (their files are in the bucket, fetch answers them), loaded models
 * (on the server's disk; {@code get_all_models} reports their load dates), uploads and the hosted API's state. Jobs
 * cleared or lost so send no webhook. {@code clear_queue} itself does not close the listener: only
 * {@code restart_server} and {@code update_server} are described as restarting the server.
 */
final class EnterpriseOperations {

    private static final int OK = 200;
    /** The jobs of the dedicated server: those created on its paths. */
    private static final Predicate<Job> SERVER_JOBS = job -> job.family().enterprise();

    private final EmulatorSettings settings;
    private final EnterpriseServer server;
    private final JobStore jobs;
    private final WebhookSender webhooks;
    private final EmulatorThreads threads;
    private final Runnable closeListener;

    /**
     * @param closeListener closes the emulator's listener and binds it again after the settings' restart downtime;
     *                      called once the restart's answer is sent
     */
    EnterpriseOperations(EmulatorSettings settings, EnterpriseServer server, JobStore jobs, WebhookSender webhooks,
            EmulatorThreads threads, Runnable closeListener) {
        this.settings = settings;
        this.server = server;
        this.jobs = jobs;
        this.webhooks = webhooks;
        this.threads = threads;
        this.closeListener = closeListener;
    }

    /** Whether the dedicated server has {@code modelId} loaded (and done loading): the models its paths take. */
    boolean knows(String modelId) {
        return server.has(modelId, System.nanoTime());
    }

    /** {@code system_details}: the models loaded, the seconds of work queued. */
    HttpReply details() {
        long now = System.nanoTime();
        return HttpReply.json(OK, ResponseBodies.serverDetails(server.ready(now).size(),
                jobs.load(now, SERVER_JOBS).seconds()));
    }

    /**
     * {@code restart_server} ({@code "server restarting"}) and {@code update_server} ({@code "server updating"}): the
     * jobs processing fail, the answer goes out, then the listener closes for the restart downtime.
     */
    HttpReply restart(String message) {
        failQueued();
        return HttpReply.json(OK, ResponseBodies.serverCommand(message)).then(closeListener);
    }

    /** A restart asked for from Java: as {@code restart_server}, the listener closed when this returns. */
    void restartNow() {
        failQueued();
        closeListener.run();
    }

    /** {@code clear_queue}: every job of the server still processing fails; a fetch of one answers failed. */
    HttpReply clearQueue() {
        failQueued();
        return HttpReply.json(OK, ResponseBodies.succeeded("Queue cleared, server is restarting"));
    }

    /** {@code clear_cache}: the emulator keeps no cache, nothing changes. */
    HttpReply clearCache() {
        return HttpReply.json(OK, ResponseBodies.succeeded("Cache cleared successfully"));
    }

    /** {@code update_s3} (no answer documented): the emulator keeps serving its own files, nothing changes. */
    HttpReply updateS3() {
        return HttpReply.json(OK, ResponseBodies.succeeded("S3 details updated successfully"));
    }

    /** {@code schedulers_list}: the schedulers the generation paths take, in the docs' order. */
    HttpReply schedulers() {
        return HttpReply.json(OK, ResponseBodies.schedulers(EmulatorRoutes.SCHEDULER_NAMES));
    }

    /**
     * {@code load_model} and {@code load_model_v2}: the model exists under its {@code model_id} once the model load
     * time has passed (at once for zero), and its webhook, if any, hears so then.
     */
    HttpReply loadModel(Map<String, Object> body) {
        String modelId = body.get("model_id").toString().strip();
        EnterpriseServer.Model model = server.load(modelId, System.nanoTime(), settings.modelLoadTime());
        Object webhook = body.get("webhook");
        if (!absent(webhook)) {
            String url = webhook.toString().strip();
            Runnable notify = () -> {
                if (server.holds(model)) { // not deleted, replaced or reset in the meantime
                    webhooks.post(url, ResponseBodies.modelLoaded(modelId));
                }
            };
            if (settings.modelLoadTime().isZero()) {
                notify.run();
            } else {
                threads.later(settings.modelLoadTime(), notify);
            }
        }
        return HttpReply.json(OK, ResponseBodies.modelLoadStarted());
    }

    /** {@code load_vae}: started, and nothing the emulator's generations would use. */
    HttpReply loadVae() {
        return HttpReply.json(OK, ResponseBodies.succeeded("VAE load started"));
    }

    /** {@code verify_model}, once the pipeline found the model loaded (else it answered "Model id not found"). */
    HttpReply verifyModel() {
        return HttpReply.json(OK, ResponseBodies.succeeded("Model exists on server"));
    }

    /** {@code get_all_models}: the models loaded, with their load dates. */
    HttpReply models() {
        return HttpReply.json(OK, ResponseBodies.serverModels(server.ready(System.nanoTime())));
    }

    /** {@code delete_model}, once the pipeline found the model loaded. */
    HttpReply deleteModel(Map<String, Object> body) {
        server.delete(ModelCatalogue.requested(body));
        return HttpReply.json(OK, ResponseBodies.succeeded("Model deleted on server"));
    }

    /**
     * {@code sync_models}: {@code sync_key} must be a key of a dedicated server; as the emulator has one, the other
     * server's models are this one's, and the answer lists them (an unknown sync key is undocumented: an error).
     */
    HttpReply syncModels(Operation operation, Map<String, Object> body) {
        if (!settings.accepts(body.get("sync_key"), true)) {
            int status = operation.family().errors().requestErrorStatus();
            return HttpReply.json(status, ResponseBodies.error(operation.family(), status, "Invalid sync key"));
        }
        List<String> models = server.ready(System.nanoTime()).stream().map(EnterpriseServer.Model::modelId).toList();
        return HttpReply.json(OK, ResponseBodies.modelsSynced(models));
    }

    /** Fails the server's jobs still processing; returns how many. */
    int failQueued() {
        return jobs.failAll(System.nanoTime(), SERVER_JOBS).size();
    }

    /** The server back to its configured models. */
    void reset() {
        server.reset(System.nanoTime());
    }

    /** The ids of the models loaded and ready, in the order they were loaded. */
    List<String> loadedModels() {
        return server.ready(System.nanoTime()).stream().map(EnterpriseServer.Model::modelId).toList();
    }
}
