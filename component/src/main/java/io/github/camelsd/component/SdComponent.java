package io.github.camelsd.component;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.Endpoint;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sd:} component. It owns what all its endpoints share: one HTTP client with a small fixed pool, and one
 * scheduler thread that wakes waiting jobs. Waiting for a queued job holds neither.
 */
@Component("sd")
public class SdComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SdComponent.class);

    @Metadata(description = "Options shared by every sd endpoint (each endpoint can override them).")
    private SdConfiguration configuration = new SdConfiguration();
    @Metadata(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long opening a connection may take.")
    private long connectTimeout = 10000;
    // 4, not 2: on 2 cores, 2 threads that run all the JDK client's tasks and every route after sd: took a smaller share
    // of the CPU than the client's own completion path, and the connector ran at 0.71-0.89 x the bare client at
    // concurrency 64 and 256 (docs/performance.md); the count still does not grow with the jobs waiting
    @Metadata(label = "advanced", defaultValue = "4",
              description = "Threads that complete HTTP calls and continue the routes after them. Waiting needs none.")
    private int ioThreads = 4;
    @Metadata(label = "advanced", defaultValue = "64",
              description = "HTTP requests in flight at once per server (scheme, host and port). Further requests wait, without a thread, and take turns between job submissions, polls and downloads. Waiting jobs hold none: only their calls do.")
    private int maxRequestsInFlight = 64;
    @Metadata(label = "advanced", autowired = false,
              description = "A java.net.http.HttpClient to use instead of the component's own (its executor and connections are then the user's; routes still continue on the ioThreads).")
    private HttpClient httpClient;

    private ExecutorService ioExecutor;
    private SdContinuations continuations;
    private ScheduledExecutorService waitScheduler;
    private SdHttpTransport transport;
    private SdOutputFetcher outputFetcher;
    private SdS3Stager s3Stager;
    private ExecutorService stagingPool;
    private ExecutorService jobStatePool;
    private final SdJobLimiter jobLimiter = new SdJobLimiter();
    private final SdWebhookRegistry webhookRegistry = new SdWebhookRegistry();
    /** Signs callback tokens when no webhookSecret is configured: valid for this component's lifetime. */
    private final SdWebhookTokens ownWebhookTokens = new SdWebhookTokens(SdWebhookTokens.randomSecret());

    public SdComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SdEndpoint endpoint = new SdEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the pool that completes HTTP calls and continues the routes after them, also with a client of the user's
        ioExecutor = getCamelContext().getExecutorServiceManager().newThreadPool(this, "SdHttpClient",
                unboundedQueue("SdHttpClient", ioThreads));
        continuations = new SdContinuations(ioExecutor);
        // the client runs its tasks through the continuations, so an answer read on a pool thread continues there
        HttpClient client = httpClient != null ? httpClient : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .executor(continuations)
                .build();
        transport = new SdHttpTransport(client, continuations, new SdRequestGate(maxRequestsInFlight));
        if (ForkJoinPool.getCommonPoolParallelism() < 2) {
            // CompletableFuture uses the common pool only with 2 threads or more, else a new thread per task; sendAsync
            // completes every answer through it (docs/design.md), which only the JVM's settings can change
            LOG.info("The JDK HTTP client starts a thread per answer here: the common ForkJoinPool has {} thread(s) "
                     + "({} CPUs). -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 avoids that "
                     + "(docs/performance.md)", ForkJoinPool.getCommonPoolParallelism(),
                    Runtime.getRuntime().availableProcessors());
        }
        waitScheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "SdJobWaiter",
                unboundedQueue("SdJobWaiter", 1));
        outputFetcher = new SdOutputFetcher(transport, waitScheduler);
    }

    /**
     * A fixed pool whose tasks queue without bound and are never run by the thread that submits them. Camel's default
     * profile caps a queue at 1,000 tasks, and a {@code maxQueueSize} of 0 or -1 means no queue at all (a
     * SynchronousQueue) with the CallerRuns policy: with every pool thread busy, a hand-over then ran on the submitting
     * thread (the JDK client's selector, the scheduler, a caller), so routes continued there. Each waiting job is one
     * scheduled task and each answer one hand-over; their number is already bounded by maxConcurrentJobs +
     * maxPendingJobs per key, so the queue is not bounded again. A refusal (the pool is shutting down) throws, and the
     * component ends the exchange instead of dropping it.
     */
    private static ThreadPoolProfile unboundedQueue(String name, int threads) {
        return new ThreadPoolProfileBuilder(name).poolSize(threads).maxPoolSize(threads).maxQueueSize(Integer.MAX_VALUE)
                .rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build();
    }

    @Override
    protected void doStop() throws Exception {
        if (waitScheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdown(waitScheduler);
            waitScheduler = null;
        }
        synchronized (this) {
            if (stagingPool != null) {
                getCamelContext().getExecutorServiceManager().shutdown(stagingPool);
                stagingPool = null;
                s3Stager = null;
            }
            if (jobStatePool != null) {
                getCamelContext().getExecutorServiceManager().shutdown(jobStatePool);
                jobStatePool = null;
            }
        }
        if (ioExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(ioExecutor);
            ioExecutor = null;
        }
        transport = null;
        continuations = null;
        outputFetcher = null;
        super.doStop();
    }

    /** The I/O pool as the place where routes continue. */
    SdContinuations continuations() {
        return continuations;
    }

    SdHttpTransport transport() {
        return transport;
    }

    /** Created on first use: most routes never stage to S3, and then need neither its threads nor its template. */
    synchronized SdS3Stager s3Stager() {
        if (s3Stager == null) {
            stagingPool = getCamelContext().getExecutorServiceManager().newThreadPool(this, "SdStaging",
                    unboundedQueue("SdStaging", 2));
            s3Stager = new SdS3Stager(getCamelContext().createProducerTemplate(), stagingPool);
        }
        return s3Stager;
    }

    /**
     * Where the calls of endpoints' {@code jobStateRepository} run, created on first use. A StateRepository blocks for a
     * round trip to its store (a broker that is down: for its whole timeout), so its calls must not run on the I/O
     * threads, which every other exchange's answers need; two threads, so one slow call does not hold up the next.
     */
    synchronized ExecutorService jobStatePool() {
        if (jobStatePool == null) {
            jobStatePool = getCamelContext().getExecutorServiceManager().newThreadPool(this, "SdJobState",
                    unboundedQueue("SdJobState", 2));
        }
        return jobStatePool;
    }

    SdOutputFetcher outputFetcher() {
        return outputFetcher;
    }

    SdJobLimiter jobLimiter() {
        return jobLimiter;
    }

    /** The jobs waiting for a callback, and the callbacks sd:webhook emitted. */
    SdWebhookRegistry webhookRegistry() {
        return webhookRegistry;
    }

    /** The tokens of callback URLs when no webhookSecret is configured (endpoints copy the component's secret). */
    SdWebhookTokens webhookTokens() {
        return ownWebhookTokens;
    }

    ScheduledExecutorService waitScheduler() {
        return waitScheduler;
    }

    public SdConfiguration getConfiguration() {
        return configuration;
    }

    /** Options shared by every sd endpoint. */
    public void setConfiguration(SdConfiguration configuration) {
        this.configuration = configuration;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long opening a connection may take. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getIoThreads() {
        return ioThreads;
    }

    /** Threads that complete HTTP calls and continue the routes after them. */
    public void setIoThreads(int ioThreads) {
        this.ioThreads = ioThreads;
    }

    public int getMaxRequestsInFlight() {
        return maxRequestsInFlight;
    }

    /** HTTP requests in flight at once per server; further requests wait, without a thread, taking turns. */
    public void setMaxRequestsInFlight(int maxRequestsInFlight) {
        this.maxRequestsInFlight = maxRequestsInFlight;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    /** A java.net.http.HttpClient to use instead of the component's own. */
    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }
}
