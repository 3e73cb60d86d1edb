package io.github.camelsd.component;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.github.camelsd.component.request.SdField;

import static io.github.camelsd.component.SdApiFamily.ACCOUNT;
import static io.github.camelsd.component.SdApiFamily.COMMUNITY_V4;
import static io.github.camelsd.component.SdApiFamily.COMMUNITY_V6;
import static io.github.camelsd.component.SdApiFamily.CONTROLNET_V5;
import static io.github.camelsd.component.SdApiFamily.CONTROLNET_V6;
import static io.github.camelsd.component.SdApiFamily.REALTIME_V6;
import static io.github.camelsd.component.SdApiFamily.STOCK_V3;
import static io.github.camelsd.component.SdApiFamily.SUPER_RESOLUTION_V3;
import static io.github.camelsd.component.SdApiFamily.SUPER_RESOLUTION_V6;
import static io.github.camelsd.component.SdApiFamily.VIDEO_V5;
import static io.github.camelsd.component.SdApiFamily.VIDEO_V6;
import static io.github.camelsd.component.request.SdField.INIT_IMAGE;
import static io.github.camelsd.component.request.SdField.MASK_IMAGE;
import static io.github.camelsd.component.request.SdField.MODEL_ID;
import static io.github.camelsd.component.request.SdField.PROMPT;

/**
 * The operation table: one row per API operation, holding everything that differs between operations: its kind of
 * flow, its path and {@link SdApiFamily} for each {@link SdApiVersion}, without and with a {@code model_id} (the stock
 * model and the community models live on different paths), and its required fields. The family gives the fetch of its
 * queued jobs, its limits and its wire names. The producer, the request assembler and the job waiter read this table;
 * adding an operation is adding a row (and, when it has new fields, {@link SdField} entries).
 */
public enum SdOperation {

    TEXT2IMG("text2img", Kind.GENERATION,
            routes(STOCK_V3, "/api/v3/text2img", COMMUNITY_V4, "/api/v4/dreambooth",
                    REALTIME_V6, "/api/v6/realtime/text2img", COMMUNITY_V6, "/api/v6/images/text2img"),
            PROMPT),
    IMG2IMG("img2img", Kind.GENERATION,
            routes(STOCK_V3, "/api/v3/img2img", COMMUNITY_V4, "/api/v4/dreambooth/img2img",
                    REALTIME_V6, "/api/v6/realtime/img2img", COMMUNITY_V6, "/api/v6/images/img2img"),
            PROMPT, INIT_IMAGE),
    INPAINT("inpaint", Kind.GENERATION,
            routes(STOCK_V3, "/api/v3/inpaint", COMMUNITY_V4, "/api/v4/dreambooth/inpaint",
                    REALTIME_V6, "/api/v6/realtime/inpaint", COMMUNITY_V6, "/api/v6/images/inpaint"),
            PROMPT, INIT_IMAGE, MASK_IMAGE),
    /**
     * Single and multi ControlNet (a list of controlnet_model ids); one path, fetched as its answers point. Its OpenAPI
     * requires only the key: the image is required here because every documented example sends one.
     */
    CONTROLNET("controlnet", Kind.GENERATION,
            routes(CONTROLNET_V5, "/api/v5/controlnet", CONTROLNET_V5, "/api/v5/controlnet",
                    CONTROLNET_V6, "/api/v5/controlnet", CONTROLNET_V6, "/api/v5/controlnet"),
            INIT_IMAGE),
    /** Upscaling; {@code modelId} picks the upscaler, so it does not switch to a community path. */
    SUPER_RESOLUTION("super-resolution", Kind.GENERATION,
            routes(SUPER_RESOLUTION_V3, "/api/v3/super_resolution", SUPER_RESOLUTION_V3, "/api/v3/super_resolution",
                    SUPER_RESOLUTION_V6, "/api/v6/image_editing/super_resolution", SUPER_RESOLUTION_V6,
                    "/api/v6/image_editing/super_resolution"),
            INIT_IMAGE),
    TEXT2VIDEO("text2video", Kind.GENERATION,
            routes(VIDEO_V5, "/api/v5/text2video", COMMUNITY_V4, "/api/v4/dreambooth/text2video",
                    VIDEO_V6, "/api/v6/video/text2video", VIDEO_V6, "/api/v6/video/text2video"),
            PROMPT),
    /** The public community models: the API answers a top-level JSON array. */
    MODEL_LIST("model-list", Kind.LISTING, routes(ACCOUNT, "/api/v4/dreambooth/model_list", ACCOUNT,
            "/api/v4/dreambooth/model_list", ACCOUNT, "/api/v4/dreambooth/model_list", ACCOUNT,
            "/api/v4/dreambooth/model_list")),
    /** Reloads a community model evicted after 7 idle days (takes about 2 minutes on the API's side). */
    MODEL_RELOAD("model-reload", Kind.STATUS, routes(ACCOUNT, "/api/v4/dreambooth/model_reload", ACCOUNT,
            "/api/v4/dreambooth/model_reload", ACCOUNT, "/api/v6/images/model_reload", ACCOUNT,
            "/api/v6/images/model_reload"), MODEL_ID),
    /** The API hosts an upload and answers its URL: what staging=api-hosted calls; not an endpoint of its own. */
    UPLOAD("upload", Kind.UPLOAD, routes(ACCOUNT, "/api/v3/base64_crop", ACCOUNT, "/api/v3/base64_crop", ACCOUNT,
            "/api/v6/base64_to_url", ACCOUNT, "/api/v6/base64_to_url")),
    /**
     * Reads a job by id. Its path is the family's fetch of the operation that created the job: the header
     * {@link SdConstants#FETCH_PATH} the producer left, else the {@code jobOperation} option, else these (the stock
     * model's fetch). A path with {@code {id}} gets the id there; one without gets {@code request_id} in the body.
     */
    FETCH("fetch", Kind.FETCH, routes(STOCK_V3, "/api/v3/fetch/{id}", COMMUNITY_V4, "/api/v4/dreambooth/fetch",
            REALTIME_V6, "/api/v6/realtime/fetch/{id}", COMMUNITY_V6, "/api/v6/images/fetch")),
    SYSTEM_LOAD("system-load", Kind.STATUS, routes(ACCOUNT, "/api/v3/system_load", ACCOUNT, "/api/v3/system_load",
            ACCOUNT, "/api/v3/system_load", ACCOUNT, "/api/v3/system_load"));

