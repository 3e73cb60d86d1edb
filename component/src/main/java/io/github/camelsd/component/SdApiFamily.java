package io.github.camelsd.component;

import java.util.EnumMap;
import java.util.Map;

import io.github.camelsd.component.request.Limits;
import io.github.camelsd.component.request.SdField;

/**
 * A family of API paths that share conventions: where their queued jobs are fetched, how flags are written, which
 * documented limits differ from the field table's, whether input images may be sent inline as base64, and which fields
 * have another name on the wire. The limits belong here rather than to {@link SdApiVersion}: a v6 community request may take 31 steps where a
 * v6 realtime one takes 20 at most.
 */
public enum SdApiFamily {

    /** The seed-era stock model: {@code /api/v3/text2img}, ... */
    STOCK_V3(fetchedAt("/api/v3/fetch/{id}").yesNoFlags().base64Images().steps(50)),
    /** The current stock model: {@code /api/v6/realtime/...}; its OpenAPI has no base64 input field. */
    REALTIME_V6(fetchedAt("/api/v6/realtime/fetch/{id}").steps(20)),
    /**
     * Community (Dreambooth) models, 2023 paths: {@code /api/v4/dreambooth/...}, fetched with {@code request_id} in the
     * body. The docs list 21, 31, 41 and 51 steps, an older page 1 to 50: the wider 1 to 51 is accepted.
     */
    COMMUNITY_V4(fetchedAt("/api/v4/dreambooth/fetch").yesNoFlags().requiresModel().base64Images().steps(51)),
    /**
     * Community models, current paths: {@code /api/v6/images/...}. The OpenAPI caps steps at 20 ("values above 20 are
     * capped") but defaults to 31: up to 50 is accepted, the API caps.
     */
    COMMUNITY_V6(fetchedAt("/api/v6/images/fetch").requiresModel().steps(50)),
    /**
     * ControlNet ({@code /api/v5/controlnet}) with the 2023 docs: its processing answers point at the V3 fetch. Steps:
     * 1 to 50 (2023), 21 or 31 now: the wider 1 to 51 is accepted.
     */
    CONTROLNET_V5(fetchedAt("/api/v3/fetch/{id}").yesNoFlags().requiresModel().base64Images().steps(51)
            .limit(SdField.WIDTH, Limits.side(64, 1024)).limit(SdField.HEIGHT, Limits.side(64, 1024))),
    /**
     * ControlNet with the current docs: its processing answers point at the v6 images fetch; its current OpenAPI still
     * types every flag as {@code "yes"}/{@code "no"}.
     */
    CONTROLNET_V6(fetchedAt("/api/v6/images/fetch").yesNoFlags().requiresModel().base64Images().steps(51)
            .limit(SdField.WIDTH, Limits.side(64, 1024)).limit(SdField.HEIGHT, Limits.side(64, 1024))),
    /** Super resolution, 2023: {@code /api/v3/super_resolution}; the input image is {@code url}, the output one string. */
    SUPER_RESOLUTION_V3(fetchedAt("/api/v3/fetch/{id}").yesNoFlags().limit(SdField.MODEL_ID, Limits.UPSCALERS)
            .wireName(SdField.INIT_IMAGE, "url")),
    /** Super resolution, current paths: {@code /api/v6/image_editing/super_resolution}, fetched as image editing. */
    SUPER_RESOLUTION_V6(fetchedAt("/api/v6/image_editing/fetch/{id}").limit(SdField.MODEL_ID, Limits.UPSCALERS)),
    /** Text to video, 2023 stock model: {@code /api/v5/text2video}. */
    VIDEO_V5(fetchedAt("/api/v3/fetch/{id}").yesNoFlags()),
    /**
     * Text to video, current paths: {@code /api/v6/video/...}: models cogvideox and wanx, frames at most 512 pixels a
     * side, guidance 0 to 8.
     */
    VIDEO_V6(fetchedAt("/api/v6/video/fetch/{id}").requiresModel()
            .limit(SdField.WIDTH, Limits.side(8, 512)).limit(SdField.HEIGHT, Limits.side(8, 512))
            .limit(SdField.GUIDANCE_SCALE, Limits.range(0, 8)).limit(SdField.MODEL_ID, Limits.oneOf("cogvideox", "wanx"))),
    /**
     * Image editing, current paths: {@code /api/v6/image_editing/<tool>}; input images may be base64 data URIs
     * (documented for removebg).
     */
    IMAGE_EDITING_V6(fetchedAt("/api/v6/image_editing/fetch/{id}").base64Images()),
    /**
     * An enterprise dedicated server's generations ({@code /api/v1/enterprise/text2img}, ...): the community bodies
     * with {@code model_id} required (a model loaded on the server), {@code "yes"}/{@code "no"} flags as the 2023 pages
     * send them, fetched with {@code request_id} in the body ({@code /api/v1/enterprise/fetch}).
     */
    ENTERPRISE(fetchedAt("/api/v1/enterprise/fetch").yesNoFlags().requiresModel().base64Images().steps(51)),
    /** The enterprise server's ControlNet ({@code /api/v1/enterprise/controlnet}): as {@link #ENTERPRISE}, with ControlNet's sizes. */
    ENTERPRISE_CONTROLNET(fetchedAt("/api/v1/enterprise/fetch").yesNoFlags().requiresModel().base64Images().steps(51)
            .limit(SdField.WIDTH, Limits.side(64, 1024)).limit(SdField.HEIGHT, Limits.side(64, 1024))),
    /**
     * The enterprise server's super resolution ({@code /api/v1/enterprise/super_resolution}): V3's body (the input
     * image is {@code url}, the output one string), {@code model_id} the optional upscaler; fetched like the server's
     * other jobs.
     */
    ENTERPRISE_SUPER_RESOLUTION(fetchedAt("/api/v1/enterprise/fetch").yesNoFlags()
            .limit(SdField.MODEL_ID, Limits.UPSCALERS).wireName(SdField.INIT_IMAGE, "url")),
    /**
     * The enterprise server's own operations ({@code system_details}, {@code load_model}, ...): answer at once, nothing
     * to fetch; flags {@code "yes"}/{@code "no"} ({@code from_safetensors}) as their pages show.
     */
    ENTERPRISE_SERVER(fetchedAt(null).yesNoFlags()),
    /** Model training ({@code /api/v3/fine_tune}, ...): read by its status call, not fetched like a job. */
    TRAINING(fetchedAt(null).yesNoFlags()),
    /** Model management and account calls: answers at once, nothing to fetch. */
    ACCOUNT(fetchedAt(null));

