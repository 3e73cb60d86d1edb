package io.github.camelsd.component;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The race behind a once-flaky thread assertion, made deterministic: the answer is complete before the producer (or
 * the job waiter's scheduler) attaches its stages, as happens on a busy machine when the caller is descheduled right
 * after sending. A dependent stage attached to a complete future runs on the attaching thread, so without
 * {@link SdContinuations} the route went on on the caller's thread (first call) or on the scheduler (the re-check).
 * <p>
 * The client answers inside {@code sendAsync} and only returns once the component's single I/O thread has handed the
 * answer over, which it knows by queueing a marker task behind the hand-over on that same FIFO pool.
 */
class SdEarlyAnswerTest extends CamelTestSupport {

    private static final String THREAD = "continuedOn";

    private final Queue<String> answers = new ConcurrentLinkedQueue<>();
    private SdComponent sd;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        sd = new SdComponent();
        sd.setIoThreads(1);
        sd.setHttpClient(new AnswersBeforeReturning());
        sd.getConfiguration().setBaseUrl("http://127.0.0.1:1");
        sd.getConfiguration().setApiKey("sk-early-answers");
        sd.getConfiguration().setMinPollInterval(1);
        context.addComponent("sd", sd);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sd:text2img")
                        .process(exchange -> exchange.setProperty(THREAD, Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void anAnswerCompleteBeforeTheProducerAttachesStillContinuesOnTheIoPool() {
        answers.add("{\"status\":\"success\",\"id\":1,\"output\":[\"http://127.0.0.1:1/generations/1-0.png\"]}");
        assertContinuedOnIoPool(template.send("direct:generate", e -> e.getMessage().setBody("an early fox")));
    }

    @Test
    void aReCheckAnsweredBeforeTheSchedulerAttachesStillContinuesOnTheIoPool() {
        answers.add("{\"status\":\"processing\",\"id\":2,\"eta\":0.001,\"output\":\"\"}");
        answers.add("{\"status\":\"success\",\"id\":2,\"output\":[\"http://127.0.0.1:1/generations/2-0.png\"]}");
        assertContinuedOnIoPool(template.send("direct:generate", e -> e.getMessage().setBody("a queued fox")));
        assertTrue(answers.isEmpty(), "both answers used, left: " + answers);
    }

    private static void assertContinuedOnIoPool(Exchange exchange) {
        assertNull(exchange.getException(), () -> "the job failed: " + exchange.getException());
        String thread = exchange.getProperty(THREAD, String.class);
        assertTrue(thread != null && thread.contains("SdHttpClient"),
                "the route continued on '" + thread + "', not on an SdHttpClient thread");
    }

    /** A client whose every call has its answer handed over to the component before {@code sendAsync} returns. */
    private final class AnswersBeforeReturning extends HttpClient {

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                                HttpResponse.BodyHandler<T> handler) {
            String answer = answers.poll();
            assertTrue(answer != null, "an unexpected call: " + request.uri());
            HttpResponse.BodySubscriber<T> body = handler.apply(new Info());
            body.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            body.onNext(List.of(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8))));
            body.onComplete();
            // the hand-over task is queued on the one I/O thread: once a task queued after it has run, it has run
            CountDownLatch handedOver = new CountDownLatch(1);
            sd.continuations().execute(handedOver::countDown);
            try {
                assertTrue(handedOver.await(10, TimeUnit.SECONDS), "the I/O pool never ran the hand-over");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return CompletableFuture.completedFuture(null); // the transport reads the answer from the body only
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
            return sendAsync(request, handler);
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
            throw new IOException("the component never sends blocking");
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            return null;
        }

        @Override
        public SSLParameters sslParameters() {
            return null;
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }

    private static final class Info implements HttpResponse.ResponseInfo {
        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
