package io.github.camelsd.examples.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Tag;

/** The same tests against the packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}). */
@QuarkusIntegrationTest
@Tag("packaged") // run by failsafe only (pom.xml)
class HttpImagesIT extends HttpImagesTest {
}
