package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** The knobs of one emulator: fixed keys and models, and the timings (jobs, spam filter, training) tests change. */
final class EmulatorSettings {

    static final int DEFAULT_QUEUE_LIMIT = 5;
    /** The window the API documents for its spam filter ("wait for 30 seconds"). */
    static final Duration DEFAULT_SPAM_FILTER_WINDOW = Duration.ofSeconds(30);

    private final Set<String> apiKeys;
    private final Set<String> knownModels;
    private volatile Duration processingTime;
    private volatile Duration spamFilterWindow;
    private volatile int queueLimit;
    private volatile Duration trainingTime;

    EmulatorSettings(Set<String> apiKeys, Set<String> knownModels, Duration processingTime,
            Duration spamFilterWindow, int queueLimit, Duration trainingTime) {
        this.apiKeys = Set.copyOf(apiKeys);
        this.knownModels = Set.copyOf(knownModels);
        setProcessingTime(processingTime);
        setSpamFilterWindow(spamFilterWindow);
        setQueueLimit(queueLimit);
        setTrainingTime(trainingTime);
    }

    boolean accepts(Object key) {
        return key instanceof String && apiKeys.contains(key);
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
