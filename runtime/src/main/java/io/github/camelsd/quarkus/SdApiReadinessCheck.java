package io.github.camelsd.quarkus;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelsd.component.SdApiVersion;
import io.github.camelsd.component.SdComponent;
import io.github.camelsd.component.SdConstants;
import io.github.camelsd.component.error.SdException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of the Stable Diffusion API, as a Camel health check: up when {@code sd:system-load} (on an enterprise
 * server, {@code apiVersion=enterprise}: {@code sd:system-details}) answers with the configured key and base URL, down
 * with the API's error otherwise. With camel-quarkus-microprofile-health it shows
 * under {@code /q/health/ready}. It is never a liveness check: restarting the application does not fix an API outage.
 * <p>
 * One answer is reused for {@code quarkus.camel.sd.health.cache-period}: readiness probes come every few seconds, and
 * each {@code system-load} call is a request on the account.
 */
@Singleton
public class SdApiReadinessCheck implements HealthCheck {

    /** The check's name in the health report. */
    public static final String ID = "camel-sd-api";
    static final String CHECKED_AT = "sd.checked.at";

    private final CamelContext camelContext;
    private final Instance<SdRuntimeConfig> config;
    /** One probe at a time: concurrent probes wait for it and share its answer. */
    private final Lock probing = new ReentrantLock();

    private volatile boolean enabled = true;
    private volatile CachedResult last;
    private Probe probe; // guarded by probing
    private ProducerTemplate template; // guarded by probing

    /** A result and until when it may be reused (monotonic clock). */
    private record CachedResult(Result result, long validUntilNanos) {

        boolean isValid() {
            return System.nanoTime() - validUntilNanos < 0;
        }
    }

    /** What one probe calls, and how long its answer is reused. */
    private record Probe(String uri, Duration cachePeriod) {

        /** system-load on the hosted API; a dedicated server answers system-details instead (and has no system-load). */
        static Probe of(SdRuntimeConfig.Health config, SdApiVersion apiVersion) {
            String operation = apiVersion == SdApiVersion.enterprise ? "system-details" : "system-load";
            return new Probe("sd:" + operation + "?responseTimeout=" + config.timeout().toMillis(), config.cachePeriod());
        }
    }

    // Camel Quarkus looks health checks up while it builds the CamelContext at static init, before run-time config
    // exists: the config is read at the first call. Constructor injection also keeps this class out of Camel Quarkus'
    // discovery of no-arg health checks, which would register a second instance.
    @Inject
    SdApiReadinessCheck(CamelContext camelContext, Instance<SdRuntimeConfig> config) {
        this.camelContext = camelContext;
        this.config = config;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isReadiness() {
        return true;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        CachedResult cached = last;
        if (cached != null && cached.isValid()) {
            return cached.result();
        }
        probing.lock();
        try {
            cached = last;
            if (cached != null && cached.isValid()) {
                return cached.result();
            }
            if (!camelContext.getStatus().isStarted()) {
                // not cached: the first probes come while Camel starts, and must not keep the check down for a period
                return HealthCheckResultBuilder.on(this).down().message("Camel is not started yet").build();
            }
            if (probe == null) {
                probe = Probe.of(config.get().health(),
                        camelContext.getComponent("sd", SdComponent.class).getConfiguration().getApiVersion());
            }
            Result result = probe(probe);
            last = new CachedResult(result, System.nanoTime() + probe.cachePeriod().toNanos());
            return result;
        } finally {
            probing.unlock();
        }
    }

    private Result probe(Probe probe) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this)
                .detail(CHECKED_AT, Instant.now().toString())
                .detail("sd.cache.period", probe.cachePeriod().toString());
        Exchange exchange;
        try {
            exchange = template().send(probe.uri(), e -> {
            });
        } catch (RuntimeException e) {
            return builder.down().message(e.getMessage()).error(e).build();
        }
        Exception failure = exchange.getException();
        if (failure instanceof SdException) {
            // the API's own answer says it all (and never holds the key); a stack trace would only add noise to a
            // report that is often public
            return builder.down().message(failure.getMessage()).build();
        }
        if (failure != null) {
            return builder.down().message(failure.getMessage()).error(failure).build();
        }
        Message answer = exchange.getMessage();
        putIfPresent(builder, "sd.queue.num", answer.getHeader(SdConstants.QUEUE_NUM));
        putIfPresent(builder, "sd.queue.time", answer.getHeader(SdConstants.QUEUE_TIME));
        return builder.up().build();
    }

    private ProducerTemplate template() {
        if (template == null) {
            template = camelContext.createProducerTemplate();
        }
        return template;
    }

    private static void putIfPresent(HealthCheckResultBuilder builder, String key, Object value) {
        if (value != null) {
            builder.detail(key, value);
        }
    }

    @PreDestroy
    void close() {
        probing.lock();
        try {
            if (template != null) {
                template.stop();
                template = null;
            }
        } finally {
            probing.unlock();
        }
    }
}
