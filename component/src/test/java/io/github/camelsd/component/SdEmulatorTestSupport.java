package io.github.camelsd.component;

import java.time.Duration;

import io.github.camelsd.emulator.SdEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * One emulator per test class, over real HTTP on loopback, and a Camel context whose sd component points at it. The
 * spam filter is off unless a test turns it on, because tests legitimately repeat requests.
 */
abstract class SdEmulatorTestSupport extends CamelTestSupport {

    static final String API_KEY = "sk-test-4f9c2e7a1b3d5e6f";

    static SdEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = SdEmulator.builder()
                .port(0)
                .apiKey(API_KEY)
                .spamFilterWindow(Duration.ZERO)
                .queueLimit(10_000)
                .build()
                .start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        emulator.reset();
        emulator.setProcessingTime(Duration.ZERO);
        emulator.setSpamFilterWindow(Duration.ZERO);
        emulator.setQueueLimit(10_000);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SdComponent sd = new SdComponent();
        sd.getConfiguration().setBaseUrl(emulator.baseUrl());
        sd.getConfiguration().setApiKey(API_KEY);
        sd.getConfiguration().setPollInterval(200);
        sd.getConfiguration().setMinPollInterval(20);
        // most tests are not about the local queue: let every job through (SdJobLimiterTest covers it)
        sd.getConfiguration().setMaxConcurrentJobs(10_000);
        context.addComponent("sd", sd);
        return context;
    }

    /** Sends and returns the exchange, failed or not. */
    Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }

    static <T extends Throwable> T failure(Exchange exchange, Class<T> type) {
        assertNotNull(exchange.getException(), "the exchange should have failed with " + type.getSimpleName());
        return assertInstanceOf(type, exchange.getException());
    }
}
