package io.github.camelsd.component;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelsd.component.request.Limits;
import io.github.camelsd.component.request.SdField;

import static io.github.camelsd.component.SdApiFamily.ACCOUNT;
import static io.github.camelsd.component.SdApiFamily.COMMUNITY_V4;
import static io.github.camelsd.component.SdApiFamily.COMMUNITY_V6;
import static io.github.camelsd.component.SdApiFamily.CONTROLNET_V5;
import static io.github.camelsd.component.SdApiFamily.CONTROLNET_V6;
import static io.github.camelsd.component.SdApiFamily.ENTERPRISE;
import static io.github.camelsd.component.SdApiFamily.ENTERPRISE_CONTROLNET;
import static io.github.camelsd.component.SdApiFamily.ENTERPRISE_SERVER;
import static io.github.camelsd.component.SdApiFamily.ENTERPRISE_SUPER_RESOLUTION;
import static io.github.camelsd.component.SdApiFamily.IMAGE_EDITING_V6;
import static io.github.camelsd.component.SdApiFamily.REALTIME_V6;
import static io.github.camelsd.component.SdApiFamily.STOCK_V3;
import static io.github.camelsd.component.SdApiFamily.SUPER_RESOLUTION_V3;
import static io.github.camelsd.component.SdApiFamily.SUPER_RESOLUTION_V6;
import static io.github.camelsd.component.SdApiFamily.TRAINING;
import static io.github.camelsd.component.SdApiFamily.VIDEO_V5;
import static io.github.camelsd.component.SdApiFamily.VIDEO_V6;
import static io.github.camelsd.component.request.SdField.BASE_MODEL_ID;
import static io.github.camelsd.component.request.SdField.CLASS_PROMPT;
import static io.github.camelsd.component.request.SdField.CLOTH_IMAGE;
import static io.github.camelsd.component.request.SdField.CLOTH_TYPE;
import static io.github.camelsd.component.request.SdField.FACE_IMAGE;
import static io.github.camelsd.component.request.SdField.GUIDANCE_SCALE;
import static io.github.camelsd.component.request.SdField.HEIGHT;
import static io.github.camelsd.component.request.SdField.IMAGE;
import static io.github.camelsd.component.request.SdField.IMAGES;
import static io.github.camelsd.component.request.SdField.INIT_IMAGE;
import static io.github.camelsd.component.request.SdField.INSTANCE_PROMPT;
import static io.github.camelsd.component.request.SdField.MASK_IMAGE;
import static io.github.camelsd.component.request.SdField.MAX_TRAIN_STEPS;
import static io.github.camelsd.component.request.SdField.MODEL_CATEGORY;
import static io.github.camelsd.component.request.SdField.MODEL_FORMAT;
import static io.github.camelsd.component.request.SdField.MODEL_ID;
import static io.github.camelsd.component.request.SdField.MODEL_NAME;
import static io.github.camelsd.component.request.SdField.MODEL_TYPE;
import static io.github.camelsd.component.request.SdField.MODEL_VISIBILITY;
import static io.github.camelsd.component.request.SdField.NUM_INFERENCE_STEPS;
import static io.github.camelsd.component.request.SdField.PROMPT;
import static io.github.camelsd.component.request.SdField.SAMPLES;
import static io.github.camelsd.component.request.SdField.SPECIFIC_OBJECT;
import static io.github.camelsd.component.request.SdField.SYNC_KEY;
import static io.github.camelsd.component.request.SdField.TRAINING_TYPE;
import static io.github.camelsd.component.request.SdField.URL;
import static io.github.camelsd.component.request.SdField.VAE_ID;
import static io.github.camelsd.component.request.SdField.VAE_URL;
import static io.github.camelsd.component.request.SdField.WIDTH;

/**
 * The operation table: one row per API operation, holding everything that differs between operations: its kind of
 * flow, its path and {@link SdApiFamily} for each {@link SdApiVersion}, without and with a {@code model_id} (the stock
 * model and the community models live on different paths), its path on an enterprise dedicated server (one path, with
 * or without a model; a row without one keeps its v3 path there, a row with only that one exists on enterprise only),
 * and its required fields (on enterprise they may differ). The family gives the fetch of its
 * queued jobs, its limits and its wire names. The producer, the request assembler and the job waiter read this table;
 * adding an operation is adding a row (and, when it has new fields, {@link SdField} entries).
 */
public enum SdOperation {

