package io.github.camelsd.component;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.camelsd.component.error.SdException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch of jobs across a restart of the enterprise server (restart-server: the emulator fails its queued jobs and
 * refuses connections for 2 s), through a route with the shipped error handling: every job ends exactly once, as a
 * result or as a dead letter; none is lost.
 */
class SdEnterpriseRestartTest extends SdErrorHandlingTestSupport {

    private static final int JOBS = 20;
    private static final String E = "/api/v1/enterprise/";

    /** Job number to its outcome; a second outcome of a job would be a duplicate. */
    private final Map<Integer, String> outcomes = new ConcurrentHashMap<>();
    private final Map<Integer, String> duplicates = new ConcurrentHashMap<>();
    private final AtomicInteger redelivered = new AtomicInteger();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SdConfiguration config = context.getComponent("sd", SdComponent.class).getConfiguration();
        config.setApiVersion(SdApiVersion.enterprise);
        config.setApiKey(SdEnterpriseTest.ENTERPRISE_KEY);
        return context;
    }

    @Override
    protected void tune(Properties properties) {
        properties.put("sd.dead-letter-uri", "direct:dead");
        // a back-off that outlasts the 2 s downtime: 200, 400, 800, then 1000 ms, ten times at most
        properties.put("sd.backoff.initial-delay", "200");
        properties.put("sd.backoff.max-delay", "1000");
        properties.put("sd.backoff.max-redeliveries", "10");
    }

    @Override
    protected void routes(RouteBuilder routes) {
        routes.from("direct:jobs").routeConfigurationId(SdErrorHandlingConfiguration.ID)
                .to("sd:text2img?width=64&height=64&responseTimeout=5000&modelId=" + SdEnterpriseTest.MODEL)
                .process(e -> record(e, "delivered"));
        routes.from("direct:dead").process(e -> {
            Throwable caught = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            assertInstanceOf(SdException.class, caught, "a dead letter carries its exception");
            record(e, "dead letter: " + caught.getClass().getSimpleName());
        });
    }

    private void record(Exchange exchange, String outcome) {
        int job = exchange.getMessage().getHeader("job", Integer.class);
        Integer attempts = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        if (attempts != null && attempts > 0) {
            redelivered.incrementAndGet();
        }
        if (outcomes.putIfAbsent(job, outcome) != null) {
            duplicates.put(job, outcome);
        }
    }

    @AfterEach
    void serverDefaults() {
        emulator.setRestartDowntime(Duration.ofSeconds(1));
    }

    @Test
    void everyJobAcrossARestartIsDeliveredOrDeadLetteredNoneLost() throws Exception {
        emulator.setRestartDowntime(Duration.ofSeconds(2));
        emulator.setProcessingTime(Duration.ofMillis(400)); // the first half is queued on the server when it restarts
        for (int job = 0; job < JOBS / 2; job++) {
            send(job);
        }
        awaitCondition(() -> emulator.requestCount(E + "text2img") >= JOBS / 2, "the first half submitted");

        Map<?, ?> restart = template.requestBody("sd:restart-server", null, Map.class);
        assertEquals("server restarting", restart.get("message"));
        awaitCondition(() -> !emulator.isAvailable(), "the server went down");
        for (int job = JOBS / 2; job < JOBS; job++) {
            send(job); // refused: nothing listens
        }
        assertFalse(emulator.isAvailable(), "the second half was sent while the server was down");

        awaitCondition(() -> outcomes.size() == JOBS, "every job ended");
        Thread.sleep(300); // a late second outcome of a job would show here
        assertEquals(Map.of(), duplicates, "no job ended twice");
        assertEquals(IntStream.range(0, JOBS).boxed().collect(Collectors.toSet()), outcomes.keySet(), "none lost");
        Map<String, Long> counts = outcomes.values().stream()
                .collect(Collectors.groupingBy(outcome -> outcome, Collectors.counting()));
        long delivered = counts.getOrDefault("delivered", 0L);
        long dead = JOBS - delivered;
        System.out.printf("restart scenario: %d jobs, %d delivered, %d dead-lettered, %d redelivered at least once%n",
                JOBS, delivered, dead, redelivered.get());
        assertEquals(JOBS, delivered + dead);
        assertEquals(Set.of("delivered"), counts.keySet(), "the back-off outlasts the restart: " + counts);
        assertTrue(redelivered.get() >= JOBS / 2, "the jobs sent while the server was down were redelivered: "
                                                  + redelivered.get());
        assertEquals(1, emulator.requestCount(E + "restart_server"));
    }

    private void send(int job) {
        template.asyncSend("direct:jobs", e -> {
            e.getMessage().setHeader("job", job);
            e.getMessage().setBody("job " + job + ", a lighthouse");
        });
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(5);
        }
    }
}
