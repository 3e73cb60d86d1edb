package io.github.camelsd.component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.camelsd.component.error.SdWaitTimeoutException;
import io.github.camelsd.component.response.SdResponse;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for one queued job without holding a thread: each re-check is a task on the component's scheduler that only
 * starts a non-blocking fetch call; the fetch's completion either schedules the next re-check or ends the exchange.
 * The pause before a re-check is the API's {@code eta}, kept between {@code minPollInterval} and {@code pollInterval},
 * and never past {@code maxWait}.
 */
final class SdJobWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(SdJobWaiter.class);
    /** The training stage that ends the wait. */
    static final String MODEL_READY = "model_ready";

    /** What is waited for: a job (minutes, re-checked after its eta) or a training (hours, at a steady interval). */
    enum Waiting {
        /** A queued job: done when its answer is no longer {@code processing}. */
        JOB,
        /** A training: done when its status names the stage {@code model_ready}. */
        TRAINING
    }

    private final SdProducer producer;
    private final Exchange exchange;
    private final AsyncCallback callback;
    private final String jobId;
    private final SdEndpoint.FetchCall fetchCall;
    private final Map<String, Object> fetchBody;
    private final SdConfiguration config;
    private final Waiting waiting;
    private final long startedNanos = System.nanoTime();
    private int polls;
    /** The last training stage seen, so each change is logged once. */
    private String stage;

    /** @param fetchTemplate the path that reads the job, {@code {id}} standing for its id */
    SdJobWaiter(SdProducer producer, Exchange exchange, AsyncCallback callback, String jobId, String fetchTemplate,
                Map<String, Object> keyOnlyBody, Waiting waiting) {
        this.producer = producer;
        this.waiting = waiting;
        this.exchange = exchange;
        this.callback = callback;
        this.jobId = jobId;
        this.config = producer.getEndpoint().getConfiguration();
        this.fetchCall = producer.getEndpoint().fetchCall(fetchTemplate, jobId);
        if (waiting == Waiting.JOB) {
            exchange.getMessage().setHeader(SdConstants.FETCH_PATH, fetchTemplate);
        }
        this.fetchBody = new HashMap<>(keyOnlyBody);
        this.fetchBody.putAll(fetchCall.bodyFields());
    }

    /** sd:fetch: the first call goes out at once. */
    void pollNow() {
        poll();
    }

    /** A generation answered processing: the first re-check waits as the answer asks. */
    void pollAfter(SdResponse processing) {
        scheduleNext(processing);
    }

    private void poll() {
        polls++;
        try {
            producer.call(fetchCall.uri(), fetchBody, exchange, jobId).whenComplete(this::onFetchAnswer);
        } catch (RuntimeException e) {
            producer.finish(exchange, callback, e, null); // e.g. the component stopped while the job waited
        }
    }

    private void onFetchAnswer(SdResponse response, Throwable error) {
        if (error == null && waiting == Waiting.TRAINING) {
            noteStage(response);
        }
        if (error == null && isPending(response) && config.isWaitForResult()) {
            try {
                scheduleNext(response);
            } catch (RuntimeException e) {
                producer.finish(exchange, callback, e, null);
            }
            return;
        }
        if (error != null) {
            producer.finish(exchange, callback, error, null);
        } else if (waiting == Waiting.TRAINING) {
            producer.finish(exchange, callback, null, () -> SdResultWriter.trainingStatus(exchange, jobId, response, polls));
        } else {
            producer.completeJob(exchange, callback, response, polls);
        }
    }

    /** Every EventNotifier of the context hears of the stage change (a failing notifier must not end the wait). */
    private void notifyStage(String now) {
        try {
            org.apache.camel.spi.ManagementStrategy management = exchange.getContext().getManagementStrategy();
            if (management != null && !management.getEventNotifiers().isEmpty()) {
                management.notify(new SdTrainingStageEvent(exchange, jobId, now));
            }
        } catch (Exception e) {
            LOG.warn("An event notifier failed on training {} stage {}: {}", jobId, now, e.toString());
        }
    }

    private boolean isPending(SdResponse response) {
        return waiting == Waiting.JOB ? "processing".equals(response.status())
                : !MODEL_READY.equals(SdResultWriter.stageOf(response));
    }

    /** Each stage a training reaches is logged once and shown on the message while it waits. */
    private void noteStage(SdResponse response) {
        String now = SdResultWriter.stageOf(response);
        if (now != null && !now.equals(stage)) {
            LOG.info("{} training {} reached stage {}", producer.name(), jobId, now);
            stage = now;
            exchange.getMessage().setHeader(SdConstants.TRAINING_STAGE, now);
            notifyStage(now);
        }
    }

    private void scheduleNext(SdResponse processing) {
        boolean training = waiting == Waiting.TRAINING;
        if (training) {
            noteStage(processing);
        } else {
            SdResultWriter.progress(exchange.getMessage(), processing);
        }
        long maxWait = training ? config.getTrainingMaxWait() : config.getMaxWait();
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        long remaining = maxWait - elapsed;
        if (remaining <= 0) {
            String what = training ? "training " + jobId + " still at stage " + stage : "job " + jobId + " still processing";
            String option = training ? "trainingMaxWait" : "maxWait";
            String resume = training ? "sd:fine-tune-status" : "sd:fetch";
            producer.finish(exchange, callback, new SdWaitTimeoutException(
                    producer.name() + " " + what + " after " + elapsed + " ms (" + option + " " + maxWait
                                                                           + " ms); resume it with " + resume,
                    exchange, jobId, Duration.ofMillis(elapsed)), null);
            return;
        }
        long pause = training ? config.getTrainingPollInterval() : pauseFor(processing.eta());
        long delay = Math.min(spread(pause), remaining);
        LOG.debug("{} job {} processing, re-check in {} ms", producer.name(), jobId, delay);
        try {
            producer.getEndpoint().getComponent().waitScheduler().schedule(this::poll, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            producer.finish(exchange, callback, e, null); // the component is stopping
        }
    }

    /**
     * Up to a twentieth longer, at random: jobs submitted together get the same eta, and their re-checks would otherwise
     * reach the API in one burst (10,000 at once in the benchmark); spread out over half a second of a 10 s pause, they
     * pass the request gate smoothly, and a job is seen done at most 5 % later.
     */
    private static long spread(long pause) {
        return pause + ThreadLocalRandom.current().nextLong(pause / 20 + 1);
    }

    private long pauseFor(Double etaSeconds) {
        long pause = etaSeconds == null ? config.getPollInterval() : Math.round(etaSeconds * 1000);
        return Math.max(config.getMinPollInterval(), Math.min(pause, config.getPollInterval()));
    }
}
