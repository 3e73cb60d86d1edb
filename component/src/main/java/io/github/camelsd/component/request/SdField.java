package io.github.camelsd.component.request;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelsd.component.SdApiFamily;
import io.github.camelsd.component.SdConstants;
import io.github.camelsd.component.SdOperation;

/**
 * The field table: every request field the component knows, with its API name, its override header, its type and its
 * documented limits. {@link #normalize} turns what routes send (numbers as strings, {@code "yes"}/{@code "no"},
 * booleans, lists) into the documented wire form, or says what is wrong with it.
 */
public enum SdField {

    PROMPT("prompt", SdConstants.PROMPT, Type.TEXT, Limits.text(SdField.MAX_PROMPT_LENGTH)),
    NEGATIVE_PROMPT("negative_prompt", SdConstants.NEGATIVE_PROMPT, Type.TEXT, Limits.maxLength(SdField.MAX_PROMPT_LENGTH)),
    MODEL_ID("model_id", SdConstants.MODEL_ID, Type.TEXT, Limits.NOT_BLANK),
    WIDTH("width", SdConstants.WIDTH, Type.INTEGER, Limits.imageSide()),
    HEIGHT("height", SdConstants.HEIGHT, Type.INTEGER, Limits.imageSide()),
    SAMPLES("samples", SdConstants.SAMPLES, Type.INTEGER, Limits.between(1, 4)),
    NUM_INFERENCE_STEPS("num_inference_steps", SdConstants.NUM_INFERENCE_STEPS, Type.INTEGER, Limits.steps()),
    GUIDANCE_SCALE("guidance_scale", SdConstants.GUIDANCE_SCALE, Type.DECIMAL, Limits.between(1, 20)),
    /** Null or -1 means random. */
    SEED("seed", SdConstants.SEED, Type.INTEGER, Limits.between(-1, Long.MAX_VALUE)),
    SCHEDULER("scheduler", SdConstants.SCHEDULER, Type.TEXT, Limits.SCHEDULERS),
    SAFETY_CHECKER("safety_checker", SdConstants.SAFETY_CHECKER, Type.FLAG, Limits.NONE),
    SAFETY_CHECKER_TYPE("safety_checker_type", SdConstants.SAFETY_CHECKER_TYPE, Type.TEXT,
                        Limits.oneOf("black", "blur", "sensitive_content_text", "pixelate")),
    ENHANCE_PROMPT("enhance_prompt", SdConstants.ENHANCE_PROMPT, Type.FLAG, Limits.NONE),
    MULTI_LINGUAL("multi_lingual", SdConstants.MULTI_LINGUAL, Type.FLAG, Limits.NONE),
    PANORAMA("panorama", SdConstants.PANORAMA, Type.FLAG, Limits.NONE),
    SELF_ATTENTION("self_attention", SdConstants.SELF_ATTENTION, Type.FLAG, Limits.NONE),
    UPSCALE("upscale", SdConstants.UPSCALE, Type.FLAG_OR_FACTOR, Limits.NONE),
    HIGHRES_FIX("highres_fix", SdConstants.HIGHRES_FIX, Type.FLAG, Limits.NONE),
    CLIP_SKIP("clip_skip", SdConstants.CLIP_SKIP, Type.INTEGER, Limits.between(1, 8)),
    LORA_MODEL("lora_model", SdConstants.LORA_MODEL, Type.LIST, Limits.NOT_BLANK),
    LORA_STRENGTH("lora_strength", SdConstants.LORA_STRENGTH, Type.DECIMAL_LIST, Limits.range(0.1, 1)),
    EMBEDDINGS_MODEL("embeddings_model", SdConstants.EMBEDDINGS_MODEL, Type.TEXT, Limits.NOT_BLANK),
    VAE("vae", SdConstants.VAE, Type.TEXT, Limits.NOT_BLANK),
    USE_KARRAS_SIGMAS("use_karras_sigmas", SdConstants.USE_KARRAS_SIGMAS, Type.FLAG, Limits.NONE),
    TOMESD("tomesd", SdConstants.TOMESD, Type.FLAG, Limits.NONE),
    BASE64("base64", SdConstants.BASE64, Type.FLAG, Limits.NONE),
    TEMP("temp", SdConstants.TEMP, Type.FLAG, Limits.NONE),
    INSTANT_RESPONSE("instant_response", SdConstants.INSTANT_RESPONSE, Type.FLAG, Limits.NONE),
    WEBHOOK("webhook", SdConstants.WEBHOOK, Type.WEBHOOK, Limits.NONE),
    TRACK_ID("track_id", SdConstants.TRACK_ID, Type.TEXT, Limits.NONE),
    INIT_IMAGE("init_image", SdConstants.INIT_IMAGE, Type.IMAGE, Limits.NONE),
    MASK_IMAGE("mask_image", SdConstants.MASK_IMAGE, Type.IMAGE, Limits.NONE),
    STRENGTH("strength", SdConstants.STRENGTH, Type.DECIMAL, Limits.between(0, 1)),
    ALGORITHM_TYPE("algorithm_type", SdConstants.ALGORITHM_TYPE, Type.TEXT, Limits.oneOf("none", "dpmsolver+++")),
    ENHANCE_STYLE("enhance_style", SdConstants.ENHANCE_STYLE, Type.TEXT, Limits.NOT_BLANK),
    IP_ADAPTER_ID("ip_adapter_id", SdConstants.IP_ADAPTER_ID, Type.TEXT, Limits.oneOf("ip-adapter_sdxl", "ip-adapter_sd15", "ip-adapter-plus-face_sd15", "ip-adapter-plus_sdxl_vit-h", "ip-adapter-plus-face_sdxl_vit-h")),
    IP_ADAPTER_SCALE("ip_adapter_scale", SdConstants.IP_ADAPTER_SCALE, Type.DECIMAL, Limits.range(0, 1)),
    IP_ADAPTER_IMAGE("ip_adapter_image", SdConstants.IP_ADAPTER_IMAGE, Type.IMAGE, Limits.NONE),
    CONTROLNET_MODEL("controlnet_model", SdConstants.CONTROLNET_MODEL, Type.LIST, Limits.CONTROLNET_MODELS),
    CONTROLNET_TYPE("controlnet_type", SdConstants.CONTROLNET_TYPE, Type.TEXT, Limits.NOT_BLANK),
    CONTROL_IMAGE("control_image", SdConstants.CONTROL_IMAGE, Type.IMAGE, Limits.NONE),
    AUTO_HINT("auto_hint", SdConstants.AUTO_HINT, Type.FLAG, Limits.NONE),
    GUESS_MODE("guess_mode", SdConstants.GUESS_MODE, Type.FLAG, Limits.NONE),
    CONTROLNET_CONDITIONING_SCALE("controlnet_conditioning_scale", SdConstants.CONTROLNET_CONDITIONING_SCALE, Type.DECIMAL, Limits.range(0.1, 5)),
    SCALE("scale", SdConstants.SCALE, Type.INTEGER, Limits.between(1, 4)),
    FACE_ENHANCE("face_enhance", SdConstants.FACE_ENHANCE, Type.BOOLEAN, Limits.NONE),
    SECONDS("seconds", SdConstants.SECONDS, Type.INTEGER, Limits.between(1, 3600)),
    NUM_FRAMES("num_frames", SdConstants.NUM_FRAMES, Type.INTEGER, Limits.between(1, 25)),
    FPS("fps", SdConstants.FPS, Type.INTEGER, Limits.between(1, 16)),
    OUTPUT_TYPE("output_type", SdConstants.OUTPUT_TYPE, Type.TEXT, Limits.oneOf("mp4", "gif")),
    UPSCALE_HEIGHT("upscale_height", SdConstants.UPSCALE_HEIGHT, Type.INTEGER, Limits.between(8, 1024)),
    UPSCALE_WIDTH("upscale_width", SdConstants.UPSCALE_WIDTH, Type.INTEGER, Limits.between(8, 1024)),
    UPSCALE_STRENGTH("upscale_strength", SdConstants.UPSCALE_STRENGTH, Type.DECIMAL, Limits.range(0, 1)),
    UPSCALE_GUIDANCE_SCALE("upscale_guidance_scale", SdConstants.UPSCALE_GUIDANCE_SCALE, Type.DECIMAL, Limits.range(0, 20)),
    UPSCALE_NUM_INFERENCE_STEPS("upscale_num_inference_steps", SdConstants.UPSCALE_NUM_INFERENCE_STEPS, Type.INTEGER, Limits.between(1, 50)),
    USE_IMPROVED_SAMPLING("use_improved_sampling", SdConstants.USE_IMPROVED_SAMPLING, Type.FLAG, Limits.NONE),
    IMPROVED_SAMPLING_SEED("improved_sampling_seed", SdConstants.IMPROVED_SAMPLING_SEED, Type.INTEGER, Limits.between(-1, Long.MAX_VALUE)),
    IMAGE("image", SdConstants.IMAGE, Type.IMAGE, Limits.NONE),
    ALPHA_MATTING("alpha_matting", SdConstants.ALPHA_MATTING, Type.FLAG, Limits.NONE),
    POST_PROCESS_MASK("post_process_mask", SdConstants.POST_PROCESS_MASK, Type.FLAG, Limits.NONE),
    ONLY_MASK("only_mask", SdConstants.ONLY_MASK, Type.FLAG, Limits.NONE),
    INVERSE_MASK("inverse_mask", SdConstants.INVERSE_MASK, Type.FLAG, Limits.NONE),
    ALPHA_MATTING_FOREGROUND_THRESHOLD("alpha_matting_foreground_threshold", SdConstants.ALPHA_MATTING_FOREGROUND_THRESHOLD, Type.INTEGER, Limits.between(0, 240)),
    ALPHA_MATTING_BACKGROUND_THRESHOLD("alpha_matting_background_threshold", SdConstants.ALPHA_MATTING_BACKGROUND_THRESHOLD, Type.INTEGER, Limits.between(0, 20)),
    ALPHA_MATTING_ERODE_SIZE("alpha_matting_erode_size", SdConstants.ALPHA_MATTING_ERODE_SIZE, Type.INTEGER, Limits.between(0, 5)),
    OVERLAP_WIDTH("overlap_width", SdConstants.OVERLAP_WIDTH, Type.INTEGER, Limits.between(0, 42)),
    LENGTH("length", SdConstants.LENGTH, Type.TEXT, Limits.oneOf("short", "normal", "long")),
    FACE_IMAGE("face_image", SdConstants.FACE_IMAGE, Type.IMAGE, Limits.NONE),
    S_SCALE("s_scale", SdConstants.S_SCALE, Type.DECIMAL, Limits.range(0, 2)),
    STYLE("style", SdConstants.STYLE, Type.TEXT, Limits.oneOf("comic", "chibi", "3d", "anime", "realistic")),
    CLOTH_IMAGE("cloth_image", SdConstants.CLOTH_IMAGE, Type.IMAGE, Limits.NONE),
    CLOTH_TYPE("cloth_type", SdConstants.CLOTH_TYPE, Type.TEXT, Limits.oneOf("upper_body", "lower_body", "dresses")),
    SPECIFIC_OBJECT("specific_object", SdConstants.SPECIFIC_OBJECT, Type.TEXT, Limits.NOT_BLANK),
    STEPS("steps", SdConstants.STEPS, Type.INTEGER, Limits.between(1, 50)),
    INSTANCE_PROMPT("instance_prompt", SdConstants.INSTANCE_PROMPT, Type.TEXT, Limits.NOT_BLANK),
    CLASS_PROMPT("class_prompt", SdConstants.CLASS_PROMPT, Type.TEXT, Limits.NOT_BLANK),
    BASE_MODEL_ID("base_model_id", SdConstants.BASE_MODEL_ID, Type.TEXT, Limits.NOT_BLANK),
    IMAGES("images", SdConstants.IMAGES, Type.IMAGE_LIST, Limits.NONE),
    TRAINING_TYPE("training_type", SdConstants.TRAINING_TYPE, Type.TEXT, Limits.oneOf("men", "female", "women", "couple", "null")),
    MAX_TRAIN_STEPS("max_train_steps", SdConstants.MAX_TRAIN_STEPS, Type.INTEGER, Limits.between(1, 2000)),
    BASE_MODEL_TYPE("base_model_type", SdConstants.BASE_MODEL_TYPE, Type.TEXT, Limits.oneOf("normal", "sdxl")),
    LORA_TYPE("lora_type", SdConstants.LORA_TYPE, Type.TEXT, Limits.oneOf("lora", "lycoris")),
    URL("url", SdConstants.URL, Type.URL, Limits.NONE),
    MODEL_FORMAT("model_format", SdConstants.MODEL_FORMAT, Type.TEXT, Limits.oneOf("diffusers", "safetensors", "ckpt")),
    REVISION("revision", SdConstants.REVISION, Type.TEXT, Limits.oneOf("fp16", "fp32")),
    MODEL_CATEGORY("model_category", SdConstants.MODEL_CATEGORY, Type.TEXT, Limits.NOT_BLANK),
    MODEL_VISIBILITY("model_visibility", SdConstants.MODEL_VISIBILITY, Type.TEXT, Limits.oneOf("private", "public")),
    MODEL_NAME("model_name", SdConstants.MODEL_NAME, Type.TEXT, Limits.NOT_BLANK),
    MODEL_IMAGE("model_image", SdConstants.MODEL_IMAGE, Type.URL, Limits.NONE),
    HF_UPLOAD("hf_upload", SdConstants.HF_UPLOAD, Type.FLAG, Limits.NONE),
    FORCE_LOAD("force_load", SdConstants.FORCE_LOAD, Type.FLAG, Limits.NONE),
    UPCAST_ATTENTION("upcast_attention", SdConstants.UPCAST_ATTENTION, Type.FLAG, Limits.NONE),
    THRESHOLD("threshold", SdConstants.THRESHOLD, Type.DECIMAL, Limits.range(0, 1)),
    INIT_IMAGE_2("init_image_2", SdConstants.INIT_IMAGE_2, Type.IMAGE, Limits.NONE),
    GUIDANCE("guidance", SdConstants.GUIDANCE, Type.DECIMAL, Limits.range(0, 20)),
    WANDB_KEY("wandb_key", SdConstants.WANDB_KEY, Type.TEXT, Limits.NOT_BLANK),
    /** Enterprise generations: spread the job over the servers of the plan ("yes"/"no"; needs more than one server). */
    LOADBALANCER("loadbalancer", SdConstants.LOADBALANCER, Type.FLAG, Limits.NONE),
    /** Enterprise load-model: what kind of model {@code url} points at. */
    MODEL_TYPE("model_type", SdConstants.MODEL_TYPE, Type.TEXT,
               Limits.oneOf("huggingface", "api_trained", "custom_ckpt", "lora", "embeddings", "controlnet")),
    /** Enterprise load-model: the model is a safetensors file. */
    FROM_SAFETENSORS("from_safetensors", SdConstants.FROM_SAFETENSORS, Type.FLAG, Limits.NONE),
    VAE_ID("vae_id", SdConstants.VAE_ID, Type.TEXT, Limits.NOT_BLANK),
    /** A Hugging Face repository or a link: not necessarily a URL. */
    VAE_URL("vae_url", SdConstants.VAE_URL, Type.TEXT, Limits.NOT_BLANK),
    VAE_TYPE("vae_type", SdConstants.VAE_TYPE, Type.TEXT, Limits.oneOf("diffusers", "safetensors", "pt")),
    /** Enterprise sync-models: the key of the server whose models are copied; a secret, masked like the API key. */
    SYNC_KEY("sync_key", SdConstants.SYNC_KEY, Type.TEXT, Limits.NOT_BLANK);

