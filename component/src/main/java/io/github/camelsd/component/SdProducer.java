package io.github.camelsd.component;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelsd.component.error.SdException;
import io.github.camelsd.component.error.SdGenerationFailedException;
import io.github.camelsd.component.error.SdJobStateException;
import io.github.camelsd.component.error.SdNsfwContentException;
import io.github.camelsd.component.error.SdTooManyPendingJobsException;
import io.github.camelsd.component.error.SdUnparseableResponseException;
import io.github.camelsd.component.error.SdValidationException;
import io.github.camelsd.component.request.SdField;
import io.github.camelsd.component.request.SdImageInput;
import io.github.camelsd.component.request.SdRequest;
import io.github.camelsd.component.request.SdRequestAssembler;
import io.github.camelsd.component.response.SdResponse;
import io.github.camelsd.component.response.SdResponseDecoder;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one API call per exchange without blocking: {@link #process(Exchange, AsyncCallback)} starts the HTTP call and
 * returns; the HTTP client's completion (or, for a queued job, the {@link SdJobWaiter}) continues the route.
 */
public class SdProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(SdProducer.class);
    /** Exchange property: the job an earlier attempt of this exchange got accepted, kept for redeliveries. */
    static final String ACCEPTED_JOB = "CamelSdAcceptedJobId";
    /** Exchange property: the callback token of this exchange's job (webhook=auto), kept with {@link #ACCEPTED_JOB}. */
    static final String WEBHOOK_TOKEN = "CamelSdWebhookToken";

    private final SdEndpoint endpoint;
    private final String name;
    /**
     * The request fields the endpoint sets as options, read when the producer starts, like the rest of its
     * configuration. Not per call: each read is a hundred lookups through the generated configurer, whose lookup method
     * is too large for the JIT to compile, and it was the component's largest own cost per call (docs/performance.md).
     */
    private Map<SdField, Object> requestDefaults;
    /** The endpoint's record of accepted jobs (nothing without a jobStateRepository), made once with the options. */
    private SdAcceptedJobs acceptedJobs;

    public SdProducer(SdEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.name = "sd:" + endpoint.operation().uriName();
    }

    @Override
    public SdEndpoint getEndpoint() {
        return endpoint;
    }

    /**
     * Reads the request-field options, and starts the endpoint's {@code jobStateRepository} (a no-op when it runs
     * already): a repository made as a bean is not started by anyone else, and one on a shared store must have read
     * that store before the first message asks it for a job. Whoever made it stops it (several endpoints may share
     * it).
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        requestDefaults = endpoint.getConfiguration().requestDefaults();
        acceptedJobs = new SdAcceptedJobs(endpoint.getConfiguration(), endpoint.getComponent()::jobStatePool);
        ServiceHelper.startService(endpoint.getConfiguration().getJobStateRepository());
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        SdOperation operation = endpoint.operation();
        SdConfiguration config = endpoint.getConfiguration();
        try {
            switch (operation.kind()) {
                case GENERATION, TRAINING -> {
                    SdRequest request = withCallback(
                            SdRequestAssembler.request(operation, config, requestDefaults, exchange), exchange);
                    if (anyHoldsContent(request.body().values())) {
                        stageThenGenerate(exchange, callback, request);
                    } else {
                        start(exchange, callback, request);
                    }
                }
                case FETCH -> {
                    String jobId = SdRequestAssembler.jobId(operation, exchange);
                    new SdJobWaiter(this, exchange, callback, jobId, endpoint.fetchTemplateOf(exchange.getMessage()),
                            SdRequestAssembler.keyOnlyRequest(operation, config, exchange), SdJobWaiter.Waiting.JOB)
                            .pollNow();
                }
                case TRAINING_STATUS -> {
                    String trainingId = SdRequestAssembler.trainingId(operation, config, exchange);
                    new SdJobWaiter(this, exchange, callback, trainingId, endpoint.statusTemplate(operation),
                            SdRequestAssembler.keyOnlyRequest(operation, config, exchange), SdJobWaiter.Waiting.TRAINING)
                            .pollNow();
                }
                case STATUS, LISTING -> {
                    SdRequest request = operation.takesRequestFields()
                            ? SdRequestAssembler.request(operation, config, requestDefaults, exchange)
                            : new SdRequest(SdRequestAssembler.route(operation, config, false, exchange),
                                    SdRequestAssembler.keyOnlyRequest(operation, config, exchange));
                    URI uri = endpoint.pathTakesId(request.route())
                            ? endpoint.operationUri(request.route(),
                                    SdRequestAssembler.trainingId(operation, config, exchange))
                            : endpoint.operationUri(request.route());
                    call(uri, request.body(), exchange, null)
                            .whenComplete((response, error) -> finish(exchange, callback, error,
                                    () -> SdResultWriter.status(exchange.getMessage(), response)));
                }
                case MODEL_LOAD -> loadModel(exchange, callback,
                        SdRequestAssembler.request(operation, config, requestDefaults, exchange));
                case UPLOAD -> {
                    SdOperation.Route route = SdRequestAssembler.route(operation, config, false, exchange);
                    byte[] image = SdRequestAssembler.uploadContent(operation, config, exchange);
                    Map<String, Object> key = SdRequestAssembler.keyOnlyRequest(operation, config, exchange);
                    call(endpoint.operationUri(route), uploadBody(operation, key.get(SdJson.KEY), image), exchange, null)
                            .whenComplete((response, error) -> finish(exchange, callback, error, () -> SdResultWriter
                                    .uploaded(exchange.getMessage(), response, hostedUrl(response, "body", exchange))));
                }
            }
        } catch (Exception e) {
            // rejected before sending (SdValidationException), or the component is not started: nothing reached the API
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return false;
    }

    /**
     * webhook=auto: the job gets the URL of the sd:webhook consumer with a token of its own, and a track_id (unless the
     * request has one) to correlate by. A redelivery resuming an accepted job keeps its token: that is the URL the API
     * will call.
     */
    private SdRequest withCallback(SdRequest request, Exchange exchange) throws SdValidationException {
        if (!SdField.WEBHOOK_AUTO.equals(request.body().get(SdField.WEBHOOK.apiName()))) {
            return request;
        }
        SdConfiguration config = endpoint.getConfiguration();
        String base = config.getWebhookUrl() != null && !config.getWebhookUrl().isBlank() ? config.getWebhookUrl()
                : endpoint.getComponent().webhookRegistry().localUrl();
        if (base == null || base.isBlank()) {
            throw new SdValidationException(name + " request rejected before sending: webhookUrl is required by"
                                            + " webhook=auto (the public URL of the sd:webhook consumer), and no"
                                            + " sd:webhook consumer of this component runs on the embedded server",
                    exchange, 0, Map.of("webhookUrl", List.of("is required by webhook=auto")), false);
        }
        String token = exchange.getProperty(ACCEPTED_JOB) != null ? exchange.getProperty(WEBHOOK_TOKEN, String.class)
                : null;
        if (token == null) {
            token = endpoint.webhookTokens().issue(config.isWaitForResult()
                    ? SdWebhookTokens.Use.AWAITED : SdWebhookTokens.Use.HANDED_BACK);
            exchange.setProperty(WEBHOOK_TOKEN, token);
        }
        if (config.isWaitForResult()) {
            endpoint.getComponent().webhookRegistry().expect(token);
        }
        Map<String, Object> body = new LinkedHashMap<>(request.body());
        body.put(SdField.WEBHOOK.apiName(), base + (base.contains("?") ? "&" : "?") + "token=" + token);
        // the token's random part, without its MAC: it correlates, and proves nothing
        body.putIfAbsent(SdField.TRACK_ID.apiName(), token.substring(1, token.indexOf('.')));
        return new SdRequest(request.route(), body);
    }

    /**
     * staging=api-hosted or s3: each image given as content is first uploaded (through the API's own upload call, or to
     * the staging bucket), and the job is sent with the URLs that gives. A staging failure ends the exchange before any
     * job exists; staged objects are deleted when the exchange ends, unless keepStagedImages.
     */
    private void stageThenGenerate(Exchange exchange, AsyncCallback callback, SdRequest staging) {
        Map<String, Object> request = staging.body();
        SdConfiguration config = endpoint.getConfiguration();
        List<String> stagedKeys = new ArrayList<>();
        List<CompletableFuture<String>> uploads = new ArrayList<>();
        // each field keeps its shape: an image becomes its URL, a list of images a list of URLs
        Map<String, Object> pending = new LinkedHashMap<>();
        request.forEach((field, value) -> {
            if (value instanceof byte[] image) {
                pending.put(field, stage(field, image, request, stagedKeys, uploads, exchange));
            } else if (value instanceof List<?> images && images.stream().anyMatch(byte[].class::isInstance)) {
                List<Object> staged = new ArrayList<>(images.size());
                for (int i = 0; i < images.size(); i++) {
                    staged.add(images.get(i) instanceof byte[] image
                            ? stage(field + "-" + i, image, request, stagedKeys, uploads, exchange) : images.get(i));
                }
                pending.put(field, staged);
            }
        });
        // a training handed back at once still needs its images: the API reads them once its GPU is up, minutes later
        boolean stillNeeded = endpoint.operation().kind() == SdOperation.Kind.TRAINING && !config.isWaitForResult();
        if (stillNeeded && !stagedKeys.isEmpty() && !config.isKeepStagedImages()) {
            LOG.info("{} keeps its {} staged training images: the training is handed back before it reads them",
                    name, stagedKeys.size());
        }
        AsyncCallback cleaning = stagedKeys.isEmpty() || config.isKeepStagedImages() || stillNeeded ? callback
                : doneSync -> {
            endpoint.getComponent().s3Stager().delete(config, stagedKeys);
            callback.done(doneSync);
        };
        CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).whenComplete((done, error) -> {
            if (error != null) {
                finish(exchange, cleaning, error, null);
                return;
            }
            try {
                Map<String, Object> staged = new LinkedHashMap<>(request);
                pending.forEach((field, value) -> staged.put(field, value instanceof List<?> list
                        ? list.stream().map(SdProducer::joined).toList() : joined(value)));
                start(exchange, cleaning, new SdRequest(staging.route(), staged));
            } catch (Exception e) {
                finish(exchange, cleaning, e, null); // finish unwraps what join() wrapped
            }
        });
    }

    /** Starts one upload of {@code image} (to the bucket, or through the API's upload call): its future URL. */
    private CompletableFuture<String> stage(String name, byte[] image, Map<String, Object> request,
                                            List<String> stagedKeys, List<CompletableFuture<String>> uploads,
                                            Exchange exchange) {
        SdConfiguration config = endpoint.getConfiguration();
        CompletableFuture<String> url;
        if (config.staging() == SdStaging.S3) {
            String key = config.getStagingKeyPrefix() + exchange.getExchangeId() + "-" + name + "."
                         + SdImageInput.type(image);
            stagedKeys.add(key);
            url = endpoint.getComponent().s3Stager().stage(config, key, image, exchange);
        } else {
            url = call(endpoint.uploadUri(), uploadBody(endpoint.uploadOperation(), request.get(SdJson.KEY), image),
                    exchange, null)
                    .thenApply(answer -> hostedUrl(answer, name, exchange));
        }
        uploads.add(url);
        return url;
    }

    private static Object joined(Object value) {
        return value instanceof CompletableFuture<?> url ? url.join() : value;
    }

    /** The staged request goes on as its kind does: a generation takes a slot of the key, a training does not. */
    private void start(Exchange exchange, AsyncCallback callback, SdRequest request) throws SdTooManyPendingJobsException {
        if (endpoint.operation().kind() == SdOperation.Kind.TRAINING) {
            train(exchange, callback, request);
        } else {
            generate(exchange, callback, request);
        }
    }

    /** Content the producer uploads before the call: an image, or images of a list. */
    private static boolean holdsContent(Object value) {
        return value instanceof byte[] || value instanceof List<?> list && list.stream().anyMatch(byte[].class::isInstance);
    }

    /** Whether any of a request's values is content to upload (a loop, not a stream: every request asks). */
    private static boolean anyHoldsContent(Collection<?> values) {
        for (Object value : values) {
            if (holdsContent(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The documented upload bodies: v3 base64_crop takes a data URI as image, v6 base64_to_url a base64 string,
     * enterprise upload_image a base64 string and its type.
     */
    private static Map<String, Object> uploadBody(SdOperation upload, Object key, byte[] image) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(SdJson.KEY, key);
        String base64 = Base64.getEncoder().encodeToString(image);
        switch (upload.upload()) {
            case BASE64_STRING -> body.put("base64_string", base64);
            case BASE64_IMAGE -> {
                body.put("base64_image", base64);
                body.put("image_type", SdImageInput.type(image));
            }
            case DATA_URI -> {
                body.put("image", "data:" + SdImageInput.mediaType(image) + ";base64," + base64);
                body.put("crop", "false");
            }
        }
        return body;
    }

    /** The hosted URL: {@code link} (v3), {@code image_url} (enterprise) or the first {@code output} (v6). */
    private String hostedUrl(SdResponse upload, String field, Exchange exchange) {
        Object link = upload.raw().get("link");
        if (link == null) {
            link = upload.raw().get("image_url");
        }
        String url = link != null ? link.toString() : upload.output().isEmpty() ? null : upload.output().get(0);
        if (url == null) {
            throw new CompletionException(new SdUnparseableResponseException(
                    name + " upload of " + field + " answered no link", exchange, null, 200, null));
        }
        return url;
    }

    /**
     * Starts a training: the answer carries its id (and its first stage). With waitForResult the exchange waits for
     * model_ready through the training's status, for up to trainingMaxWait, without a thread; else it goes on with the
     * training id. Trainings take no slot of the key's job queue: they are not generation jobs.
     */
    private void train(Exchange exchange, AsyncCallback callback, SdRequest request) {
        call(endpoint.operationUri(request.route()), request.body(), exchange, null).whenComplete((response, error) -> {
            if (error != null) {
                finish(exchange, callback, error, null);
                return;
            }
            Object id = response.raw().get("training_id");
            if (id == null || id.toString().isBlank()) {
                finish(exchange, callback, new SdUnparseableResponseException(name + " answered no training_id",
                        exchange, null, 200, null), null);
                return;
            }
            SdResultWriter.trainingStarted(exchange.getMessage(), id.toString(), response);
            if (!endpoint.getConfiguration().isWaitForResult()) {
                finish(exchange, callback, null, () -> exchange.getMessage().setBody(id.toString()));
                return;
            }
            try {
                new SdJobWaiter(this, exchange, callback, id.toString(),
                        endpoint.statusTemplate(SdOperation.FINE_TUNE_STATUS),
                        Map.of(SdJson.KEY, request.body().get(SdJson.KEY)), SdJobWaiter.Waiting.TRAINING)
                        .pollAfter(response);
            } catch (RuntimeException e) {
                finish(exchange, callback, e, null);
            }
        });
    }

    /**
     * Starts loading a model: the answer ("model load started") ends the exchange, unless the endpoint waits and its
     * apiVersion can tell when the model is there (verify-model, on enterprise): then the exchange waits, without a
     * thread, for verify-model to find the model, every pollInterval for up to maxWait.
     */
    private void loadModel(Exchange exchange, AsyncCallback callback, SdRequest request) {
        SdConfiguration config = endpoint.getConfiguration();
        SdOperation.Route verify = SdOperation.VERIFY_MODEL.route(config.getApiVersion(), false);
        call(endpoint.operationUri(request.route()), request.body(), exchange, null).whenComplete((response, error) -> {
            if (error != null || !config.isWaitForResult() || verify == null) {
                finish(exchange, callback, error, () -> SdResultWriter.status(exchange.getMessage(), response));
                return;
            }
            try {
                LOG.debug("{} waits for model {} to be on the server", name, request.body().get(SdField.MODEL_ID.apiName()));
                new SdJobWaiter(this, exchange, callback, String.valueOf(request.body().get(SdField.MODEL_ID.apiName())),
                        endpoint.statusTemplate(SdOperation.VERIFY_MODEL),
                        Map.of(SdJson.KEY, request.body().get(SdJson.KEY)), SdJobWaiter.Waiting.MODEL)
                        .pollAfter(response);
            } catch (RuntimeException e) {
                finish(exchange, callback, e, null);
            }
        });
    }

    /** Starts the job when the API key has a free slot (see {@link SdJobLimiter}); the slot is freed when it ends. */
    private void generate(Exchange exchange, AsyncCallback callback, SdRequest request)
            throws SdTooManyPendingJobsException {
        SdConfiguration config = endpoint.getConfiguration();
        String key = (String) request.body().get(SdJson.KEY);
        SdJobLimiter limiter = endpoint.getComponent().jobLimiter();
        AsyncCallback releasing = doneSync -> {
            limiter.release(key);
            callback.done(doneSync);
        };
        if (!limiter.submit(key, config.getMaxConcurrentJobs(), config.getMaxPendingJobs(),
                () -> startJob(exchange, releasing, request))) {
            throw new SdTooManyPendingJobsException(name + " refused: " + config.getMaxConcurrentJobs()
                                                    + " jobs of this API key are at the API and " + config.getMaxPendingJobs()
                                                    + " more wait (options maxConcurrentJobs, maxPendingJobs)",
                    exchange);
        }
    }

    /**
     * Sends the job, or, when an earlier attempt of this exchange got it accepted (a redelivery after a wait timeout or
     * a broken connection), resumes waiting for that job instead of creating a second one.
     */
    private void startJob(Exchange exchange, AsyncCallback callback, SdRequest request) {
        String accepted = exchange.getProperty(ACCEPTED_JOB, String.class);
        if (accepted != null) {
            LOG.debug("{} resumes job {} accepted by an earlier attempt", name, accepted);
            resumeJob(exchange, callback, request, accepted, endpoint.fetchTemplate(request.route()));
            return;
        }
        String correlationKey = acceptedJobs.correlationKey(exchange);
        if (correlationKey == null) {
            submitJob(exchange, callback, request);
            return;
        }
        CompletableFuture<SdAcceptedJobs.Accepted> recalled;
        try {
            recalled = acceptedJobs.recalled(correlationKey);
        } catch (RuntimeException e) { // the job-state pool refused: the component is stopping
            finish(exchange, callback, e, null);
            return;
        }
        recalled.whenComplete((recorded, error) -> {
            if (error != null) {
                // not known whether a job was accepted for this message: sending one could pay for it twice
                Throwable cause = SdHttpTransport.unwrap(error);
                finish(exchange, callback, new SdJobStateException(name + " could not read the jobStateRepository for "
                        + "correlation key " + correlationKey + ": " + cause, exchange, cause), null);
            } else if (recorded != null) {
                LOG.info("{} resumes job {}, accepted earlier for correlation key {}", name, recorded.jobId(),
                        recorded.correlationKey());
                exchange.setProperty(ACCEPTED_JOB, recorded.jobId());
                resumeJob(exchange, callback, request, recorded.jobId(), recorded.fetchPath());
            } else {
                submitJob(exchange, callback, request);
            }
        });
    }

    private void submitJob(Exchange exchange, AsyncCallback callback, SdRequest request) {
        try {
            call(endpoint.operationUri(request.route()), request.body(), exchange, null)
                    .whenComplete((response, error) -> onJobAnswer(exchange, callback, request, response, error));
        } catch (RuntimeException e) {
            finish(exchange, callback, e, null);
        }
    }

    private void resumeJob(Exchange exchange, AsyncCallback callback, SdRequest request, String jobId,
                           String fetchTemplate) {
        try {
            new SdJobWaiter(this, exchange, callback, jobId, fetchTemplate,
                    Map.of(SdJson.KEY, request.body().get(SdJson.KEY)), SdJobWaiter.Waiting.JOB).pollNow();
        } catch (RuntimeException e) {
            finish(exchange, callback, e, null);
        }
    }

    private void onJobAnswer(Exchange exchange, AsyncCallback callback, SdRequest request, SdResponse response,
                             Throwable error) {
        String fetchTemplate = endpoint.fetchTemplate(request.route());
        if (error == null) {
            exchange.getMessage().setHeader(SdConstants.ACCEPTED_AT, System.currentTimeMillis());
        }
        boolean accepted = error == null && response.id() != null && fetchTemplate != null;
        if (accepted) {
            // what a later sd:fetch needs to find this job without knowing its family
            exchange.getMessage().setHeader(SdConstants.FETCH_PATH, fetchTemplate);
        }
        String correlationKey = accepted ? acceptedJobs.correlationKey(exchange) : null;
        if (correlationKey != null) {
            // before anything else can fail: from here on, this message must never create a second job
            CompletableFuture<Void> recorded;
            try {
                recorded = acceptedJobs.record(correlationKey, response.id(), fetchTemplate);
            } catch (RuntimeException e) { // the job-state pool refused: the component is stopping
                recorded = CompletableFuture.failedFuture(e);
            }
            recorded.whenComplete((done, recordError) -> {
                if (recordError != null) {
                    // the job is accepted and paid for: wait for it all the same; only a crash before it ends now
                    // leaves it to be paid again
                    LOG.warn("{} could not record job {} for correlation key {} in the jobStateRepository, and waits"
                             + " for it all the same: {}", name, response.id(), correlationKey,
                            SdHttpTransport.unwrap(recordError).toString());
                }
                try {
                    afterJobAnswer(exchange, callback, request, response, null, fetchTemplate);
                } catch (RuntimeException e) {
                    finish(exchange, callback, e, null);
                }
            });
            return;
        }
        afterJobAnswer(exchange, callback, request, response, error, fetchTemplate);
    }

    private void afterJobAnswer(Exchange exchange, AsyncCallback callback, SdRequest request, SdResponse response,
                                Throwable error, String fetchTemplate) {
        boolean waitForIt = error == null && "processing".equals(response.status())
                            && endpoint.getConfiguration().isWaitForResult();
        if (!waitForIt) {
            if (error != null) {
                finish(exchange, callback, error, null);
            } else {
                completeJob(exchange, callback, response, 0);
            }
            return;
        }
        try {
            if (response.id() == null) {
                throw new SdUnparseableResponseException(name + " answered processing without a job id", exchange, null,
                        200, null);
            }
            exchange.setProperty(ACCEPTED_JOB, response.id());
            // the fetch goes with the key the job was created with
            if (fetchTemplate == null) {
                throw new SdUnparseableResponseException(name + " answered processing, but its API family has no fetch"
                                                         + " (option fetchPath)", exchange, null, 200, response.id());
            }
            new SdJobWaiter(this, exchange, callback, response.id(), fetchTemplate,
                    Map.of(SdJson.KEY, request.body().get(SdJson.KEY)), SdJobWaiter.Waiting.JOB).pollAfter(response);
        } catch (Exception e) {
            finish(exchange, callback, e, null);
        }
    }

    /**
     * Ends the exchange with a job's last answer: as it came (links, or the job id while processing), or with the
     * images downloaded in the endpoint's {@link SdOutputFormat}; NSFW is flagged, or fails the exchange with
     * {@code failOnNsfw}.
     */
    void completeJob(Exchange exchange, AsyncCallback callback, SdResponse response, int polls) {
        SdConfiguration config = endpoint.getConfiguration();
        boolean finished = !"processing".equals(response.status());
        if (!finished || config.getOutputFormat() == SdOutputFormat.urls
            || endpoint.operation().output() == SdOperation.Output.TEXT) {
            endWithImages(exchange, callback, response, polls, null);
            return;
        }
        try {
            endpoint.getComponent().outputFetcher().fetchAll(response.output(), config, exchange, response.id())
                    .whenComplete((images, error) -> {
                        if (error != null) {
                            finish(exchange, callback, error, null);
                        } else {
                            endWithImages(exchange, callback, response, polls, images);
                        }
                    });
        } catch (RuntimeException e) {
            finish(exchange, callback, e, null);
        }
    }

    private void endWithImages(Exchange exchange, AsyncCallback callback, SdResponse response, int polls,
                               List<byte[]> images) {
        Boolean nsfw = response.nsfwContentDetected();
        if (nsfw == null && images != null) {
            nsfw = images.stream().map(SdBlankImages::isBlank).anyMatch(Boolean.TRUE::equals);
        }
        if (Boolean.TRUE.equals(nsfw) && endpoint.getConfiguration().isFailOnNsfw()
            && !"processing".equals(response.status())) {
            finish(exchange, callback, new SdNsfwContentException(name + " job " + response.id()
                                                                  + " was flagged NSFW; its images are blanked (option failOnNsfw)",
                    exchange, response.id()), null);
            return;
        }
        Boolean flagged = nsfw;
        finish(exchange, callback, null, () -> SdResultWriter.job(exchange, response, polls, images,
                endpoint.getConfiguration(), endpoint.operation().output(), flagged));
    }

    /**
     * One API call: POST the body, decode the answer. The future fails with the typed {@link SdException}.
     *
     * @param jobId the job the call concerns (for messages and exceptions; a fetch of its state), or null (a job's
     *              submission, an account call)
     */
    CompletableFuture<SdResponse> call(URI uri, Map<String, Object> body, Exchange exchange, String jobId) {
        String key = (String) body.get(SdJson.KEY);
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} POST {} {}", name, uri, SdJson.masked(body));
        } else {
            LOG.debug("{} POST {}", name, uri);
        }
        byte[] json;
        try {
            json = SdJson.write(body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new SdUnparseableResponseException(
                    name + " request could not be written as JSON: " + e.getMessage(), exchange, e, 0, jobId));
        }
        Duration timeout = Duration.ofMillis(endpoint.getConfiguration().getResponseTimeout());
        SdRequestGate.Traffic traffic = jobId == null ? SdRequestGate.Traffic.SUBMIT : SdRequestGate.Traffic.POLL;
        return endpoint.getComponent().transport().post(uri, json, timeout, traffic)
                .handle((answer, error) -> {
                    if (error != null) {
                        throw new CompletionException(SdHttpTransport.failure(name, uri, error, exchange, jobId));
                    }
                    if (LOG.isTraceEnabled()) {
                        LOG.trace("{} answered HTTP {} {}", name, answer.status(),
                                masked(new String(answer.body(), StandardCharsets.UTF_8), key));
                    }
                    try {
                        return SdResponseDecoder.decode(name, answer.status(), answer.body(), exchange, jobId);
                    } catch (SdException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    /**
     * Ends the exchange exactly once: the failure, else what {@code onSuccess} writes. The route continues on the I/O
     * pool whichever thread got here (see {@link SdContinuations}).
     */
    void finish(Exchange exchange, AsyncCallback callback, Throwable error, Runnable onSuccess) {
        onPool(() -> finishHere(exchange, callback, SdHttpTransport.unwrap(error), onSuccess));
    }

    private void onPool(Runnable task) {
        SdContinuations continuations = endpoint.getComponent().continuations();
        if (continuations == null) {
            task.run(); // the component has stopped: end the exchange here
        } else {
            continuations.resume(task);
        }
    }

    private void finishHere(Exchange exchange, AsyncCallback callback, Throwable failure, Runnable onSuccess) {
        if (!canResume(failure)) {
            Object acceptedJob = exchange.removeProperty(ACCEPTED_JOB);
            Object token = exchange.removeProperty(WEBHOOK_TOKEN);
            if (token != null) {
                // a job that ended without waiting (done at once, or failed) expects its callback no more
                endpoint.getComponent().webhookRegistry().forget(token.toString());
            }
            String correlationKey = failure != null && acceptedJob != null
                    ? acceptedJobs.correlationKey(exchange) : null;
            if (correlationKey != null) {
                // its next attempt must create a new job: the exchange ends once the repository has forgotten this one
                forgetThenEnd(exchange, callback, failure, correlationKey, acceptedJob);
                return;
            }
        }
        end(exchange, callback, failure, onSuccess);
    }

    private void forgetThenEnd(Exchange exchange, AsyncCallback callback, Throwable failure, String correlationKey,
                               Object jobId) {
        CompletableFuture<Void> forgotten;
        try {
            forgotten = acceptedJobs.forget(correlationKey);
        } catch (RuntimeException e) { // the job-state pool refused: the component is stopping
            forgotten = CompletableFuture.failedFuture(e);
        }
        forgotten.whenComplete((done, error) -> {
            if (error != null) {
                LOG.warn("{} could not clear the failed job {} from the jobStateRepository: {}", name, jobId,
                        SdHttpTransport.unwrap(error).toString());
            }
            onPool(() -> end(exchange, callback, failure, null));
        });
    }

    /** Ends the exchange: with the failure, else with what {@code onSuccess} writes. */
    private static void end(Exchange exchange, AsyncCallback callback, Throwable failure, Runnable onSuccess) {
        try {
            if (failure != null) {
                exchange.setException(failure);
            } else {
                onSuccess.run();
            }
        } catch (RuntimeException e) {
            exchange.setException(SdHttpTransport.unwrap(e));
        } finally {
            callback.done(false);
        }
    }

    /** Whether a redelivery should wait for the accepted job again rather than create a new one. */
    private static boolean canResume(Throwable failure) {
        return failure instanceof SdException sd && sd.isRetryable() && !(failure instanceof SdGenerationFailedException);
    }

    String name() {
        return name;
    }

    /** An answer should never contain the key; if a server echoes it, the log still must not. */
    private static String masked(String text, String key) {
        return key == null || key.isEmpty() ? text : text.replace(key, "xxxxxx");
    }
}
