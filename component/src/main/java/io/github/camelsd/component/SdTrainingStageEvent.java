package io.github.camelsd.component;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;

/**
 * A training reached a new stage (deploying_gpu, training_started, ..., model_ready), seen while an exchange waits for
 * it. Camel hands it to every EventNotifier, so a route's application can react to progress, and the Quarkus extension
 * counts stages in its metrics, without the wait holding a thread or the route being involved.
 */
public final class SdTrainingStageEvent implements CamelEvent.ExchangeEvent {

    private final Exchange exchange;
    private final String trainingId;
    private final String stage;
    private long timestamp;

    SdTrainingStageEvent(Exchange exchange, String trainingId, String stage) {
        this.exchange = exchange;
        this.trainingId = trainingId;
        this.stage = stage;
    }

    public String getTrainingId() {
        return trainingId;
    }

    public String getStage() {
        return stage;
    }

    @Override
    public Exchange getExchange() {
        return exchange;
    }

    @Override
    public Type getType() {
        return Type.Custom;
    }

    @Override
    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public String toString() {
        return "training " + trainingId + " reached stage " + stage;
    }
}
