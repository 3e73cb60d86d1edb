package io.github.camelsd.examples.kafka;

import java.time.Duration;
import java.util.Map;

import io.github.camelsd.emulator.SdEmulator;
import io.github.camelsd.kafkabroker.KafkaBroker;
import io.github.camelsd.locals3.LocalS3Store;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The tests' servers ({@link LocalServers}: a real Kafka broker, S3Proxy, the API emulator), all in the test JVM,
 * started before the application and closed after it. The emulator is started here rather than by Dev Services so that
 * the tests can count what it received and arm its faults. The application also gets a short back-off, so that the
 * retried failure takes a second, not a minute. The test class gets the three servers injected into fields of their
 * types.
 */
public class KafkaExampleResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = LocalServers.BUCKET;
    static final String PROMPTS = LocalServers.PROMPTS;
    static final String RENDERS = LocalServers.RENDERS;
    static final String DEAD_LETTERS = LocalServers.DEAD_LETTERS;
    /** {@code sd.backoff.max-redeliveries} for the tests: a failed generation is tried 1 + 2 times. */
    static final int MAX_REDELIVERIES = 2;

    private LocalServers servers;

    @Override
    public Map<String, String> start() {
        // every job is queued 300 ms (so it is waited for); no spam filter: the retried failure repeats its request
        servers = LocalServers.start(0, Duration.ofMillis(300), Duration.ZERO);
        System.out.printf("Kafka broker at %s; the three servers ready in %d ms%n",
                servers.broker.bootstrapServers(), servers.brokerStartup.toMillis());
        Map<String, String> config = servers.config();
        config.put("camel.component.sd.poll-interval", "200ms");
        config.put("camel.component.sd.min-poll-interval", "100ms");
        config.put("sd.backoff.initial-delay", "100");
        config.put("sd.backoff.max-redeliveries", String.valueOf(MAX_REDELIVERIES));
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(servers.broker, new TestInjector.MatchesType(KafkaBroker.class));
        testInjector.injectIntoFields(servers.s3, new TestInjector.MatchesType(LocalS3Store.class));
        testInjector.injectIntoFields(servers.emulator, new TestInjector.MatchesType(SdEmulator.class));
    }

    @Override
    public void stop() {
        if (servers != null) {
            servers.close();
            servers = null;
        }
    }
}
