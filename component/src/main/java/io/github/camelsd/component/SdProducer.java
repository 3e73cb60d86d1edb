package io.github.camelsd.component;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelsd.component.error.SdException;
import io.github.camelsd.component.error.SdUnparseableResponseException;
import io.github.camelsd.component.request.SdRequestAssembler;
import io.github.camelsd.component.response.SdResponse;
import io.github.camelsd.component.response.SdResponseDecoder;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one API call per exchange without blocking: {@link #process(Exchange, AsyncCallback)} starts the HTTP call and
 * returns; the HTTP client's completion (or, for a queued job, the {@link SdJobWaiter}) continues the route.
 */
public class SdProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(SdProducer.class);

    private final SdEndpoint endpoint;
    private final String name;

    public SdProducer(SdEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.name = "sd:" + endpoint.operation().uriName();
    }

    @Override
    public SdEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        SdOperation operation = endpoint.operation();
        SdConfiguration config = endpoint.getConfiguration();
        try {
            switch (operation.kind()) {
                case GENERATION -> {
                    Map<String, Object> request = SdRequestAssembler.generationRequest(operation, config, exchange);
                    call(endpoint.operationUri(), request, exchange, null)
                            .whenComplete((response, error) -> onJobAnswer(exchange, callback, response, error));
                }
                case FETCH -> {
                    String jobId = SdRequestAssembler.jobId(operation, exchange);
                    new SdJobWaiter(this, exchange, callback, jobId,
                            SdRequestAssembler.keyOnlyRequest(operation, config, exchange)).pollNow();
                }
                case STATUS -> call(endpoint.operationUri(), SdRequestAssembler.keyOnlyRequest(operation, config, exchange),
                        exchange, null)
                        .whenComplete((response, error) -> finish(exchange, callback, error,
                                () -> SdResultWriter.status(exchange.getMessage(), response)));
            }
        } catch (Exception e) {
            // rejected before sending (SdValidationException), or the component is not started: nothing reached the API
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return false;
    }

    private void onJobAnswer(Exchange exchange, AsyncCallback callback, SdResponse response, Throwable error) {
        boolean waitForIt = error == null && "processing".equals(response.status())
                            && endpoint.getConfiguration().isWaitForResult();
        if (!waitForIt) {
            finish(exchange, callback, error, () -> SdResultWriter.job(exchange.getMessage(), response, 0));
            return;
        }
        try {
            if (response.id() == null) {
                throw new SdUnparseableResponseException(name + " answered processing without a job id", exchange, null,
                        200, null);
            }
            new SdJobWaiter(this, exchange, callback, response.id(),
                    SdRequestAssembler.keyOnlyRequest(endpoint.operation(), endpoint.getConfiguration(), exchange))
                    .pollAfter(response);
        } catch (Exception e) {
            finish(exchange, callback, e, null);
        }
    }

    /**
     * One API call: POST the body, decode the answer. The future fails with the typed {@link SdException}.
     *
     * @param jobId the job the call concerns (for messages and exceptions), or null
     */
    CompletableFuture<SdResponse> call(URI uri, Map<String, Object> body, Exchange exchange, String jobId) {
        String key = (String) body.get(SdJson.KEY);
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} POST {} {}", name, uri, SdJson.masked(body));
        } else {
            LOG.debug("{} POST {}", name, uri);
        }
        byte[] json;
        try {
            json = SdJson.write(body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new SdUnparseableResponseException(
                    name + " request could not be written as JSON: " + e.getMessage(), exchange, e, 0, jobId));
        }
        Duration timeout = Duration.ofMillis(endpoint.getConfiguration().getResponseTimeout());
        return endpoint.getComponent().transport().post(uri, json, timeout)
                .handle((answer, error) -> {
                    if (error != null) {
                        throw new CompletionException(SdHttpTransport.failure(name, uri, error, exchange, jobId));
                    }
                    if (LOG.isTraceEnabled()) {
                        LOG.trace("{} answered HTTP {} {}", name, answer.status(),
                                masked(new String(answer.body(), StandardCharsets.UTF_8), key));
                    }
                    try {
                        return SdResponseDecoder.decode(name, answer.status(), answer.body(), exchange, jobId);
                    } catch (SdException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    /** Ends the exchange exactly once: the failure, else what {@code onSuccess} writes. */
    void finish(Exchange exchange, AsyncCallback callback, Throwable error, Runnable onSuccess) {
        try {
            if (error != null) {
                exchange.setException(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                onSuccess.run();
            }
        } catch (RuntimeException e) {
            exchange.setException(e);
        } finally {
            callback.done(false);
        }
    }

    String name() {
        return name;
    }

    /** An answer should never contain the key; if a server echoes it, the log still must not. */
    private static String masked(String text, String key) {
        return key == null || key.isEmpty() ? text : text.replace(key, "xxxxxx");
    }
}
