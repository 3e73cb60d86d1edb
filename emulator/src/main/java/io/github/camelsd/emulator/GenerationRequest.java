package io.github.camelsd.emulator;

import java.util.List;
import java.util.Map;

import static io.github.camelsd.emulator.RequestRules.absent;
import static io.github.camelsd.emulator.RequestRules.flag;
import static io.github.camelsd.emulator.RequestRules.integerValue;
import static io.github.camelsd.emulator.RequestRules.numberValue;

/**
 * The fields of a validated generation request that the emulator acts on, with the API's defaults applied. Unknown
 * fields are ignored, as the API ignores them.
 *
 * @param seed     the requested seed, or null for a random one (absent, null or -1)
 * @param modelId  the requested model, or null for the stock model
 * @param strength the img2img strength, or null when not given
 * @param webhook  where to POST the result, or null
 * @param trackId  echoed to the webhook as given (string or number), or null
 */
record GenerationRequest(String prompt, String negativePrompt, int width, int height, int samples, int steps,
        double guidanceScale, Long seed, String modelId, Double strength, boolean safetyChecker, boolean base64,
        String webhook, Object trackId, List<String> inputImages) {

    static final int DEFAULT_SIDE = 512;
    static final double DEFAULT_GUIDANCE_SCALE = 7.5;
    private static final long RANDOM_SEED = -1;

    static GenerationRequest from(Operation operation, Map<String, Object> body) {
        Long seed = integerValue(body.get("seed"));
        return new GenerationRequest(
                ((String) body.get("prompt")).strip(),
                text(body.get("negative_prompt")),
                (int) integerOr(body.get("width"), DEFAULT_SIDE),
                (int) integerOr(body.get("height"), DEFAULT_SIDE),
                (int) integerOr(body.get("samples"), 1),
                (int) integerOr(body.get("num_inference_steps"), operation.family().defaultSteps()),
                absent(body.get("guidance_scale")) ? DEFAULT_GUIDANCE_SCALE : numberValue(body.get("guidance_scale")),
                seed == null || seed == RANDOM_SEED ? null : seed,
                absent(body.get("model_id")) ? null : text(body.get("model_id")),
                absent(body.get("strength")) ? null : numberValue(body.get("strength")),
                flag(body.get("safety_checker"), operation.family().safetyCheckerDefault()),
                flag(body.get("base64"), false),
                absent(body.get("webhook")) ? null : text(body.get("webhook")).strip(),
                body.get("track_id"),
                operation.inputImages().stream().map(field -> text(body.get(field)).strip()).toList());
    }

    private static long integerOr(Object value, long otherwise) {
        return absent(value) ? otherwise : integerValue(value);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