    /** A family's conventions, written as a readable row: what differs from the defaults (JSON booleans, 50 steps). */
    private static final class Conventions {
        private final String fetchPath;
        private boolean yesNoFlags;
        private boolean requiresModel;
        private boolean base64Images;
        private int maxSteps = 50;
        private final Map<SdField, Limits> limits = new EnumMap<>(SdField.class);
        private final Map<SdField, String> wireNames = new EnumMap<>(SdField.class);

        private Conventions(String fetchPath) {
            this.fetchPath = fetchPath;
        }

        /** Flags go out as {@code "yes"}/{@code "no"} (the 2023 docs) instead of JSON booleans. */
        Conventions yesNoFlags() {
            yesNoFlags = true;
            return this;
        }

        Conventions requiresModel() {
            requiresModel = true;
            return this;
        }

        Conventions base64Images() {
            base64Images = true;
            return this;
        }

        Conventions steps(int max) {
            maxSteps = max;
            return this;
        }

        Conventions limit(SdField field, Limits own) {
            limits.put(field, own);
            return this;
        }

        Conventions wireName(SdField field, String name) {
            wireNames.put(field, name);
            return this;
        }
    }

    private static Conventions fetchedAt(String fetchPath) {
        return new Conventions(fetchPath);
    }

    private final String fetchPath;
    private final boolean yesNoFlags;
    private final boolean requiresModel;
    private final boolean base64Images;
    private final int maxSteps;
    private final Map<SdField, Limits> limits;
    private final Map<SdField, String> wireNames;

    SdApiFamily(Conventions conventions) {
        this.fetchPath = conventions.fetchPath;
        this.yesNoFlags = conventions.yesNoFlags;
        this.requiresModel = conventions.requiresModel;
        this.base64Images = conventions.base64Images;
        this.maxSteps = conventions.maxSteps;
        this.limits = Map.copyOf(conventions.limits);
        this.wireNames = Map.copyOf(conventions.wireNames);
    }

    /** The documented wire form of a flag in this family. */
    public Object flag(boolean value) {
        return yesNoFlags ? (value ? "yes" : "no") : value;
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

    /** The fields with another name on this family's wire, and that name. */
    public Map<SdField, String> wireNames() {
        return wireNames;
    }

    /** The name {@code field} has on this family's wire. */
    public String wireName(SdField field) {
        return wireNames.getOrDefault(field, field.apiName());
    }
}
