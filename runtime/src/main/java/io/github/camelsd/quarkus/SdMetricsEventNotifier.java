package io.github.camelsd.quarkus;

import java.time.Duration;

import io.github.camelsd.component.SdConstants;
import io.github.camelsd.component.SdEndpoint;
import io.github.camelsd.component.SdOperation;
import io.github.camelsd.component.SdTrainingStageEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Feeds {@link SdJobMeters} from Camel's exchange sending / sent events for sd endpoints, so the component needs no
 * metrics code. Camel Quarkus adds every EventNotifier bean to the CamelContext. Jobs are the calls that create, read or
 * wait for jobs and trainings ({@link SdOperation#isJob()}); account calls such as {@code system-load} are left out, so
 * health probes do not count. Training stage changes ({@link SdTrainingStageEvent}) are counted per stage.
 */
@Singleton
public class SdMetricsEventNotifier extends EventNotifierSupport {

    private final SdJobMeters meters;

    @Inject
    SdMetricsEventNotifier(SdJobMeters meters) {
        this.meters = meters;
        // only sending and sent events are used: Camel need not create the others for this notifier
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        if (event instanceof SdTrainingStageEvent) {
            return true;
        }
        if (event instanceof ExchangeSendingEvent sending) {
            return job(sending.getEndpoint()) != null;
        }
        if (event instanceof ExchangeSentEvent sent) {
            return job(sent.getEndpoint()) != null;
        }
        return false;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof SdTrainingStageEvent stage) {
            meters.trainingStage(stage.getStage());
            return;
        }
        if (event instanceof ExchangeSendingEvent sending) {
            meters.started(job(sending.getEndpoint()).uriName());
        } else if (event instanceof ExchangeSentEvent sent) {
            String operation = job(sent.getEndpoint()).uriName();
            Exchange exchange = sent.getExchange();
            Duration took = Duration.ofMillis(sent.getTimeTaken());
            if (exchange.getException() != null) {
                meters.failed(operation, exchange.getException(), took);
            } else {
                Message message = exchange.getMessage();
                meters.succeeded(operation, message.getHeader(SdConstants.STATUS, String.class), took,
                        message.getHeader(SdConstants.GENERATION_TIME, Double.class),
                        message.getHeader(SdConstants.POLLS, Integer.class));
            }
        }
    }

    /** The operation when {@code endpoint} is an sd job endpoint, else null. */
    private static SdOperation job(Endpoint endpoint) {
        if (endpoint instanceof SdEndpoint sd && sd.operation().isJob()) {
            return sd.operation();
        }
        return null;
    }
}
