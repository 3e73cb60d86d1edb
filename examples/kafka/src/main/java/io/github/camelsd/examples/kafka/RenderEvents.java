package io.github.camelsd.examples.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsd.component.SdComponent;
import io.github.camelsd.component.SdConstants;
import io.github.camelsd.component.error.SdException;
import io.github.camelsd.component.error.SdValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The two events the example writes, as JSON text.
 *
 * <p>Result (topic {@code renders}):
 * <pre>
 * {"key": "order-17", "status": "success", "jobId": "1042", "seed": 2817391,
 *  "bucket": "sd-renders", "objects": ["renders/1042-0.png"], "mediaType": "image/png", "nsfw": false,
 *  "timings": {"generationTimeSeconds": 1.9, "apiMillis": 2140, "totalMillis": 2310, "inTopicMillis": 12, "polls": 1},
 *  "source": {"topic": "prompts", "partition": 0, "offset": 41, "timestamp": 1767225600000}}
 * </pre>
 *
 * <p>Dead letter (topic {@code prompts.dlq}):
 * <pre>
 * {"key": "order-18", "status": "failed", "reason": "...", "exception": "io.github.camelsd...SdValidationException",
 *  "retryable": false, "httpStatus": 0, "fieldErrors": {"width": ["..."]}, "jobId": null, "attempts": 1,
 *  "failedAt": "2026-01-01T00:00:00Z", "source": {...}, "originalRequest": {"prompt": "...", "width": 513}}
 * </pre>
 * {@code originalRequest} is the record's value: the JSON object for a JSON request, else the text. Neither event ever
 * carries the API key: request fields that hold secrets ({@code key}, {@code api_key}, ...) are masked, and the configured
 * key is masked wherever it would appear in the text.
 */
final class RenderEvents {

    static final String MASK = "***";
    /** Request fields that carry credentials (the API key and the training call's Weights and Biases key). */
    private static final Set<String> SECRET_FIELDS = Set.of("key", "api_key", "apikey", "wandb_key", "wandbkey");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RenderEvents() {
    }

    static Map<String, Object> source(String topic, Integer partition, Long offset, Long timestamp) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("topic", topic);
        source.put("partition", partition);
        source.put("offset", offset);
        source.put("timestamp", timestamp);
        return source;
    }

    /** The job's facts, read from the sd result's headers. */
    static Map<String, Object> job(Message message, String mediaType) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("jobId", message.getHeader(SdConstants.JOB_ID, String.class));
        job.put("seed", message.getHeader(SdConstants.SEED));
        job.put("mediaType", mediaType);
        job.put("nsfw", message.getHeader(SdConstants.NSFW, Boolean.class));
        job.put("generationTimeSeconds", message.getHeader(SdConstants.GENERATION_TIME, Double.class));
        job.put("acceptedAt", message.getHeader(SdConstants.ACCEPTED_AT, Long.class));
        job.put("polls", message.getHeader(SdConstants.POLLS, Integer.class));
        return job;
    }

    @SuppressWarnings("unchecked")
    static String result(Exchange exchange) {
        Map<String, Object> job = exchange.getProperty(KafkaRenderRoutes.JOB, Map.class);
        Map<String, Object> source = exchange.getProperty(KafkaRenderRoutes.SOURCE, Map.class);
        long receivedAt = exchange.getProperty(KafkaRenderRoutes.RECEIVED_AT, Long.class);
        long renderedAt = exchange.getProperty(KafkaRenderRoutes.RENDERED_AT, Long.class);
        Long acceptedAt = (Long) job.get("acceptedAt");
        Long recordTimestamp = (Long) source.get("timestamp");

        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("generationTimeSeconds", job.get("generationTimeSeconds")); // as the API reports it
        timings.put("apiMillis", acceptedAt == null ? null : renderedAt - acceptedAt); // accepted until done
        timings.put("totalMillis", System.currentTimeMillis() - receivedAt); // record taken until event written
        timings.put("inTopicMillis", recordTimestamp == null ? null : receivedAt - recordTimestamp);
        timings.put("polls", job.get("polls"));

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("key", exchange.getProperty(KafkaRenderRoutes.RECORD_KEY));
        event.put("status", "success");
        event.put("jobId", job.get("jobId"));
        event.put("seed", job.get("seed"));
        event.put("bucket", exchange.getContext().resolvePropertyPlaceholders("{{kafka.example.bucket}}"));
        event.put("objects", exchange.getProperty(KafkaRenderRoutes.OBJECT_KEYS, List.class));
        event.put("mediaType", job.get("mediaType"));
        event.put("nsfw", job.get("nsfw"));
        event.put("timings", timings);
        event.put("source", source);
        return write(event);
    }

    static String deadLetter(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String apiKey = apiKey(exchange);

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("key", exchange.getProperty(KafkaRenderRoutes.RECORD_KEY));
        event.put("status", "failed");
        event.put("reason", failure == null ? "unknown" : mask(reason(failure), apiKey));
        event.put("exception", failure == null ? null : failure.getClass().getName());
        if (failure instanceof SdException sd) {
            event.put("retryable", sd.isRetryable());
            event.put("httpStatus", sd.getHttpStatus());
            event.put("jobId", sd.getJobId() != null ? sd.getJobId()
                    : exchange.getMessage().getHeader(SdConstants.JOB_ID, String.class));
        }
        if (failure instanceof SdValidationException validation) {
            event.put("fieldErrors", validation.getFieldErrors());
        }
        // the calls of sd:text2img: the first attempt and each redelivery of the shipped policy
        event.put("attempts", exchange.getProperty(KafkaRenderRoutes.ATTEMPTS, 0, Integer.class));
        event.put("failedAt", Instant.now().toString());
        event.put("source", exchange.getProperty(KafkaRenderRoutes.SOURCE));
        event.put("originalRequest", originalRequest(
                exchange.getProperty(KafkaRenderRoutes.ORIGINAL_REQUEST, String.class), apiKey));
        return mask(write(event), apiKey);
    }

    /** The exception's message without Camel's "on the exchange: Exchange[...]" suffix. */
    private static String reason(Exception failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int exchangeSuffix = message.indexOf(". Exchange[");
        return exchangeSuffix > 0 ? message.substring(0, exchangeSuffix) : message;
    }

    /** A JSON request as its object with secret fields masked; anything else (a prompt) as the text. */
    static Object originalRequest(String request, String apiKey) {
        if (request == null) {
            return null;
        }
        if (request.trim().startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(request);
                if (node instanceof ObjectNode object) {
                    maskSecretFields(object);
                    return object;
                }
            } catch (JsonProcessingException e) {
                // not JSON after all: kept as the text it is
            }
        }
        return mask(request, apiKey);
    }

    private static void maskSecretFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                    object.put(name, MASK);
                } else {
                    maskSecretFields(object.get(name));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(RenderEvents::maskSecretFields);
        }
    }

    private static String apiKey(Exchange exchange) {
        SdComponent sd = exchange.getContext().getComponent("sd", SdComponent.class);
        return sd == null ? null : sd.getConfiguration().getApiKey();
    }

    /** Masks the configured API key wherever it occurs: the last line of defence, whatever a message says. */
    static String mask(String text, String apiKey) {
        return text == null || apiKey == null || apiKey.isBlank() ? text : text.replace(apiKey, MASK);
    }

    private static String write(Map<String, Object> event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the event as JSON", e);
        }
    }
}
