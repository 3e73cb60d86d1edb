package io.github.camelsd.examples.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsd.component.SdConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns an HTTP request into what {@code sd:} takes. The request's own headers are dropped first: nothing a client
 * sends as a header reaches the component (whose {@code CamelSd*} headers override the request), and nothing of the
 * request is echoed in the answer.
 */
final class ImageRequests {

    /** Exchange properties: what the answers need once the component has replaced body and headers. */
    static final String JOB_ID = "ImagesJobId";
    static final String MODEL_ID = "ImagesModelId";
    static final String INDEX = "ImagesIndex";

    /**
     * Request fields a client may not set: the key is the service's own, and the API would call a client's webhook
     * with the job's result.
     */
    private static final Set<String> REFUSED_FIELDS = Set.of("key", "api_key", "webhook", "track_id");
    /** The API's job ids are numbers; letters, '-' and '_' are let through for other servers. */
    private static final Pattern JOB_ID_FORM = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern MODEL_ID_FORM = Pattern.compile("[A-Za-z0-9._/-]{1,200}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageRequests() {
    }

    /**
     * POST /images and /images/sync: {@code text/plain} is the prompt, {@code application/json} the whole request with
     * the API's field names ({@code {"prompt": "...", "width": 768, "samples": 2}}). The body becomes a Map, so a prompt
     * that happens to start with '{' stays a prompt.
     */
    static void generation(Exchange exchange) {
        Message message = exchange.getMessage();
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        byte[] body = message.getBody(byte[].class);
        message.removeHeaders("*");
        String mediaType = mediaType(contentType);
        Map<String, Object> request;
        if (mediaType.equals("text/plain")) {
            request = new LinkedHashMap<>();
            request.put("prompt", body == null ? "" : new String(body, charset(contentType)).strip());
        } else if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            request = jsonObject(body);
        } else {
            throw new HttpProblem(415, "unsupported_media_type",
                    "send the prompt as text/plain or the request as application/json", Map.of());
        }
        if (request.get("model_id") instanceof String modelId) {
            exchange.setProperty(MODEL_ID, modelId);
        }
        message.setBody(request);
    }

    /** GET /images/{id} (and ?modelId= for a community model's job): the job to fetch. */
    static void job(Exchange exchange) {
        Message message = exchange.getMessage();
        String jobId = message.getHeader("id", String.class);
        String modelId = message.getHeader("modelId", String.class);
        message.removeHeaders("*");
        if (jobId == null || !JOB_ID_FORM.matcher(jobId).matches()) {
            throw HttpProblem.badField("id", "must be a job id as POST /images answered it");
        }
        exchange.setProperty(JOB_ID, jobId);
        message.setHeader(SdConstants.JOB_ID, jobId);
        if (modelId != null && !modelId.isEmpty()) {
            if (!MODEL_ID_FORM.matcher(modelId).matches()) {
                throw HttpProblem.badField("modelId", "must be a model id");
            }
            // a community model's jobs are read from its own fetch (docs/sd-component.md, Queued jobs)
            exchange.setProperty(MODEL_ID, modelId);
            message.setHeader(SdConstants.MODEL_ID, modelId);
        }
        message.setBody(jobId);
    }

    /** GET /images/{id}/{index}: the job, and which of its images. */
    static void jobImage(Exchange exchange) {
        String index = exchange.getMessage().getHeader("index", String.class);
        job(exchange);
        try {
            int value = Integer.parseInt(index);
            if (value < 0) {
                throw new NumberFormatException();
            }
            exchange.setProperty(INDEX, value);
        } catch (NumberFormatException e) {
            throw HttpProblem.badField("index", "must be an image index: 0, 1, ...");
        }
    }

    private static Map<String, Object> jsonObject(byte[] body) {
        JsonNode tree;
        try {
            tree = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw HttpProblem.badField("body", "is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw HttpProblem.badField("body", "must be a JSON object, the request with the API's field names");
        }
        for (String field : REFUSED_FIELDS) {
            if (tree.has(field)) {
                throw HttpProblem.badField(field, "is set by this service, not by its clients");
            }
        }
        return JSON.convertValue(tree, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    private static Charset charset(String contentType) {
        for (String parameter : List.of(contentType.split(";"))) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].strip().replace("\"", ""));
                } catch (RuntimeException e) {
                    throw HttpProblem.badField("charset", "is not a known charset");
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
