package io.github.camelsd.examples.http;

import java.time.Duration;
import java.util.Map;

import io.github.camelsd.emulator.SdEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The API emulator in the test JVM, for {@link HttpFailuresTest}: unlike the Dev Services one, the tests can arm its
 * faults and change its processing time. The application gets its address and key, short polls, a short wait for
 * {@code POST /images/sync} and a short response timeout, so that timeouts take seconds. The test gets the emulator
 * injected into its {@link SdEmulator} field.
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    /** The application's key at this emulator: the tests search every answer for it. */
    static final String API_KEY = "http-example-secret-key-3f9c1d7e5a2b";
    static final Duration SYNC_MAX_WAIT = Duration.ofSeconds(2);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);

    private SdEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = SdEmulator.builder().port(0).apiKey(API_KEY).processingTime(Duration.ofMillis(500))
                .spamFilterWindow(Duration.ZERO).build().start();
        return Map.of(
                "camel.component.sd.base-url", emulator.baseUrl(),
                "camel.component.sd.api-key", API_KEY,
                "camel.component.sd.poll-interval", "200ms",
                "camel.component.sd.min-poll-interval", "100ms",
                "camel.component.sd.response-timeout", RESPONSE_TIMEOUT.toMillis() + "ms",
                "images.sync.max-wait", SYNC_MAX_WAIT.toMillis() + "ms");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(emulator, new TestInjector.MatchesType(SdEmulator.class));
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
