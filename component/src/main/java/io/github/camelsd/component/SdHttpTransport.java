package io.github.camelsd.component;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelsd.component.error.SdTransportException;
import org.apache.camel.Exchange;

/**
 * The HTTP side: one JSON POST, answered on the client's executor. The JDK client is non-blocking (one selector thread
 * per client, completions on a small fixed pool), needs no extra dependency and works in native images, which is why the
 * component uses it rather than a Camel HTTP component.
 */
final class SdHttpTransport {

    /** Status and body of one HTTP answer. */
    record Answer(int status, byte[] body) {
    }

    private final HttpClient client;

    SdHttpTransport(HttpClient client) {
        this.client = client;
    }

    CompletableFuture<Answer> post(URI uri, byte[] json, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Answer(response.statusCode(), response.body()));
    }

    /** The typed exception for a failed HTTP exchange, naming which part failed. */
    static SdTransportException failure(String what, URI uri, Throwable error, Exchange exchange, String jobId) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        SdTransportException.Reason reason;
        String problem;
        if (cause instanceof HttpConnectTimeoutException) {
            reason = SdTransportException.Reason.CONNECT_TIMEOUT;
            problem = "connect timeout";
        } else if (cause instanceof HttpTimeoutException) {
            reason = SdTransportException.Reason.RESPONSE_TIMEOUT;
            problem = "response timeout (option responseTimeout)";
        } else {
            reason = SdTransportException.Reason.CONNECTION_FAILED;
            problem = cause instanceof ConnectException ? "connection refused"
                    : cause instanceof IOException ? "connection failed: " + cause.getMessage()
                    : cause.toString();
        }
        return new SdTransportException(what + " to " + uri + " failed: " + problem, exchange, cause, reason, jobId);
    }
}
