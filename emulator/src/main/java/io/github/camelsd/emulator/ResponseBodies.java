package io.github.camelsd.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The API's answer bodies, with their documented oddities: {@code messege} on V3 and the community family,
 * {@code tip} next to {@code tips}, a failed job's {@code id} as a string and its {@code output} as an empty string, a
 * processing {@code output} of {@code ""} or {@code []} by family, {@code fetch_result} pointing where each operation's
 * documentation points it, V3 super resolution's {@code output} as one string, and {@code model_list} as a top-level
 * array. Job bodies need the base URL (for links) and the images (for base64 output), hence an instance per emulator;
 * the fixed bodies are static.
 */
final class ResponseBodies {

    static final String DEFAULT_MODEL = "runwayml/stable-diffusion-v1-5";
    private static final String QUEUED_TIP = "Your request is queued. Fetch the result after the eta with fetch_result,"
                                             + " or pass a webhook to be called when it is ready.";

    private final String baseUrl;
    private final ImageStore images;

    ResponseBodies(String baseUrl, ImageStore images) {
        this.baseUrl = baseUrl;
        this.images = images;
    }

    /** The emulator's base URL, which its links start with. */
    String baseUrl() {
        return baseUrl;
    }

    static Map<String, Object> error(Object message) {
        return body("status", "error", "message", message);
    }

    /** An error body as {@code family} writes it: its message field, and the HTTP status as {@code code} if wanted. */
    static Map<String, Object> error(ApiFamily family, int status, Object message) {
        Map<String, Object> body = body("status", "error", family.errors().messageField(), message);
        if (family.errors().code()) {
            body.put("code", status);
        }
        return body;
    }

    static Map<String, Object> invalidKey() {
        Map<String, Object> body = error("Invalid Api Key");
        body.put("tip", "1. Make sure you are passing Key in the body of the request.\n2. Check if the key is valid.");
        return body;
    }

    static Map<String, Object> spamFilter() {
        Map<String, Object> body = error("Rate limit exceeded");
        body.put("tips", "You have sent the same request multiple times, spam filter activated, wait for 30 seconds");
        return body;
    }

    static Map<String, Object> queueFull(int limit, Integer retryAfterSeconds) {
        Map<String, Object> body = error("Rate limit exceeded. Maximum " + limit + " queued requests allowed.");
        if (retryAfterSeconds != null) {
            body.put("retry_after", retryAfterSeconds);
        }
        return body;
    }

    /** A failed generation; {@code id} is a string ({@code ""} when no job was created). */
    static Map<String, Object> failed(String id) {
        return body("status", "failed", "id", id, "message", "Failed, Try Again", "output", "");
    }

    static Map<String, Object> systemLoad(JobStore.Load load) {
        return body("queue_num", load.jobs(), "queue_time", load.seconds(), "status", "ok");
    }

    Map<String, Object> success(Job job) {
        Map<String, Object> body = body("status", "success", "generationTime", job.generationTime(), "id", job.id());
        List<String> links = links(job);
        Object output = !job.request().format().files() ? List.of(job.text())
                : job.request().base64() ? base64Images(job) : links;
        body.put("output", job.operation().singleOutput() ? links.get(0) : output);
        if (job.family().proxyLinks()) {
            body.put("proxy_links", links);
        }
        body.put("meta", meta(job));
        body.put("nsfw_content_detected", job.nsfw());
        return body;
    }

    /**
     * A job still processing, as the generation call (and the fetch paths that give the full form) answer it: the
     * family's spelling of {@code messege}, {@code fetch_result} where the operation's documentation points it, and
     * {@code output} as the family shows it ({@code ""} or {@code []}).
     */
    Map<String, Object> processing(Job job, long now) {
        Map<String, Object> body = body("status", "processing", "id", job.id(), "eta", job.etaSeconds(now));
        body.put(job.family().processingMessageField(), "Try to fetch request after given estimated time");
        body.put("fetch_result", baseUrl + job.operation().fetchResult() + job.id());
        body.put("output", job.family().processingOutput());
        body.put("future_links", links(job));
        if (job.family().processingProxyLinks() != null) {
            body.put("proxy_links", job.family().processingProxyLinks());
        }
        body.put("tip", QUEUED_TIP);
        body.put("meta", meta(job));
        return body;
    }

