package io.github.camelsd.emulator;

import java.util.Objects;

/**
 * The webhook faults armed on one emulator, the counterpart of {@link SdFaults} for the emulator's outgoing webhook
 * POSTs (generation jobs, trainings, model loads). A delivery takes the oldest armed fault that matches its URL: one
 * armed with {@link #next} matches every URL, one armed with {@link #forUrl} only the URLs that contain its text. Each
 * fault armed for {@code times} deliveries lasts that many matching deliveries.
 *
 * <pre>{@code
 * emulator.webhookFaults().next(WebhookFault.delay(Duration.ofMillis(300)));
 * emulator.webhookFaults().next(WebhookFault.duplicate(2), 3);
 * emulator.webhookFaults().forUrl("/hooks/b", WebhookFault.drop());
 * }</pre>
 */
public final class WebhookFaults {

    private final ArmedFaults<WebhookFault> armed = new ArmedFaults<>();

    WebhookFaults() {
    }

    /** Arms {@code fault} for the next webhook delivery. */
    public WebhookFaults next(WebhookFault fault) {
        return next(fault, 1);
    }

    /** Arms {@code fault} for the next {@code times} webhook deliveries. */
    public WebhookFaults next(WebhookFault fault, int times) {
        return arm(null, fault, times);
    }

    /** Arms {@code fault} for the next webhook delivery whose URL contains {@code urlPart}. */
    public WebhookFaults forUrl(String urlPart, WebhookFault fault) {
        return forUrl(urlPart, fault, 1);
    }

    /** Arms {@code fault} for the next {@code times} webhook deliveries whose URL contains {@code urlPart}. */
    public WebhookFaults forUrl(String urlPart, WebhookFault fault, int times) {
        return arm(Objects.requireNonNull(urlPart, "urlPart"), fault, times);
    }

    /** Disarms every webhook fault. */
    public void clear() {
        armed.clear();
    }

    private WebhookFaults arm(String urlPart, WebhookFault fault, int times) {
        armed.arm(urlPart, fault, times);
        return this;
    }

    /** The fault the delivery to {@code url} hits, or null. */
    WebhookFault take(String url) {
        return armed.take(urlPart -> urlPart == null || url.contains(urlPart));
    }
}
