package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * What the API does with a request once it is routed, in the API's order: key check, validation, model check, input
 * image download, spam filter, queue limit, then the job. Only the download is asynchronous; every other step answers
 * at once, so no worker waits. An upload is no job: after key check and validation its image is stored and its URL
 * answered; nor are the model list and model reload, answered after the key check (and, for a reload, the model
 * check).
 */
final class ApiPipeline {

    /** HTTP status of every answer that the API gives with HTTP 200 on both families. */
    private static final int OK = 200;
    /** The wait the API asks for when a key's queue is full. */
    private static final int QUEUE_RETRY_AFTER_SECONDS = 30;
    private static final Pattern NSFW = Pattern.compile("nsfw|nude|naked", Pattern.CASE_INSENSITIVE);
    /** The longer side of a super resolution's output at most: enough for a 512 px input at scale 4. */
    static final int MAX_UPSCALED_SIDE = 2048;
    private static final int SCREENSHOT_SIDE = 64;
    /** The API's seeds are unsigned 32-bit integers. */
    private static final long SEED_BOUND = 1L << 32;

    private final EmulatorSettings settings;
    private final JobStore jobs;
    private final ImageStore images;
    private final ImageFetcher fetcher;
    private final SpamFilter spamFilter;
    private final WebhookSender webhooks;
    private final EmulatorThreads threads;
    private final ResponseBodies bodies;

    ApiPipeline(EmulatorSettings settings, JobStore jobs, ImageStore images, ImageFetcher fetcher,
            SpamFilter spamFilter, WebhookSender webhooks, EmulatorThreads threads, ResponseBodies bodies) {
        this.settings = settings;
        this.jobs = jobs;
        this.images = images;
        this.fetcher = fetcher;
        this.spamFilter = spamFilter;
        this.webhooks = webhooks;
        this.threads = threads;
        this.bodies = bodies;
    }

    /** The answer to {@code request}; {@code failWhileProcessing} makes a job it creates fail. */
    CompletableFuture<HttpReply> process(RecordedRequest request, boolean failWhileProcessing) {
        EmulatorRoutes.Match match = EmulatorRoutes.match(request.path());
        if (match == null) {
            return answer(HttpReply.json(404, ResponseBodies.error("Not found")));
        }
        if (!"POST".equals(request.method())) {
            return answer(HttpReply.methodNotAllowed(ResponseBodies.error("The " + request.method()
                    + " method is not supported for this route. Supported methods: POST."), "POST"));
        }
        Operation operation = match.operation();
        Map<String, Object> body = request.body() != null ? request.body() : Map.of();
        if (!settings.accepts(body.get("key"))) {
            return answer(HttpReply.json(operation.family().invalidKeyStatus(), ResponseBodies.invalidKey()));
        }
        switch (operation.kind()) {
        case FETCH:
            return answer(fetch(operation, match.id(), body));
        case SYSTEM_LOAD:
            return answer(HttpReply.json(OK, ResponseBodies.systemLoad(jobs.load(System.nanoTime()))));
        case UPLOAD:
            return answer(upload(operation, body));
        case MODEL_LIST:
            return answer(modelList());
        case MODEL_RELOAD:
            return answer(modelReload(operation, body));
        default:
            return generate(operation, request.path(), body, failWhileProcessing);
        }
    }

    private CompletableFuture<HttpReply> generate(Operation operation, String path, Map<String, Object> body,
            boolean failWhileProcessing) {
        List<RequestRules.Rule> rules = new ArrayList<>(operation.rules());
        operation.inputImages().forEach(field -> rules.add(RequestRules.inputImage(field)));
        operation.optionalImages().forEach(field -> rules.add(RequestRules.optionalImage(field)));
        Map<String, List<String>> errors = RequestRules.validate(rules, body);
        if (!errors.isEmpty()) {
            return answer(invalid(operation.family(), errors));
        }
        String modelProblem = operation.models().problem(ModelCatalogue.requested(body), settings, operation.family());
        if (modelProblem != null) {
            return answer(HttpReply.json(OK, ResponseBodies.error(modelProblem)));
        }
        GenerationRequest request = GenerationRequest.from(operation, body);
        return fetcher.fetchAll(request.inputImages()).thenApply(fetched -> fetched.contains(null)
                ? HttpReply.json(OK, ResponseBodies.error("Unable to fetch image from provided URL"))
                : admit(operation, path, body, sized(operation, request, fetched), failWhileProcessing));
    }

    /**
     * A super resolution's output is its input scaled by {@code scale}, at most {@value #MAX_UPSCALED_SIDE} pixels on
     * the longer side (the aspect ratio kept), so that the emulator renders no huge files; other requests keep their
     * size.
     */
    private static GenerationRequest sized(Operation operation, GenerationRequest request, List<byte[]> inputs) {
        if (operation.kind() != Operation.Kind.UPSCALE) {
            return request;
        }
        int[] size = ImageFormat.dimensions(inputs.get(0));
        long width = (size != null ? size[0] : GenerationRequest.DEFAULT_SIDE) * (long) request.scale();
        long height = (size != null ? size[1] : GenerationRequest.DEFAULT_SIDE) * (long) request.scale();
        long longer = Math.max(width, height);
        if (longer > MAX_UPSCALED_SIDE) {
            width = Math.max(1, width * MAX_UPSCALED_SIDE / longer);
            height = Math.max(1, height * MAX_UPSCALED_SIDE / longer);
        }
        return request.withSize((int) width, (int) height);
    }

