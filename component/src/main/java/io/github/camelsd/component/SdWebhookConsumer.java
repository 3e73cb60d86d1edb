package io.github.camelsd.component;

import java.util.Locale;
import java.util.Map;

import io.github.camelsd.component.error.SdException;
import io.github.camelsd.component.response.SdResponse;
import io.github.camelsd.component.response.SdResponseDecoder;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("sd:webhook?path=/sd/callback")}: receives the API's callbacks (REFERENCE §5 step 5; training stages,
 * §4.3) on the application's HTTP server (platform-http) or on the JDK's embedded one. Each callback is answered at
 * once, before any route runs (the API wants an answer within 30 s), and only when its URL carries a token this
 * component issued; then it completes the producer exchange that waits for its job (webhook=auto), or, for a job
 * handed back (waitForResult=false), becomes one exchange with the body and headers of a finished job. A failed job
 * is the same typed exception as when polling, passed to the consumer's exception handler (with
 * {@code bridgeErrorHandler=true}: the route's error handler, so onException and dead-letter channels see it).
 */
final class SdWebhookConsumer extends DefaultConsumer {

    static final String DEFAULT_PATH = "/sd/webhook";
    private static final Logger LOG = LoggerFactory.getLogger(SdWebhookConsumer.class);
    private static final String PLATFORM_HTTP = "platform-http";

    /** The answer to one callback. */
    record Reply(int status, String body) {
        static final Reply RECEIVED = new Reply(200, "{\"status\":\"received\"}");
    }

    private final SdEndpoint endpoint;
    /** The producer side's job completion (downloads, NSFW, result headers), shared so that both write the same. */
    private final SdProducer jobs;
    private SdEmbeddedWebhookServer embedded;
    private Consumer platformHttp;

    SdWebhookConsumer(SdEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.jobs = new SdProducer(endpoint);
    }