    /** The component's own guard on prompt length (the API documents none; real prompts are far shorter). */
    public static final int MAX_PROMPT_LENGTH = 10_000;

    /** How a value is read from what routes send and written in the documented form. */
    enum Type {
        TEXT,
        INTEGER,
        DECIMAL,
        FLAG,
        /** A JSON boolean in every API family. */
        BOOLEAN,
        /** A flag, or (2023 community paths) an upscaling factor 1, 2 or 3 sent as text. */
        FLAG_OR_FACTOR,
        /** Comma-separated on the wire; a List or a comma-separated String from routes. */
        LIST,
        DECIMAL_LIST,
        /** An absolute http(s) URL. */
        URL,
        /** An absolute http(s) URL, or {@link SdField#WEBHOOK_AUTO}: the component's own callback URL. */
        WEBHOOK,
        /** An absolute http(s) URL of an image, base64 data when the request asks for base64, or content to stage. */
        IMAGE,
        /** Images: a List of what {@link #IMAGE} takes, or comma-separated URLs. */
        IMAGE_LIST
    }

    /** The value of {@code webhook} that asks for the component's own callback URL (see sd:webhook). */
    public static final String WEBHOOK_AUTO = "auto";
    private static final Map<String, SdField> BY_API_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(SdField::apiName, field -> field));

    private final String apiName;
    private final String optionName;
    private final String header;
    private final Type type;
    private final Limits limits;

    SdField(String apiName, String header, Type type, Limits limits) {
        this.apiName = apiName;
        this.optionName = camelCase(apiName); // read for every request: worked out once
        this.header = header;
        this.type = type;
        this.limits = limits;
    }

    public String apiName() {
        return apiName;
    }

    public String header() {
        return header;
    }

    /** Whether the field holds an input image (or, for {@code images} and list-taking tools, a list of them). */
    public boolean isImage() {
        return type == Type.IMAGE || type == Type.IMAGE_LIST;
    }

    /** The field of an API name, or null; asked for every field of every request, so a lookup, not a scan. */
    public static SdField fromApiName(String apiName) {
        return BY_API_NAME.get(apiName);
    }

    /** The option that sets this field: its API name in camel case ({@code lora_model}: {@code loraModel}). */
    public String optionName() {
        return optionName;
    }

    private static String camelCase(String apiName) {
        StringBuilder name = new StringBuilder();
        for (String part : apiName.split("_")) {
            name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }

    /**
     * The documented wire form of {@code value}, checked against the limits of {@code family} (its own where it has
     * them, else the field table's).
     *
     * @param  base64Request            whether the request asks for base64 (images may then be inline data)
     * @throws IllegalArgumentException saying what is wrong, without the field name (the caller adds it)
     */
    public Object normalize(Object value, SdOperation operation, SdApiFamily family, boolean base64Request) {
        Limits limits = operation.limitsFor(this) != null ? operation.limitsFor(this)
                : family.limitsFor(this) != null ? family.limitsFor(this) : this.limits;
        Object wire = switch (type) {
            case TEXT -> text(value);
            case INTEGER -> integer(value);
            case DECIMAL -> decimal(value);
            case FLAG -> family.flag(flag(value));
            case BOOLEAN -> flag(value);
            case FLAG_OR_FACTOR -> flagOrFactor(value, family);
            // each item is checked on its own; the joined list is not a value the limits read
            case LIST -> String.join(",", checkedItems(items(value), limits, family));
            case DECIMAL_LIST -> decimalList(value, limits, family);
            case URL -> url(value);
            case WEBHOOK -> WEBHOOK_AUTO.equalsIgnoreCase(text(value).trim()) ? WEBHOOK_AUTO : url(value);
            // bytes are content staged later by the producer (staging=api-hosted)
            case IMAGE_LIST -> (value instanceof Collection<?> c ? c : value instanceof byte[] ? List.of(value)
                    : items(value)).stream()
                    .map(image -> image(image, base64Request)).toList();
            case IMAGE -> value instanceof Collection<?> images
                    ? images.stream().map(image -> image(image, base64Request)).toList()
                    : image(value, base64Request);
        };
        if (type != Type.LIST && type != Type.DECIMAL_LIST && type != Type.IMAGE_LIST) {
            limits.check(wire, family);
        }
        return wire;
    }

    /** One image: content to stage (bytes), inline data where the request asks for base64, else a URL. */
    private static Object image(Object value, boolean base64Request) {
        return value instanceof byte[] ? value : base64Request && !looksLikeUrl(value) ? text(value) : url(value);
    }

    private static List<String> checkedItems(List<String> items, Limits limits, SdApiFamily family) {
        items.forEach(item -> limits.check(item, family));
        return items;
    }

    private static Object flagOrFactor(Object value, SdApiFamily family) {
        String text = value instanceof Number || value instanceof CharSequence ? value.toString().trim() : "";
        if (text.matches("[123]")) {
            if (!(family.flag(true) instanceof String)) {
                throw new IllegalArgumentException("must be true or false on this API family (was " + text
                                                   + "; factors 1, 2, 3 are for the 2023 paths)");
            }
            return text;
        }
        try {
            return family.flag(flag(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be yes/no, true/false or a factor 1, 2 or 3 (was '" + value + "')");
        }
    }

    private static String text(Object value) {
        if (value instanceof CharSequence || value instanceof Number || value instanceof Enum<?>) {
            return value.toString();
        }
        throw new IllegalArgumentException("must be text (was a " + value.getClass().getSimpleName() + ")");
    }

    private static Long integer(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue(); // whole already: no text round trip (every call reads some)
        }
        BigDecimal number = number(value, "a whole number");
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("must be a whole number (was " + value + ")");
        }
    }

    private static BigDecimal decimal(Object value) {
        return number(value, "a number");
    }

    private static BigDecimal number(Object value, String expected) {
        if (value instanceof Number || value instanceof CharSequence) {
            try {
                return new BigDecimal(value.toString().trim()).stripTrailingZeros();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be " + expected + " (was '" + value + "')");
            }
        }
        throw new IllegalArgumentException("must be " + expected + " (was a " + value.getClass().getSimpleName() + ")");
    }

    private static boolean flag(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof CharSequence) {
            switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
                case "yes", "true", "1":
                    return true;
                case "no", "false", "0":
                    return false;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("must be yes/no or true/false (was '" + value + "')");
    }

    private static List<String> items(Object value) {
        Collection<?> raw = value instanceof Collection<?> c ? c : Arrays.asList(text(value).split(","));
        List<String> items = new ArrayList<>(raw.size());
        for (Object item : raw) {
            String text = text(item).trim();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("must not contain empty entries (was '" + value + "')");
            }
            items.add(text);
        }
        return items;
    }

    private static String decimalList(Object value, Limits limits, SdApiFamily family) {
        List<String> normalized = new ArrayList<>();
        for (String item : items(value)) {
            BigDecimal number = decimal(item);
            limits.check(number, family);
            normalized.add(number.toPlainString());
        }
        return String.join(",", normalized);
    }

    private static boolean looksLikeUrl(Object value) {
        return value instanceof CharSequence s && (s.toString().startsWith("http://") || s.toString().startsWith("https://"));
    }

    private static String url(Object value) {
        String text = text(value).trim();
        try {
            URI uri = new URI(text);
            if (uri.isAbsolute() && uri.getHost() != null
                    && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                return text;
            }
        } catch (Exception e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("must be an absolute http(s) URL (was '" + abbreviate(text) + "')");
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
