package io.github.camelsd.component;

import io.github.camelsd.component.error.SdApiException;
import io.github.camelsd.component.error.SdForbiddenException;
import io.github.camelsd.component.error.SdGenerationFailedException;
import io.github.camelsd.component.error.SdImageUnreachableException;
import io.github.camelsd.component.error.SdInsufficientCreditsException;
import io.github.camelsd.component.error.SdInvalidKeyException;
import io.github.camelsd.component.error.SdJobStateException;
import io.github.camelsd.component.error.SdModelNotFoundException;
import io.github.camelsd.component.error.SdNsfwContentException;
import io.github.camelsd.component.error.SdOutputDownloadException;
import io.github.camelsd.component.error.SdRateLimitException;
import io.github.camelsd.component.error.SdServerException;
import io.github.camelsd.component.error.SdStagingException;
import io.github.camelsd.component.error.SdTooManyPendingJobsException;
import io.github.camelsd.component.error.SdTransportException;
import io.github.camelsd.component.error.SdUnparseableResponseException;
import io.github.camelsd.component.error.SdValidationException;
import io.github.camelsd.component.error.SdWaitTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.util.URISupport;

/**
 * The recommended error handling for routes that call the API, as a route configuration with id
 * {@value #ID}: {@code from(...).routeConfigurationId("sd-error-handling")} in Java, {@code routeConfigurationId:
 * sd-error-handling} in YAML. Every failure ends in the dead-letter endpoint named by property {@code sd.dead-letter-uri}
 * (the exchange keeps its exception, so nothing is lost silently):
 * <ul>
 * <li>rate limit, spam filter, queue full: redelivered after the wait the API asked for (its {@code retry_after}, 30 s
 * for the spam filter; at most {@code sd.rate-limit.max-delay}), at most {@code sd.rate-limit.max-redeliveries}
 * times;</li>
 * <li>failed generation, server, transport, unparseable answer, wait timeout, local queue full, staging, download,
 * unreadable jobStateRepository: exponential back-off from {@code sd.backoff.initial-delay}, at most {@code sd.backoff.max-redeliveries} times (a redelivered job that the
 * API had accepted is resumed, not sent twice);</li>
 * <li>invalid key, validation, unknown model, no credits, forbidden, unreachable image, other API errors: never
 * retried.</li>
 * </ul>
 * The delays are non-blocking (asynchronous delayed redelivery).
 */
public class SdErrorHandlingConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "sd-error-handling";

    private static final String MAX_API_DELAY = "{{sd.rate-limit.max-delay:300000}}";
    private static final String DEAD_LETTER = "{{sd.dead-letter-uri:log:io.github.camelsd.dead-letter?level=ERROR&showException=true}}";

    @Override
    public void configuration() {
        RouteConfigurationDefinition configuration = routeConfiguration(ID);

        configuration.onException(SdRateLimitException.class)
                .onExceptionOccurred(SdErrorHandlingConfiguration::useTheApisDelay)
                .maximumRedeliveries("{{sd.rate-limit.max-redeliveries:10}}")
                .redeliveryDelay("{{sd.rate-limit.delay:30000}}")
                .asyncDelayedRedelivery()
                .handled(true)
                .process(SdErrorHandlingConfiguration::maskEndpointUris)
                .to(DEAD_LETTER);

        configuration.onException(SdGenerationFailedException.class, SdServerException.class, SdTransportException.class,
                SdUnparseableResponseException.class, SdWaitTimeoutException.class, SdTooManyPendingJobsException.class,
                SdOutputDownloadException.class, SdStagingException.class, SdJobStateException.class)
                .maximumRedeliveries("{{sd.backoff.max-redeliveries:5}}")
                .redeliveryDelay("{{sd.backoff.initial-delay:1000}}")
                .useExponentialBackOff()
                .backOffMultiplier("{{sd.backoff.multiplier:2}}")
                .maximumRedeliveryDelay("{{sd.backoff.max-delay:60000}}")
                .asyncDelayedRedelivery()
                .handled(true)
                .process(SdErrorHandlingConfiguration::maskEndpointUris)
                .to(DEAD_LETTER);

        configuration.onException(SdInvalidKeyException.class, SdValidationException.class,
                SdModelNotFoundException.class, SdInsufficientCreditsException.class, SdForbiddenException.class,
                SdImageUnreachableException.class, SdApiException.class, SdNsfwContentException.class)
                .maximumRedeliveries(0)
                .handled(true)
                .process(SdErrorHandlingConfiguration::maskEndpointUris)
                .to(DEAD_LETTER);
    }

    /**
     * Camel records the failing endpoint's URI on the exchange as written; an apiKey given in the URI would travel with
     * the dead letter. The masked form keeps what the URI says, without the secret.
     */
    private static void maskEndpointUris(Exchange exchange) {
        for (String property : new String[] { Exchange.FAILURE_ENDPOINT, Exchange.TO_ENDPOINT }) {
            String uri = exchange.getProperty(property, String.class);
            if (uri != null) {
                exchange.setProperty(property, URISupport.sanitizeUri(uri));
            }
        }
    }

    /**
     * Camel's per-attempt delay header makes the wait the API asked for win over the static delay, up to
     * {@code sd.rate-limit.max-delay}.
     */
    private static void useTheApisDelay(Exchange exchange) {
        SdRateLimitException limit = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, SdRateLimitException.class);
        if (limit == null) {
            limit = exchange.getException(SdRateLimitException.class);
        }
        if (limit != null && limit.getRetryAfter() != null) {
            long cap = Long.parseLong(exchange.getContext().resolvePropertyPlaceholders(MAX_API_DELAY));
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, Math.min(limit.getRetryAfter().toMillis(), cap));
        } else {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }
}