    /** The path callbacks arrive on: the {@code path} option, else {@value #DEFAULT_PATH}. */
    String path() {
        String path = endpoint.getConfiguration().getPath();
        return path == null || path.isBlank() ? DEFAULT_PATH : path.startsWith("/") ? path : "/" + path;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String server = endpoint.getConfiguration().getWebhookServer().toLowerCase(Locale.ROOT);
        Component platform = "embedded".equals(server) ? null : platformHttpComponent();
        if (platform != null) {
            Endpoint receiving = getEndpoint().getCamelContext()
                    .getEndpoint(PLATFORM_HTTP + ":" + path() + "?httpMethodRestrict=POST");
            platformHttp = receiving.createConsumer(this::receiveFromPlatformHttp);
            ServiceHelper.startService(platformHttp);
            LOG.info("sd:webhook receives callbacks on platform-http at {}", path());
        } else if (PLATFORM_HTTP.equals(server)) {
            throw new IllegalStateException("sd:webhook with webhookServer=platform-http needs a platform-http"
                                            + " component (camel-quarkus-platform-http on Quarkus,"
                                            + " camel-platform-http-main on Camel Main)");
        } else {
            SdConfiguration config = endpoint.getConfiguration();
            embedded = SdEmbeddedWebhookServer.start(config.getWebhookHost(), config.getWebhookPort(), path(),
                    config.getWebhookMaxBodySize(), this::receive, getEndpoint().getCamelContext(), this);
            endpoint.getComponent().webhookRegistry().serving(embedded.url());
            LOG.info("sd:webhook receives callbacks on the embedded server at {}", embedded.url());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (platformHttp != null) {
            ServiceHelper.stopAndShutdownService(platformHttp);
            platformHttp = null;
        }
        if (embedded != null) {
            endpoint.getComponent().webhookRegistry().serving(null);
            embedded.stop();
            embedded = null;
        }
        super.doStop();
    }

    /** platform-http when the application has it (webhookServer=auto or platform-http), else null. */
    private Component platformHttpComponent() {
        try {
            return getEndpoint().getCamelContext().getComponent(PLATFORM_HTTP, true);
        } catch (RuntimeException e) {
            LOG.debug("no usable platform-http component: {}", e.toString());
            return null;
        }
    }

    /** A callback through platform-http: its token is the query parameter {@code token}. */
    private void receiveFromPlatformHttp(Exchange http) {
        byte[] body = http.getMessage().getBody(byte[].class);
        String query = http.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        Reply reply = body != null && body.length > endpoint.getConfiguration().getWebhookMaxBodySize()
                ? tooLarge() : receive("POST", tokenOf(query), body);
        http.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        http.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        http.getMessage().setBody(reply.body());
    }

    static Reply tooLarge() {
        return new Reply(413, "{\"status\":\"error\",\"message\":\"callback body too large\"}");
    }

    /** The {@code token} parameter of a raw query string, or null (also when the query cannot be parsed). */
    static String tokenOf(String rawQuery) {
        try {
            Object token = rawQuery == null ? null : URISupport.parseQuery(rawQuery).get("token");
            return token == null ? null : token.toString();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /**
     * One callback, whichever server received it: checked (method, token, JSON), answered, and handed on to the I/O
     * pool, so that no route runs on the server's thread nor delays the answer.
     */
    Reply receive(String method, String token, byte[] body) {
        if (!"POST".equalsIgnoreCase(method)) {
            return new Reply(405, "{\"status\":\"error\",\"message\":\"POST only\"}");
        }
        SdWebhookTokens.Use use = endpoint.webhookTokens().verify(token);
        if (use == null) {
            // never logged with the token: a forged or stale URL says nothing useful, a real one must stay secret
            LOG.warn("sd:webhook rejected a callback to {} without a valid token", path());
            return new Reply(403, "{\"status\":\"error\",\"message\":\"invalid token\"}");
        }
        Map<String, Object> payload;
        try {
            payload = SdJson.readObject(body == null ? new byte[0] : body);
        } catch (java.io.IOException | RuntimeException e) {
            return new Reply(400, "{\"status\":\"error\",\"message\":\"not a JSON object\"}");
        }
        SdContinuations continuations = endpoint.getComponent().continuations();
        if (continuations == null) {
            return new Reply(503, "{\"status\":\"error\",\"message\":\"stopping\"}"); // the API will not retry, polls will
        }
        continuations.resume(() -> dispatch(token, use, payload));
        return Reply.RECEIVED;
    }

    /** The waiting producer exchange takes the callback; else a handed-back job's first such callback is emitted. */
    private void dispatch(String token, SdWebhookTokens.Use use, Map<String, Object> payload) {
        if (endpoint.getComponent().webhookRegistry().deliver(token, payload)) {
            return;
        }
        if (use == SdWebhookTokens.Use.AWAITED) {
            // its exchange already ended (a poll or an earlier copy), or waits on another instance, which polls
            LOG.debug("sd:webhook callback for job {} that no exchange here waits for: ignored", payload.get("id"));
            return;
        }
        String state = payload.get("status") + " " + payload.getOrDefault("training_status", "");
        if (!endpoint.getComponent().webhookRegistry().firstTime(token, state)) {
            LOG.debug("sd:webhook duplicate callback for job {} ({}): ignored", payload.get("id"), state);
            return;
        }
        emit(payload);
    }

    private void emit(Map<String, Object> payload) {
        Exchange exchange = createExchange(false);
        // also on a failed job, whose exception says no more than its id
        if (payload.get("id") != null && !payload.get("id").toString().isBlank()) {
            exchange.getMessage().setHeader(SdConstants.JOB_ID, payload.get("id").toString());
        }
        if (payload.get("track_id") != null) {
            exchange.getMessage().setHeader(SdConstants.TRACK_ID, payload.get("track_id").toString());
        }
        SdResponse response;
        try {
            response = SdResponseDecoder.decode("sd:webhook", payload, exchange, null);
        } catch (SdException failed) {
            exchange.setException(failed); // a failed job: the exception a poll would have given
            process(exchange);
            return;
        }
        Object trainingStage = response.raw().get("training_status");
        if (trainingStage != null) {
            Object model = response.raw().get("model_id");
            SdResultWriter.trainingStatus(exchange, model == null ? null : model.toString(), response, 0);
            process(exchange);
        } else {
            jobs.completeJob(exchange, doneSync -> process(exchange), response, 0);
        }
    }

    /** Runs the route; a failure goes to the exception handler, as for any consumer, and is never dropped. */
    private void process(Exchange exchange) {
        if (exchange.getException() != null) {
            handled(exchange);
            return;
        }
        getAsyncProcessor().process(exchange, doneSync -> handled(exchange));
    }

    private void handled(Exchange exchange) {
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("sd:webhook callback of job "
                                                  + exchange.getMessage().getHeader(SdConstants.JOB_ID),
                    exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
