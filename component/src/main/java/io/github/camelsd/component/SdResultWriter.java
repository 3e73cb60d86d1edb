package io.github.camelsd.component;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.camelsd.component.response.SdResponse;
import org.apache.camel.Message;

/** Writes an API answer onto the message: the body and the output headers of {@link SdConstants}. */
final class SdResultWriter {

    private SdResultWriter() {
    }

    /**
     * A job's answer. Success: the body is the list of outputs (one image is still a list), or, when {@code images} were
     * downloaded, the images in {@code format} (one image: the value, several: a List). Processing (only when the
     * producer does not wait): the body is the job id, for a later sd:fetch.
     *
     * @param nsfw the API's flag, else what the downloaded images showed, else null
     */
    static void job(Message message, SdResponse response, int polls, List<byte[]> images, SdOutputFormat format,
                    Boolean nsfw) {
        progress(message, response);
        if ("processing".equals(response.status())) {
            message.setBody(response.id());
        } else {
            message.setBody(images == null ? response.output() : imagesAs(images, format));
            set(message, SdConstants.GENERATION_TIME, response.generationTime());
            set(message, SdConstants.SEED, response.seed());
            set(message, SdConstants.NSFW, nsfw);
        }
        message.setHeader(SdConstants.POLLS, polls);
    }

    private static Object imagesAs(List<byte[]> images, SdOutputFormat format) {
        List<Object> values = images.stream().map(image -> (Object) switch (format) {
            case stream -> new ByteArrayInputStream(image);
            case base64 -> Base64.getEncoder().encodeToString(image);
            default -> image;
        }).toList();
        return values.size() == 1 ? values.get(0) : values;
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

    /** system-load: the body is the answer as a map. */
    static void status(Message message, SdResponse response) {
        Map<String, Object> raw = response.raw();
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
