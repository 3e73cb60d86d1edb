package io.github.camelsd.quarkus.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import io.quarkus.test.common.PropertyTestUtil;
import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SdSecretScanIT extends SdSecretScanTest {

    /** The packaged application runs in its own process, which logs to the file the test launcher gives it. */
    @Override
    String applicationLog(LogCapture capture) throws IOException {
        return Files.readString(PropertyTestUtil.getLogFilePath(), StandardCharsets.UTF_8);
    }
}
