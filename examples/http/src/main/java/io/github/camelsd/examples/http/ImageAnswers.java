package io.github.camelsd.examples.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsd.component.SdConstants;
import io.github.camelsd.component.SdImage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The answers of the image routes. Each one first drops every header of the message (the component's {@code CamelSd*}
 * result headers, the raw API answer among them) and then sets only its own: status, content type, and Location or
 * Retry-After where they apply.
 */
final class ImageAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageAnswers() {
    }

    /** 202: the job is queued at the API; the client polls {@code statusUrl} (also the Location header). */
    static void accepted(Exchange exchange) {
        Message message = exchange.getMessage();
        String jobId = message.getHeader(SdConstants.JOB_ID, String.class);
        String statusUrl = statusUrl(jobId, exchange.getProperty(ImageRequests.MODEL_ID, String.class));
        Long retryAfter = retryAfterSeconds(message.getHeader(SdConstants.ETA, Double.class));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", jobId);
        body.put("status", "processing");
        body.put("statusUrl", statusUrl);
        putIfSet(body, "etaSeconds", message.getHeader(SdConstants.ETA));
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Location", statusUrl);
        putIfSet(headers, "Retry-After", retryAfter);
        json(exchange, 202, body, headers);
    }

    /** 202 from GET: still queued. Retry-After is the API's estimate, when it gave one. */
    static void processing(Exchange exchange) {
        Message message = exchange.getMessage();
        String jobId = exchange.getProperty(ImageRequests.JOB_ID, String.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", jobId);
        body.put("status", "processing");
        body.put("statusUrl", statusUrl(jobId, exchange.getProperty(ImageRequests.MODEL_ID, String.class)));
        putIfSet(body, "etaSeconds", message.getHeader(SdConstants.ETA));
        Map<String, Object> headers = new LinkedHashMap<>();
        putIfSet(headers, "Retry-After", retryAfterSeconds(message.getHeader(SdConstants.ETA, Double.class)));
        json(exchange, 202, body, headers);
    }

    /**
     * 200: the job is done (from GET, or from POST when the API answered at once). The images are the API's links
     * ({@code url}, which may expire) and this service's download path for each ({@code download}).
     */
    static void finished(Exchange exchange) {
        Message message = exchange.getMessage();
        String jobId = message.getHeader(SdConstants.JOB_ID, String.class);
        String modelId = exchange.getProperty(ImageRequests.MODEL_ID, String.class);
        String statusUrl = statusUrl(jobId, modelId);
        List<Map<String, Object>> images = new ArrayList<>();
        List<?> outputs = message.getBody(List.class);
        for (Object output : outputs == null ? List.of() : outputs) {
            SdImage image = (SdImage) output;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", image.getIndex());
            entry.put("url", image.isLink() ? image.getOutput() : null);
            entry.put("download", downloadUrl(jobId, image.getIndex(), modelId));
            images.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", jobId);
        body.put("status", message.getHeader(SdConstants.STATUS, "success", String.class));
        body.put("statusUrl", statusUrl);
        body.put("images", images);
        putIfSet(body, "seed", message.getHeader(SdConstants.SEED));
        putIfSet(body, "generationTimeSeconds", message.getHeader(SdConstants.GENERATION_TIME));
        putIfSet(body, "nsfw", message.getHeader(SdConstants.NSFW));
        putIfSet(body, "mediaType", message.getHeader(SdConstants.MEDIA_TYPE));
        json(exchange, 200, body, Map.of("Content-Location", statusUrl));
    }

    /** 200 with one image of a finished job ({@code outputFormat=bytes}: one image is a byte[], several a List). */
    static void image(Exchange exchange) {
        int index = exchange.getProperty(ImageRequests.INDEX, Integer.class);
        String jobId = exchange.getProperty(ImageRequests.JOB_ID, String.class);
        List<byte[]> images = images(exchange.getMessage());
        if (index >= images.size()) {
            throw new HttpProblem(404, "not_found", "job " + jobId + " has " + images.size() + " image(s)", Map.of());
        }
        bytes(exchange, images.get(index), jobId + "-" + index);
    }

    /** POST /images/sync: the first image (a request for several samples gets the first one). */
    static void firstImage(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader(SdConstants.JOB_ID, String.class);
        List<byte[]> images = images(exchange.getMessage());
        if (images.isEmpty()) {
            throw new HttpProblem(502, "no_image", "the API finished job " + jobId + " without an image", Map.of());
        }
        bytes(exchange, images.get(0), jobId + "-0");
        exchange.getMessage().setHeader("Content-Location",
                downloadUrl(jobId, 0, exchange.getProperty(ImageRequests.MODEL_ID, String.class)));
    }

    /** Writes a JSON answer with exactly these headers. */
    static void json(Exchange exchange, int status, Map<String, Object> body, Map<String, Object> headers) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        headers.forEach(message::setHeader);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            message.setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    static String statusUrl(String jobId, String modelId) {
        return "/images/" + jobId + modelQuery(modelId);
    }

    private static String downloadUrl(String jobId, int index, String modelId) {
        return "/images/" + jobId + "/" + index + modelQuery(modelId);
    }

    private static String modelQuery(String modelId) {
        return modelId == null ? "" : "?modelId=" + URLEncoder.encode(modelId, StandardCharsets.UTF_8);
    }

    private static void bytes(Exchange exchange, byte[] image, String name) {
        Message message = exchange.getMessage();
        String mediaType = message.getHeader(SdConstants.MEDIA_TYPE, "image/png", String.class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, mediaType);
        message.setHeader("Content-Disposition",
                "inline; filename=\"" + name + "." + mediaType.substring(mediaType.indexOf('/') + 1) + "\"");
        message.setBody(image);
    }

    private static List<byte[]> images(Message message) {
        Object body = message.getBody();
        if (body instanceof byte[] single) {
            return List.of(single);
        }
        List<byte[]> images = new ArrayList<>();
        if (body instanceof List<?> several) {
            for (Object image : several) {
                images.add((byte[]) image);
            }
        }
        return images;
    }

    /** Whole seconds, at least 1, for an eta the API gives in (fractional) seconds. */
    private static Long retryAfterSeconds(Double eta) {
        return eta == null || eta.isNaN() || eta < 0 ? null : Math.max(1, (long) Math.ceil(eta));
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
