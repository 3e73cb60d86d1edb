package io.github.camelsd.examples.kafka;

import java.time.Duration;

import io.github.camelsd.kafkastate.KafkaStateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The jobs the API accepted, by record key, on a compacted topic of the same Kafka cluster
 * ({@code kafka.example.accepted-jobs-topic}): what {@code sd:text2img} reads when a record comes again, so that an
 * instance that takes over a dead one's records resumes their jobs instead of paying for them twice. The component
 * starts the repository with the route (it reads the whole topic first); it is stopped with the application.
 */
@ApplicationScoped
public class AcceptedJobs {

    /** The bean's name, as the route's {@code jobStateRepository=#...} refers to it. */
    public static final String NAME = "acceptedJobs";

    @Produces
    @Singleton
    @Named(NAME)
    KafkaStateRepository acceptedJobs(@ConfigProperty(name = "camel.component.kafka.brokers") String brokers,
            @ConfigProperty(name = "kafka.example.accepted-jobs-topic") String topic) {
        KafkaStateRepository repository = new KafkaStateRepository(brokers, topic);
        repository.setTimeout(Duration.ofSeconds(30));
        return repository;
    }

    void stop(@Disposes @Named(NAME) KafkaStateRepository repository) {
        repository.stop();
    }
}