    private HttpReply admit(Operation operation, String path, Map<String, Object> body, GenerationRequest request,
            boolean failWhileProcessing) {
        long now = System.nanoTime();
        if (spamFilter.isRepeat(path, body, settings.spamFilterWindow(), now)) {
            return HttpReply.json(OK, ResponseBodies.spamFilter());
        }
        String key = (String) body.get("key");
        Duration processingTime = settings.processingTime();
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(SEED_BOUND);
        boolean nsfw = request.safetyChecker() && NSFW.matcher(request.prompt()).find();
        Job job = new Job(jobs.nextId(), key, operation, request, seed, UUID.randomUUID().toString(), nsfw,
                failWhileProcessing, now, now + processingTime.toNanos());
        int limit = settings.queueLimit();
        if (!jobs.admit(job, limit, now)) {
            return HttpReply.json(429, ResponseBodies.queueFull(limit, QUEUE_RETRY_AFTER_SECONDS));
        }
        // a super resolution renders from its input: the same input gives the same output
        String picture = operation.kind() == Operation.Kind.UPSCALE ? "upscaled " + request.inputImages().get(0)
                : request.prompt();
        images.register(job.filePrefix(), new ImageSpec(picture, seed, request.width(), request.height(), nsfw,
                request.format(), request.frames(), request.fps()), request.samples());
        if (request.webhook() != null) {
            threads.later(processingTime, () -> {
                if (jobs.holds(job)) { // a reset forgets the job, and its webhook with it
                    webhooks.post(request.webhook(), bodies.webhook(job));
                }
            });
        }
        // a job that is to fail is never answered "success": it is queued, even for no time, and fails on fetch;
        // instant_response asks for the processing answer (with its future links) whatever the job's time
        boolean processing = job.failing() || job.processing(now) || request.instantResponse();
        return HttpReply.json(OK, processing ? bodies.processing(job, now) : bodies.success(job));
    }

    /** Makes every job still processing done now, and sends the webhooks of those that have one; returns how many. */
    int completeQueuedJobs() {
        List<Job> done = jobs.completeAll(System.nanoTime());
        for (Job job : done) {
            if (job.request().webhook() != null) {
                webhooks.post(job.request().webhook(), bodies.webhook(job));
            }
        }
        return done.size();
    }

    /** The family's validation error: its status, its form of the messages. */
    private static HttpReply invalid(ApiFamily family, Map<String, List<String>> errors) {
        return HttpReply.json(family.validationStatus(), ResponseBodies.error(family.validationForm().message(errors)));
    }

    private HttpReply modelList() {
        List<String> models = settings.knownModels().stream().sorted().toList();
        for (String model : models) {
            images.register(ResponseBodies.screenshotPrefix(model), new ImageSpec(model, 0, SCREENSHOT_SIDE,
                    SCREENSHOT_SIDE, false), 1);
        }
        return HttpReply.json(OK, bodies.modelList(models));
    }

    private HttpReply modelReload(Operation operation, Map<String, Object> body) {
        String modelProblem = operation.models().problem(ModelCatalogue.requested(body), settings, operation.family());
        return HttpReply.json(OK, modelProblem != null ? ResponseBodies.error(modelProblem)
                : ResponseBodies.modelReloading());
    }

    private HttpReply upload(Operation operation, Map<String, Object> body) {
        List<RequestRules.Rule> rules = new ArrayList<>(operation.rules());
        String field = operation.inputImages().get(0);
        rules.add(RequestRules.base64Image(field));
        Map<String, List<String>> errors = RequestRules.validate(rules, body);
        if (!errors.isEmpty()) {
            return invalid(operation.family(), errors);
        }
        byte[] image = ImageFormat.decodeBase64((String) body.get(field));
        String fileName = images.upload(image, ImageFormat.of(image));
        return HttpReply.json(OK, bodies.uploaded(operation.family(), jobs.nextId(), fileName));
    }

    /**
     * A job by the id in the path or, on the paths without one, by {@code request_id} in the body. Every fetch path
     * finds every job of the key; the fetch path's family decides the unknown-job status and whether a job still queued
     * gets the bare answer, the job decides the rest.
     */
    private HttpReply fetch(Operation operation, String pathId, Map<String, Object> body) {
        Map<String, List<String>> errors = RequestRules.validate(operation.rules(), body);
        if (!errors.isEmpty()) {
            return invalid(operation.family(), errors);
        }
        Long jobId = RequestRules.integerValue(pathId != null ? pathId : body.get("request_id"));
        Job job = jobId == null ? null : jobs.find(jobId);
        if (job == null || !job.key().equals(body.get("key"))) { // another account's job is as unknown as a made-up id
            return HttpReply.json(operation.family().unknownJobStatus(), ResponseBodies.error("Request not found"));
        }
        long now = System.nanoTime();
        if (job.processing(now)) {
            return HttpReply.json(OK, operation.family().queuedFetchField() != null
                    ? ResponseBodies.queued(operation.family()) : bodies.processing(job, now));
        }
        return HttpReply.json(OK, job.failing() ? ResponseBodies.failed(String.valueOf(job.id())) : bodies.success(job));
    }

    private static CompletableFuture<HttpReply> answer(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
