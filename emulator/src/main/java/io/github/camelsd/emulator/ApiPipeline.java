package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;

import static io.github.camelsd.emulator.RequestRules.absent;

/**
 * What the API does with a request once it is routed, in the API's order: key check, validation, model check, input
 * image download, then the operation: for a generation, spam filter, queue limit, then the job. Only the download is
 * asynchronous; every other step answers at once, so no worker waits. An upload is no job: after key check and
 * validation its image is stored and its URL answered; nor are the model list and model reload, answered after the key
 * check (and, for a reload, the model check), the trainings ({@link TrainingOperations}), the NSFW checks and the
 * dedicated server's own operations ({@link EnterpriseOperations}). The enterprise paths take only the enterprise keys,
 * and their models are the ones loaded on the dedicated server.
 */
final class ApiPipeline {

    /** HTTP status of every answer that the API gives with HTTP 200 on both families. */
    private static final int OK = 200;
    /** The wait the API asks for when a key's queue is full. */
    private static final int QUEUE_RETRY_AFTER_SECONDS = 30;
    /** The longer side of an output sized from an input at most: enough for a 512 px input at scale 4. */
    static final int MAX_UPSCALED_SIDE = 2048;
    private static final int SCREENSHOT_SIDE = 64;
    /** The API's seeds are unsigned 32-bit integers. */
    private static final long SEED_BOUND = 1L << 32;
    /** {@code nsfw_image_check}'s default threshold, and the scores the emulator gives an image either way. */
    private static final double DEFAULT_NSFW_THRESHOLD = 0.5;
    private static final double NSFW_SCORE = 0.95;
    private static final double SAFE_SCORE = 0.05;
    private static final String UNREACHABLE = "Unable to fetch image from provided URL";

    private final EmulatorSettings settings;
    private final JobStore jobs;
    private final ImageStore images;
    private final ImageFetcher fetcher;
    private final SpamFilter spamFilter;
    private final WebhookSender webhooks;
    private final EmulatorThreads threads;
    private final ResponseBodies bodies;
    private final Trainings trainings;
    private final TrainingOperations training;
    private final EnterpriseOperations enterprise;

    /**
     * @param closeListener closes the emulator's listener for the restart downtime (the dedicated server's restart)
     */
    ApiPipeline(EmulatorSettings settings, JobStore jobs, ImageStore images, ImageFetcher fetcher,
            SpamFilter spamFilter, WebhookSender webhooks, EmulatorThreads threads, ResponseBodies bodies,
            Trainings trainings, EnterpriseServer server, Runnable closeListener) {
        this.settings = settings;
        this.jobs = jobs;
        this.images = images;
        this.fetcher = fetcher;
        this.spamFilter = spamFilter;
        this.webhooks = webhooks;
        this.threads = threads;
        this.bodies = bodies;
        this.trainings = trainings;
        this.training = new TrainingOperations(settings, trainings, webhooks, threads);
        this.enterprise = new EnterpriseOperations(settings, server, jobs, webhooks, threads, closeListener);
    }

    /** What the dedicated server's rows do, and what tests use to restart it. */
    EnterpriseOperations enterprise() {
        return enterprise;
    }

    /** What the training rows do, and what tests use to move trainings on. */
    TrainingOperations training() {
        return training;
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
        if (!settings.accepts(body.get("key"), operation.family().enterprise())) {
            return answer(HttpReply.json(operation.family().invalidKeyStatus(), ResponseBodies.invalidKey()));
        }
        String key = (String) body.get("key");
        switch (operation.kind()) {
        case FETCH:
            return answer(fetch(operation, match.id(), body));
        case SYSTEM_LOAD:
            // the hosted API's queue: the dedicated server's jobs are its own (system_details)
            return answer(HttpReply.json(OK, ResponseBodies.systemLoad(jobs.load(System.nanoTime(),
                    job -> !job.family().enterprise()))));
        case UPLOAD:
            return answer(upload(operation, body));
        case MODEL_LIST:
            return answer(modelList());
        case MODEL_RELOAD:
            return answer(modelReload(operation, body));
        case TRAINING_STATUS:
            return answer(training.status(operation, match.id(), key));
        case TRAINING_CANCEL:
            return answer(training.cancel(operation, match.id(), key));
        case TRAINING_DELETE:
            return answer(training.delete(operation, match.id(), key));
        case TRAINING_LIST:
            return answer(training.list(key));
        case SERVER_DETAILS:
            return answer(enterprise.details());
        case RESTART_SERVER:
            return answer(enterprise.restart("server restarting"));
        case UPDATE_SERVER:
            return answer(enterprise.restart("server updating"));
        case CLEAR_CACHE:
            return answer(enterprise.clearCache());
        case CLEAR_QUEUE:
            return answer(enterprise.clearQueue());
        case SCHEDULER_LIST:
            return answer(enterprise.schedulers());
        case SERVER_MODEL_LIST:
            return answer(enterprise.models());
        default:
            return checked(operation, body, fetched -> carryOut(operation, request.path(), body, fetched,
                    failWhileProcessing));
        }
    }