    // ---- generation: the stock model, and a community model when the request names one ----
    TEXT2IMG(generation("text2img").stock(STOCK_V3, "/api/v3/text2img", REALTIME_V6, "/api/v6/realtime/text2img")
            .community(COMMUNITY_V4, "/api/v4/dreambooth", COMMUNITY_V6, "/api/v6/images/text2img")
            .enterprise(ENTERPRISE, "/api/v1/enterprise/text2img").requires(PROMPT)),
    IMG2IMG(generation("img2img").stock(STOCK_V3, "/api/v3/img2img", REALTIME_V6, "/api/v6/realtime/img2img")
            .community(COMMUNITY_V4, "/api/v4/dreambooth/img2img", COMMUNITY_V6, "/api/v6/images/img2img")
            .enterprise(ENTERPRISE, "/api/v1/enterprise/img2img").requires(PROMPT, INIT_IMAGE)),
    INPAINT(generation("inpaint").stock(STOCK_V3, "/api/v3/inpaint", REALTIME_V6, "/api/v6/realtime/inpaint")
            .community(COMMUNITY_V4, "/api/v4/dreambooth/inpaint", COMMUNITY_V6, "/api/v6/images/inpaint")
            .enterprise(ENTERPRISE, "/api/v1/enterprise/inpaint").requires(PROMPT, INIT_IMAGE, MASK_IMAGE)),
    /**
     * Single and multi ControlNet (a list of controlnet_model ids); one path, fetched as its answers point. Its OpenAPI
     * requires only the key: the image is required here because every documented example sends one.
     */
    CONTROLNET(generation("controlnet").stock(CONTROLNET_V5, "/api/v5/controlnet", CONTROLNET_V6, "/api/v5/controlnet")
            .enterprise(ENTERPRISE_CONTROLNET, "/api/v1/enterprise/controlnet").requires(INIT_IMAGE)),
    /**
     * Upscaling; {@code modelId} picks the upscaler, so it does not switch to a community path (nor is it required on
     * enterprise, whose body is V3's).
     */
    SUPER_RESOLUTION(generation("super-resolution").stock(SUPER_RESOLUTION_V3, "/api/v3/super_resolution",
            SUPER_RESOLUTION_V6, "/api/v6/image_editing/super_resolution")
            .enterprise(ENTERPRISE_SUPER_RESOLUTION, "/api/v1/enterprise/super_resolution").requires(INIT_IMAGE)),
    TEXT2VIDEO(generation("text2video").stock(VIDEO_V5, "/api/v5/text2video", VIDEO_V6, "/api/v6/video/text2video")
            .community(COMMUNITY_V4, "/api/v4/dreambooth/text2video", VIDEO_V6, "/api/v6/video/text2video")
            .enterprise(ENTERPRISE, "/api/v1/enterprise/text2video").requires(PROMPT)),

    // ---- image editing: /api/v6/image_editing/<tool>, whatever apiVersion says (the tools exist there only) ----
    REMOVEBG_MASK(editing("removebg-mask", "removebg_mask").requires(IMAGE)),
    OUTPAINT(editing("outpaint", "outpaint").requires(IMAGE).limit(WIDTH, Limits.side(8, 1440))
            .limit(HEIGHT, Limits.side(8, 1440)).limit(NUM_INFERENCE_STEPS, Limits.between(1, 30))),
    OBJECT_REMOVAL(editing("object-removal", "object_removal").requires(INIT_IMAGE, MASK_IMAGE)),
    MASK_CREATOR(editing("mask-creator", "mask_creator").requires(SPECIFIC_OBJECT)),
    /** Describes an image in words: the result is text. */
    CAPTION(editing("caption", "caption").requires(INIT_IMAGE).output(Output.TEXT)),
    FACE_GEN(editing("face-gen", "face_gen").requires(PROMPT, FACE_IMAGE).limit(WIDTH, Limits.side(8, 512))
            .limit(HEIGHT, Limits.side(8, 768)).limit(SAMPLES, Limits.between(1, 2))
            .limit(NUM_INFERENCE_STEPS, Limits.oneOf("21", "31", "41"))),
    /** Its OpenAPI caps guidance at 5 while its example sends 7.5: the field table's 1 to 20 stays. */
    HEAD_SHOT(editing("head-shot", "head_shot").requires(PROMPT, FACE_IMAGE).limit(WIDTH, Limits.side(8, 512))
            .limit(HEIGHT, Limits.side(8, 768)).limit(SAMPLES, Limits.between(1, 2))
            .limit(NUM_INFERENCE_STEPS, Limits.oneOf("21", "31", "41"))),
    FLUX_HEADSHOT(editing("flux-headshot", "flux_headshot").requires(PROMPT, FACE_IMAGE)
            .limit(NUM_INFERENCE_STEPS, Limits.between(1, 26)).limit(GUIDANCE_SCALE, Limits.range(1, 10))),
    FASHION(editing("fashion", "fashion").requires(INIT_IMAGE, CLOTH_IMAGE, CLOTH_TYPE)
            .limit(NUM_INFERENCE_STEPS, Limits.oneOf("21", "31", "41"))),
    /** Mixes several images: init_image is a list (up to 4). */
    IMG_MIXER(editing("img-mixer", "img_mixer").requires(PROMPT, INIT_IMAGE).limit(SAMPLES, Limits.between(1, 1))),
    /** The editing tool's inpaint, named apart from the generation {@code inpaint}. */
    EDIT_INPAINT(editing("edit-inpaint", "inpaint").requires(PROMPT, INIT_IMAGE, MASK_IMAGE)),
    /** Edits by instruction; init_image is one image or a list (up to 4). */
    QWEN_EDIT(editing("qwen-edit", "qwen_edit").requires(PROMPT, INIT_IMAGE)),

