package io.github.camelsd.kafkastate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.camelsd.kafkabroker.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Several repositories on one topic of a real broker, as several instances of an application would have: what one
 * sets, the others read at once (no wait in the test: the repository's read waits until it has read the topic's
 * end), and what was set survives every repository.
 */
class KafkaStateRepositoryTest {

    private static KafkaBroker broker;
    private final List<KafkaStateRepository> started = new ArrayList<>();
    private String topic;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @AfterEach
    void stopRepositories() {
        started.forEach(KafkaStateRepository::stop);
    }

    @Test
    void whatOneInstanceSetsTheOthersReadAtOnce(TestInfo test) {
        topic = test.getTestMethod().orElseThrow().getName();
        KafkaStateRepository first = repository();
        KafkaStateRepository second = repository();

        assertNull(second.getState("prompt-1"));
        for (int i = 0; i < 50; i++) {
            first.setState("prompt-" + i, "job-" + i + " /api/v3/fetch/{id}");
            assertEquals("job-" + i + " /api/v3/fetch/{id}", second.getState("prompt-" + i), "entry " + i);
        }
        second.setState("prompt-1", "job-51 /api/v6/images/fetch/{id}");
        assertEquals("job-51 /api/v6/images/fetch/{id}", first.getState("prompt-1"), "the latest state wins");
    }

    @Test
    void anEmptyStateIsATombstone(TestInfo test) throws Exception {
        topic = test.getTestMethod().orElseThrow().getName();
        KafkaStateRepository first = repository();
        KafkaStateRepository second = repository();
        first.setState("prompt", "job-1 /api/v3/fetch/{id}");
        assertEquals("job-1 /api/v3/fetch/{id}", second.getState("prompt"));

        first.setState("prompt", "");
        assertNull(second.getState("prompt"));
        assertNull(repository().getState("prompt"), "a repository started later reads the tombstone too");
        try (Admin admin = admin()) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String policy = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, policy, "tombstones are removed by compaction");
        }
    }

    @Test
    void theStatesOutliveEveryInstance(TestInfo test) {
        topic = test.getTestMethod().orElseThrow().getName();
        KafkaStateRepository first = repository();
        first.setState("a", "job-1 /api/v3/fetch/{id}");
        first.setState("b", "job-2 /api/v3/fetch/{id}");
        first.setState("a", "job-3 /api/v3/fetch/{id}");
        first.stop();
        KafkaStateRepository restarted = repository();
        assertEquals("job-3 /api/v3/fetch/{id}", restarted.getState("a"));
        assertEquals("job-2 /api/v3/fetch/{id}", restarted.getState("b"));
        assertNull(restarted.getState("c"));

        // a stopped repository starts again and reads the topic again
        first.start();
        assertEquals("job-3 /api/v3/fetch/{id}", first.getState("a"));
    }

    @Test
    void anUnreachableBrokerFailsWithinTheTimeoutNamingTheTopic() {
        KafkaStateRepository repository = new KafkaStateRepository("127.0.0.1:1", "unreachable");
        repository.setTimeout(Duration.ofSeconds(2));
        IllegalStateException failure = assertThrows(IllegalStateException.class, repository::start);
        assertEquals(true, failure.getMessage().contains("unreachable"), failure.getMessage());
        repository.stop();
    }

    private KafkaStateRepository repository() {
        KafkaStateRepository repository = new KafkaStateRepository(broker.bootstrapServers(), topic);
        repository.start();
        started.add(repository);
        return repository;
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(props);
    }
}
