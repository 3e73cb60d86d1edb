package io.github.camelsd.component;

import io.github.camelsd.component.error.SdInvalidKeyException;
import io.github.camelsd.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The shipped configuration from the YAML DSL, by routeConfigurationId, as low-code users write it. */
class SdErrorHandlingYamlTest extends SdErrorHandlingTestSupport {

    private static final String ROUTE = """
            - route:
                id: yaml-render
                routeConfigurationId: sd-error-handling
                from:
                  uri: direct:yaml
                  steps:
                    - to: sd:text2img
                    - to: mock:rendered
            """;

    @Override
    protected void routes(RouteBuilder routes) {
        // the route under test comes from YAML, loaded below
    }

    @BeforeEach
    void loadTheYamlRoute() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("render.yaml", ROUTE));
    }

    @Test
    void retriesWhatCanSucceed() throws Exception {
        emulator.faults().next(Fault.httpStatus(503), 2);
        MockEndpoint rendered = getMockEndpoint("mock:rendered");
        rendered.expectedMessageCount(1);
        template.sendBody("direct:yaml", "a yaml fox");
        rendered.assertIsSatisfied();
        assertEquals(3, emulator.requestCount("/api/v3/text2img"));
    }

    @Test
    void deadLettersWhatCannot() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        template.sendBody("direct:yaml", java.util.Map.of("prompt", "a yaml fox", "key", "sk-revoked"));
        dead.assertIsSatisfied();
        assertInstanceOf(SdInvalidKeyException.class, dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(1, emulator.requestCount("/api/v3/text2img"));
    }
}