    /** What a fetch path of {@code family} answers for a job still queued, where it answers the bare form. */
    static Map<String, Object> queued(ApiFamily family) {
        Map<String, Object> body = body("status", "processing");
        body.put(family.queuedFetchField(), "try again later.");
        body.put("output", "");
        body.put("tip", QUEUED_TIP);
        return body;
    }

    /** {@code model_list}: a top-level array, one entry per model, {@code screenshots} the URL of a served PNG. */
    List<Map<String, Object>> modelList(List<String> models) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String model : models) {
            Map<String, Object> entry = body("model_id", model, "status", "model_ready", "created_at", null);
            entry.put("instance_prompt", "");
            entry.put("model_name", model);
            entry.put("description", "The emulator's model " + model);
            entry.put("screenshots", baseUrl + ImageStore.GENERATIONS
                    + ImageStore.fileName(screenshotPrefix(model), 0, OutputFormat.PNG));
            list.add(entry);
        }
        return list;
    }

    /** The file prefix of a model's screenshot: a name-based UUID, as the model id may hold a slash. */
    static String screenshotPrefix(String model) {
        return "model-" + UUID.nameUUIDFromBytes(model.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> modelReloading() {
        return body("status", "success", "message", "Model reload started, it will take about 2 minutes");
    }

    /**
     * The answer to an upload stored as {@code fileName}: V3's {@code base64_crop} body (with its {@code messege}),
     * the enterprise {@code upload_image} body (the URL as {@code image_url}) or v6's {@code base64_to_url} body (the
     * URL in a one-element {@code output} list).
     */
    Map<String, Object> uploaded(ApiFamily family, long id, String fileName) {
        String link = baseUrl + ImageStore.UPLOADS + fileName;
        if (family.enterprise()) {
            return body("status", "success", "message", "image uploaded", "image_url", link);
        }
        return family == ApiFamily.V3
                ? body("status", "success", "messege", "image uploaded", "link", link, "request_id", id)
                : body("status", "success", "id", id, "output", List.of(link));
    }

    /** A dedicated server's {@code system_details}: as its page shows it, {@code status} "ok". */
    static Map<String, Object> serverDetails(int modelCount, double queueTime) {
        return body("model_count", modelCount, "queue_time", queueTime, "status", "ok");
    }

    /** The answer of {@code restart_server} and {@code update_server}, {@code message} first as on their pages. */
    static Map<String, Object> serverCommand(String message) {
        return body("message", message, "status", "success");
    }

    /** The plain success of the other server operations: {@code {"status":"success","message":…}}. */
    static Map<String, Object> succeeded(String message) {
        return body("status", "success", "message", message);
    }

    /** {@code schedulers_list}: the names alone, no {@code status}. */
    static Map<String, Object> schedulers(List<String> names) {
        return body("schedulers", names);
    }

    /** {@code get_all_models}: each model with its {@code load_data} (sic), then {@code status}. */
    static Map<String, Object> serverModels(List<EnterpriseServer.Model> models) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (EnterpriseServer.Model model : models) {
            list.add(body("load_data", EnterpriseServer.LOAD_DATA.format(model.loadedAt()), "model_id",
                    model.modelId()));
        }
        return body("models", list, "status", "success");
    }

    /** {@code sync_models}: how many models were synced, in words, and their ids. */
    static Map<String, Object> modelsSynced(List<String> models) {
        return body("status", "success", "message", models.size() + " Models synced successfully", "model_list",
                models);
    }

    /**
     * A training just started, as both training pages show it: always at its first stage, {@code messege} and all,
     * whatever the training time.
     */
    static Map<String, Object> trainingStarted(String trainingId, String data) {
        return body("status", "success", "messege", Training.STAGES.get(0), "data", data, "training_id", trainingId);
    }

    /** {@code fine_tune_status}: the stage in {@code messege}, the log of the stages reached in {@code data}. */
    static Map<String, Object> trainingStatus(String stage, String log) {
        return body("status", "success", "messege", stage, "data", log);
    }

    /** {@code fine_tune_status} of a cancelled training (undocumented): {@code failed}, so that polling stops. */
    static Map<String, Object> trainingCancelled(String log) {
        return body("status", "failed", "messege", Training.CANCELLED, "data", log);
    }

    /** The training webhook's payload, one per stage reached. */
    static Map<String, Object> trainingWebhook(String trainingId, String stage, String logs) {
        return body("status", "success", "training_status", stage, "logs", logs, "model_id", trainingId);
    }

    /** The answer of cancel and delete: the OpenAPI's BasicResponse {@code {status, messege, data}}. */
    static Map<String, Object> trainingDone(String messege, String trainingId) {
        return body("status", "success", "messege", messege, "data", trainingId);
    }

    /** {@code finetune_list}: the ids of the caller's trainings in {@code data}. */
    static Map<String, Object> trainedModels(List<String> trainingIds) {
        return body("status", "success", "messege", "model list", "data", trainingIds);
    }

    /** {@code load_model}'s answer, as its OpenAPI has it (the page's example has a trailing comma). */
    static Map<String, Object> modelLoadStarted() {
        return body("status", "success", "message", "model load started");
    }

    /** The webhook of a loaded model (undocumented: the docs only say a webhook receives model load events). */
    static Map<String, Object> modelLoaded(String modelId) {
        return body("status", "success", "message", "model loaded", "model_id", modelId);
    }

    /** {@code nsfw_image_check}: no {@code status}, the image as sent, the verdict in a one-element list. */
    static Map<String, Object> nsfwImage(String image, boolean nsfw) {
        return body("images", image, "has_nsfw_concept", List.of(nsfw));
    }

    /** {@code check_nsfw_cp}: both verdicts, the prompt as sent and as filtered. */
    static Map<String, Object> nsfwPrompt(boolean cp, boolean nsfw, String prompt, String filtered) {
        return body("status", "success", "is_cp", cp, "is_nsfw", nsfw, "original_prompt", prompt,
                "filtered_prompt", filtered);
    }

    /** What the webhook receives when the job is over: the success or failure body plus the caller's track id. */
    Map<String, Object> webhook(Job job) {
        Map<String, Object> body;
        if (job.failing()) {
            body = failed(String.valueOf(job.id()));
            body.remove("output");
        } else {
            body = success(job);
        }
        body.put("track_id", job.request().trackId());
        return body;
    }

    private List<String> links(Job job) {
        List<String> links = new ArrayList<>();
        if (!job.request().format().files()) {
            return links; // a caption has no files
        }
        for (int i = 0; i < job.request().samples(); i++) {
            links.add(baseUrl + ImageStore.GENERATIONS + ImageStore.fileName(job.filePrefix(), i, job.request().format()));
        }
        return links;
    }

    private List<String> base64Images(Job job) {
        List<String> encoded = new ArrayList<>();
        for (int i = 0; i < job.request().samples(); i++) {
            encoded.add(Base64.getEncoder().encodeToString(images.bytes(job.filePrefix(), i)));
        }
        return encoded;
    }

    /** The effective parameters; then the other fields of the operation's rules, as they were sent. */
    private static Map<String, Object> meta(Job job) {
        GenerationRequest request = job.request();
        Map<String, Object> meta;
        if (job.operation().kind() == Operation.Kind.UPSCALE) {
            meta = body("H", request.height(), "W", request.width(), "scale", request.scale(), "model_id",
                    request.modelId());
        } else {
            meta = body("H", request.height(), "W", request.width(), "seed", job.seed());
            meta.put("steps", job.family().metaSteps(request.steps()));
            meta.put("guidance_scale", request.guidanceScale());
            meta.put("n_samples", request.samples());
            meta.put("prompt", request.prompt());
            meta.put("negative_prompt", request.negativePrompt());
            meta.put("model", request.modelId() != null ? request.modelId() : DEFAULT_MODEL);
            if (request.strength() != null) {
                meta.put("strength", request.strength());
            }
            meta.put("safety_checker", request.safetyChecker() ? "yes" : "no");
            if (request.format().video()) {
                meta.put("num_frames", request.frames());
                meta.put("fps", request.fps());
                meta.put("output_type", request.format().extension());
            }
        }
        meta.put("file_prefix", job.filePrefix());
        request.echoed().forEach(meta::putIfAbsent);
        return meta;
    }

    /** An ordered, mutable map from key-value pairs: the API's field order reads best in tests and logs. */
    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }
}
