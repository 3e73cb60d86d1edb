package io.github.camelsd.emulator;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which model ids an operation takes, and what a missing or unknown one answers: "Model id not found" when it is
 * required and missing, the family's documented text ({@link ApiFamily#modelNotFound}) when it is unknown. The known
 * models are the emulator's fixed ones plus those trained or loaded while it runs, which only some callers may use: the
 * pipeline passes what the caller knows.
 */
enum ModelCatalogue {

    /** Optional; when given, one of the emulator's known models (the stock V3 and realtime paths). */
    STOCK(false, null, null, Set.of()),
    /** Required: one of the emulator's known models (community / Dreambooth and ControlNet). */
    COMMUNITY(true, null, null, Set.of()),
    /**
     * As {@link #COMMUNITY}, and the Flux Kontext model the image-editing OpenAPI documents on
     * {@code /api/v6/images/img2img} ({@code flux-kontext-dev}).
     */
    COMMUNITY_OR_KONTEXT(true, null, null, Set.of("flux-kontext-dev")),
    /** Required: one of the v6 video API's models. */
    VIDEO(true, null, Set.of("cogvideox", "wanx"), Set.of()),
    /** Optional: one of the super resolution upscalers, realesr-general-x4v3 by default. */
    UPSCALERS(false, "realesr-general-x4v3", Set.of("RealESRGAN_x4plus", "RealESRNet_x4plus",
            "RealESRGAN_x4plus_anime_6B", "RealESRGAN_x2plus", "realesr-general-x4v3", "ultra_resolution"), Set.of()),
    /** Optional: one of Qwen Edit's two versions, qwen-edit-2509 by default. */
    QWEN_EDIT(false, "qwen-edit-2509", Set.of("qwen-edit-2509", "qwen-edit-2511"), Set.of()),
    /** The operation has no model: a {@code model_id} sent is ignored (V5 text to video, LoRA training...). */
    NONE(false, null, Set.of(), Set.of());

    static final String MISSING = "Model id not found";
    /** Where most operations name their model. */
    static final String MODEL_ID = "model_id";

    private final boolean required;
    private final String defaultModel;
    /** The models, or null for the emulator's known models. */
    private final Set<String> models;
    /** Models known besides the emulator's, for a catalogue of known models. */
    private final Set<String> alsoKnown;

    ModelCatalogue(boolean required, String defaultModel, Set<String> models, Set<String> alsoKnown) {
        this.required = required;
        this.defaultModel = defaultModel;
        this.models = models;
        this.alsoKnown = alsoKnown;
    }

    /** The {@code model_id} of {@code body}, stripped; null when absent or blank. */
    static String requested(Map<String, Object> body) {
        return requested(body, MODEL_ID);
    }

    /** The model named in {@code field} of {@code body}, stripped; null when absent or blank. */
    static String requested(Map<String, Object> body, String field) {
        Object value = body.get(field);
        String text = value == null ? "" : value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * The error text for {@code modelId} (as {@link #requested} read it), or null when it is fine; {@code known} says
     * which models the caller may use, where the catalogue is the emulator's known models.
     */
    String problem(String modelId, Predicate<String> known, ApiFamily family) {
        if (this == NONE) {
            return null;
        }
        if (modelId == null) {
            return required ? MISSING : null;
        }
        boolean exists = models == null ? known.test(modelId) || alsoKnown.contains(modelId)
                : models.contains(modelId);
        return exists ? null : family.modelNotFound(modelId);
    }

    /** The model a request runs on: the one asked for, or the default; null for the stock model or none. */
    String effective(String modelId) {
        return this == NONE ? null : modelId != null ? modelId : defaultModel;
    }
}
