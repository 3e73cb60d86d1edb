package io.github.camelsd.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * What users write today without the connector, as the public examples do it: camel-http and Jackson, and a loop that
 * sleeps for the eta and fetches again while the job is processing. One consumer thread per job in flight.
 */
final class HandWrittenPollingRoutes extends RouteBuilder {

    static final String START = "seda:handwritten";
    /** Exchange property: completed when the job's route ends, failed when it ended with an exception. */
    private static final String DONE = "benchJobDone";
    private final String baseUrl;
    private final int consumers;
    private final Processor onDone = exchange -> {
        CompletableFuture<?> done = exchange.getProperty(DONE, CompletableFuture.class);
        if (exchange.getMessage().getHeader("failed") != null) {
            done.completeExceptionally(new IllegalStateException("hand-written job failed"));
        } else {
            done.complete(null);
        }
    };

    HandWrittenPollingRoutes(String baseUrl, int consumers) {
        this.baseUrl = baseUrl;
        this.consumers = consumers;
    }

    /** Queues one job for the consumers; the future completes when its route has ended. */
    static CompletableFuture<?> start(ProducerTemplate template, String prompt) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        template.send(START, ExchangePattern.InOnly, exchange -> {
            exchange.setProperty(DONE, done);
            exchange.getMessage().setBody(prompt);
        });
        return done;
    }

    @Override
    public void configure() {
        // a failed job ends too (and is counted by the caller), so the measurement never waits for it
        onException(Exception.class).handled(true).setHeader("failed", constant(true)).process(onDone);

        from(START + "?concurrentConsumers=" + consumers + "&limitConcurrentConsumers=false&size=100000")
                .process(e -> e.getMessage().setBody(request(e.getMessage().getBody(String.class))))
                .marshal().json(JsonLibrary.Jackson)
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to(baseUrl + "/api/v3/text2img")
                .unmarshal().json(JsonLibrary.Jackson, Map.class)
                .loopDoWhile(simple("${body[status]} == 'processing'"))
                    .process(e -> {
                        Map<?, ?> answer = e.getMessage().getBody(Map.class);
                        e.getMessage().setHeader("jobId", answer.get("id"));
                        e.getMessage().setHeader("waitMillis",
                                Math.round(Double.parseDouble(String.valueOf(answer.get("eta"))) * 1000));
                        e.getMessage().setBody(Map.of("key", EmulatorProcess.KEY));
                    })
                    .delay(header("waitMillis")).syncDelayed()
                    .marshal().json(JsonLibrary.Jackson)
                    .toD(baseUrl + "/api/v3/fetch/${header.jobId}")
                    .unmarshal().json(JsonLibrary.Jackson, Map.class)
                .end()
                .process(onDone);
    }

    private static Map<String, Object> request(String prompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", EmulatorProcess.KEY);
        body.put("prompt", prompt);
        body.put("width", 64);
        body.put("height", 64);
        return body;
    }
}
