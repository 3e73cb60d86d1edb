package io.github.camelsd.component;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.github.camelsd.emulator.Fault;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API key is a secret: it must not appear in any log record at any level, in exception messages or stack traces,
 * or in endpoint URIs and toString(), whatever the route does.
 */
class SdSecretLeakTest extends SdEmulatorTestSupport {

    private static final String URI_KEY = "sk-uri-9d8c7b6a5f4e3d2c";
    private static final String CAMEL_JMX_MASKING_TRACE = "org.apache.camel.support.management.MixinRequiredModelMBean";
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter();
            text.append(record.getLoggerName()).append(' ').append(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static final List<String> LOGGERS = List.of("", "org.apache.camel", "io.github.camelsd");
    private final List<Level> levelsBefore = new java.util.ArrayList<>();
    private final java.util.concurrent.BlockingQueue<String> callbacks = new java.util.concurrent.LinkedBlockingQueue<>();

    @BeforeEach
    void captureEverything() {
        for (String name : LOGGERS) {
            levelsBefore.add(Logger.getLogger(name).getLevel());
            Logger.getLogger(name).setLevel(Level.ALL);
        }
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        for (int i = 0; i < LOGGERS.size(); i++) {
            Logger.getLogger(LOGGERS.get(i)).setLevel(levelsBefore.get(i));
        }
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").routeId("generate")
                        .log("sending ${body} to sd")
                        .to("sd:text2img?samples=1&apiKey=" + URI_KEY)
                        .log("got ${body} with ${headers}");
                from("sd:webhook?webhookHost=127.0.0.1").routeId("callbacks")
                        .log("called back with ${body} and ${headers}")
                        .process(e -> callbacks.add(e.getMessage().getHeader(SdConstants.JOB_ID, String.class)));
            }
        };
    }

    /** Every attribute of every Camel endpoint MBean, as text. */
    private List<String> jmxEndpointAttributes() throws Exception {
        javax.management.MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        List<String> values = new java.util.ArrayList<>();
        for (javax.management.ObjectName name : server.queryNames(new javax.management.ObjectName("org.apache.camel:type=endpoints,*"), null)) {
            for (javax.management.MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                try {
                    values.add(name + " " + attribute.getName() + "=" + server.getAttribute(name, attribute.getName()));
                } catch (Exception unreadable) {
                    // an attribute that cannot be read cannot leak either
                }
            }
        }
        assertFalse(values.isEmpty(), "JMX is on and shows the endpoints");
        return values;
    }

    @Test
    void theKeyIsInNoLogExceptionOrUri() throws Exception {
        emulator.setProcessingTime(Duration.ofMillis(200));
        // the emulator accepts only API_KEY: the URI key fails, which exercises the error paths with a key in the URI
        Exchange viaUri = template.send("direct:generate", e -> e.getMessage().setBody("a secret fox"));
        assertNotNull(viaUri.getException());
        Exchange ok = send("sd:text2img", "a public fox");
        assertFalse(ok.isFailed());
        emulator.faults().next(Fault.httpStatus(500));
        Exchange serverError = send("sd:text2img", "a failing fox");
        Exchange badInput = send("sd:text2img?width=7", "a bad fox");

        assertTrue(logged.stream().anyMatch(line -> line.contains("POST")), "TRACE logging really was on");
        assertFalse(logged.stream().anyMatch(line -> line.startsWith(CAMEL_JMX_MASKING_TRACE) && line.contains(API_KEY)),
                "the component-level key never enters a URI, so not even Camel's JMX trace sees it");
        for (String key : List.of(API_KEY, URI_KEY)) {
            for (String line : logged) {
                if (key.equals(URI_KEY) && line.startsWith(CAMEL_JMX_MASKING_TRACE)) {
                    // Camel core traces the raw value of every attribute it masks for JMX. Only a key written into
                    // an endpoint URI can reach it: the docs recommend camel.component.sd.api-key, checked below.
                    continue;
                }
                assertFalse(line.contains(key), () -> "key in log: " + line);
            }
            for (Exchange exchange : List.of(viaUri, serverError, badInput)) {
                StringWriter trace = new StringWriter();
                exchange.getException().printStackTrace(new PrintWriter(trace));
                assertFalse(trace.toString().contains(key), () -> "key in exception: " + trace);
            }
            for (Endpoint endpoint : context.getEndpoints()) {
                assertFalse(endpoint.toString().contains(key), () -> "key in endpoint: " + endpoint);
            }
            String routes = context.getRoutes().toString();
            assertFalse(routes.contains(key), routes);
            for (String attribute : jmxEndpointAttributes()) {
                assertFalse(attribute.contains(key), () -> "key in JMX: " + attribute);
            }
        }
    }

    /** A callback URL's token lets anyone complete that job: it is logged nowhere, by the producer or the consumer. */
    @Test
    void theWebhookTokenIsInNoLog() throws Exception {
        emulator.setProcessingTime(Duration.ofMillis(200));
        Exchange awaited = send("sd:text2img?webhook=auto&webhookPollInterval=60000", "a called-back fox");
        assertFalse(awaited.isFailed(), () -> "failed: " + awaited.getException());
        Exchange handedBack = send("sd:text2img?webhook=auto&waitForResult=false", "a handed-back fox");
        String jobId = handedBack.getMessage().getBody(String.class);
        assertTrue(jobId.equals(callbacks.poll(10, java.util.concurrent.TimeUnit.SECONDS)), "the route was called back");

        assertTrue(logged.stream().anyMatch(line -> line.contains("POST")), "TRACE logging really was on");
        for (io.github.camelsd.emulator.RecordedRequest request : emulator.requests()) {
            Object webhook = request.body().get("webhook");
            if (webhook == null) {
                continue;
            }
            String token = webhook.toString().substring(webhook.toString().indexOf("token=") + 6);
            String mac = token.substring(token.indexOf('.') + 1); // the part that makes the token valid
            for (String line : logged) {
                if (line.contains("[sd-emulator-")) {
                    continue; // the emulator plays the API, which must know the URL: its client's debug log is not ours
                }
                assertFalse(line.contains(mac), () -> "webhook token in log: " + line);
            }
            for (Exchange exchange : List.of(awaited, handedBack)) {
                assertFalse(exchange.getMessage().getHeaders().toString().contains(mac),
                        () -> "webhook token in headers: " + exchange.getMessage().getHeaders());
            }
        }
    }
}
