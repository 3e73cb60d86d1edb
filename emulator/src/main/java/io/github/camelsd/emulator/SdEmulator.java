package io.github.camelsd.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * An emulator of the hosted Stable Diffusion API over real HTTP on loopback, with fault injection. It serves the
 * seed-era V3 stock paths and v6 realtime; community / Dreambooth models (V4 {@code /api/v4/dreambooth...}, v6
 * {@code /api/v6/images/...}, with {@code model_list} and {@code model_reload}); ControlNet ({@code /api/v5/controlnet});
 * super resolution (V3 and v6 image editing) and every other v6 image-editing tool (background removal, outpaint,
 * object removal, mask creator, caption, face and head shots, fashion, image mixer, inpaint, Qwen Edit; Flux Kontext on
 * {@code /api/v6/images/img2img}); text to video (V5, V4 Dreambooth, v6, with real GIF and MP4 files); model training
 * (Dreambooth and LoRA, with their stages, status, webhooks, cancel, delete and list) and {@code load_model}, whose
 * models the community paths then take; the NSFW image and prompt checks; and the three upload paths that turn base64
 * images into URLs it serves under {@code /uploads/}. It is also one enterprise dedicated server
 * ({@code /api/v1/enterprise/...}, and its realtime, video and super resolution products' paths), open only to its own
 * enterprise keys: generation on the models loaded there, fetch by {@code request_id}, and the server operations
 * (model load, verify, list, delete and sync, system details, clear cache and queue, schedulers, upload, NSFW check,
 * and restart and update, which really close the listener for a while: see {@link #setRestartDowntime}). Each family
 * keeps its documented oddities ({@code messege},
 * {@code fetch_result} pointing at another family, output as a string, {@code cancle_training}...). Every instance is
 * independent (no static state), so several can run in one JVM; it keeps a fixed number of threads however many
 * clients connect, and {@link #close()} releases its port and threads.
 *
 * <pre>{@code
 * try (SdEmulator emulator = SdEmulator.builder().apiKey("test-key").build().start()) {
 *     String baseUrl = emulator.baseUrl();
 *     emulator.faults().next(Fault.httpStatus(503));
 * }
 * }</pre>
 */
public final class SdEmulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SdEmulator.class.getName());
    /** Enough for a thousand clients connecting at once. */
    private static final int BACKLOG = 1024;
    /** How soon a restart tries again to bind its port when it could not. */
    private static final Duration REBIND_RETRY = Duration.ofMillis(50);
    /**
     * Settings of the JDK server that are JVM-wide properties, read once, when the first server is made. Set unless
     * someone chose otherwise; they only help any other JDK server in the JVM. The server sends headers and body in two
     * writes: with Nagle's algorithm on, the body waits for the client's delayed ACK, some 40 ms per answer. And it
     * closes the keep-alive connections beyond 200 idle ones, which a client pooling a thousand connections then
     * reuses and sees reset.
     */
    private static final Map<String, String> JDK_SERVER_PROPERTIES = Map.of(
            "sun.net.httpserver.nodelay", "true",
            "sun.net.httpserver.maxIdleConnections", "10000");

    private final int requestedPort;
    private final EmulatorSettings settings;
    private final SdFaults faults = new SdFaults();
    private final WebhookFaults webhookFaults = new WebhookFaults();
    private final RequestLog requests = new RequestLog();
    private final AtomicInteger downloads = new AtomicInteger();
    private final ImageStore images = new ImageStore();
    private final JobStore jobs = new JobStore(job -> images.forget(job.filePrefix()));
    private final SpamFilter spamFilter = new SpamFilter();
    private final Trainings trainings = new Trainings();
    private final EnterpriseServer enterpriseServer;

    /** Null when not started, and while a restart keeps the listener closed. */
    private HttpServer server; // guarded by this
    private EmulatorHandler handler; // guarded by this
    private EmulatorThreads threads; // guarded by this
    private OutboundClient outbound; // guarded by this
    private WebhookSender webhooks; // guarded by this
    /** Non-null from start to close: the emulator is running, its listener open or (restarting) closed. */
    private ApiPipeline pipeline; // guarded by this
    private volatile String baseUrl;
    private volatile int port;

    private SdEmulator(Builder builder) {
        this.requestedPort = builder.port;
        this.settings = new EmulatorSettings(builder.apiKeys.isEmpty() ? Set.of(Builder.DEFAULT_KEY) : builder.apiKeys,
                builder.knownModels, builder.processingTime, builder.spamFilterWindow, builder.queueLimit,
                builder.trainingTime,
                builder.enterpriseKeys.isEmpty() ? Set.of(Builder.DEFAULT_ENTERPRISE_KEY) : builder.enterpriseKeys,
                builder.enterpriseModels, builder.modelLoadTime, builder.restartDowntime);
        this.enterpriseServer = new EnterpriseServer(settings.enterpriseModels());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds 127.0.0.1 and starts serving; returns this emulator. */
    public synchronized SdEmulator start() {
        if (pipeline != null) {
            throw new IllegalStateException("already started on " + baseUrl);
        }
        JDK_SERVER_PROPERTIES.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
        HttpServer created = listen(requestedPort);
        port = created.getAddress().getPort();
        baseUrl = "http://127.0.0.1:" + port;
        threads = new EmulatorThreads("sd-emulator-" + port);
        outbound = new OutboundClient(threads.workers());
        webhooks = new WebhookSender(outbound, webhookFaults, threads);
        ResponseBodies bodies = new ResponseBodies(baseUrl, images);
        pipeline = new ApiPipeline(settings, jobs, images, new ImageFetcher(outbound), spamFilter, webhooks,
                threads, bodies, trainings, enterpriseServer, this::closeListener);
        handler = new EmulatorHandler(baseUrl, requests, downloads, faults, images, pipeline, threads);
        serve(created);
        return this;
    }

    private static HttpServer listen(int port) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** Serves on {@code created} with the emulator's workers and handler. */
    private void serve(HttpServer created) { // called holding the lock
        created.setExecutor(threads.workers());
        created.createContext("/", handler);
        created.start();
        server = created;
        notifyAll();
    }

    /**
     * The dedicated server's restart: the listening socket closes (connections are refused, open ones are closed) and
     * is bound again on the same port after the restart downtime; everything else stays. Nothing when not running or
     * already restarting.
     */
    private synchronized void closeListener() {
        if (pipeline == null || server == null) {
            return;
        }
        // Under the lock, and the listener forgotten only once stop has returned: the listening socket is closed
        // by then, not before (its channel is closed when the server's selector lets it go), so whoever sees the
        // listener closed (isAvailable) is refused. The downtime counts from there.
        server.stop(0);
        server = null;
        threads.later(settings.restartDowntime(), this::reopenListener);
    }

    /** The end of a restart: the same port again; retried shortly while it cannot be bound yet. */
    private synchronized void reopenListener() {
        if (pipeline == null || server != null) {
            return; // closed meanwhile, or already open
        }
        HttpServer created;
        try {
            created = listen(port);
        } catch (UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot listen on 127.0.0.1:" + port + " again yet, retrying", e);
            threads.later(REBIND_RETRY, this::reopenListener);
            return;
        }
        serve(created);
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        String url = baseUrl;
        if (url == null) {
            throw new IllegalStateException("not started");
        }
        return url;
    }

    /** The port it listens on (the one picked when 0 was asked for). */
    public int port() {
        baseUrl(); // fails the same way when not started
        return port;
    }

    /** How long new jobs stay "processing"; zero answers success at once. */
    public void setProcessingTime(Duration processingTime) {
        settings.setProcessingTime(processingTime);
    }

    /** The spam filter's window for identical requests; zero turns the filter off. */
    public void setSpamFilterWindow(Duration spamFilterWindow) {
        settings.setSpamFilterWindow(spamFilterWindow);
    }

    /** How many jobs one key may have processing at once; more answer HTTP 429. */
    public void setQueueLimit(int queueLimit) {
        settings.setQueueLimit(queueLimit);
    }

    /**
     * Makes every job still processing done now, as if its processing time had run out: fetching it answers success
     * (or failed, for a job that a fault makes fail), and its webhook, if it has one, is sent now instead of later. A
     * deterministic alternative to waiting out the processing time in tests. Returns how many jobs it completed.
     */
    public synchronized int completeQueuedJobs() {
        if (pipeline == null) {
            throw new IllegalStateException("not started");
        }
        return pipeline.completeQueuedJobs();
    }

    /**
     * How long a training takes from {@code deploying_gpu} to {@code model_ready}, its eight stages evenly spaced; zero
     * makes a training ready at once (its start answer still says {@code deploying_gpu}, as documented). Applies to
     * trainings started afterwards.
     */
    public void setTrainingTime(Duration trainingTime) {
        settings.setTrainingTime(trainingTime);
    }

    /**
     * Moves training {@code trainingId} (of any key) to its next stage now, as if the time to it had passed; the later
     * stages keep their spacing. The webhook of the stage, if the training has one, is sent now. A training ready or
     * cancelled stays as it is. Returns its stage: one of the documented stages, or {@code training_cancelled}.
     *
     * @throws IllegalArgumentException when there is no such training
     */
    public synchronized String advanceTraining(String trainingId) {
        return started().training().advance(trainingId);
    }

    /**
     * Makes training {@code trainingId} (of any key) {@code model_ready} now, its model usable, and sends the webhooks
     * of the stages it skipped, in order. Returns its stage ({@code training_cancelled} for a cancelled one).
     *
     * @throws IllegalArgumentException when there is no such training
     */
    public synchronized String completeTraining(String trainingId) {
        return started().training().complete(trainingId);
    }

    /** Makes every training {@code model_ready} now, as {@link #completeTraining}; returns how many were not yet. */
    public synchronized int completeTrainings() {
        return started().training().completeAll();
    }

    /**
     * The stage of training {@code trainingId} now (of any key): one of the documented stages, or
     * {@code training_cancelled}; null when there is no such training (or it was deleted).
     */
    public synchronized String trainingStage(String trainingId) {
        return started().training().stage(trainingId);
    }

    /**
     * How long the dedicated server's {@code restart_server} and {@code update_server} (and {@link #restart()}) keep
     * the listener closed: connections are refused, then the emulator listens on the same port again, with the same
     * state but for the enterprise jobs that were still processing, which fail (as a restart loses the server's
     * queue). One second by default; zero closes the listener and opens it again at once.
     */
    public void setRestartDowntime(Duration restartDowntime) {
        settings.setRestartDowntime(restartDowntime);
    }

    /**
     * How long an enterprise {@code load_model} (or {@code load_model_v2}) takes until the model is on the server:
     * until then {@code verify_model} and generations answer "Model id not found" and {@code get_all_models} leaves
     * it out. Zero (the default) loads at once. Applies to loads started afterwards.
     */
    public void setModelLoadTime(Duration modelLoadTime) {
        settings.setModelLoadTime(modelLoadTime);
    }

    /** The models loaded on the dedicated server now (loads still under way excluded), in the order loaded. */
    public synchronized List<String> enterpriseModels() {
        return started().enterprise().loadedModels();
    }

    /**
     * Restarts the dedicated server as {@code restart_server} does: its jobs still processing fail and the listener
     * is closed when this returns, for the restart downtime. Nothing when the listener is already closed.
     */
    public void restart() {
        ApiPipeline running;
        synchronized (this) {
            running = started();
            if (server == null) {
                return; // restarting already
            }
        }
        running.enterprise().restartNow();
    }

    /** Whether the listener accepts connections now: started, not closed, not restarting. */
    public synchronized boolean isAvailable() {
        return server != null;
    }

    /**
     * Waits until the listener accepts connections again after a restart (at once when it does); returns whether it
     * does, false when {@code timeout} ran out or the emulator is not running.
     */
    public synchronized boolean awaitAvailable(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pipeline != null && server == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return server != null;
    }

    private ApiPipeline started() {
        if (pipeline == null) {
            throw new IllegalStateException("not started");
        }
        return pipeline;
    }

    public SdFaults faults() {
        return faults;
    }

    /** The faults of the webhook POSTs it sends (delay, duplicate, drop), armed like {@link #faults()}. */
    public WebhookFaults webhookFaults() {
        return webhookFaults;
    }

    /**
     * The most jobs {@code apiKey} had processing at once since start or {@link #reset()}: what the plan's queue limit
     * bounds, measured whatever limit the emulator enforces (set a high {@code queueLimit} to see how far clients keep
     * under it by themselves).
     */
    public int mostJobsProcessing(String apiKey) {
        return jobs.mostProcessing(Objects.requireNonNull(apiKey, "apiKey"));
    }

    /** The generations answered 429 because their key's queue was full, since start or {@link #reset()}. */
    public int queueFullAnswers() {
        return jobs.refused();
    }

    /**
     * The API requests received (image downloads excluded, uploaded ones too), faulted ones included, oldest first: the
     * most recent 50,000 (older ones are forgotten, so that an emulator that runs for hours keeps its heap).
     */
    public List<RecordedRequest> requests() {
        return requests.list();
    }

    /** The image downloads asked for (GET under /generations/ or /uploads/), faulted ones included. */
    public int downloadCount() {
        return downloads.get();
    }

    /** How many {@linkplain #requests() requests} are recorded. */
    public int requestCount() {
        return requests.size();
    }

    /** The {@linkplain #requests() requests} recorded whose path starts with {@code pathPrefix}. */
    public int requestCount(String pathPrefix) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        return requests.count(request -> request.path().startsWith(pathPrefix));
    }

    /**
     * The webhook POSTs sent, in the order they were sent: {@code url} is the webhook, {@code body} what was posted.
     * A duplicated delivery appears once per copy sent, a delayed one once it is sent, a dropped one not at all.
     */
    public synchronized List<RecordedRequest> webhookDeliveries() {
        return webhooks == null ? List.of() : webhooks.deliveries();
    }

    /** The webhook deliveries that a {@link WebhookFault#drop()} kept from being sent, in order. */
    public synchronized List<RecordedRequest> droppedWebhooks() {
        return webhooks == null ? List.of() : webhooks.dropped();
    }

    /**
     * Forgets requests, download counts, faults, jobs (and their images and pending webhooks), trainings (and their
     * models and pending webhooks), loaded models, uploads, spam memory, webhook faults and webhook deliveries
     * (sent and dropped; deliveries still delayed are not sent); the dedicated server is back to its configured
     * models (a restart under way goes on).
     */
    public synchronized void reset() {
        requests.clear();
        downloads.set(0);
        faults.clear();
        webhookFaults.clear();
        jobs.clear();
        trainings.clear();
        images.clear();
        spamFilter.clear();
        enterpriseServer.reset(System.nanoTime());
        if (webhooks != null) {
            webhooks.clear();
        }
    }

    /** Stops serving and ends the emulator's threads; open connections are closed. */
    @Override
    public synchronized void close() {
        if (pipeline == null) {
            return;
        }
        if (server != null) { // null while a restart keeps it closed
            server.stop(0);
        }
        outbound.close();
        threads.close();
        server = null;
        pipeline = null;
        handler = null;
        notifyAll();
    }

    /**
     * Runs the emulator until the process is killed. Flags: {@code --port N} (default 8080), {@code --key K}
     * (repeatable), {@code --enterprise-key K} (repeatable), {@code --enterprise-model M} (repeatable),
     * {@code --processing-ms N}, {@code --spam-window-ms N}, {@code --queue-limit N}, {@code --training-ms N},
     * {@code --model-load-ms N}, {@code --restart-ms N}.
     */
    public static void main(String[] args) throws InterruptedException {
        Builder builder;
        try {
            builder = Builder.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: java -jar camel-sd-emulator-standalone.jar [--port N] [--key K]..."
                               + " [--enterprise-key K]... [--enterprise-model M]..."
                               + " [--processing-ms N] [--spam-window-ms N] [--queue-limit N] [--training-ms N]"
                               + " [--model-load-ms N] [--restart-ms N]");
            System.exit(2);
            return;
        }
        SdEmulator emulator = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "sd-emulator-shutdown"));
        System.out.println(emulator.baseUrl());
        new CountDownLatch(1).await(); // serve until the process is killed; the shutdown hook closes the emulator
    }

    /** Configures an emulator; every setting has the API's documented default. */
    public static final class Builder {

        static final String DEFAULT_KEY = "emulator-key";
        static final String DEFAULT_ENTERPRISE_KEY = "emulator-enterprise-key";
        /** The model the enterprise text2img page's example runs on. */
        static final Set<String> DEFAULT_ENTERPRISE_MODELS = Set.of(ResponseBodies.DEFAULT_MODEL);
        static final int STANDALONE_PORT = 8080;
        static final Set<String> DEFAULT_MODELS = Set.of(ResponseBodies.DEFAULT_MODEL, "sdxl", "stable-diffusion-v1-5",
                "stable-diffusion-xl-base-1.0", "realistic-vision-v51", "dreamshaper-8", "anything-v5", "midjourney",
                "juggernaut-xl-v9", "flux");

        private int port;
        private final Set<String> apiKeys = new LinkedHashSet<>();
        private Duration processingTime = Duration.ZERO;
        private Duration spamFilterWindow = EmulatorSettings.DEFAULT_SPAM_FILTER_WINDOW;
        private int queueLimit = EmulatorSettings.DEFAULT_QUEUE_LIMIT;
        private Set<String> knownModels = DEFAULT_MODELS;
        private Duration trainingTime = Duration.ZERO;
        private final Set<String> enterpriseKeys = new LinkedHashSet<>();
        private Set<String> enterpriseModels = DEFAULT_ENTERPRISE_MODELS;
        private final Set<String> extraEnterpriseModels = new LinkedHashSet<>();
        private Duration modelLoadTime = Duration.ZERO;
        private Duration restartDowntime = EmulatorSettings.DEFAULT_RESTART_DOWNTIME;

        private Builder() {
        }

        /**
         * Adds a key of the dedicated server, the only keys its paths ({@code /api/v1/enterprise/...}) take, and
         * which the hosted API's paths refuse; without any, the one key is {@code emulator-enterprise-key}.
         */
        public Builder enterpriseKey(String enterpriseKey) {
            enterpriseKeys.add(Objects.requireNonNull(enterpriseKey, "enterpriseKey"));
            return this;
        }

        /**
         * The models loaded on the dedicated server when it starts (and after a reset); replaces the default, the one
         * model {@code runwayml/stable-diffusion-v1-5}. Empty: a server with no model yet.
         */
        public Builder enterpriseModels(Set<String> enterpriseModels) {
            this.enterpriseModels = Set.copyOf(enterpriseModels);
            return this;
        }

        /** How long an enterprise model load takes; zero (the default) loads at once. */
        public Builder modelLoadTime(Duration modelLoadTime) {
            this.modelLoadTime = modelLoadTime;
            return this;
        }

        /** How long a restart of the dedicated server refuses connections; one second by default. */
        public Builder restartDowntime(Duration restartDowntime) {
            this.restartDowntime = restartDowntime;
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** Adds an accepted key; without any, the one key is {@code emulator-key}. */
        public Builder apiKey(String apiKey) {
            apiKeys.add(Objects.requireNonNull(apiKey, "apiKey"));
            return this;
        }

        /** How long jobs stay "processing"; zero (the default) answers success at once. */
        public Builder processingTime(Duration processingTime) {
            this.processingTime = processingTime;
            return this;
        }

        /** The spam filter's window, 30 s by default as documented; zero turns it off. */
        public Builder spamFilterWindow(Duration spamFilterWindow) {
            this.spamFilterWindow = spamFilterWindow;
            return this;
        }

        /** How many jobs one key may have processing at once; 5 by default (the smallest plan's). */
        public Builder queueLimit(int queueLimit) {
            this.queueLimit = queueLimit;
            return this;
        }

        /**
         * How long a training takes from {@code deploying_gpu} to {@code model_ready}; zero (the default) makes it
         * ready at once. The API says "it will take upto 25 minutes".
         */
        public Builder trainingTime(Duration trainingTime) {
            this.trainingTime = trainingTime;
            return this;
        }

        /** The {@code model_id} values that exist; replaces the default list. */
        public Builder knownModels(Set<String> knownModels) {
            this.knownModels = Set.copyOf(knownModels);
            return this;
        }

        /** Checks the settings; the emulator serves after {@link SdEmulator#start()}. */
        public SdEmulator build() {
            return new SdEmulator(this);
        }

        /** The builder the command-line flags describe; the port defaults to 8080 there. */
        static Builder fromArgs(String[] args) {
            Builder builder = new Builder().port(STANDALONE_PORT);
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + flag);
                }
                String value = args[++i];
                switch (flag) {
                case "--port":
                    builder.port(number(flag, value));
                    break;
                case "--key":
                    builder.apiKey(value);
                    break;
                case "--processing-ms":
                    builder.processingTime(Duration.ofMillis(number(flag, value)));
                    break;
                case "--spam-window-ms":
                    builder.spamFilterWindow(Duration.ofMillis(number(flag, value)));
                    break;
                case "--queue-limit":
                    builder.queueLimit(number(flag, value));
                    break;
                case "--training-ms":
                    builder.trainingTime(Duration.ofMillis(number(flag, value)));
                    break;
                case "--enterprise-key":
                    builder.enterpriseKey(value);
                    break;
                case "--enterprise-model":
                    builder.extraEnterpriseModels.add(value);
                    builder.enterpriseModels(builder.extraEnterpriseModels);
                    break;
                case "--model-load-ms":
                    builder.modelLoadTime(Duration.ofMillis(number(flag, value)));
                    break;
                case "--restart-ms":
                    builder.restartDowntime(Duration.ofMillis(number(flag, value)));
                    break;
                default:
                    throw new IllegalArgumentException("unknown flag " + flag);
                }
            }
            return builder;
        }

        private static int number(String flag, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number, not " + value);
            }
        }
    }
}