    // ---- model training and models ----
    /** Dreambooth training: answers a training id, and waits (or not) until the model is ready. */
    FINE_TUNE(training("fine-tune", "/api/v3/fine_tune").requires(INSTANCE_PROMPT, CLASS_PROMPT, BASE_MODEL_ID, IMAGES,
            MAX_TRAIN_STEPS)
            .limit(TRAINING_TYPE, Limits.oneOf("men", "female", "couple", "null"))),
    /** Its OpenAPI requires training_type and max_train_steps too. */
    LORA_FINE_TUNE(training("lora-fine-tune", "/api/v3/lora_fine_tune").requires(INSTANCE_PROMPT, CLASS_PROMPT, IMAGES,
            TRAINING_TYPE, MAX_TRAIN_STEPS)
            .limit(TRAINING_TYPE, Limits.oneOf("men", "women", "couple", "null"))
            .limit(MAX_TRAIN_STEPS, Limits.between(10, 50))),
    /** A training's stage ({@code {id}}: the training id); waits for model_ready with waitForResult=true. */
    FINE_TUNE_STATUS(row("fine-tune-status", Kind.TRAINING_STATUS).at(TRAINING, "/api/v3/fine_tune_status/{id}")),
    /** The OpenAPI's path; the prose's {@code /api/v3/cancle_training/{id}} (sic) is reached with {@code path}. */
    CANCEL_TRAINING(row("cancel-training", Kind.STATUS).at(TRAINING, "/api/v3/cancel_training/{id}")),
    /** The OpenAPI's path; the prose's {@code /api/v3/finetune/delete/{id}} is reached with {@code path}. */
    DELETE_TRAINING(row("delete-training", Kind.STATUS).at(TRAINING, "/api/v3/delete/{id}")),
    FINE_TUNE_LIST(row("fine-tune-list", Kind.STATUS).at(TRAINING, "/api/v3/finetune_list")),
    /**
     * What its OpenAPI requires, checked before sending; the enterprise page requires url, model_id and model_type. On
     * enterprise, with waitForResult, the exchange waits (without a thread) until verify-model finds the model.
     */
    LOAD_MODEL(row("load-model", Kind.MODEL_LOAD).at(ACCOUNT, "/api/v3/load_model").requires(URL, MODEL_ID, MODEL_FORMAT,
            MODEL_CATEGORY, MODEL_VISIBILITY, MODEL_NAME)
            .enterprise(ENTERPRISE_SERVER, "/api/v1/enterprise/load_model").requiresOnEnterprise(URL, MODEL_ID,
                    MODEL_TYPE)),
    /** The public community models: the API answers a top-level JSON array. */
    MODEL_LIST(row("model-list", Kind.LISTING).at(ACCOUNT, "/api/v4/dreambooth/model_list")),
    /** Reloads a community model evicted after 7 idle days (takes about 2 minutes on the API's side). */
    MODEL_RELOAD(row("model-reload", Kind.STATUS).stock(ACCOUNT, "/api/v4/dreambooth/model_reload", ACCOUNT,
            "/api/v6/images/model_reload").requires(MODEL_ID)),

