package io.github.camelsd.quarkus;

import io.github.camelsd.component.SdEndpoint;
import io.github.camelsd.component.SdOperation;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * What the extension's notifiers share: Camel's sending and sent events of the calls that create, read or wait for jobs
 * and trainings ({@link SdOperation#isJob()}), so that the component needs no code of their own. Account calls such as
 * {@code system-load} are left out, so health probes do not count. Camel Quarkus adds every EventNotifier bean to the
 * CamelContext.
 */
public abstract class SdJobEventNotifier extends EventNotifierSupport {

    protected SdJobEventNotifier() {
        // only sending and sent events are used: Camel need not create the others for these notifiers
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
        return job(event) != null;
    }

    @Override
    public void notify(CamelEvent event) {
        SdOperation job = job(event);
        if (event instanceof ExchangeSentEvent sent) {
            answered(job, sent);
        } else {
            sending(job);
        }
    }

    /** An exchange is sent to the job operation {@code job}. */
    protected abstract void sending(SdOperation job);

    /** The exchange sent to {@code job} is back: its answer, or its exception. */
    protected abstract void answered(SdOperation job, ExchangeSentEvent sent);

    /** The job operation a sending or sent event is for, else null. */
    private static SdOperation job(CamelEvent event) {
        Endpoint endpoint = event instanceof ExchangeSendingEvent sending ? sending.getEndpoint()
                : event instanceof ExchangeSentEvent sent ? sent.getEndpoint() : null;
        return endpoint instanceof SdEndpoint sd && sd.operation().isJob() ? sd.operation() : null;
    }
}
