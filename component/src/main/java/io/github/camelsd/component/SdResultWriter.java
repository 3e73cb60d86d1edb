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
                    SdOperation.Output output, Boolean nsfw) {
        Message message = exchange.getMessage();
        // a message that carries an earlier job's outputs (jobs chained in a route) must not describe this job with them
        OUTPUT_ONLY_HEADERS.forEach(message::removeHeader);
        progress(message, response);
        message.setHeader(SdConstants.POLLS, polls);
        if ("processing".equals(response.status())) {
            message.setBody(response.id());
            return;
        }
        if (output == SdOperation.Output.TEXT) {
            // caption: the words, as the API gave them (one output)
            message.setBody(String.join("\n", response.output()));
            set(message, SdConstants.MEDIA_TYPE, "text/plain");
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

    /**
     * Account, model and training calls: the body is the answer as a Map (model-list: the List the API answered). The
     * verdicts of the NSFW checks and a training's stage are headers too.
     */
    static void status(Message message, SdResponse response) {
        Map<String, Object> raw = response.raw();
        if (response.items() != null) {
            message.setBody(response.items());
            set(message, SdConstants.STATUS, response.status());
            return;
        }
        message.setBody(raw);
        set(message, SdConstants.STATUS, response.status());
        set(message, SdConstants.NSFW, verdict(raw.containsKey("has_nsfw_concept") ? raw.get("has_nsfw_concept")
                : raw.get("is_nsfw")));
        set(message, SdConstants.CP_DETECTED, verdict(raw.get("is_cp")));
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

    /** A documented verdict: a boolean, "true"/"false", or a list of them (one per image: any true counts). */
    private static Boolean verdict(Object value) {
        if (value instanceof java.util.Collection<?> items) {
            return items.isEmpty() ? null : items.stream().anyMatch(item -> Boolean.TRUE.equals(verdict(item)));
        }
        return value == null ? null : Boolean.valueOf(value.toString().trim());
    }

    /**
     * A model load waited for (enterprise load-model): the body is verify-model's answer ("Model exists on server") as
     * a Map, {@link SdConstants#POLLS} the checks it took.
     */
    static void modelReady(Exchange exchange, SdResponse response, int polls) {
        status(exchange.getMessage(), response);
        exchange.getMessage().setHeader(SdConstants.POLLS, polls);
    }

    /** base64-to-url, base64-crop, upload-image: the body is the hosted URL; the answer stays available as a header. */
    static void uploaded(Message message, SdResponse response, String url) {
        message.setBody(url);
        set(message, SdConstants.STATUS, response.status());
        set(message, SdConstants.JOB_ID, response.id());
        message.setHeader(SdConstants.RAW_RESPONSE, response.raw());
    }

    /** A training's stage: {@code messege} (or {@code message}) of its status answers, or its webhook's training_status. */
    static String stageOf(SdResponse response) {
        Object stage = response.raw().get("training_status");
        if (stage == null) {
            stage = response.message();
        }
        return stage instanceof String text && !text.isBlank() ? text.trim() : null;
    }

    /** A training was accepted: its id and first stage. */
    static void trainingStarted(Message message, String trainingId, SdResponse response) {
        message.setHeader(SdConstants.TRAINING_ID, trainingId);
        set(message, SdConstants.TRAINING_STAGE, stageOf(response));
        set(message, SdConstants.STATUS, response.status());
        message.setHeader(SdConstants.RAW_RESPONSE, response.raw());
    }

    /**
     * A training's last status: the body is the training id (at model_ready: the model id to generate with), the stage
     * and the API's step log are headers and the answer.
     */
    static void trainingStatus(Exchange exchange, String trainingId, SdResponse response, int polls) {
        Message message = exchange.getMessage();
        message.setBody(trainingId);
        message.setHeader(SdConstants.TRAINING_ID, trainingId);
        set(message, SdConstants.TRAINING_STAGE, stageOf(response));
        set(message, SdConstants.STATUS, response.status());
        message.setHeader(SdConstants.POLLS, polls);
        message.setHeader(SdConstants.RAW_RESPONSE, response.raw());
    }

    private static void set(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
