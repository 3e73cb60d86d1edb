package io.github.camelsd.component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelsd.component.error.SdException;
import io.github.camelsd.component.error.SdModelNotFoundException;
import io.github.camelsd.component.error.SdWaitTimeoutException;
import io.github.camelsd.component.response.SdResponse;
import io.github.camelsd.component.response.SdResponseDecoder;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for one queued job without holding a thread: each re-check is a task on the component's scheduler that only
 * starts a non-blocking fetch call; the fetch's completion either schedules the next re-check or ends the exchange.
 * The pause before a re-check is the API's {@code eta}, kept between {@code minPollInterval} and {@code pollInterval},
 * and never past {@code maxWait}. With webhook=auto the job's callback ends the wait too, and the re-checks are only a
 * fallback every {@code webhookPollInterval}: whichever comes first ends the exchange, once.
 */
final class SdJobWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(SdJobWaiter.class);
    /** The training stage that ends the wait. */
    static final String MODEL_READY = "model_ready";

    /** verify-model's documented answer once the model is on the server: "Model exists on server". */
    static final String MODEL_EXISTS = "exists on server";

    /**
     * What is waited for: a job (minutes, re-checked after its eta), a training (hours, at a steady interval) or a
     * model load (minutes, every pollInterval).
     */
    enum Waiting {
        /** A queued job: done when its answer is no longer {@code processing}. */
        JOB("request_id"),
        /** A training: done when its status names the stage {@code model_ready}. */
        TRAINING("request_id"),
        /**
         * A model load on an enterprise server, read by verify-model ({@code model_id} in the body): done when it
         * answers "Model exists on server"; its "Model id not found" while the model loads ends nothing.
         */
        MODEL("model_id");

        /** The body field that names what is read, where its path has no {@code {id}}. */
        private final String idField;

        Waiting(String idField) {
            this.idField = idField;
        }
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
    /** The callback token of the job (webhook=auto), or null when only polling can end the wait. */
    private final String webhookToken;
    /** Set by whatever ends the wait first: a fetch answer, a callback, the deadline. */
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile ScheduledFuture<?> nextPoll;
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
        this.fetchCall = producer.getEndpoint().fetchCall(fetchTemplate, jobId, waiting.idField);
        if (waiting == Waiting.JOB) {
            exchange.getMessage().setHeader(SdConstants.FETCH_PATH, fetchTemplate);
        }
        this.fetchBody = new HashMap<>(keyOnlyBody);
        this.fetchBody.putAll(fetchCall.bodyFields());
        // a model load has no callback of the component's (its webhook, if any, is the route's own URL)
        this.webhookToken = waiting == Waiting.MODEL ? null
                : exchange.getProperty(SdProducer.WEBHOOK_TOKEN, String.class);
    }

    /** sd:fetch, or a redelivery resuming an accepted job: the first call goes out at once. */
    void pollNow() {
        listen();
        poll();
    }

    /**
     * A generation answered processing: the first re-check waits as the answer asks (a model load: pollInterval, a
     * training: trainingPollInterval).
     */
    void pollAfter(SdResponse processing) {
        listen();
        Runnable ending;
        synchronized (this) {
            ending = ended.get() ? null : scheduleNextOrEnd(processing);
        }
        run(ending);
    }

    private void listen() {
        if (webhookToken != null) {
            producer.getEndpoint().getComponent().webhookRegistry().await(webhookToken, this::onCallback);
        }
    }

    private void poll() {
        if (ended.get()) {
            return; // a callback ended the wait while this re-check was due
        }
        polls++;
        try {
            producer.call(fetchCall.uri(), fetchBody, exchange, jobId).whenComplete(this::onFetchAnswer);
        } catch (RuntimeException e) {
            run(ending(e)); // e.g. the component stopped while the job waited
        }
    }

    /*
     * A fetch answer and a callback may arrive at once: each decides, and writes the message's headers, under the lock,
     * and the one that ends the wait continues the route after releasing it (the route may go on on this thread).
     */

    private void onFetchAnswer(SdResponse response, Throwable error) {
        Runnable ending;
        synchronized (this) {
            if (ended.get()) {
                return;
            }
            if (error == null && waiting == Waiting.TRAINING) {
                noteStage(response);
            }
            if (error == null && isPending(response) && config.isWaitForResult()) {
                ending = scheduleNextOrEnd(response);
            } else if (waiting == Waiting.MODEL && SdHttpTransport.unwrap(error) instanceof SdModelNotFoundException) {
                ending = scheduleNextOrEnd(null); // still loading: verify-model does not know it yet
            } else {
                ending = error != null ? ending(error) : ending(response);
            }
        }
        run(ending);
    }

    /**
     * The job's callback (webhook=auto), on the thread that received it: decoded like a fetch answer, so a failed job
     * fails with the same exception; a training's callback names its stage.
     */
    private void onCallback(Map<String, Object> payload) {
        Runnable ending = null;
        synchronized (this) {
            if (ended.get()) {
                return;
            }
            try {
                SdResponse response = SdResponseDecoder.decode(producer.name() + " webhook", payload, exchange, jobId);
                if (waiting == Waiting.TRAINING) {
                    noteStage(response);
                }
                if (!isPending(response)) {
                    LOG.debug("{} job {} completed by its webhook after {} polls", producer.name(), jobId, polls);
                    ending = ending(response);
                }
            } catch (SdException e) {
                ending = ending(e);
            }
        }
        run(ending);
    }

    private static void run(Runnable ending) {
        if (ending != null) {
            ending.run();
        }
    }

    /** What ends the wait with a failure; null when something ended it already. */
    private Runnable ending(Throwable error) {
        return claim() ? () -> producer.finish(exchange, callback, error, null) : null;
    }

    /** What ends the wait with the job's (or training's) last answer; null when something ended it already. */
    private Runnable ending(SdResponse response) {
        if (!claim()) {
            return null;
        }
        return switch (waiting) {
            case TRAINING -> () -> producer.finish(exchange, callback, null,
                    () -> SdResultWriter.trainingStatus(exchange, jobId, response, polls));
            case MODEL -> () -> producer.finish(exchange, callback, null,
                    () -> SdResultWriter.modelReady(exchange, response, polls));
            case JOB -> () -> producer.completeJob(exchange, callback, response, polls);
        };
    }

    /** The first caller wins: it stops listening for the callback and cancels the next re-check. */
    private boolean claim() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        if (webhookToken != null) {
            producer.getEndpoint().getComponent().webhookRegistry().forget(webhookToken);
        }
        ScheduledFuture<?> pending = nextPoll;
        if (pending != null) {
            pending.cancel(false);
        }
        return true;
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
        return switch (waiting) {
            case JOB -> "processing".equals(response.status());
            case TRAINING -> !MODEL_READY.equals(SdResultWriter.stageOf(response));
            case MODEL -> !response.messageText().toLowerCase(java.util.Locale.ROOT).contains(MODEL_EXISTS);
        };
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

    /** The next re-check; or what ends the wait when it cannot be scheduled (the component stopped). */
    private Runnable scheduleNextOrEnd(SdResponse processing) {
        try {
            return scheduleNext(processing);
        } catch (RuntimeException e) {
            return ending(e);
        }
    }

    /**
     * Schedules the next re-check; what ends the wait instead when its deadline has passed, else null.
     *
     * @param processing the last answer; null for a model still unknown to verify-model
     */
    private Runnable scheduleNext(SdResponse processing) {
        boolean training = waiting == Waiting.TRAINING;
        if (training) {
            noteStage(processing);
        } else if (waiting == Waiting.JOB) {
            SdResultWriter.progress(exchange.getMessage(), processing);
        }
        long maxWait = training ? config.getTrainingMaxWait() : config.getMaxWait();
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        long remaining = maxWait - elapsed;
        if (remaining <= 0) {
            String what = switch (waiting) {
                case TRAINING -> "training " + jobId + " still at stage " + stage;
                case MODEL -> "model " + jobId + " still not on the server";
                case JOB -> "job " + jobId + " still processing";
            };
            String option = training ? "trainingMaxWait" : "maxWait";
            String resume = switch (waiting) {
                case TRAINING -> "resume it with sd:fine-tune-status";
                case MODEL -> "check it with sd:verify-model";
                case JOB -> "resume it with sd:fetch";
            };
            return ending(new SdWaitTimeoutException(
                    producer.name() + " " + what + " after " + elapsed + " ms (" + option + " " + maxWait
                                                                           + " ms); " + resume,
                    exchange, jobId, Duration.ofMillis(elapsed)));
        }
        long pause = switch (waiting) {
            case TRAINING -> config.getTrainingPollInterval();
            case MODEL -> config.getPollInterval();
            case JOB -> pauseFor(processing.eta());
        };
        if (webhookToken != null) {
            pause = Math.max(pause, config.getWebhookPollInterval()); // the callback is expected: polls are the fallback
        }
        long delay = Math.min(spread(pause), remaining);
        LOG.debug("{} job {} processing, re-check in {} ms", producer.name(), jobId, delay);
        try {
            nextPoll = producer.getEndpoint().getComponent().waitScheduler().schedule(this::poll, delay,
                    TimeUnit.MILLISECONDS);
            return null;
        } catch (RejectedExecutionException e) {
            return ending(e); // the component is stopping
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
