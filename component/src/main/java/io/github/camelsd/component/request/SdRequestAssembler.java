package io.github.camelsd.component.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelsd.component.SdApiFamily;
import io.github.camelsd.component.SdConfiguration;
import io.github.camelsd.component.SdConstants;
import io.github.camelsd.component.SdImage;
import io.github.camelsd.component.SdImageRequest;
import io.github.camelsd.component.SdJson;
import io.github.camelsd.component.SdOperation;
import io.github.camelsd.component.SdStaging;
import io.github.camelsd.component.error.SdValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Builds the JSON body of one call from its layers, lowest first: component options, endpoint options (both in the
 * endpoint's {@link SdConfiguration}), the message body, then headers. It normalizes every known field to its documented
 * form and checks the documented limits, so that bad input fails here, naming the field, before anything is sent.
 */
public final class SdRequestAssembler {

    private static final String BODY = "body";
    /** The fields that take input images: the ones staging looks at. */
    private static final List<SdField> IMAGE_FIELDS = Arrays.stream(SdField.values()).filter(SdField::isImage).toList();
    /** The override header of each field, as Camel compares header names: ignoring case. */
    private static final Map<String, SdField> BY_HEADER = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (SdField field : SdField.values()) {
            BY_HEADER.put(field.header(), field);
        }
    }

    private SdRequestAssembler() {
    }

    /**
     * The body of a call with request fields (generations, model-reload): options, body, headers, checked against the
     * limits of the route they select. The key comes last, from the layers too.
     *
     * @param defaults the request fields set as options ({@link SdConfiguration#requestDefaults()}), which the producer
     *                 reads once: reading them takes a hundred lookups through the generated configurer
     */
    public static SdRequest request(SdOperation operation, SdConfiguration config, Map<SdField, Object> defaults,
                                    Exchange exchange) throws SdValidationException {
        Errors errors = new Errors();
        Map<String, Object> layered = new LinkedHashMap<>();
        defaults.forEach((field, value) -> layered.put(field.apiName(), value));
        Message message = exchange.getMessage();
        bodyFields(operation, message, errors).forEach((name, value) -> overlay(layered, name, value));
        for (SdField field : headerFields(message)) {
            overlay(layered, field.apiName(), message.getHeader(field.header()));
        }

        SdOperation.Route route = route(operation, config, layered.get(SdField.MODEL_ID.apiName()) != null, exchange);
        SdApiFamily family = route.family();
        // a field sent under the family's own wire name (2023 super resolution's url) is that field
        family.wireNames().forEach((field, wire) -> {
            if (layered.containsKey(wire) && !layered.containsKey(field.apiName())) {
                layered.put(field.apiName(), layered.remove(wire));
            }
        });
        stageImages(operation, family, config, exchange, layered, errors);
        boolean base64 = isBase64(layered);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put(SdJson.KEY, apiKey(layered.remove(SdJson.KEY), config, errors));
        layered.forEach((name, value) -> {
            SdField field = SdField.fromApiName(name);
            if (field == null) {
                request.put(name, value); // a field the component does not know: the API decides
                return;
            }
            try {
                request.put(family.wireName(field), field.normalize(value, operation, family, base64));
            } catch (IllegalArgumentException e) {
                errors.add(name, e.getMessage());
            }
        });
        for (SdField required : operation.requiredFields(config.getApiVersion())) {
            if (!layered.containsKey(required.apiName())) {
                errors.add(required.apiName(), "is required by " + operation.uriName());
            }
        }
        if (family.requiresModel() && !layered.containsKey(SdField.MODEL_ID.apiName())) {
            errors.add(SdField.MODEL_ID.apiName(), "is required by " + operation.uriName() + " on " + route.path()
                                                   + " (option modelId)");
        }
        checkLoraPairs(request, errors);
        errors.throwIfAny(operation, exchange);
        return new SdRequest(route, request);
    }

    /**
     * Where {@code operation} goes in the endpoint's apiVersion; rejected, naming {@code apiVersion}, where it has no
     * path there (the enterprise server's own operations on v3 and v6).
     */
    public static SdOperation.Route route(SdOperation operation, SdConfiguration config, boolean withModel,
                                         Exchange exchange) throws SdValidationException {
        SdOperation.Route route = operation.route(config.getApiVersion(), withModel);
        if (route == null) {
            Errors errors = new Errors();
            errors.add("apiVersion", "must be enterprise: " + operation.uriName() + " is an operation of the enterprise"
                                     + " dedicated server only (was " + config.getApiVersion() + ")");
            errors.throwIfAny(operation, exchange);
        }
        return route;
    }

    /** The body of a call that needs only the key (fetch, system load). */
    public static Map<String, Object> keyOnlyRequest(SdOperation operation, SdConfiguration config, Exchange exchange)
            throws SdValidationException {
        Errors errors = new Errors();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put(SdJson.KEY, apiKey(null, config, errors));
        errors.throwIfAny(operation, exchange);
        return request;
    }

    /** The job id for sd:fetch: header {@link SdConstants#JOB_ID}, else the body (text, number, or a map with id). */
    public static String jobId(SdOperation operation, Exchange exchange) throws SdValidationException {
        return id(operation, exchange, SdConstants.JOB_ID, null, null, "id", "job id", "id", "request_id");
    }

    /**
     * The training a training call is about: header {@link SdConstants#TRAINING_ID}, else the option
     * {@code trainingId}, else the body (text, number, or a map with training_id).
     */
    public static String trainingId(SdOperation operation, SdConfiguration config, Exchange exchange)
            throws SdValidationException {
        return id(operation, exchange, SdConstants.TRAINING_ID, "trainingId", config.getTrainingId(), "trainingId",
                "training id", "training_id", "id");
    }

    private static String id(SdOperation operation, Exchange exchange, String header, String optionName, String option,
                             String field, String what, String... bodyKeys) throws SdValidationException {
        Message message = exchange.getMessage();
        Object id = message.getHeader(header);
        if (id == null) {
            id = option;
        }
        if (id == null) {
            Object body = message.getBody();
            id = body instanceof Map<?, ?> map
                    ? Arrays.stream(bodyKeys).map(map::get).filter(java.util.Objects::nonNull).findFirst()
                            .orElse(null)
                    : body;
        }
        String text = id instanceof CharSequence || id instanceof Number ? id.toString().trim() : "";
        if (text.isEmpty() || !text.matches("[A-Za-z0-9_-]{1,128}")) {
            Errors errors = new Errors();
            errors.add(field, "must be a " + what + " in header " + header
                              + (optionName == null ? "" : ", option " + optionName) + " or in the body (was "
                              + (id == null ? "nothing" : "'" + SdField.abbreviate(String.valueOf(id)) + "'") + ")");
            errors.throwIfAny(operation, exchange);
        }
        return text;
    }

    /** base64-to-url, base64-crop: the image content of the body, checked (type, size). */
    public static byte[] uploadContent(SdOperation operation, SdConfiguration config, Exchange exchange)
            throws SdValidationException {
        Object body = exchange.getMessage().getBody();
        try {
            if (body == null || !SdImageInput.isContent(body)) {
                throw new IllegalArgumentException("must be image content: bytes, a file, a path, a stream or a data: URI"
                                                   + " (was " + (body == null ? "nothing" : "a "
                                                   + body.getClass().getSimpleName()) + ")");
            }
            return SdImageInput.read(body, exchange, config.getMaxImageSize());
        } catch (IllegalArgumentException e) {
            Errors errors = new Errors();
            errors.add(BODY, e.getMessage());
            errors.throwIfAny(operation, exchange);
            throw e; // not reached: throwIfAny threw
        }
    }

    private static Map<String, Object> bodyFields(SdOperation operation, Message message, Errors errors) {
        Object body = message.getBody();
        if (body == null) {
            return Map.of();
        }
        if (operation.requiredFields().contains(SdField.INIT_IMAGE) && isImageBody(body)) {
            return singletonMap(SdField.INIT_IMAGE.apiName(), body); // the prompt then comes from a header or option
        }
        if (!operation.requiredFields().contains(SdField.PROMPT) && operation.requiredFields().contains(SdField.INIT_IMAGE)
            && body instanceof CharSequence text && text.toString().trim().matches("(?i)https?://\\S+")) {
            return singletonMap(SdField.INIT_IMAGE.apiName(), text.toString().trim()); // super-resolution: a URL body
        }
        if (body instanceof SdImageRequest typed) {
            return SdJson.toMap(typed);
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            return fields;
        }
        if (body instanceof byte[] bytes) {
            return json(new String(bytes, StandardCharsets.UTF_8), errors);
        }
        if (body instanceof CharSequence text) {
            String trimmed = text.toString().trim();
            return trimmed.startsWith("{") ? json(trimmed, errors) : singletonMap(SdField.PROMPT.apiName(), text.toString());
        }
        errors.add(BODY, "must be a prompt String, a JSON object (String or byte[]), a Map or an SdImageRequest (was a "
                + body.getClass().getName() + ")");
        return Map.of();
    }

    /**
     * Image content as the body: a file, a stream, an image data: URI, an earlier job's {@link SdImage}, or bytes that
     * are an image (other bytes are a JSON request, other text a prompt).
     */
    private static boolean isImageBody(Object body) {
        if (body instanceof byte[] bytes) {
            return SdImageInput.type(bytes) != null;
        }
        if (body instanceof CharSequence text) {
            return text.toString().startsWith("data:image/");
        }
        return body instanceof SdImage || SdImageInput.isContent(body);
    }

    /**
     * Image fields given as content become what the staging strategy sends: nothing (none: rejected), an inline base64
     * data URI with the API's base64 flag (base64, rejected where the operation's API family takes URLs only), or
     * checked bytes the producer uploads first (api-hosted, s3). Both images of an inpaint must have the same size.
     */
    private static void stageImages(SdOperation operation, SdApiFamily family, SdConfiguration config,
                                    Exchange exchange, Map<String, Object> layered, Errors errors) {
        SdStaging staging = config.staging();
        if (staging == SdStaging.S3 && (config.getStagingUri() == null || config.getStagingUri().isBlank())) {
            errors.add("stagingUri", "must be set for staging=s3 (a Camel aws2-s3 endpoint URI)");
            return;
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (SdField field : IMAGE_FIELDS) {
            Object value = layered.get(field.apiName());
            if (value == null) {
                continue;
            }
            if (value instanceof Collection<?> images) {
                // a list of images (training images, img_mixer): each is staged like a single one
                List<Object> staged = new ArrayList<>(images.size());
                int index = 0;
                for (Object image : images) {
                    staged.add(stageOne(operation, family, config, exchange, field.apiName() + "[" + index++ + "]",
                            image, staging, contents, errors));
                }
                layered.put(field.apiName(), staged);
            } else {
                layered.put(field.apiName(),
                        stageOne(operation, family, config, exchange, field.apiName(), value, staging, contents, errors));
            }
        }
        if (staging == SdStaging.BASE64 && !contents.isEmpty()) {
            layered.put(SdField.BASE64.apiName(), true);
        }
        checkSameSize(contents, errors);
    }

    /**
     * One image value as it goes into the request: a link as it is (an earlier job's output too), content as a base64
     * data URI (staging=base64) or as checked bytes the producer uploads first; a problem is reported under
     * {@code name}.
     */
    private static Object stageOne(SdOperation operation, SdApiFamily family, SdConfiguration config, Exchange exchange,
                                   String name, Object value, SdStaging staging, Map<String, byte[]> contents,
                                   Errors errors) {
        if (value instanceof SdImage image && image.isLink()) {
            return image.getOutput(); // an earlier job's output link: the API can read it
        }
        if (!SdImageInput.isContent(value)) {
            return value;
        }
        if (staging == SdStaging.NONE) {
            errors.add(name, "must be a public http(s) URL: to send image content, set staging to base64, api-hosted "
                             + "or s3 (was a " + value.getClass().getSimpleName() + ")");
            return value;
        }
        if (staging == SdStaging.BASE64 && !family.acceptsBase64Images()) {
            errors.add(name, "cannot be sent as base64: " + operation.uriName() + " of the " + config.getApiVersion()
                             + " API takes image URLs only; set staging to api-hosted or s3");
            return value;
        }
        try {
            byte[] image = SdImageInput.read(value, exchange, config.getMaxImageSize());
            contents.put(name, image);
            return staging == SdStaging.BASE64
                    ? "data:" + SdImageInput.mediaType(image) + ";base64," + Base64.getEncoder().encodeToString(image)
                    : image;
        } catch (IllegalArgumentException e) {
            errors.add(name, e.getMessage());
            return value;
        }
    }

    private static void checkSameSize(Map<String, byte[]> contents, Errors errors) {
        byte[] init = contents.get(SdField.INIT_IMAGE.apiName());
        byte[] mask = contents.get(SdField.MASK_IMAGE.apiName());
        int[] initSize = init == null ? null : SdImageInput.dimensions(init);
        int[] maskSize = mask == null ? null : SdImageInput.dimensions(mask);
        if (initSize != null && maskSize != null && !Arrays.equals(initSize, maskSize)) {
            errors.add(SdField.MASK_IMAGE.apiName(), "must have the same size as init_image (was " + maskSize[0] + "x"
                                                     + maskSize[1] + ", init_image " + initSize[0] + "x" + initSize[1] + ")");
        }
    }

    private static Map<String, Object> json(String text, Errors errors) {
        try {
            return SdJson.readObject(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            errors.add(BODY, "must be a JSON object (" + reason + ")");
            return Map.of();
        }
    }

    /**
     * The fields the message's headers override, in the field table's order. A message has a few headers, the table a
     * hundred fields: each header is looked up, not each field's header.
     */
    private static Set<SdField> headerFields(Message message) {
        if (!message.hasHeaders()) {
            return Set.of();
        }
        Set<SdField> fields = EnumSet.noneOf(SdField.class);
        for (String header : message.getHeaders().keySet()) {
            SdField field = BY_HEADER.get(header);
            if (field != null) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** An explicit null unsets a field of a lower layer. */
    private static void overlay(Map<String, Object> target, String name, Object value) {
        if (value == null) {
            target.remove(name);
        } else {
            target.put(name, value);
        }
    }

    /** A key given in the body wins (one route, several accounts); else the configured one. */
    private static String apiKey(Object key, SdConfiguration config, Errors errors) {
        String text = key != null ? key.toString() : config.getApiKey();
        if (text == null || text.isBlank()) {
            errors.add("apiKey", "must be set (option apiKey, or property camel.component.sd.api-key)");
        }
        return text;
    }

    private static boolean isBase64(Map<String, Object> layered) {
        Object flag = layered.get(SdField.BASE64.apiName());
        try {
            // the account family writes flags as JSON booleans: its wire form is the plain answer
            return flag != null && Boolean.TRUE.equals(SdField.BASE64.normalize(flag, SdOperation.SYSTEM_LOAD, SdApiFamily.ACCOUNT, false));
        } catch (IllegalArgumentException e) {
            return false; // reported with the field when the layers are normalized
        }
    }

    private static void checkLoraPairs(Map<String, Object> request, Errors errors) {
        Object models = request.get(SdField.LORA_MODEL.apiName());
        Object strengths = request.get(SdField.LORA_STRENGTH.apiName());
        if (models instanceof String m && strengths instanceof String s && m.split(",").length != s.split(",").length) {
            errors.add(SdField.LORA_STRENGTH.apiName(), "must have one entry per lora_model entry (was '" + s + "' for '"
                    + m + "')");
        }
    }

    private static Map<String, Object> singletonMap(String name, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(name, value);
        return map;
    }

    /** Every problem of one request, by field, so a route sees all of them at once. */
    private static final class Errors {
        /** Made at the first problem: most requests have none. */
        private Map<String, List<String>> byField;

        void add(String field, String problem) {
            if (byField == null) {
                byField = new LinkedHashMap<>();
            }
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(problem);
        }

        void throwIfAny(SdOperation operation, Exchange exchange) throws SdValidationException {
            if (byField == null) {
                return;
            }
            StringBuilder message = new StringBuilder("sd:").append(operation.uriName())
                    .append(" request rejected before sending: ");
            byField.forEach((field, problems) -> problems
                    .forEach(problem -> message.append(field).append(' ').append(problem).append("; ")));
            message.setLength(message.length() - 2);
            throw new SdValidationException(message.toString(), exchange, 0, byField, false);
        }
    }
}
