package io.github.camelsd.component;

import java.util.Properties;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;

/**
 * Tests of the shipped sd-error-handling configuration: it is registered, its delays are made short so that tests count
 * attempts without waiting, and dead letters go to {@code mock:dead}. Subclasses add their routes and tune policies.
 */
abstract class SdErrorHandlingTestSupport extends SdEmulatorTestSupport {

    @Override
    protected final Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("sd.dead-letter-uri", "mock:dead");
        properties.put("sd.backoff.initial-delay", "5");
        properties.put("sd.rate-limit.delay", "5");
        tune(properties);
        return properties;
    }

    /** Overrides of the sd.* policy properties for one test class. */
    protected void tune(Properties properties) {
    }

    @Override
    protected final RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new SdErrorHandlingConfiguration(), new RouteBuilder() {
            @Override
            public void configure() {
                routes(this);
            }
        } };
    }

    /** The routes under test, usually with {@code routeConfigurationId(SdErrorHandlingConfiguration.ID)}. */
    protected abstract void routes(RouteBuilder routes);
}
