package io.github.camelsd.emulator;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the emulator's test classes share: one emulator per class, started before its first test and closed after its
 * last, with the test key and the spam filter off, and an {@link ApiClient} on it; before each test the emulator
 * forgets everything and is back to the timings every test starts from (jobs and trainings done at once, no spam
 * filter, the default queue limit, model loads at once, the default restart downtime), its listener open again if a
 * test left a restart under way. A class adds keys, models or other settings by overriding {@link #configure}, and may
 * change timings in its tests or its own {@code @BeforeEach}, which runs after the reset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulatorTestSupport {

    protected SdEmulator emulator;
    protected ApiClient api;

    /** The class's emulator: {@code builder} already has the test key and the spam filter off. */
    protected SdEmulator.Builder configure(SdEmulator.Builder builder) {
        return builder;
    }

    @BeforeAll
    final void startEmulator() {
        emulator = configure(SdEmulator.builder().apiKey(ApiClient.KEY).spamFilterWindow(Duration.ZERO)).build()
                .start();
        api = new ApiClient(emulator);
    }

    @AfterAll
    final void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @BeforeEach
    final void resetEmulator() throws InterruptedException {
        // a test that failed while the listener was closed must not fail the next one too
        assertTrue(emulator.awaitAvailable(Duration.ofSeconds(10)), "the listener is open again");
        emulator.reset();
        emulator.setProcessingTime(Duration.ZERO);
        emulator.setSpamFilterWindow(Duration.ZERO);
        emulator.setQueueLimit(EmulatorSettings.DEFAULT_QUEUE_LIMIT);
        emulator.setTrainingTime(Duration.ZERO);
        emulator.setModelLoadTime(Duration.ZERO);
        emulator.setRestartDowntime(EmulatorSettings.DEFAULT_RESTART_DOWNTIME);
    }
}
