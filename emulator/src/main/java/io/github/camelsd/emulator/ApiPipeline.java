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
 * answered.
 */
final class ApiPipeline {

    /** HTTP status of every answer that the API gives with HTTP 200 on both families. */
    private static final int OK = 200;
    /** The wait the API asks for when a key's queue is full. */
    private static final int QUEUE_RETRY_AFTER_SECONDS = 30;
    private static final Pattern NSFW = Pattern.compile("nsfw|nude|naked", Pattern.CASE_INSENSITIVE);
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
            return answer(fetch(operation, match.id(), (String) body.get("key")));
        case SYSTEM_LOAD:
            return answer(HttpReply.json(OK, ResponseBodies.systemLoad(jobs.load(System.nanoTime()))));
        case UPLOAD:
            return answer(upload(operation, body));
        default:
            return generate(operation, request.path(), body, failWhileProcessing);
        }
    }

    private CompletableFuture<HttpReply> generate(Operation operation, String path, Map<String, Object> body,
            boolean failWhileProcessing) {
        List<RequestRules.Rule> rules = new ArrayList<>(operation.rules());
        operation.inputImages().forEach(field -> rules.add(RequestRules.inputImage(field)));
        Map<String, List<String>> errors = RequestRules.validate(rules, body);
        if (!errors.isEmpty()) {
            return answer(HttpReply.json(operation.family().validationStatus(), ResponseBodies.error(errors)));
        }
        GenerationRequest request = GenerationRequest.from(operation, body);
        if (request.modelId() != null && !settings.knowsModel(request.modelId())) {
            return answer(HttpReply.json(OK, ResponseBodies.error(operation.family().modelNotFound(request.modelId()))));
        }
        return fetcher.allImages(request.inputImages()).thenApply(allImages -> allImages
                ? admit(operation, path, body, request, failWhileProcessing)
                : HttpReply.json(OK, ResponseBodies.error("Unable to fetch image from provided URL")));
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
        Job job = new Job(jobs.nextId(), key, operation.family(), request, seed, UUID.randomUUID().toString(), nsfw,
                failWhileProcessing, now, now + processingTime.toNanos());
        int limit = settings.queueLimit();
        if (!jobs.admit(job, limit, now)) {
            return HttpReply.json(429, ResponseBodies.queueFull(limit, QUEUE_RETRY_AFTER_SECONDS));
        }
        images.register(job.filePrefix(),
                new ImageSpec(request.prompt(), seed, request.width(), request.height(), nsfw), request.samples());
        if (request.webhook() != null) {
            threads.later(processingTime, () -> {
                if (jobs.holds(job)) { // a reset forgets the job, and its webhook with it
                    webhooks.post(request.webhook(), bodies.webhook(job));
                }
            });
        }
        // a job that is to fail is never answered "success": it is queued, even for no time, and fails on fetch
        return HttpReply.json(OK, job.failing() || job.processing(now) ? bodies.processing(job, now) : bodies.success(job));
    }

    private HttpReply upload(Operation operation, Map<String, Object> body) {
        List<RequestRules.Rule> rules = new ArrayList<>(operation.rules());
        String field = operation.inputImages().get(0);
        rules.add(RequestRules.base64Image(field));
        Map<String, List<String>> errors = RequestRules.validate(rules, body);
        if (!errors.isEmpty()) {
            return HttpReply.json(operation.family().validationStatus(), ResponseBodies.error(errors));
        }
        byte[] image = ImageFormat.decodeBase64((String) body.get(field));
        String fileName = images.upload(image, ImageFormat.of(image));
        return HttpReply.json(OK, bodies.uploaded(operation.family(), jobs.nextId(), fileName));
    }

    private HttpReply fetch(Operation operation, String id, String key) {
        Long jobId = RequestRules.integerValue(id);
        Job job = jobId == null ? null : jobs.find(jobId);
        if (job == null || !job.key().equals(key)) { // another account's job is as unknown as a made-up id
            return HttpReply.json(operation.family().unknownJobStatus(), ResponseBodies.error("Request not found"));
        }
        long now = System.nanoTime();
        if (job.processing(now)) {
            return HttpReply.json(OK, bodies.processing(job, now));
        }
        return HttpReply.json(OK, job.failing() ? ResponseBodies.failed(String.valueOf(job.id())) : bodies.success(job));
    }

    private static CompletableFuture<HttpReply> answer(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