    // ---- utilities ----
    /** Image content in, the hosted URL out (what staging=api-hosted calls on v6): {@code base64_string}. */
    BASE64_TO_URL(row("base64-to-url", Kind.UPLOAD).at(ACCOUNT, "/api/v6/base64_to_url").upload(Upload.BASE64_STRING)),
    /** Image content in, the hosted URL out (what staging=api-hosted calls on v3): {@code image} as a data URI. */
    BASE64_CROP(row("base64-crop", Kind.UPLOAD).at(ACCOUNT, "/api/v3/base64_crop").upload(Upload.DATA_URI)),
    /** The verdict on an image: {@code has_nsfw_concept}, also in header CamelSdNsfw. */
    NSFW_IMAGE_CHECK(row("nsfw-image-check", Kind.STATUS).at(ACCOUNT, "/api/v3/nsfw_image_check")
            .enterprise(ENTERPRISE_SERVER, "/api/v1/enterprise/nsfw_image_check").requires(INIT_IMAGE)),
    /** The verdict on a prompt: {@code is_nsfw} and {@code is_cp}, also in headers. */
    NSFW_PROMPT_CHECK(row("nsfw-prompt-check", Kind.STATUS).at(ACCOUNT, "/api/check_nsfw_cp").requires(PROMPT)),

    // ---- jobs and the account ----
    /**
     * Reads a job by id. Its path is the family's fetch of the operation that created the job: the header
     * {@link SdConstants#FETCH_PATH} the producer left, else the {@code jobOperation} option, else these (the stock
     * model's fetch). A path with {@code {id}} gets the id there; one without gets {@code request_id} in the body.
     */
    FETCH(row("fetch", Kind.FETCH).stock(STOCK_V3, "/api/v3/fetch/{id}", REALTIME_V6, "/api/v6/realtime/fetch/{id}")
            .community(COMMUNITY_V4, "/api/v4/dreambooth/fetch", COMMUNITY_V6, "/api/v6/images/fetch")
            .enterprise(ENTERPRISE, "/api/v1/enterprise/fetch")),
    SYSTEM_LOAD(row("system-load", Kind.STATUS).at(ACCOUNT, "/api/v3/system_load")),

    // ---- the enterprise dedicated server's own operations: /api/v1/enterprise/<name>, apiVersion=enterprise only ----
    /** The server: {@code model_count}, {@code queue_time} (also in header CamelSdQueueTime), {@code status: ok}. */
    SYSTEM_DETAILS(server("system-details", Kind.STATUS)),
    /** Restarts the server: it answers, then refuses connections for a while; its queued jobs are lost. */
    RESTART_SERVER(server("restart-server", Kind.STATUS)),
    /** Updates the server's software: a restart too. */
    UPDATE_SERVER(server("update-server", Kind.STATUS)),
    CLEAR_CACHE(server("clear-cache", Kind.STATUS)),
    /** Fails every job of the server still queued. */
    CLEAR_QUEUE(server("clear-queue", Kind.STATUS)),
    /** The schedulers the server takes: {@code {"schedulers":[...]}}. */
    SCHEDULERS_LIST(server("schedulers-list", Kind.STATUS)),
    LOAD_VAE(server("load-vae", Kind.STATUS).requires(VAE_ID, VAE_URL)),
    /** Answers "Model exists on server", or fails with SdModelNotFoundException ("Model id not found"). */
    VERIFY_MODEL(server("verify-model", Kind.STATUS).requires(MODEL_ID)),
    /** The models on the server: {@code {"models":[{"model_id","load_data"}],"status"}}. */
    GET_ALL_MODELS(server("get-all-models", Kind.STATUS)),
    DELETE_MODEL(server("delete-model", Kind.STATUS).requires(MODEL_ID)),
    /** Copies the models of the server whose enterprise key is {@code sync_key} (a secret) to this one. */
    SYNC_MODELS(server("sync-models", Kind.STATUS).requires(SYNC_KEY)),
    /** Image content in, the hosted URL out (what staging=api-hosted calls on enterprise): {@code base64_image}. */
    UPLOAD_IMAGE(server("upload-image", Kind.UPLOAD).upload(Upload.BASE64_IMAGE)),

    // ---- callbacks ----
    /** Receives the API's webhook calls ({@code from("sd:webhook")}); it calls nothing, so it has no route. */
    WEBHOOK(row("webhook", Kind.WEBHOOK));

