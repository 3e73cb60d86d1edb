package io.github.camelsd.quarkus;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The Micrometer meters of sd jobs. Tags are the operation, the API's status and the exception's simple class name:
 * a small, fixed set of values, and never anything from the request (the key, the prompt) or the endpoint URI (which
 * may carry the key as an option).
 */
@Singleton
public class SdJobMeters {

    static final String STARTED = "camel.sd.jobs.started";
    static final String SUCCEEDED = "camel.sd.jobs.succeeded";
    static final String FAILED = "camel.sd.jobs.failed";
    static final String IN_FLIGHT = "camel.sd.jobs.in.flight";
    static final String DURATION = "camel.sd.jobs.duration";
    static final String GENERATION_TIME = "camel.sd.generation.time";
    static final String POLLS = "camel.sd.jobs.polls";
    static final String TRAINING_STAGES = "camel.sd.training.stages";

    static final String OPERATION = "operation";
    static final String STATUS = "status";
    static final String EXCEPTION = "exception";

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();

    @Inject
    SdJobMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("sd jobs sent and not answered yet (waiting for a queued job included)")
                .register(registry);
    }

    /** A training reached {@code stage}: counted per stage, so a dashboard sees trainings move and models get ready. */
    void trainingStage(String stage) {
        Counter.builder(TRAINING_STAGES).description("sd training stage changes seen while waiting")
                .tag("stage", stage).register(registry).increment();
    }

    /** A job was sent to {@code operation}. */
    void started(String operation) {
        inFlight.incrementAndGet();
        Counter.builder(STARTED).description("sd jobs sent").tag(OPERATION, operation).register(registry).increment();
    }

    /**
     * The job ended without exception. {@code status} is the API's: {@code success}, or {@code processing} for a job
     * that was only accepted (waitForResult=false; its sd:fetch is counted as operation fetch).
     */
    void succeeded(String operation, String status, Duration took, Double generationSeconds, Integer polls) {
        ended(operation, took);
        Counter.builder(SUCCEEDED).description("sd jobs answered without error")
                .tags(OPERATION, operation, STATUS, status == null ? "unknown" : status)
                .register(registry).increment();
        if (generationSeconds != null) {
            Timer.builder(GENERATION_TIME).description("Generation time reported by the API")
                    .tag(OPERATION, operation).register(registry)
                    .record(Duration.ofNanos(Math.round(generationSeconds * 1e9)));
        }
        if (polls != null) {
            DistributionSummary.builder(POLLS).description("fetch calls made while waiting for one job")
                    .tag(OPERATION, operation).register(registry).record(polls);
        }
    }

    /** The job ended with {@code failure}. */
    void failed(String operation, Throwable failure, Duration took) {
        ended(operation, took);
        Counter.builder(FAILED).description("sd jobs that ended with an exception")
                .tags(OPERATION, operation, EXCEPTION, failure.getClass().getSimpleName())
                .register(registry).increment();
    }

    private void ended(String operation, Duration took) {
        inFlight.decrementAndGet();
        Timer.builder(DURATION).description("Time from sending an sd job to its answer, waiting included")
                .tag(OPERATION, operation).register(registry).record(took);
    }
}
