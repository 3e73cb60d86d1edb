package io.github.camelsd.component;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.camelsd.component.response.SdResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes an API answer onto the message: the body and the output headers of {@link SdConstants}. */
final class SdResultWriter {

    /** Headers of a finished job that no request reads. */
    private static final List<String> OUTPUT_ONLY_HEADERS = List.of(SdConstants.IMAGE_INDEX, SdConstants.NSFW,
            SdConstants.GENERATION_TIME, SdConstants.MEDIA_TYPE);

    private SdResultWriter() {
    }

    /**
     * A job's answer. Success: the exchange gets an {@link SdResultMessage} whose body is the list of outputs as
     * {@link SdImage}s (one image is still a list), or, when {@code images} were downloaded, the images in the endpoint's
     * format (one image: the value, several: a List). Processing (only when the producer does not wait): the body is the
     * job id, for a later sd:fetch.
     *
     * @param nsfw the API's flag, else what the downloaded images showed, else null
     */
    static void job(Exchange exchange, SdResponse response, int polls, List<byte[]> images, SdConfiguration config,
                    Boolean nsfw) {
        Message message = exchange.getMessage();
        // a message that carries an earlier job's outputs (jobs chained in a route) must not describe this job with them
        OUTPUT_ONLY_HEADERS.forEach(message::removeHeader);
        progress(message, response);
        message.setHeader(SdConstants.POLLS, polls);
        if ("processing".equals(response.status())) {
            message.setBody(response.id());
            return;
        }
        List<?> values = images == null ? outputs(response, config) : imagesAs(images, config.getOutputFormat());
        Object body = images != null && values.size() == 1 ? values.get(0) : values;
        SdResultMessage result = new SdResultMessage(exchange, values);
        result.copyFrom(message);
        result.setBody(body); // after the headers, so that a single image gets its index
        set(result, SdConstants.MEDIA_TYPE, images != null && !images.isEmpty() ? SdMediaType.of(images.get(0))
                : response.output().isEmpty() ? null : SdMediaType.ofLink(response.output().get(0)));
        set(result, SdConstants.GENERATION_TIME, response.generationTime());
        set(result, SdConstants.SEED, response.seed());
        set(result, SdConstants.NSFW, nsfw);
        exchange.setMessage(result);
    }

    private static List<SdImage> outputs(SdResponse response, SdConfiguration config) {
        List<String> outputs = response.output();
        List<SdImage> images = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            images.add(new SdImage(outputs.get(i), i, response.id(), config.getMaxDownloadSize(),
                    config.getResponseTimeout()));
        }
        return images;
    }

    private static List<Object> imagesAs(List<byte[]> images, SdOutputFormat format) {
        return images.stream().map(image -> (Object) switch (format) {
            case stream -> new ByteArrayInputStream(image);
            case base64 -> Base64.getEncoder().encodeToString(image);
            default -> image;
        }).toList();
    }

    /** What every answer about a job tells, written as soon as it arrives (also while waiting). */
    static void progress(Message message, SdResponse response) {
        set(message, SdConstants.JOB_ID, response.id());
        set(message, SdConstants.STATUS, response.status());
        set(message, SdConstants.ETA, response.eta());
        set(message, SdConstants.FETCH_URL, response.fetchResult());
        if (!response.futureLinks().isEmpty()) {
            message.setHeader(SdConstants.FUTURE_LINKS, response.futureLinks());
        }
        if (!response.meta().isEmpty()) {
            message.setHeader(SdConstants.META, response.meta());
        }
        message.setHeader(SdConstants.RAW_RESPONSE, response.raw());
    }

    /** system-load, model-reload: the body is the answer as a Map; model-list: the List the API answered. */
    static void status(Message message, SdResponse response) {
        Map<String, Object> raw = response.raw();
        if (response.items() != null) {
            message.setBody(response.items());
            set(message, SdConstants.STATUS, response.status());
            return;
        }
        message.setBody(raw);
        set(message, SdConstants.STATUS, response.status());
        Object queueNum = raw.get("queue_num");
        if (queueNum instanceof Number n) {
            message.setHeader(SdConstants.QUEUE_NUM, n.intValue());
        }
        Object queueTime = raw.get("queue_time");
        if (queueTime instanceof Number n) {
            message.setHeader(SdConstants.QUEUE_TIME, n.doubleValue());
        }
        message.setHeader(SdConstants.RAW_RESPONSE, raw);
    }

    private static void set(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