    /** Which flow of the producer an operation takes. */
    public enum Kind {
        /** Creates a job: answers success, processing or an error; processing is waited for with its family's fetch. */
        GENERATION,
        /** Reads a job by id: answers like a generation. */
        FETCH,
        /** Reads or changes account or server state: answers a plain JSON object, the body is that Map. */
        STATUS,
        /** Answers a JSON array, the body is that List. */
        LISTING,
        /** Hosts image content and answers its URL. */
        UPLOAD
    }

    /** Where one operation is called in one API family, and the family's conventions. */
    public record Route(SdApiFamily family, String path) {
    }

    /** The URI names, for {@code @UriPath(enums = ...)}: the rows above that are endpoints. */
    public static final String NAMES = "text2img,img2img,inpaint,controlnet,super-resolution,text2video,model-list,"
                                       + "model-reload,fetch,system-load";

    private final String uriName;
    private final Kind kind;
    /** v3 stock, v3 with model_id, v6 stock, v6 with model_id. */
    private final Route[] routes;
    private final List<SdField> requiredFields;

    SdOperation(String uriName, Kind kind, Route[] routes, SdField... requiredFields) {
        this.uriName = uriName;
        this.kind = kind;
        this.routes = routes;
        this.requiredFields = List.of(requiredFields);
    }

    private static Route[] routes(SdApiFamily v3, String v3Path, SdApiFamily v3Model, String v3ModelPath,
                                  SdApiFamily v6, String v6Path, SdApiFamily v6Model, String v6ModelPath) {
        return new Route[] { new Route(v3, v3Path), new Route(v3Model, v3ModelPath), new Route(v6, v6Path),
                new Route(v6Model, v6ModelPath) };
    }

    public String uriName() {
        return uriName;
    }

    public Kind kind() {
        return kind;
    }

    /** Where this operation goes in API {@code version}, for a request with or without a {@code model_id}. */
    public Route route(SdApiVersion version, boolean withModel) {
        return routes[(version == SdApiVersion.v6 ? 2 : 0) + (withModel ? 1 : 0)];
    }

    public List<SdField> requiredFields() {
        return requiredFields;
    }

    /** Whether the request carries the operation's fields (prompt, size, model, ...) rather than just a key or a job id. */
    public boolean takesRequestFields() {
        return kind == Kind.GENERATION || kind == Kind.STATUS && !requiredFields.isEmpty();
    }

    public static SdOperation fromUriName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(op -> op.kind != Kind.UPLOAD && op.uriName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown sd operation '" + name + "' in the URI path (field 'operation'); expected one of: " + NAMES));
    }
}
