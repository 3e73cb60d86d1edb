package io.github.camelsd.examples.http;

import java.util.List;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/**
 * The same failures against the packaged application. Its build-time config is fixed (the launcher refuses a changed
 * {@code quarkus.camel.sd.devservices.enabled}); the emulator's base URL, a run-time property, points it at the test's
 * emulator instead. (Dev Services still start their emulator for this run, which the application then does not use:
 * {@code theApplicationCallsThisEmulator} checks that the requests reach the test's.)
 */
@QuarkusIntegrationTest
@Tag("packaged") // run by failsafe only (pom.xml)
@TestProfile(HttpFailuresIT.OwnEmulatorPackaged.class)
class HttpFailuresIT extends HttpFailuresTest {

    public static class OwnEmulatorPackaged implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmulatorResource.class));
        }
    }
}