    /** Which flow of the producer an operation takes. */
    public enum Kind {
        /** Creates a job: answers success, processing or an error; processing is waited for with its family's fetch. */
        GENERATION,
        /** Reads a job by id: answers like a generation. */
        FETCH,
        /** Starts a training: answers its id; waited for until the model is ready, through the training's status. */
        TRAINING,
        /** Reads a training's stage by id, and can wait for model_ready. */
        TRAINING_STATUS,
        /** Reads or changes account or server state: answers a plain JSON object, the body is that Map. */
        STATUS,
        /**
         * Starts loading a model: answers at once, as {@link #STATUS}; where the version has verify-model (enterprise),
         * waited for with waitForResult until the model is on the server.
         */
        MODEL_LOAD,
        /** Answers a JSON array, the body is that List. */
        LISTING,
        /** Hosts image content and answers its URL. */
        UPLOAD,
        /** Receives the API's callbacks: a consumer, no call of its own. */
        WEBHOOK
    }

    /** What a finished job's result is. */
    public enum Output {
        /** Images or videos: links, or downloaded per outputFormat. */
        MEDIA,
        /** Words (caption): the body is the text. */
        TEXT
    }

    /** How an {@link Kind#UPLOAD} operation takes the image content, and where its answer has the hosted URL. */
    public enum Upload {
        /** v6 base64_to_url: {@code base64_string}; the URL is the first {@code output}. */
        BASE64_STRING,
        /** v3 base64_crop: {@code image} as a data URI, {@code crop} false; the URL is {@code link}. */
        DATA_URI,
        /** Enterprise upload_image: {@code base64_image} and {@code image_type} (png, jpeg); the URL is {@code image_url}. */
        BASE64_IMAGE
    }

    /** Where one operation is called in one API family, and the family's conventions. */
    public record Route(SdApiFamily family, String path) {
    }

    /** The URI names, for {@code @UriPath(enums = ...)}: every row. */
    public static final String NAMES = "text2img,img2img,inpaint,controlnet,super-resolution,text2video,removebg-mask,"
                                       + "outpaint,object-removal,mask-creator,caption,face-gen,head-shot,flux-headshot,"
                                       + "fashion,img-mixer,edit-inpaint,qwen-edit,fine-tune,lora-fine-tune,"
                                       + "fine-tune-status,cancel-training,delete-training,fine-tune-list,load-model,"
                                       + "model-list,model-reload,base64-to-url,base64-crop,nsfw-image-check,"
                                       + "nsfw-prompt-check,fetch,system-load,system-details,restart-server,"
                                       + "update-server,clear-cache,clear-queue,schedulers-list,load-vae,verify-model,"
                                       + "get-all-models,delete-model,sync-models,upload-image,webhook";

    /** One row of the table, written as what differs from the defaults. */
    private static final class Row {
        private final String uriName;
        private final Kind kind;
        /** v3 stock, v3 with model_id, v6 stock, v6 with model_id, enterprise (with or without). */
        private final Route[] routes = new Route[5];
        private List<SdField> required = List.of();
        /** On enterprise, where they differ; else null. */
        private List<SdField> enterpriseRequired;
        private Upload upload;
        private final Map<SdField, Limits> limits = new EnumMap<>(SdField.class);
        private Output output = Output.MEDIA;

        private Row(String uriName, Kind kind) {
            this.uriName = uriName;
            this.kind = kind;
        }

        /** The same path in every API version, with or without a model. */
        Row at(SdApiFamily family, String path) {
            return stock(family, path, family, path);
        }

        /** The path per version; also with a model, unless {@link #community} says otherwise. */
        Row stock(SdApiFamily v3, String v3Path, SdApiFamily v6, String v6Path) {
            routes[0] = new Route(v3, v3Path);
            routes[2] = new Route(v6, v6Path);
            return community(v3, v3Path, v6, v6Path);
        }

        /** The path per version when the request names a model_id. */
        Row community(SdApiFamily v3, String v3Path, SdApiFamily v6, String v6Path) {
            routes[1] = new Route(v3, v3Path);
            routes[3] = new Route(v6, v6Path);
            return this;
        }

        /** The path on an enterprise dedicated server (apiVersion=enterprise), with or without a model. */
        Row enterprise(SdApiFamily family, String path) {
            routes[4] = new Route(family, path);
            return this;
        }

