package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The knobs of one emulator: fixed keys (the hosted API's and the dedicated server's) and models, and the timings
 * (jobs, spam filter, training, model loads, restarts) tests change.
 */
final class EmulatorSettings {

    static final int DEFAULT_QUEUE_LIMIT = 5;
    /** The window the API documents for its spam filter ("wait for 30 seconds"). */
    static final Duration DEFAULT_SPAM_FILTER_WINDOW = Duration.ofSeconds(30);
    /** How long a restarted dedicated server refuses connections unless told otherwise; the docs give no time. */
    static final Duration DEFAULT_RESTART_DOWNTIME = Duration.ofSeconds(1);

    private final Set<String> apiKeys;
    private final Set<String> enterpriseKeys;
    private final Set<String> knownModels;
    private final Set<String> enterpriseModels;
    private volatile Duration processingTime;
    private volatile Duration spamFilterWindow;
    private volatile int queueLimit;
    private volatile Duration trainingTime;
    private volatile Duration modelLoadTime;
    private volatile Duration restartDowntime;

    EmulatorSettings(Set<String> apiKeys, Set<String> knownModels, Duration processingTime,
            Duration spamFilterWindow, int queueLimit, Duration trainingTime, Set<String> enterpriseKeys,
            Set<String> enterpriseModels, Duration modelLoadTime, Duration restartDowntime) {
        this.apiKeys = Set.copyOf(apiKeys);
        this.knownModels = Set.copyOf(knownModels);
        this.enterpriseKeys = Set.copyOf(enterpriseKeys);
        this.enterpriseModels = Set.copyOf(enterpriseModels);
        setProcessingTime(processingTime);
        setSpamFilterWindow(spamFilterWindow);
        setQueueLimit(queueLimit);
        setTrainingTime(trainingTime);
        setModelLoadTime(modelLoadTime);
        setRestartDowntime(restartDowntime);
    }

    /** Whether {@code key} is one of the hosted API's keys. */
    boolean accepts(Object key) {
        return key instanceof String && apiKeys.contains(key);
    }

    /**
     * Whether {@code key} opens the paths of the dedicated server ({@code enterprise}) or of the hosted API: each
     * takes only its own keys, as an enterprise key is a key of its server, not of an account.
     */
    boolean accepts(Object key, boolean enterprise) {
        return enterprise ? key instanceof String && enterpriseKeys.contains(key) : accepts(key);
    }

    /** The models the dedicated server has loaded when it starts (and after a reset). */
    Set<String> enterpriseModels() {
        return enterpriseModels;
    }

    /** How long an enterprise {@code load_model} takes until the model can be used. */
    Duration modelLoadTime() {
        return modelLoadTime;
    }

    void setModelLoadTime(Duration modelLoadTime) {
        this.modelLoadTime = nonNegative(modelLoadTime, "modelLoadTime");
    }

    /** How long {@code restart_server} and {@code update_server} keep the listener closed. */
    Duration restartDowntime() {
        return restartDowntime;
    }

    void setRestartDowntime(Duration restartDowntime) {
        this.restartDowntime = nonNegative(restartDowntime, "restartDowntime");
    }

    boolean knowsModel(String modelId) {
        return knownModels.contains(modelId);
    }

    /** The {@code model_id} values that exist, as {@code model_list} reports them. */
    Set<String> knownModels() {
        return knownModels;
    }

    Duration processingTime() {
        return processingTime;
    }

    Duration spamFilterWindow() {
        return spamFilterWindow;
    }

    int queueLimit() {
        return queueLimit;
    }

    /** How long a training takes from {@code deploying_gpu} to {@code model_ready}. */
    Duration trainingTime() {
        return trainingTime;
    }

    void setTrainingTime(Duration trainingTime) {
        this.trainingTime = nonNegative(trainingTime, "trainingTime");
    }

    void setProcessingTime(Duration processingTime) {
        this.processingTime = nonNegative(processingTime, "processingTime");
    }

    void setSpamFilterWindow(Duration spamFilterWindow) {
        this.spamFilterWindow = nonNegative(spamFilterWindow, "spamFilterWindow");
    }

    void setQueueLimit(int queueLimit) {
        if (queueLimit < 1) {
            throw new IllegalArgumentException("queueLimit must be at least 1: " + queueLimit);
        }
        this.queueLimit = queueLimit;
    }

    private static Duration nonNegative(Duration duration, String name) {
        if (Objects.requireNonNull(duration, name).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
        return duration;
    }
}