    /**
     * Validates {@code body} (the row's rules and its image fields), checks its model, downloads its input images, and
     * answers with {@code then} given the images; or answers the first problem found.
     */
    private CompletableFuture<HttpReply> checked(Operation operation, Map<String, Object> body,
            Function<List<byte[]>, HttpReply> then) {
        List<RequestRules.Rule> rules = new ArrayList<>(operation.rules());
        operation.inputImages().forEach(field -> rules.add(RequestRules.image(field, true,
                operation.imageForm(field))));
        operation.optionalImages().forEach(field -> rules.add(RequestRules.image(field, false,
                operation.imageForm(field))));
        Map<String, List<String>> errors = RequestRules.validate(rules, body);
        if (!errors.isEmpty()) {
            return answer(invalid(operation.family(), errors));
        }
        String modelProblem = operation.models().problem(ModelCatalogue.requested(body, operation.modelField()),
                knownTo(operation, (String) body.get("key")), operation.family());
        if (modelProblem != null) {
            return answer(refused(operation.family(), modelProblem));
        }
        return fetcher.fetchAll(operation.imageReferences(body)).thenApply(fetched -> fetched.contains(null)
                ? refused(operation.family(), UNREACHABLE) : then.apply(fetched));
    }

    /** The operation itself, on a request that passed every check. */
    private HttpReply carryOut(Operation operation, String path, Map<String, Object> body, List<byte[]> fetched,
            boolean failWhileProcessing) {
        switch (operation.kind()) {
        case TRAIN:
            return training.start(operation, body);
        case LOAD_MODEL:
            return training.loadModel(body);
        case NSFW_IMAGE_CHECK:
            return nsfwImageCheck(operation, body);
        case NSFW_PROMPT_CHECK:
            return nsfwPromptCheck(body);
        case SERVER_LOAD_MODEL:
            return enterprise.loadModel(body);
        case LOAD_VAE:
            return enterprise.loadVae();
        case VERIFY_MODEL:
            return enterprise.verifyModel();
        case DELETE_MODEL:
            return enterprise.deleteModel(body);
        case SYNC_MODELS:
            return enterprise.syncModels(operation, body);
        case UPDATE_S3:
            return enterprise.updateS3();
        default:
            GenerationRequest request = GenerationRequest.from(operation, body);
            return admit(operation, path, body, sized(operation, request, body, fetched), fetched,
                    failWhileProcessing);
        }
    }

    /**
     * The models {@code key} may use on {@code operation}'s path: on the dedicated server's, the models loaded there;
     * on the hosted API's, the emulator's, and the ones trained or loaded for it (or public).
     */
    private Predicate<String> knownTo(Operation operation, String key) {
        if (operation.family().enterprise()) {
            return enterprise::knows;
        }
        return modelId -> settings.knowsModel(modelId) || trainings.knows(modelId, key, System.nanoTime());
    }

    /**
     * The size of the output: a super resolution's is its input scaled by {@code scale}; a row sized by its input
     * takes the first input image's size (for {@link Operation.Sizing.Source#REQUEST_OR_INPUT}, on the sides the
     * request leaves out).
     * Sizes from an input are at most {@value #MAX_UPSCALED_SIDE} pixels on the longer side (the aspect ratio kept),
     * so that the emulator renders no huge files; other requests keep their size.
     */
    private static GenerationRequest sized(Operation operation, GenerationRequest request, Map<String, Object> body,
            List<byte[]> inputs) {
        Operation.Sizing.Source source = operation.sizing().source();
        boolean upscale = operation.kind() == Operation.Kind.UPSCALE;
        if (!upscale && (source == Operation.Sizing.Source.REQUEST || inputs.isEmpty())) {
            return request;
        }
        int[] size = ImageFormat.dimensions(inputs.get(0));
        long width;
        long height;
        if (upscale) {
            width = (size != null ? size[0] : GenerationRequest.DEFAULT_SIDE) * (long) request.scale();
            height = (size != null ? size[1] : GenerationRequest.DEFAULT_SIDE) * (long) request.scale();
        } else {
            boolean input = source == Operation.Sizing.Source.INPUT;
            width = size == null || !input && !absent(body.get("width")) ? request.width() : size[0];
            height = size == null || !input && !absent(body.get("height")) ? request.height() : size[1];
        }
        long longer = Math.max(width, height);
        if (longer > MAX_UPSCALED_SIDE) {
            width = Math.max(1, width * MAX_UPSCALED_SIDE / longer);
            height = Math.max(1, height * MAX_UPSCALED_SIDE / longer);
        }
        return request.withSize((int) width, (int) height);
    }

