package io.github.camelsd.emulator;

import java.util.Map;
import java.util.Set;

/**
 * Which {@code model_id} values an operation takes, and what a missing or unknown one answers: "Model id not found"
 * when it is required and missing, the family's documented text ({@link ApiFamily#modelNotFound}) when it is unknown.
 */
enum ModelCatalogue {

    /** Optional; when given, one of the emulator's known models (the stock V3 and realtime paths). */
    STOCK(false, null, null),
    /** Required: one of the emulator's known models (community / Dreambooth and ControlNet). */
    COMMUNITY(true, null, null),
    /** Required: one of the v6 video API's models. */
    VIDEO(true, null, Set.of("cogvideox", "wanx")),
    /** Optional: one of the super resolution upscalers, realesr-general-x4v3 by default. */
    UPSCALERS(false, "realesr-general-x4v3", Set.of("RealESRGAN_x4plus", "RealESRNet_x4plus",
            "RealESRGAN_x4plus_anime_6B", "RealESRGAN_x2plus", "realesr-general-x4v3", "ultra_resolution")),
    /** The operation has no model: a {@code model_id} sent is ignored (V5 text to video). */
    NONE(false, null, Set.of());

    static final String MISSING = "Model id not found";

    private final boolean required;
    private final String defaultModel;
    /** The models, or null for the emulator's known models. */
    private final Set<String> models;

    ModelCatalogue(boolean required, String defaultModel, Set<String> models) {
        this.required = required;
        this.defaultModel = defaultModel;
        this.models = models;
    }

    /** The {@code model_id} of {@code body}, stripped; null when absent or blank. */
    static String requested(Map<String, Object> body) {
        Object value = body.get("model_id");
        String text = value == null ? "" : value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** The error text for {@code modelId} (as {@link #requested} read it), or null when it is fine. */
    String problem(String modelId, EmulatorSettings settings, ApiFamily family) {
        if (this == NONE) {
            return null;
        }
        if (modelId == null) {
            return required ? MISSING : null;
        }
        boolean known = models == null ? settings.knowsModel(modelId) : models.contains(modelId);
        return known ? null : family.modelNotFound(modelId);
    }

    /** The model a request runs on: the one asked for, or the default; null for the stock model or none. */
    String effective(String modelId) {
        return this == NONE ? null : modelId != null ? modelId : defaultModel;
    }
}
