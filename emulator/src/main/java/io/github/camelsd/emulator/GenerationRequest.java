package io.github.camelsd.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.camelsd.emulator.RequestRules.absent;
import static io.github.camelsd.emulator.RequestRules.flag;
import static io.github.camelsd.emulator.RequestRules.integerValue;
import static io.github.camelsd.emulator.RequestRules.numberValue;

/**
 * The fields of a validated generation request that the emulator acts on, with the API's defaults applied. Unknown
 * fields are ignored, as the API ignores them; the other fields its rules know are kept as they were sent, for
 * {@code meta}.
 *
 * @param prompt          the prompt, stripped; empty where it is optional and absent (ControlNet, super resolution)
 * @param steps           {@code num_inference_steps}, or its alias {@code steps}, or the family's default
 * @param seed            the requested seed, or null for a random one (absent, null or -1)
 * @param modelId         the model it runs on (the one asked for or the catalogue's default), or null for the stock
 *                        model
 * @param strength        the img2img strength, or null when not given
 * @param webhook         where to POST the result, or null
 * @param trackId         echoed to the webhook as given (string or number), or null
 * @param inputImages     the images to download: the required fields', then the optional ones that were given
 * @param format          the format of its output files
 * @param frames          a video's frames ({@code num_frames}, or 8 per second of {@code seconds}); 1 for images
 * @param fps             a video's frames per second
 * @param scale           the super resolution factor; 1 otherwise
 * @param instantResponse answer processing at once, with the future links, even when the job is done at once
 * @param echoed          the other fields of its rules that were sent, as sent, in the order of the rules
 */
record GenerationRequest(String prompt, String negativePrompt, int width, int height, int samples, int steps,
        double guidanceScale, Long seed, String modelId, Double strength, boolean safetyChecker, boolean base64,
        String webhook, Object trackId, List<String> inputImages, OutputFormat format, int frames, int fps, int scale,
        boolean instantResponse, Map<String, Object> echoed) {

    static final int DEFAULT_SIDE = 512;
    static final double DEFAULT_GUIDANCE_SCALE = 7.5;
    /** The v6 video OpenAPI's default; the prose says 16. */
    static final int DEFAULT_FRAMES = 25;
    static final int DEFAULT_FPS = 8;
    /** v6's documented default; V3 documents none, and its default model is an x4 one. */
    static final int DEFAULT_SCALE_V6 = 3;
    static final int DEFAULT_SCALE_V3 = 4;
    private static final long RANDOM_SEED = -1;
    /** What the record's own fields carry (or must not be echoed: the key, base64 images). */
    private static final Set<String> NOT_ECHOED = Set.of("key", "prompt", "negative_prompt", "width", "height",
            "samples", "num_inference_steps", "steps", "guidance_scale", "seed", "model_id", "strength",
            "safety_checker", "base64", "webhook", "track_id", "instant_response");

    static GenerationRequest from(Operation operation, Map<String, Object> body) {
        Long seed = integerValue(body.get("seed"));
        boolean upscale = operation.kind() == Operation.Kind.UPSCALE;
        OutputFormat format = operation.output();
        OutputFormat asked = body.get("output_type") instanceof String type ? OutputFormat.ofOutputType(type) : null;
        if (format.video() && asked != null) {
            format = asked;
        }
        Object steps = absent(body.get("num_inference_steps")) ? body.get("steps") : body.get("num_inference_steps");
        List<String> images = operation.imageReferences(body);
        Map<String, Object> echoed = new LinkedHashMap<>();
        for (RequestRules.Rule rule : operation.rules()) {
            Object value = body.get(rule.field());
            if (!NOT_ECHOED.contains(rule.field()) && !absent(value)) {
                echoed.putIfAbsent(rule.field(), rule.echo(value));
            }
        }
        long seconds = integerOr(body.get("seconds"), 0);
        int frames = (int) integerOr(body.get("num_frames"),
                seconds > 0 ? Math.min(64, seconds * DEFAULT_FPS) : DEFAULT_FRAMES);
        return new GenerationRequest(
                text(body.get("prompt")).strip(),
                text(body.get("negative_prompt")),
                (int) integerOr(body.get("width"), operation.sizing().width()),
                (int) integerOr(body.get("height"), operation.sizing().height()),
                format.video() || !format.files() || upscale ? 1 : (int) integerOr(body.get("samples"), 1),
                (int) integerOr(steps, operation.family().defaultSteps()),
                numberOr(body.get("guidance_scale"), DEFAULT_GUIDANCE_SCALE),
                seed == null || seed == RANDOM_SEED ? null : seed,
                operation.models().effective(ModelCatalogue.requested(body, operation.modelField())),
                numberValue(body.get("strength")),
                flag(body.get("safety_checker"), operation.family().safetyCheckerDefault()),
                format == OutputFormat.PNG && !upscale && flag(body.get("base64"), false),
                absent(body.get("webhook")) ? null : text(body.get("webhook")).strip(),
                body.get("track_id"),
                images,
                format,
                format.video() ? frames : 1,
                format.video() ? (int) integerOr(body.get("fps"), DEFAULT_FPS) : 1,
                upscale ? (int) integerOr(body.get("scale"), operation.family().defaultScale()) : 1,
                operation.rules().stream().anyMatch(rule -> rule.field().equals("instant_response"))
                        && flag(body.get("instant_response"), false),
                echoed);
    }

    /** The same request with the output size a super resolution of an input of this size gives. */
    GenerationRequest withSize(int width, int height) {
        return new GenerationRequest(prompt, negativePrompt, width, height, samples, steps, guidanceScale, seed, modelId,
                strength, safetyChecker, base64, webhook, trackId, inputImages, format, frames, fps, scale,
                instantResponse, echoed);
    }

    /** The integer sent, or {@code otherwise} when absent (or unreadable, on a field that its rules do not check). */
    private static long integerOr(Object value, long otherwise) {
        Long number = integerValue(value);
        return number != null ? number : otherwise;
    }

    private static double numberOr(Object value, double otherwise) {
        Double number = numberValue(value);
        return number != null ? number : otherwise;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
