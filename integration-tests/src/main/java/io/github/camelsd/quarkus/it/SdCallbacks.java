package io.github.camelsd.quarkus.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelsd.component.SdConstants;
import io.github.camelsd.component.SdImage;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.Exchange;

/** What the sd:webhook route received, by job id, for the tests to read over HTTP. */
@ApplicationScoped
public class SdCallbacks {

    private final Map<String, Map<String, Object>> byJob = new ConcurrentHashMap<>();

    public void received(Exchange exchange) {
        List<?> images = exchange.getMessage().getBody(List.class);
        byJob.put(exchange.getMessage().getHeader(SdConstants.JOB_ID, String.class), Map.of(
                "status", exchange.getMessage().getHeader(SdConstants.STATUS, String.class),
                "images", images.stream().map(image -> ((SdImage) image).getOutput()).toList()));
    }

    Map<String, Object> of(String jobId) {
        return byJob.get(jobId);
    }
}
