package io.github.camelsd.quarkus;

import java.time.Duration;

import io.github.camelsd.component.SdConstants;
import io.github.camelsd.component.SdOperation;
import io.github.camelsd.component.SdTrainingStageEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;

/**
 * Feeds {@link SdJobMeters} from the job events {@link SdJobEventNotifier} picks, and counts training stage changes
 * ({@link SdTrainingStageEvent}) per stage.
 */
@Singleton
public class SdMetricsEventNotifier extends SdJobEventNotifier {

    private final SdJobMeters meters;

    @Inject
    SdMetricsEventNotifier(SdJobMeters meters) {
        this.meters = meters;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof SdTrainingStageEvent || super.isEnabled(event);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof SdTrainingStageEvent stage) {
            meters.trainingStage(stage.getStage());
        } else {
            super.notify(event);
        }
    }

    @Override
    protected void sending(SdOperation job) {
        meters.started(job.uriName());
    }

    @Override
    protected void answered(SdOperation job, ExchangeSentEvent sent) {
        Exchange exchange = sent.getExchange();
        Duration took = Duration.ofMillis(sent.getTimeTaken());
        if (exchange.getException() != null) {
            meters.failed(job.uriName(), exchange.getException(), took);
        } else {
            Message message = exchange.getMessage();
            meters.succeeded(job.uriName(), message.getHeader(SdConstants.STATUS, String.class), took,
                    message.getHeader(SdConstants.GENERATION_TIME, Double.class),
                    message.getHeader(SdConstants.POLLS, Integer.class));
        }
    }
}
