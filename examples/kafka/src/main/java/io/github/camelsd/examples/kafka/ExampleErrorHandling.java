package io.github.camelsd.examples.kafka;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * What {@code sd-error-handling} does not cover: a failure outside {@code sd:} (storing an image in S3, writing the
 * result event) is tried again 3 times, half a second apart, then dead-lettered like an API failure. The route names
 * both configurations; Camel picks, per exception, the closest match, so every {@code SdException} keeps the shipped
 * policy.
 */
public class ExampleErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "kafka-example-error-handling";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .maximumRedeliveries("{{kafka.example.max-redeliveries:3}}")
                .redeliveryDelay("{{kafka.example.redelivery-delay:500}}")
                .asyncDelayedRedelivery()
                .handled(true)
                .to(KafkaRenderRoutes.DEAD_LETTER);
    }
}
