package io.github.camelsd.quarkus.devui;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsd.component.SdOperation;
import io.github.camelsd.quarkus.SdJobEventNotifier;
import jakarta.inject.Singleton;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;

/**
 * Counts the sd jobs in flight for the Dev UI card: sent to an sd job endpoint and not answered yet, waiting for a
 * queued job included. From the job events {@link SdJobEventNotifier} picks, so it needs neither Micrometer nor
 * anything of the component's internals. Dev mode only.
 */
@Singleton
public class SdDevUiJobs extends SdJobEventNotifier {

    private final AtomicInteger inFlight = new AtomicInteger();

    @Override
    protected void sending(SdOperation job) {
        inFlight.incrementAndGet();
    }

    @Override
    protected void answered(SdOperation job, ExchangeSentEvent sent) {
        inFlight.decrementAndGet();
    }

    /** The sd jobs sent and not answered yet. */
    public int inFlight() {
        return inFlight.get();
    }
}
