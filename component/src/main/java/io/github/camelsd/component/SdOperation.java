package io.github.camelsd.component;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.camelsd.component.request.SdField;

import static io.github.camelsd.component.request.SdField.INIT_IMAGE;
import static io.github.camelsd.component.request.SdField.MASK_IMAGE;
import static io.github.camelsd.component.request.SdField.PROMPT;
import static io.github.camelsd.component.SdOperation.Base64Images.NO_IMAGES;
import static io.github.camelsd.component.SdOperation.Base64Images.V3_ONLY;

/**
 * The operation table: one row per API operation, holding everything that differs between operations (paths per API
 * family, required fields, which operation fetches its queued jobs, which API families take its input images as
 * base64). The producer, the request assembler and the job
 * waiter read this table; adding an operation is adding a row (and, when it has new fields, {@link SdField} entries).
 */
public enum SdOperation {

    TEXT2IMG("text2img", Kind.GENERATION, "/api/v3/text2img", "/api/v6/realtime/text2img", "fetch", NO_IMAGES, PROMPT),
    // the seed-era docs list base64 among the fields of the text2img family; the v6 realtime OpenAPI
    // (realtime-stable-diffusion.json) has no base64 field for img2img or inpaint: URLs only
    IMG2IMG("img2img", Kind.GENERATION, "/api/v3/img2img", "/api/v6/realtime/img2img", "fetch", V3_ONLY, PROMPT,
            INIT_IMAGE),
    INPAINT("inpaint", Kind.GENERATION, "/api/v3/inpaint", "/api/v6/realtime/inpaint", "fetch", V3_ONLY, PROMPT,
            INIT_IMAGE, MASK_IMAGE),
    /** The API hosts an upload and answers its URL: what staging=api-hosted calls; not an endpoint of its own. */
    UPLOAD("upload", Kind.UPLOAD, "/api/v3/base64_crop", "/api/v6/base64_to_url", null, NO_IMAGES),
    /** Path template: {@code {id}} is replaced by the job id; a path without it gets the id in the body as {@code request_id}. */
    FETCH("fetch", Kind.FETCH, "/api/v3/fetch/{id}", "/api/v6/realtime/fetch/{id}", "fetch", NO_IMAGES),
    SYSTEM_LOAD("system-load", Kind.STATUS, "/api/v3/system_load", "/api/v3/system_load", null, NO_IMAGES);

    /** What an operation's answer means to the producer. */
    public enum Kind {
        /** Creates a job: answers success, processing or an error. */
        GENERATION,
        /** Reads a job by id: answers like a generation. */
        FETCH,
        /** Reads account or server state: answers a plain JSON object. */
        STATUS,
        /** Hosts image content and answers its URL. */
        UPLOAD
    }

    /** Which API families take an operation's input images as base64 (with the {@code base64} flag). */
    interface Base64Images {
        Set<SdApiVersion> V3_ONLY = EnumSet.of(SdApiVersion.v3);
        Set<SdApiVersion> NO_IMAGES = EnumSet.noneOf(SdApiVersion.class);
    }

    /** The URI names, for {@code @UriPath(enums = ...)}: the rows above that are endpoints. */
    public static final String NAMES = "text2img,img2img,inpaint,fetch,system-load";

    private final String uriName;
    private final Kind kind;
    private final String v3Path;
    private final String v6Path;
    private final String fetchOperation;
    private final Set<SdApiVersion> base64Images;
    private final List<SdField> requiredFields;

    SdOperation(String uriName, Kind kind, String v3Path, String v6Path, String fetchOperation,
                Set<SdApiVersion> base64Images, SdField... requiredFields) {
        this.uriName = uriName;
        this.kind = kind;
        this.v3Path = v3Path;
        this.v6Path = v6Path;
        this.fetchOperation = fetchOperation;
        this.base64Images = base64Images;
        this.requiredFields = List.of(requiredFields);
    }

    public String uriName() {
        return uriName;
    }

    public Kind kind() {
        return kind;
    }

    public String defaultPath(SdApiVersion version) {
        return version == SdApiVersion.v6 ? v6Path : v3Path;
    }

    /** The operation that reads this operation's queued jobs, or {@code null} when it never queues. */
    public SdOperation fetchOperation() {
        return fetchOperation == null ? null : fromUriName(fetchOperation);
    }

    /** Whether this operation, in API family {@code version}, takes input images inline as base64. */
    public boolean acceptsBase64Images(SdApiVersion version) {
        return base64Images.contains(version);
    }

    public List<SdField> requiredFields() {
        return requiredFields;
    }

    /** Whether the request carries generation fields (prompt, size, ...) rather than just a key or a job id. */
    public boolean takesGenerationFields() {
        return kind == Kind.GENERATION;
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
