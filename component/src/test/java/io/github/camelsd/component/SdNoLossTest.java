package io.github.camelsd.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.camelsd.component.error.SdException;
import io.github.camelsd.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No loss under faults: 10,000 prompts from a durable source (a folder read by the file consumer) through sd:text2img
 * with the shipped error handling, while 20 % of the API's answers are faults of mixed kinds. Every prompt must end
 * exactly once, as an image or as a dead-letter entry that carries its exception.
 */
class SdNoLossTest extends SdErrorHandlingTestSupport {

    private static final int PROMPTS = 10_000;

    @TempDir
    static Path inbox;

    private final Map<String, String> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> duplicates = new ConcurrentHashMap<>();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("consumedPrompts", MemoryIdempotentRepository.memoryIdempotentRepository(2 * PROMPTS));
    }

    @Override
    protected void tune(Properties properties) {
        properties.put("sd.dead-letter-uri", "direct:dead");
        properties.put("sd.backoff.max-delay", "50");
    }

    @Override
    protected void routes(RouteBuilder routes) {
        // idempotent: a file still listed by a poll after its exchange deleted it is not read again
        routes.from("file:" + inbox + "?delete=true&maxMessagesPerPoll=0&delay=10&initialDelay=0"
                    + "&idempotent=true&idempotentRepository=#consumedPrompts")
                .routeId("prompts").autoStartup(false)
                .routeConfigurationId(SdErrorHandlingConfiguration.ID)
                .convertBodyTo(String.class)
                .to("sd:text2img?width=64&height=64&maxConcurrentJobs=64&maxPendingJobs=" + PROMPTS
                    + "&responseTimeout=2000")
                .process(e -> record(e, "image"));
        routes.from("direct:dead").process(e -> {
            Throwable caught = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            assertInstanceOf(SdException.class, caught, "a dead letter carries its exception");
            record(e, "dead letter: " + caught.getClass().getSimpleName());
        });
    }

    private void record(Exchange exchange, String outcome) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (outcomes.putIfAbsent(name, outcome) != null) {
            duplicates.put(name, outcome);
        }
    }

    @Test
    void everyPromptEndsExactlyOnceAsAnImageOrADeadLetter() throws Exception {
        for (int i = 0; i < PROMPTS; i++) {
            Files.writeString(inbox.resolve("prompt-" + i + ".txt"), "prompt number " + i + ", a lighthouse",
                    StandardCharsets.UTF_8);
        }
        emulator.faults().randomly(0.20, 42L, List.of(
                Fault.httpStatus(500), Fault.httpStatus(503), Fault.htmlPage(502), Fault.rateLimited(0),
                Fault.rateLimited(null), Fault.dropConnection(), Fault.truncatedBody(), Fault.malformedJson(),
                Fault.generationFailed(), Fault.latency(Duration.ofMillis(20))));

        context.getRouteController().startRoute("prompts");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (outcomes.size() < PROMPTS && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }

        assertEquals(PROMPTS, outcomes.size(), "every prompt ended");
        assertTrue(duplicates.isEmpty(), "ended twice: " + duplicates);
        try (var left = Files.list(inbox)) {
            assertFalse(left.findAny().isPresent(), "every file was consumed and committed");
        }
        long images = outcomes.values().stream().filter("image"::equals).count();
        Map<String, Long> byOutcome = outcomes.values().stream()
                .collect(java.util.stream.Collectors.groupingBy(o -> o, java.util.stream.Collectors.counting()));
        assertTrue(images > PROMPTS * 0.99, "most prompts became images: " + byOutcome);
        assertTrue(emulator.requestCount("/api/v3/text2img") > PROMPTS * 1.15, "faults were really injected");
    }
}
