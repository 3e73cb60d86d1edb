package io.github.camelsd.component;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelsd.component.SdRequestGate.Traffic;
import io.github.camelsd.emulator.Fault;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bound on requests in flight per server: the gate alone, then the component against the emulator. */
class SdRequestGateTest extends SdEmulatorTestSupport {

    private static final URI SERVER = URI.create("http://127.0.0.1:9/api/v3/text2img");

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("sd", SdComponent.class).setMaxRequestsInFlight(4);
        return context;
    }

    @Test
    void requestsPastTheBoundWaitAndFreedSlotsGoToTheTrafficClassesInTurn() {
        SdRequestGate gate = new SdRequestGate(2);
        List<String> started = new ArrayList<>();
        List<Runnable> frees = new ArrayList<>();
        for (String name : List.of("submit-1", "submit-2", "submit-3", "submit-4", "poll-1", "download-1", "poll-2")) {
            Traffic traffic = name.startsWith("submit") ? Traffic.SUBMIT
                    : name.startsWith("poll") ? Traffic.POLL : Traffic.DOWNLOAD;
            gate.submit(SERVER, traffic, free -> {
                started.add(name);
                frees.add(free);
            });
        }
        assertEquals(List.of("submit-1", "submit-2"), started, "two slots");
        assertEquals(5, gate.waiting(SERVER));
        // another server has slots of its own
        gate.submit(URI.create("http://127.0.0.1:10/x"), Traffic.SUBMIT, free -> started.add("elsewhere"));
        assertEquals(3, started.size());

        frees.get(0).run();
        frees.get(0).run(); // freeing twice frees once
        frees.get(1).run();
        assertEquals(List.of("submit-1", "submit-2", "elsewhere", "submit-3", "poll-1"), started,
                "submits, then polls: each class in turn");
        frees.get(2).run();
        frees.get(3).run();
        assertEquals(List.of("submit-1", "submit-2", "elsewhere", "submit-3", "poll-1", "download-1", "submit-4"),
                started, "then a download, then back to the submits");
        assertEquals(2, gate.inFlight(SERVER));
        frees.get(4).run();
        frees.get(5).run();
        frees.get(6).run();
        assertEquals("poll-2", started.get(started.size() - 1));
        assertEquals(0, gate.waiting(SERVER));
        assertThrows(IllegalArgumentException.class, () -> new SdRequestGate(0));
    }

    @Test
    void manyJobsAtOnceReachTheServerFourAtATime() throws Exception {
        int jobs = 20;
        // every answer held 5 s: while the first four are held, the other sixteen must still be waiting in the gate
        emulator.faults().next(Fault.latency(Duration.ofSeconds(5)), jobs);
        Endpoint endpoint = context.getEndpoint("sd:text2img?width=64&height=64");
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        List<CompletableFuture<Exchange>> results = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody("gated job " + i);
            CompletableFuture<Exchange> result = new CompletableFuture<>();
            producer.process(exchange, doneSync -> result.complete(exchange));
            results.add(result);
        }
        SdRequestGate gate = context.getComponent("sd", SdComponent.class).transport().gate();
        URI server = URI.create(emulator.baseUrl());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        while (emulator.requestCount("/api/v3/text2img") < 4 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        int arrived = emulator.requestCount("/api/v3/text2img");
        int inFlight = gate.inFlight(server);
        int waiting = gate.waiting(server);
        assertEquals(4, arrived, "requests at the server while the first answers are held");
        assertEquals(4, inFlight, "in flight");
        assertEquals(jobs - 4, waiting, "waiting in the gate");
        for (CompletableFuture<Exchange> result : results) {
            Exchange exchange = result.get(60, TimeUnit.SECONDS);
            assertNull(exchange.getException(), () -> "failed: " + exchange.getException());
        }
        assertEquals(jobs, emulator.requestCount("/api/v3/text2img"), "every job was sent once");
        assertEquals(0, gate.inFlight(server), "every slot freed");
        producer.stop();
    }
}
