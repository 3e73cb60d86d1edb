package io.github.camelsd.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process emulator of the hosted Stable Diffusion API as documented (../shared/sd-api/REFERENCE.md), odd parts
 * included: seed-era and v6 paths, the key in the body, errors with HTTP 200, validation field maps, queued jobs with
 * eta / fetch_result / future_links, the 30 second spam filter, the per-key queue limit, NSFW blanking, base64 output
 * and webhooks; plus {@link SdFaults fault injection}. It listens on loopback only and holds no static state, so tests,
 * Quarkus Dev Services and {@code java -jar} can run several at once.
 */
public final class SdEmulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SdEmulator.class.getName());
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final List<String> NSFW_WORDS = List.of("nsfw", "nude", "naked");
    private static final byte[][] IMAGE_MAGIC = { { (byte) 0x89, 'P', 'N', 'G' }, { (byte) 0xff, (byte) 0xd8, (byte) 0xff },
            { 'R', 'I', 'F', 'F' } };
    private static final int IMAGE_CACHE = 256;

    private final int requestedPort;
    private final Set<String> apiKeys;
    private final Set<String> knownModels;
    private volatile Duration processingTime;
    private volatile Duration spamFilterWindow;
    private volatile int queueLimit;

    private final ObjectMapper json = JsonMapper.builder().build();
    private final ObjectMapper canonicalJson = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private final SdFaults faults = new SdFaults();
    private final JobStore jobs = new JobStore();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, PngRenderer.Spec> images = new ConcurrentHashMap<>();
    private final Map<String, byte[]> rendered = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > IMAGE_CACHE;
        }
    });
    private final Map<String, Long> spamSeen = new ConcurrentHashMap<>();

    private HttpServer server;
    private ThreadPoolExecutor workers;
    private ScheduledExecutorService scheduler;
    private HttpClient client;
    private WebhookSender webhooks;
    private String baseUrl;

    private SdEmulator(Builder builder) {
        this.requestedPort = builder.port;
        this.apiKeys = Set.copyOf(builder.apiKeys.isEmpty() ? Set.of("emulator-key") : builder.apiKeys);
        this.knownModels = Set.copyOf(builder.knownModels);
        this.processingTime = builder.processingTime;
        this.spamFilterWindow = builder.spamFilterWindow;
        this.queueLimit = builder.queueLimit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How an emulator starts; every setting has the documented API's default. */
    public static final class Builder {
        private int port;
        private final Set<String> apiKeys = new LinkedHashSet<>();
        private Set<String> knownModels = Set.of("stable-diffusion-v1-5", "sdxl", "midjourney", "realistic-vision-v13",
                "anything-v5", "dreamshaper-8", "flux");
        private Duration processingTime = Duration.ZERO;
        private Duration spamFilterWindow = Duration.ofSeconds(30);
        private int queueLimit = 5;

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** An accepted key; call again for more. Without any, the key is {@code emulator-key}. */
        public Builder apiKey(String apiKey) {
            this.apiKeys.add(apiKey);
            return this;
        }

        /** How long a job stays processing; ZERO answers success at once. */
        public Builder processingTime(Duration processingTime) {
            this.processingTime = processingTime;
            return this;
        }

        /** How long an identical request is refused by the spam filter; ZERO turns it off. Documented: 30 s. */
        public Builder spamFilterWindow(Duration spamFilterWindow) {
            this.spamFilterWindow = spamFilterWindow;
            return this;
        }

        /** How many jobs a key may have processing. Documented: 5, 10 or 15 by plan. */
        public Builder queueLimit(int queueLimit) {
            this.queueLimit = queueLimit;
            return this;
        }

        /** The model_id values that exist. */
        public Builder knownModels(Set<String> knownModels) {
            this.knownModels = Set.copyOf(knownModels);
            return this;
        }

        public SdEmulator build() {
            return new SdEmulator(this);
        }
    }

    /** Binds to loopback and starts serving; returns this. */
    public SdEmulator start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + requestedPort, e);
        }
        AtomicInteger threadIds = new AtomicInteger();
        workers = new ThreadPoolExecutor(8, 8, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "sd-emulator-" + threadIds.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        workers.prestartAllCoreThreads();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sd-emulator-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(workers).build();
        webhooks = new WebhookSender(client, json);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        return this;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void setProcessingTime(Duration processingTime) {
        this.processingTime = processingTime;
    }

    public void setSpamFilterWindow(Duration spamFilterWindow) {
        this.spamFilterWindow = spamFilterWindow;
    }

    public void setQueueLimit(int queueLimit) {
        this.queueLimit = queueLimit;
    }

    public SdFaults faults() {
        return faults;
    }

    /** API requests received (not image downloads), oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public int requestCount() {
        return requests.size();
    }

    public int requestCount(String pathPrefix) {
        synchronized (requests) {
            return (int) requests.stream().filter(r -> r.path().startsWith(pathPrefix)).count();
        }
    }

    public List<RecordedRequest> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /** Forgets requests, faults, jobs, images, spam-filter memory and webhook deliveries. */
    public void reset() {
        requests.clear();
        faults.clear();
        jobs.clear();
        images.clear();
        rendered.clear();
        spamSeen.clear();
        webhooks.clear();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            scheduler.shutdownNow();
            workers.shutdownNow();
            server = null;
        }
    }

    // ---- serving ----

    /** What to send back: a status, a content type and a body. */
    private record Reply(int status, String contentType, byte[] body) {
    }

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/generations/")) {
                write(exchange, image(path.substring("/generations/".length())));
                return;
            }
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readAllBytes();
            }
            Map<String, Object> body = parse(raw);
            requests.add(new RecordedRequest(exchange.getRequestMethod(), path, body,
                    new String(raw, StandardCharsets.UTF_8), Instant.now()));
            EmulatedOperation operation = EmulatedOperation.forPath(path);
            if (operation == null) {
                write(exchange, json(404, Map.of("status", "error", "message", "Not found")));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                write(exchange, json(405, Map.of("status", "error", "message", "Method not allowed, use POST")));
                return;
            }
            Fault fault = faults.pick(path);
            if (fault != null && answerWithFault(exchange, fault)) {
                return;
            }
            CompletableFuture<Reply> reply = answer(operation, path, body, fault);
            long delay = fault != null && fault.kind() == Fault.Kind.LATENCY ? fault.delay().toMillis() : 0;
            reply.whenComplete((answer, error) -> {
                Reply toSend = error == null ? answer : json(500, Map.of("status", "error", "message", "Server Error"));
                if (delay > 0) {
                    scheduler.schedule(() -> write(exchange, toSend), delay, TimeUnit.MILLISECONDS);
                } else {
                    write(exchange, toSend);
                }
            });
        } catch (Exception e) {
            write(exchange, json(500, Map.of("status", "error", "message", "Server Error")));
        }
    }

    /** Realizes the faults that replace the answer; false for those that only change it (latency, later failure). */
    private boolean answerWithFault(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault.kind()) {
            case HTTP_STATUS -> write(exchange, json(fault.status(), Map.of("status", "error", "message",
                    messageFor(fault.status()))));
            case RATE_LIMITED -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "error");
                body.put("message", "Rate limit exceeded. Maximum " + queueLimit + " queued requests allowed.");
                if (fault.retryAfterSeconds() != null) {
                    body.put("retry_after", fault.retryAfterSeconds());
                }
                write(exchange, json(429, body));
            }
            case MALFORMED_JSON -> write(exchange, new Reply(200, "application/json",
                    "{\"status\": \"success\", \"output\": [\"http://".getBytes(StandardCharsets.UTF_8)));
            case HTML_PAGE -> write(exchange, new Reply(fault.status(), "text/html", ("<html><head><title>" + fault.status()
                    + " Bad Gateway</title></head><body><center><h1>" + fault.status()
                    + " Bad Gateway</h1></center><hr><center>nginx</center></body></html>")
                    .getBytes(StandardCharsets.UTF_8)));
            case TRUNCATED_BODY -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 4096);
                OutputStream out = exchange.getResponseBody();
                out.write("{\"status\":\"success\",\"output\":[\"ht".getBytes(StandardCharsets.UTF_8));
                out.flush();
                closeQuietly(exchange);
            }
            case DROP_CONNECTION -> closeQuietly(exchange);
            case GENERATION_FAILED -> write(exchange, json(200, failed("")));
            default -> {
                return false;
            }
        }
        return true;
    }

    private CompletableFuture<Reply> answer(EmulatedOperation operation, String path, Map<String, Object> body,
                                            Fault fault) {
        boolean v6 = EmulatedOperation.isV6(path);
        if (body == null) {
            return done(error(v6 ? 400 : 200, "Invalid request body: send a JSON object"));
        }
        Object key = body.get("key");
        if (key == null || !apiKeys.contains(key.toString())) {
            Map<String, Object> invalid = new LinkedHashMap<>();
            invalid.put("status", "error");
            invalid.put("message", "Invalid Api Key");
            invalid.put("tip", "1. Make sure you are passing Key in the body of the request.\n2. Check if the key is valid.");
            return done(json(v6 ? 401 : 200, invalid));
        }
        long now = System.nanoTime();
        return switch (operation.kind()) {
            case SYSTEM_LOAD -> {
                double[] load = jobs.load(now);
                yield done(json(200, Map.of("queue_num", (int) load[0], "queue_time", Math.round(load[1]), "status", "ok")));
            }
            case FETCH -> done(fetch(path.substring(path.lastIndexOf('/') + 1), now));
            case GENERATE -> generate(operation, path, body, v6, fault);
        };
    }

    private Reply fetch(String id, long now) {
        Job job;
        try {
            job = jobs.get(Long.parseLong(id));
        } catch (NumberFormatException e) {
            job = null;
        }
        if (job == null) {
            return error(200, "Request not found");
        }
        return json(200, jobAnswer(job, now));
    }

    private CompletableFuture<Reply> generate(EmulatedOperation operation, String path, Map<String, Object> body,
                                              boolean v6, Fault fault) {
        Map<String, List<String>> errors = RequestRules.check(operation, body, v6);
        if (!errors.isEmpty()) {
            return done(json(v6 ? 400 : 200, Map.of("status", "error", "message", errors)));
        }
        Object modelId = body.get("model_id");
        if (modelId != null && !knownModels.contains(modelId.toString())) {
            return done(error(v6 ? 404 : 200, v6 ? "Model not found: " + modelId : "Model id not found"));
        }
        boolean base64 = RequestRules.flag(body.get("base64"), false);
        List<CompletableFuture<Boolean>> inputs = new ArrayList<>();
        for (String field : List.of("init_image", "mask_image")) {
            if (body.get(field) != null && (field.equals("init_image") ? operation.needsInitImage()
                    : operation.needsMaskImage())) {
                inputs.add(isImage(body.get(field).toString(), base64));
            }
        }
        return CompletableFuture.allOf(inputs.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            if (inputs.stream().anyMatch(input -> !input.join())) {
                return error(200, "Unable to fetch image from provided URL");
            }
            return accept(path, body, v6, fault);
        });
    }

    private Reply accept(String path, Map<String, Object> body, boolean v6, Fault fault) {
        long now = System.nanoTime();
        Duration window = spamFilterWindow;
        if (!window.isZero()) {
            String canonical = path + '\n' + canonical(body);
            Long seen = spamSeen.put(canonical, now);
            if (seen != null && now - seen < window.toNanos()) {
                Map<String, Object> spam = new LinkedHashMap<>();
                spam.put("status", "error");
                spam.put("message", "Rate limit exceeded");
                spam.put("tips", "You have sent the same request multiple times, spam filter activated, wait for "
                                 + Math.max(1, window.toSeconds()) + " seconds");
                return json(200, spam);
            }
        }
        Job job = newJob(body, v6, fault, now);
        if (!jobs.admit(job, queueLimit, now)) {
            Map<String, Object> full = new LinkedHashMap<>();
            full.put("status", "error");
            full.put("message", "Rate limit exceeded. Maximum " + queueLimit + " queued requests allowed.");
            full.put("retry_after", 30);
            return json(429, full);
        }
        if (job.webhook() != null) {
            long delay = Math.max(0, job.readyAtNanos() - now);
            scheduler.schedule(() -> webhooks.send(job.webhook(), webhookPayload(job)), delay, TimeUnit.NANOSECONDS);
        }
        return json(200, jobAnswer(job, now));
    }

    private Job newJob(Map<String, Object> body, boolean v6, Fault fault, long now) {
        long id = jobs.nextId();
        int width = intOr(body.get("width"), 512);
        int height = intOr(body.get("height"), 512);
        int samples = intOr(body.get("samples"), 1);
        Object seedValue = body.get("seed");
        long seed = seedValue == null || intOr(seedValue, -1) == -1 ? ThreadLocalRandom.current().nextLong(1L << 32)
                : RequestRules.number(seedValue).longValue();
        String prompt = body.get("prompt").toString();
        boolean safety = RequestRules.flag(body.get("safety_checker"), !v6);
        String lower = prompt.toLowerCase(Locale.ROOT);
        boolean nsfw = safety && NSFW_WORDS.stream().anyMatch(lower::contains);
        boolean base64 = RequestRules.flag(body.get("base64"), false);
        String prefix = UUID.randomUUID().toString();
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            PngRenderer.Spec spec = new PngRenderer.Spec(prompt, seed, width, height, i, nsfw);
            String name = prefix + "-" + i + ".png";
            images.put(name, spec);
            outputs.add(base64 ? Base64.getEncoder().encodeToString(PngRenderer.render(spec))
                    : baseUrl + "/generations/" + name);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("H", height);
        meta.put("W", width);
        meta.put("seed", seed);
        meta.put("steps", intOr(body.get("num_inference_steps"), 20));
        meta.put("guidance_scale", body.getOrDefault("guidance_scale", 7.5));
        meta.put("n_samples", samples);
        meta.put("prompt", prompt);
        meta.put("negative_prompt", body.getOrDefault("negative_prompt", ""));
        meta.put("model", body.getOrDefault("model_id", "stable-diffusion-v1-5"));
        meta.put("safety_checker", safety ? "yes" : "no");
        meta.put("file_prefix", prefix);
        long readyAt = now + processingTime.toNanos();
        boolean failLater = fault != null && fault.kind() == Fault.Kind.FAIL_WHILE_PROCESSING;
        Object webhook = body.get("webhook");
        Object trackId = body.get("track_id");
        return new Job(id, body.get("key").toString(), v6, readyAt, List.copyOf(outputs), meta, nsfw,
                0.5 + (width * height * samples) / 1_000_000.0, failLater, webhook == null ? null : webhook.toString(),
                trackId == null ? null : trackId.toString());
    }

    /** The answer about a job: processing with its eta, failed, or success. */
    private Map<String, Object> jobAnswer(Job job, long now) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (job.processing(now)) {
            answer.put("status", "processing");
            answer.put("tip", "Your request is queued; for faster processing use a dedicated server");
            answer.put("eta", Math.round(job.etaSeconds(now) * 1000) / 1000.0);
            answer.put(job.v6() ? "message" : "messege", "Try to fetch request after given estimated time");
            answer.put("fetch_result", baseUrl + (job.v6() ? "/api/v6/realtime/fetch/" : "/api/v3/fetch/") + job.id());
            answer.put("id", job.id());
            answer.put("output", List.of());
            answer.put("meta", job.meta());
            answer.put("future_links", job.outputs());
            return answer;
        }
        if (job.failWhileProcessing()) {
            return failed(String.valueOf(job.id()));
        }
        answer.put("status", "success");
        answer.put("generationTime", job.generationTime());
        answer.put("id", job.id());
        answer.put("output", job.outputs());
        if (job.v6()) {
            answer.put("proxy_links", job.outputs());
        }
        answer.put("meta", job.meta());
        answer.put("nsfw_content_detected", job.nsfw());
        return answer;
    }

    private Map<String, Object> webhookPayload(Job job) {
        Map<String, Object> payload = new LinkedHashMap<>(jobAnswer(job, Long.MAX_VALUE));
        if (job.failWhileProcessing()) {
            payload.put("id", job.id());
        }
        payload.put("track_id", job.trackId());
        return payload;
    }

    private static Map<String, Object> failed(String id) {
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("status", "failed");
        failed.put("id", id);
        failed.put("message", "Failed, Try Again");
        failed.put("output", "");
        return failed;
    }

    /** Whether an input image can be read and is a PNG, JPEG or WebP: downloaded for real unless inline base64. */
    private CompletableFuture<Boolean> isImage(String source, boolean base64) {
        if (base64 && !RequestRules.isHttpUrl(source)) {
            try {
                String data = source.contains(",") ? source.substring(source.indexOf(',') + 1) : source;
                return CompletableFuture.completedFuture(hasImageMagic(Base64.getDecoder().decode(data.trim())));
            } catch (IllegalArgumentException e) {
                return CompletableFuture.completedFuture(false);
            }
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(source)).timeout(Duration.ofSeconds(10)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> response.statusCode() == 200 && hasImageMagic(response.body()))
                .exceptionally(error -> false);
    }

    private static boolean hasImageMagic(byte[] bytes) {
        for (byte[] magic : IMAGE_MAGIC) {
            if (bytes.length >= magic.length && java.util.Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
                return true;
            }
        }
        return false;
    }

    private Reply image(String name) {
        PngRenderer.Spec spec = images.get(name);
        if (spec == null) {
            return json(404, Map.of("status", "error", "message", "Not found"));
        }
        byte[] png = rendered.computeIfAbsent(name, n -> PngRenderer.render(spec));
        return new Reply(200, "image/png", png);
    }

    // ---- helpers ----

    private void write(HttpExchange exchange, Reply reply) {
        try {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (IOException e) {
            // the client went away: nothing to answer to
        } finally {
            closeQuietly(exchange);
        }
    }

    private static void closeQuietly(HttpExchange exchange) {
        try {
            exchange.close();
        } catch (RuntimeException e) {
            // a truncated answer makes the JDK server complain while it closes the connection: that is the point
        }
    }

    private Map<String, Object> parse(byte[] raw) {
        try {
            return raw.length == 0 ? null : json.readValue(raw, MAP);
        } catch (IOException e) {
            return null;
        }
    }

    private String canonical(Map<String, Object> body) {
        try {
            return canonicalJson.writeValueAsString(body);
        } catch (IOException e) {
            return body.toString();
        }
    }

    private Reply json(int status, Map<String, Object> body) {
        try {
            return new Reply(status, "application/json", json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("message", message);
        return json(status, body);
    }

    private static CompletableFuture<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private static int intOr(Object value, int fallback) {
        var number = RequestRules.number(value);
        return number == null ? fallback : number.intValue();
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 401 -> "Invalid Api Key";
            case 402 -> "Insufficient credits, please recharge your account";
            case 403 -> "This feature is available on premium plans only";
            case 404 -> "Not found";
            case 429 -> "Rate limit exceeded";
            default -> status >= 500 ? "Server Error" : "Bad Request";
        };
    }

    /**
     * Runs the emulator on its own: {@code --port N --key K (repeatable) --processing-ms N --spam-window-ms N
     * --queue-limit N}. Stops on Ctrl-C.
     */
    public static void main(String[] args) throws InterruptedException {
        Builder builder = builder().port(8080);
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--key" -> builder.apiKey(value);
                case "--processing-ms" -> builder.processingTime(Duration.ofMillis(Long.parseLong(value)));
                case "--spam-window-ms" -> builder.spamFilterWindow(Duration.ofMillis(Long.parseLong(value)));
                case "--queue-limit" -> builder.queueLimit(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                                                              + "; options: --port --key --processing-ms --spam-window-ms --queue-limit");
            }
        }
        SdEmulator emulator = builder.build().start();
        LOG.info("camel-sd emulator listening on " + emulator.baseUrl() + " (" + emulator.apiKeys.size() + " key(s))");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
