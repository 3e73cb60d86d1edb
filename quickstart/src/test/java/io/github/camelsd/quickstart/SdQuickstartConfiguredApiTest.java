package io.github.camelsd.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelsd.emulator.SdEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a key and a base URL configured (as {@code SD_API_KEY} and {@code SD_BASE_URL} do in prod mode), the quick start
 * calls that API, not its embedded emulator: here an emulator of the test's with its own key.
 */
@QuarkusMainTest
@WithTestResource(SdQuickstartConfiguredApiTest.ConfiguredApi.class)
class SdQuickstartConfiguredApiTest {

    static final String KEY = "quickstart-configured-key";
    /** Where the resource's emulator listens (a system property: the resource runs in another class loader). */
    static final String URL_PROPERTY = "quickstart.test.configured-api";

    @Test
    void callsTheConfiguredApi(QuarkusMainLauncher launcher, @TempDir Path work) throws Exception {
        Path in = Files.createDirectories(work.resolve("in"));
        Files.writeString(in.resolve("apple.txt"), "a green apple");

        LaunchResult result = launcher.launch(in.toString(), work.resolve("out").toString());

        String output = result.getOutput() + result.getErrorOutput();
        assertEquals(0, result.exitCode(), output);
        // rendered with the configured key (the emulator refuses any other)
        assertTrue(output.contains("Calling the Stable Diffusion API at " + System.getProperty(URL_PROPERTY)), output);
        assertFalse(output.contains("embedded emulator"), output);
        assertTrue(Files.exists(work.resolve("out/apple-0.png")), output);
    }

    /** The API the application is configured with. */
    public static class ConfiguredApi implements QuarkusTestResourceLifecycleManager {

        private SdEmulator emulator;

        @Override
        public Map<String, String> start() {
            emulator = SdEmulator.builder().port(0).apiKey(KEY).build().start();
            System.setProperty(URL_PROPERTY, emulator.baseUrl());
            return Map.of("camel.component.sd.base-url", emulator.baseUrl(), "camel.component.sd.api-key", KEY);
        }

        @Override
        public void stop() {
            if (emulator != null) {
                emulator.close();
            }
        }
    }
}