    private HttpReply admit(Operation operation, String path, Map<String, Object> body, GenerationRequest request,
            List<byte[]> inputs, boolean failWhileProcessing) {
        long now = System.nanoTime();
        if (spamFilter.isRepeat(path, body, settings.spamFilterWindow(), now)) {
            return HttpReply.json(OK, ResponseBodies.spamFilter());
        }
        String key = (String) body.get("key");
        Duration processingTime = settings.processingTime();
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(SEED_BOUND);
        boolean nsfw = request.safetyChecker() && SafetyChecker.nsfw(request.prompt());
        boolean files = request.format().files();
        Job job = new Job(jobs.nextId(), key, operation, request, seed, UUID.randomUUID().toString(), nsfw,
                failWhileProcessing, now, now + processingTime.toNanos(), files ? null : caption(request, body,
                        inputs));
        int limit = settings.queueLimit();
        if (!jobs.admit(job, limit, now)) {
            return HttpReply.json(429, ResponseBodies.queueFull(limit, QUEUE_RETRY_AFTER_SECONDS));
        }
        if (files) {
            images.register(job.filePrefix(), new ImageSpec(picture(operation, request), seed, request.width(),
                    request.height(), nsfw, request.format(), request.frames(), request.fps()), request.samples());
        }
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

    /**
     * What the output images are drawn from: a super resolution's input (the same input gives the same output), the
     * prompt, or, for an editing tool without a prompt, the tool and its inputs.
     */
    private static String picture(Operation operation, GenerationRequest request) {
        if (operation.kind() == Operation.Kind.UPSCALE) {
            return "upscaled " + request.inputImages().get(0);
        }
        if (request.prompt().isEmpty() && operation.family() == ApiFamily.V6_EDITING) {
            return operation.name() + " " + String.join(" ", request.inputImages());
        }
        return request.prompt();
    }

    /**
     * A caption of the first input image, as long as {@code length} asks: what the prompt of one of the emulator's own
     * images asked for ("a black image" when the safety checker blanked it), else "an image"; the long form adds the
     * size and format read from the file.
     */
    private String caption(GenerationRequest request, Map<String, Object> body, List<byte[]> inputs) {
        ImageSpec spec = emulatorImage(request.inputImages().get(0));
        String subject = spec == null || spec.prompt().isBlank() ? "an image" : spec.black() ? "a black image"
                : spec.prompt();
        String length = body.get("length") instanceof String text ? text.strip() : "normal";
        if ("short".equals(length)) {
            return subject;
        }
        String caption = "a picture of " + subject;
        if ("long".equals(length)) {
            int[] size = ImageFormat.dimensions(inputs.get(0));
            ImageFormat format = ImageFormat.of(inputs.get(0));
            caption += (size != null ? ", " + size[0] + "x" + size[1] + " pixels" : "") + ", a "
                       + format.extension().toUpperCase(java.util.Locale.ROOT) + " file";
        }
        return caption;
    }

    /** What one of the emulator's own generated images at {@code reference} looks like, or null for any other. */
    private ImageSpec emulatorImage(String reference) {
        String prefix = bodies.baseUrl() + ImageStore.GENERATIONS;
        return reference.startsWith(prefix) ? images.spec(reference.substring(bodies.baseUrl().length())) : null;
    }

    /** {@code nsfw_image_check}: the verdict of {@link SafetyChecker#nsfwImage}, as a score against the threshold. */
    private HttpReply nsfwImageCheck(Operation operation, Map<String, Object> body) {
        String image = operation.imageReferences(body).get(0);
        Double threshold = RequestRules.numberValue(body.get("threshold"));
        double score = SafetyChecker.nsfwImage(emulatorImage(image), image) ? NSFW_SCORE : SAFE_SCORE;
        return HttpReply.json(OK, ResponseBodies.nsfwImage(image,
                score >= (threshold != null ? threshold : DEFAULT_NSFW_THRESHOLD)));
    }

    /** {@code check_nsfw_cp}: the verdicts of {@link SafetyChecker} on the prompt. */
    private static HttpReply nsfwPromptCheck(Map<String, Object> body) {
        String prompt = body.get("prompt").toString();
        boolean cp = SafetyChecker.childAbuse(prompt);
        return HttpReply.json(OK, ResponseBodies.nsfwPrompt(cp, cp || SafetyChecker.nsfw(prompt), prompt,
                SafetyChecker.filtered(prompt)));
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
        int status = family.validationStatus();
        return HttpReply.json(status, ResponseBodies.error(family, status, family.validationForm().message(errors)));
    }

    /** A request the family refuses for another reason than validation (unknown model, image not downloadable). */
    private static HttpReply refused(ApiFamily family, String message) {
        int status = family.errors().requestErrorStatus();
        return HttpReply.json(status, ResponseBodies.error(family, status, message));
    }

    private HttpReply modelList() {
        Set<String> known = new TreeSet<>(settings.knownModels());
        known.addAll(trainings.publicModels());
        List<String> models = List.copyOf(known);
        for (String model : models) {
            images.register(ResponseBodies.screenshotPrefix(model), new ImageSpec(model, 0, SCREENSHOT_SIDE,
                    SCREENSHOT_SIDE, false), 1);
        }
        return HttpReply.json(OK, bodies.modelList(models));
    }

    private HttpReply modelReload(Operation operation, Map<String, Object> body) {
        String modelProblem = operation.models().problem(ModelCatalogue.requested(body), knownTo(operation,
                (String) body.get("key")), operation.family());
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
            int status = operation.family().unknownJobStatus();
            return HttpReply.json(status, ResponseBodies.error(operation.family(), status, "Request not found"));
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
