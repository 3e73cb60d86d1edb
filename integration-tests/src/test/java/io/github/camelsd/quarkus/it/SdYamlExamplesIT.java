package io.github.camelsd.quarkus.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SdYamlExamplesIT extends SdYamlExamplesTest {
}
