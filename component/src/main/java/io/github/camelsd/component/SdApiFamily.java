package io.github.camelsd.component;

import java.util.Map;

import io.github.camelsd.component.request.Limits;
import io.github.camelsd.component.request.SdField;

/**
 * A family of API paths that share conventions: where their queued jobs are fetched, which documented limits differ
 * from the field table's, whether input images may be sent inline as base64, and which fields have another name on the
 * wire. The limits belong here rather than to {@link SdApiVersion}: a v6 community request may take 31 steps where a
 * v6 realtime one takes 20 at most.
 */
public enum SdApiFamily {

    /** The seed-era stock model: {@code /api/v3/text2img}, ... */
    STOCK_V3("/api/v3/fetch/{id}", false, true, 50, Map.of()),
    /** The current stock model: {@code /api/v6/realtime/...}; its OpenAPI has no base64 input field. */
    REALTIME_V6("/api/v6/realtime/fetch/{id}", false, false, 20, Map.of()),
    /**
     * Community (Dreambooth) models, 2023 paths: {@code /api/v4/dreambooth/...}, fetched with {@code request_id} in the
     * body. The docs list 21, 31, 41 and 51 steps, an older page 1 to 50: the wider 1 to 51 is accepted.
     */
    COMMUNITY_V4("/api/v4/dreambooth/fetch", true, true, 51, Map.of()),
    /**
     * Community models, current paths: {@code /api/v6/images/...}. The OpenAPI caps steps at 20 ("values above 20 are
     * capped") but defaults to 31: up to 50 is accepted, the API caps.
     */
    COMMUNITY_V6("/api/v6/images/fetch", true, false, 50, Map.of()),
    /**
     * ControlNet ({@code /api/v5/controlnet}) with the 2023 docs: its processing answers point at the V3 fetch. Steps:
     * 1 to 50 (2023), 21 or 31 now: the wider 1 to 51 is accepted.
     */
    CONTROLNET_V5("/api/v3/fetch/{id}", true, true, 51, Map.of(SdField.WIDTH, Limits.side(64, 1024),
            SdField.HEIGHT, Limits.side(64, 1024))),
    /** ControlNet with the current docs: its processing answers point at the v6 images fetch. */
    CONTROLNET_V6("/api/v6/images/fetch", true, true, 51, Map.of(SdField.WIDTH, Limits.side(64, 1024),
            SdField.HEIGHT, Limits.side(64, 1024))),
    /** Super resolution, 2023: {@code /api/v3/super_resolution}; the input image is {@code url}, the output one string. */
    SUPER_RESOLUTION_V3("/api/v3/fetch/{id}", false, false, 50, Map.of(SdField.MODEL_ID, Limits.UPSCALERS),
            Map.of(SdField.INIT_IMAGE, "url")),
    /** Super resolution, current paths: {@code /api/v6/image_editing/super_resolution}, fetched as image editing. */
    SUPER_RESOLUTION_V6("/api/v6/image_editing/fetch/{id}", false, false, 50, Map.of(SdField.MODEL_ID,
            Limits.UPSCALERS)),
    /** Text to video, 2023 stock model: {@code /api/v5/text2video}. */
    VIDEO_V5("/api/v3/fetch/{id}", false, false, 50, Map.of()),
    /**
     * Text to video, current paths: {@code /api/v6/video/...}: models cogvideox and wanx, frames at most 512 pixels a
     * side, guidance 0 to 8.
     */
    VIDEO_V6("/api/v6/video/fetch/{id}", true, false, 50, Map.of(SdField.WIDTH, Limits.side(8, 512),
            SdField.HEIGHT, Limits.side(8, 512), SdField.GUIDANCE_SCALE, Limits.range(0, 8),
            SdField.MODEL_ID, Limits.oneOf("cogvideox", "wanx"))),
    /** Model management and account calls: answers at once, nothing to fetch. */
    ACCOUNT(null, false, false, 50, Map.of());

    private final String fetchPath;
    private final boolean requiresModel;
    private final boolean base64Images;
    private final int maxSteps;
    private final Map<SdField, Limits> limits;
    private final Map<SdField, String> wireNames;

    SdApiFamily(String fetchPath, boolean requiresModel, boolean base64Images, int maxSteps,
                Map<SdField, Limits> limits) {
        this(fetchPath, requiresModel, base64Images, maxSteps, limits, Map.of());
    }

    SdApiFamily(String fetchPath, boolean requiresModel, boolean base64Images, int maxSteps,
                Map<SdField, Limits> limits, Map<SdField, String> wireNames) {
        this.fetchPath = fetchPath;
        this.requiresModel = requiresModel;
        this.base64Images = base64Images;
        this.maxSteps = maxSteps;
        this.limits = limits;
        this.wireNames = wireNames;
    }

    /** Where a queued job of this family is read: {@code {id}} in the path, or (no {@code {id}}) {@code request_id}. */
    public String fetchPath() {
        return fetchPath;
    }

    /** Whether its requests must name a {@code model_id} (the API answers "Model id not found" otherwise). */
    public boolean requiresModel() {
        return requiresModel;
    }

    /** Whether input images may be sent inline as base64 (with the {@code base64} flag). */
    public boolean acceptsBase64Images() {
        return base64Images;
    }

    public int maxSteps() {
        return maxSteps;
    }

    /** This family's own limits for {@code field}, or null where the field table's apply. */
    public Limits limitsFor(SdField field) {
        return limits.get(field);
    }

    /** The name {@code field} has on this family's wire. */
    public String wireName(SdField field) {
        return wireNames.getOrDefault(field, field.apiName());
    }
}
