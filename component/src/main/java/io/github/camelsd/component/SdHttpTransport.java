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
 * The HTTP side: one JSON POST or one capped GET, answered on the component's I/O pool. The JDK client is non-blocking
 * (one selector thread per client), needs no extra dependency and works in native images, which is why the component
 * uses it rather than a Camel HTTP component.
 */
final class SdHttpTransport {

    /** Status and body of one HTTP answer. */
    record Answer(int status, byte[] body) {
    }

    private final HttpClient client;
    /**
     * Where answers are handed on, and so where routes continue. Not left to the client: {@code sendAsync} completes its
     * future through {@code CompletableFuture}'s default executor, which is the common ForkJoinPool, or a new thread
     * per answer on a machine with two cores or fewer; blocking steps after {@code sd:} must not run there.
     */
    private final SdContinuations continuations;
    private final SdRequestGate gate;

    SdHttpTransport(HttpClient client, SdContinuations continuations, SdRequestGate gate) {
        this.client = client;
        this.continuations = continuations;
        this.gate = gate;
    }

    /** The bound on requests in flight (for tests and metrics). */
    SdRequestGate gate() {
        return gate;
    }

    /** One JSON POST: a job's submission ({@code SUBMIT}, also account calls) or a fetch of its state ({@code POLL}). */
    CompletableFuture<Answer> post(URI uri, byte[] json, Duration timeout, SdRequestGate.Traffic traffic) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        return send(request, HttpResponse.BodyHandlers.ofByteArray(), traffic);
    }

    /**
     * One GET whose body may not exceed {@code maxBytes}: a longer one (by its Content-Length, or while it arrives)
     * fails with {@link TooLargeException} without being read to the end.
     */
    CompletableFuture<Answer> get(URI uri, Duration timeout, long maxBytes) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return send(request, info -> new CappedBodySubscriber(
                info.headers().firstValueAsLong("Content-Length").orElse(-1), maxBytes), SdRequestGate.Traffic.DOWNLOAD);
    }

    /**
     * Sends once the server has a free slot (see {@link SdRequestGate}); the slot is freed as soon as the answer or the
     * failure is known, before the route goes on. The answer is taken from the body as soon as it is read, and handed
     * to {@link #continuations} once. Waiting for the future {@code sendAsync} returns would add the JDK's own hop (see
     * {@link #continuations}) to every call; that future is only watched for failures before or instead of a body
     * (connect, timeouts).
     */
    private CompletableFuture<Answer> send(HttpRequest request, HttpResponse.BodyHandler<byte[]> handler,
                                           SdRequestGate.Traffic traffic) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        gate.submit(request.uri(), traffic, free -> {
            try {
                client.sendAsync(request, info -> {
                    HttpResponse.BodySubscriber<byte[]> body = handler.apply(info);
                    body.getBody().whenComplete((bytes, error) -> handOver(
                            error == null ? new Answer(info.statusCode(), bytes) : null, error, answer, free));
                    return body;
                }).whenComplete((response, error) -> {
                    if (error != null) {
                        handOver(null, error, answer, free);
                    }
                });
            } catch (RuntimeException refused) {
                // not sent at all (the client refused the request): free the slot, then fail on the pool
                handOver(null, refused, answer, free);
            }
        });
        return answer;
    }

    /**
     * Frees the request's slot, then completes {@code answer} with {@code value}, or with {@code error} when not null,
     * on the continuation pool; the first outcome wins. When the outcome arrives on a pool thread (the JDK client runs
     * its tasks there), the route goes on on that same thread once the client's task has returned, instead of waking
     * another pool thread: no hand-over cost, and the client's task is not held up by the route.
     */
    private void handOver(Answer value, Throwable error, CompletableFuture<Answer> answer, Runnable free) {
        free.run();
        continuations.afterCurrentTask(() -> {
            if (error != null) {
                answer.completeExceptionally(unwrap(error));
            } else {
                answer.complete(value);
            }
        }, () -> answer.completeExceptionally(new IOException("the component is stopping")));
    }

    /** The failure a future stage carries, without the CompletionException that chained stages wrap it in. */
    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** A body longer than the cap. */
    static final class TooLargeException extends IOException {
        TooLargeException(long maxBytes) {
            super("larger than maxDownloadSize (" + maxBytes + " bytes)");
        }
    }

    /** Collects a body up to a cap and cancels the transfer past it. */
    private static final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final long announced;
        private final long maxBytes;
        private java.util.concurrent.Flow.Subscription subscription;

        CappedBodySubscriber(long announced, long maxBytes) {
            this.announced = announced;
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletableFuture<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            this.subscription = subscription;
            if (announced > maxBytes) {
                subscription.cancel();
                body.completeExceptionally(new TooLargeException(maxBytes));
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(java.util.List<java.nio.ByteBuffer> buffers) {
            for (java.nio.ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLargeException(maxBytes));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }

    /** The typed exception for a failed HTTP exchange, naming which part failed. */
    static SdTransportException failure(String what, URI uri, Throwable error, Exchange exchange, String jobId) {
        Throwable cause = unwrap(error);
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
