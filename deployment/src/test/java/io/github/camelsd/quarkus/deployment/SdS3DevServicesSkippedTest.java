package io.github.camelsd.quarkus.deployment;

import io.github.camelsd.locals3.LocalS3Store;
import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A configured staging URI means an own store: no S3Proxy is started and the URI stays as configured. */
class SdS3DevServicesSkippedTest {

    private static final String OWN_STORE = "aws2-s3://own-bucket?region=eu-west-1&useDefaultCredentialsProvider=true";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey(SdDevServicesProcessor.STAGING, "s3")
            .overrideConfigKey(SdDevServicesProcessor.STAGING_URI, OWN_STORE);

    @Test
    void theConfiguredStagingUriStays() {
        assertEquals(OWN_STORE,
                ConfigProvider.getConfig().getValue(SdDevServicesProcessor.STAGING_URI, String.class));
        assertNull(System.getProperty(LocalS3Store.CHECKSUM_PROPERTY), "S3Proxy's checksum setting was not made");
    }
}
