package io.github.camelsd.quarkus.devui;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsd.component.SdEndpoint;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts the sd jobs in flight for the Dev UI card: sent to an sd job endpoint and not answered yet, waiting for a
 * queued job included. Counted from Camel's sending and sent events (Camel Quarkus adds every EventNotifier bean to
 * the CamelContext), so it needs neither Micrometer nor anything of the component's internals. Dev mode only.
 */
@Singleton
public class SdDevUiJobs extends EventNotifierSupport {

    private final AtomicInteger inFlight = new AtomicInteger();

    public SdDevUiJobs() {
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
        return event instanceof ExchangeSendingEvent sending && isJob(sending.getEndpoint())
                || event instanceof ExchangeSentEvent sent && isJob(sent.getEndpoint());
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSendingEvent) {
            inFlight.incrementAndGet();
        } else {
            inFlight.decrementAndGet();
        }
    }

    /** The sd jobs sent and not answered yet. */
    public int inFlight() {
        return inFlight.get();
    }

    private static boolean isJob(Endpoint endpoint) {
        return endpoint instanceof SdEndpoint sd && sd.operation().isJob();
    }
}