        Row requires(SdField... fields) {
            required = List.of(fields);
            return this;
        }

        /** The required fields on enterprise, where they differ from {@link #requires}. */
        Row requiresOnEnterprise(SdField... fields) {
            enterpriseRequired = List.of(fields);
            return this;
        }

        Row upload(Upload form) {
            upload = form;
            return this;
        }

        /** This operation's own limit for a field, over its family's and the field table's. */
        Row limit(SdField field, Limits own) {
            limits.put(field, own);
            return this;
        }

        Row output(Output result) {
            output = result;
            return this;
        }
    }

    private static Row row(String uriName, Kind kind) {
        return new Row(uriName, kind);
    }

    private static Row generation(String uriName) {
        return row(uriName, Kind.GENERATION);
    }

    /** An image-editing tool: named after its path segment, {@code _} becoming {@code -}. */
    private static Row editing(String uriName, String tool) {
        return generation(uriName).at(IMAGE_EDITING_V6, "/api/v6/image_editing/" + tool);
    }

    private static Row training(String uriName, String path) {
        return row(uriName, Kind.TRAINING).at(TRAINING, path);
    }

    /** An operation of the enterprise server only: on {@code /api/v1/enterprise/<name>}, {@code -} being {@code _}. */
    private static Row server(String uriName, Kind kind) {
        return row(uriName, kind).enterprise(ENTERPRISE_SERVER, "/api/v1/enterprise/" + uriName.replace('-', '_'));
    }

    private final String uriName;
    private final Kind kind;
    private final Route[] routes;
    private final List<SdField> requiredFields;
    private final List<SdField> enterpriseRequiredFields;
    private final Map<SdField, Limits> limits;
    private final Output output;
    private final Upload upload;

    SdOperation(Row row) {
        this.uriName = row.uriName;
        this.kind = row.kind;
        this.routes = row.routes.clone();
        this.requiredFields = row.required;
        this.enterpriseRequiredFields = row.enterpriseRequired != null ? row.enterpriseRequired : row.required;
        this.limits = Map.copyOf(row.limits);
        this.output = row.output;
        this.upload = row.upload;
    }

    public String uriName() {
        return uriName;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Where this operation goes in API {@code version}, for a request with or without a {@code model_id}; on enterprise
     * its enterprise path, else its v3 one. Null where it has none (the enterprise server's own operations on v3 and
     * v6; the webhook consumer).
     */
    public Route route(SdApiVersion version, boolean withModel) {
        if (version == SdApiVersion.enterprise) {
            return routes[4] != null ? routes[4] : route(SdApiVersion.v3, withModel);
        }
        return routes[(version == SdApiVersion.v6 ? 2 : 0) + (withModel ? 1 : 0)];
    }

    /** Whether this operation exists on an enterprise dedicated server only. */
    public boolean isEnterpriseOnly() {
        return routes[4] != null && routes[0] == null && routes[2] == null;
    }

    /** The fields it requires on v3 and v6 (and on enterprise, unless {@link #requiredFields(SdApiVersion)} differs). */
    public List<SdField> requiredFields() {
        return requiredFields;
    }

    /** The fields it requires in API {@code version}. */
    public List<SdField> requiredFields(SdApiVersion version) {
        return version == SdApiVersion.enterprise ? enterpriseRequiredFields : requiredFields;
    }

    /** How an upload operation takes its image; null for the others. */
    public Upload upload() {
        return upload;
    }

    /** This operation's own limits for {@code field}, or null where its family's or the field table's apply. */
    public Limits limitsFor(SdField field) {
        return limits.get(field);
    }

    public Output output() {
        return output;
    }

    /** Whether this operation creates, reads or waits for a job or a training (what metrics count as jobs). */
    public boolean isJob() {
        return kind == Kind.GENERATION || kind == Kind.FETCH || kind == Kind.TRAINING || kind == Kind.TRAINING_STATUS;
    }

    /** Whether the request carries the operation's fields (prompt, size, model, ...) rather than just a key or an id. */
    public boolean takesRequestFields() {
        return kind == Kind.GENERATION || kind == Kind.TRAINING || kind == Kind.MODEL_LOAD
               || kind == Kind.STATUS && !(requiredFields.isEmpty() && enterpriseRequiredFields.isEmpty());
    }

    public static SdOperation fromUriName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(op -> op.uriName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown sd operation '" + name + "' in the URI path (field 'operation'); expected one of: " + NAMES));
    }
}
