package io.github.camelsd.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.github.camelsd.emulator.ApiFamily.COMMUNITY;
import static io.github.camelsd.emulator.ApiFamily.ENTERPRISE;
import static io.github.camelsd.emulator.ApiFamily.ENTERPRISE_REALTIME;
import static io.github.camelsd.emulator.ApiFamily.ENTERPRISE_SUPER_RESOLUTION;
import static io.github.camelsd.emulator.ApiFamily.ENTERPRISE_VIDEO;
import static io.github.camelsd.emulator.ApiFamily.GENERAL;
import static io.github.camelsd.emulator.ApiFamily.MODEL_OPERATION;
import static io.github.camelsd.emulator.ApiFamily.TRAINING;
import static io.github.camelsd.emulator.ApiFamily.V3;
import static io.github.camelsd.emulator.ApiFamily.V6_EDITING;
import static io.github.camelsd.emulator.ApiFamily.V6_IMAGES;
import static io.github.camelsd.emulator.ApiFamily.V6_REALTIME;
import static io.github.camelsd.emulator.ApiFamily.V6_VIDEO;
import static io.github.camelsd.emulator.Operation.Kind.CLEAR_CACHE;
import static io.github.camelsd.emulator.Operation.Kind.CLEAR_QUEUE;
import static io.github.camelsd.emulator.Operation.Kind.DELETE_MODEL;
import static io.github.camelsd.emulator.Operation.Kind.FETCH;
import static io.github.camelsd.emulator.Operation.Kind.GENERATE;
import static io.github.camelsd.emulator.Operation.Kind.LOAD_MODEL;
import static io.github.camelsd.emulator.Operation.Kind.LOAD_VAE;
import static io.github.camelsd.emulator.Operation.Kind.MODEL_LIST;
import static io.github.camelsd.emulator.Operation.Kind.MODEL_RELOAD;
import static io.github.camelsd.emulator.Operation.Kind.NSFW_IMAGE_CHECK;
import static io.github.camelsd.emulator.Operation.Kind.NSFW_PROMPT_CHECK;
import static io.github.camelsd.emulator.Operation.Kind.RESTART_SERVER;
import static io.github.camelsd.emulator.Operation.Kind.SCHEDULER_LIST;
import static io.github.camelsd.emulator.Operation.Kind.SERVER_DETAILS;
import static io.github.camelsd.emulator.Operation.Kind.SERVER_LOAD_MODEL;
import static io.github.camelsd.emulator.Operation.Kind.SERVER_MODEL_LIST;
import static io.github.camelsd.emulator.Operation.Kind.SYNC_MODELS;
import static io.github.camelsd.emulator.Operation.Kind.SYSTEM_LOAD;
import static io.github.camelsd.emulator.Operation.Kind.TRAIN;
import static io.github.camelsd.emulator.Operation.Kind.TRAINING_CANCEL;
import static io.github.camelsd.emulator.Operation.Kind.TRAINING_DELETE;
import static io.github.camelsd.emulator.Operation.Kind.TRAINING_LIST;
import static io.github.camelsd.emulator.Operation.Kind.TRAINING_STATUS;
import static io.github.camelsd.emulator.Operation.Kind.UPDATE_S3;
import static io.github.camelsd.emulator.Operation.Kind.UPDATE_SERVER;
import static io.github.camelsd.emulator.Operation.Kind.UPLOAD;
import static io.github.camelsd.emulator.Operation.Kind.UPSCALE;
import static io.github.camelsd.emulator.Operation.Kind.VERIFY_MODEL;
import static io.github.camelsd.emulator.RequestRules.digitFlag;
import static io.github.camelsd.emulator.RequestRules.dimension;
import static io.github.camelsd.emulator.RequestRules.dimensionBetween;
import static io.github.camelsd.emulator.RequestRules.flag;
import static io.github.camelsd.emulator.RequestRules.integer;
import static io.github.camelsd.emulator.RequestRules.integerBetween;
import static io.github.camelsd.emulator.RequestRules.integerIn;
import static io.github.camelsd.emulator.RequestRules.listOf;
import static io.github.camelsd.emulator.RequestRules.loraStrength;
import static io.github.camelsd.emulator.RequestRules.number;
import static io.github.camelsd.emulator.RequestRules.numberBetween;
import static io.github.camelsd.emulator.RequestRules.oneOf;
import static io.github.camelsd.emulator.RequestRules.required;
import static io.github.camelsd.emulator.RequestRules.requiredText;
import static io.github.camelsd.emulator.RequestRules.text;
import static io.github.camelsd.emulator.RequestRules.trueOrFalse;
import static io.github.camelsd.emulator.RequestRules.upscaleFlagOrFactor;
import static io.github.camelsd.emulator.RequestRules.url;

/**
 * The routing table: every emulated operation is a row. Adding an operation means adding a row (and, for a new kind of
 * work, a {@link Operation.Kind}), not a handler.
 *
 * <p>Fetch rows find every job of the caller's key, whichever path created it: the API's ids are global, and its own
 * {@code fetch_result} links send clients across families (ControlNet to {@code /api/v3/fetch}, V4 text to video to
 * {@code /api/v3/dreambooth/fetch}). The family of the fetch path decides its error statuses and what a job still
 * queued answers; the job decides the body of its processing and success answers.
 */
final class EmulatorRoutes {

    /** A request path resolved to its operation; {@code id} is the job id in the path, or null. */
    record Match(Operation operation, String id) {
    }

    /**
     * The schedulers, in the docs' order: enterprise {@code schedulers_list} answers them so (its page's example has
     * all but the last, LCMScheduler, which the reference's list adds).
     */
    static final List<String> SCHEDULER_NAMES = List.of("DDPMScheduler", "DDIMScheduler", "PNDMScheduler",
            "LMSDiscreteScheduler", "EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler",
            "DPMSolverMultistepScheduler", "HeunDiscreteScheduler", "KDPM2DiscreteScheduler",
            "DPMSolverSinglestepScheduler", "KDPM2AncestralDiscreteScheduler", "UniPCMultistepScheduler",
            "DDIMInverseScheduler", "DEISMultistepScheduler", "IPNDMScheduler", "KarrasVeScheduler",
            "ScoreSdeVeScheduler", "LCMScheduler");
    static final Set<String> SCHEDULERS = Set.copyOf(SCHEDULER_NAMES);
    static final Set<String> SAFETY_CHECKER_TYPES = Set.of("blur", "sensitive_content_text", "pixelate", "black");
    static final Set<String> ALGORITHM_TYPES = Set.of("none", "dpmsolver+++");
    static final Set<String> IP_ADAPTERS = Set.of("ip-adapter_sdxl", "ip-adapter_sd15", "ip-adapter-plus-face_sd15",
            "ip-adapter-plus_sdxl_vit-h", "ip-adapter-plus-face_sdxl_vit-h");
    /** The 2023 ids (aesthetic-controlnet included), the current ones, and FluxDev's additions. */
    static final Set<String> CONTROLNET_MODELS = Set.of("canny", "depth", "hed", "mlsd", "normal", "openpose",
            "scribble", "segmentation", "aesthetic-controlnet", "inpaint", "softedge", "lineart", "shuffle", "tile",
            "face_detector", "qrcode", "blur", "pose", "gray", "low_quality");
    static final Set<String> VIDEO_OUTPUT_TYPES = Set.of("mp4", "gif");
    /** Dreambooth's training types (its page says female) and LoRA's (its OpenAPI enum says women). */
    static final Set<String> DREAMBOOTH_TRAINING_TYPES = Set.of("men", "female", "couple", "null");
    static final Set<String> LORA_TRAINING_TYPES = Set.of("men", "women", "couple", "null");
    /** load_model's categories: the OpenAPI's and the page's lists together. */
    static final Set<String> MODEL_CATEGORIES = Set.of("stable_diffusion", "stable_diffusion_xl", "flux", "z_image",
            "controlnet", "lora", "embeddings", "flux_lora", "flux_embeddings", "flux_checkpoint");
    /** The steps face_gen, head_shot and fashion take. */
    static final Set<Long> EDITING_STEPS = Set.of(21L, 31L, 41L);
    private static final String EDITING = "/api/v6/image_editing/";
    /** V4 documents steps 21/31/41/51 and ControlNet 21/31 (2023: 1-50): the emulator takes the whole range. */
    private static final int COMMUNITY_MAX_STEPS = 51;
    private static final String REQUEST_ID = "request_id";
    private static final String ENTERPRISE_PATH = "/api/v1/enterprise/";
    /** Enterprise load_model's model types: its page's and the reference's (which adds embeddings). */
    static final Set<String> ENTERPRISE_MODEL_TYPES = Set.of("huggingface", "api_trained", "custom_ckpt", "lora",
            "embeddings", "controlnet");
    /** update_s3's server types. */
    static final Set<String> DEPLOY_TYPES = Set.of("text_to_image", "image_editing", "voice_cloning", "text_to_3d",
            "video", "face_gen", "deepfake", "realtime", "super_resolution", "flux", "flux_headshot", "interior");

    /** The hosted API's rows. */
    private static final List<Operation> HOSTED = List.of(
            // the seed's stock V3 paths
            new Operation("text2img", V3, GENERATE, "/api/v3/text2img", imageRules(50, false), List.of()),
            new Operation("img2img", V3, GENERATE, "/api/v3/img2img", imageRules(50, true), List.of("init_image")),
            new Operation("inpaint", V3, GENERATE, "/api/v3/inpaint", imageRules(50, true),
                    List.of("init_image", "mask_image")),
            new Operation("fetch", V3, FETCH, "/api/v3/fetch/{id}", List.of(), List.of()),
            new Operation("system_load", V3, SYSTEM_LOAD, "/api/v3/system_load", List.of(), List.of()),
            new Operation("base64_crop", V3, UPLOAD, "/api/v3/base64_crop", List.of(trueOrFalse("crop")),
                    List.of("image")),
            // V3 super resolution: the input is "url", the output one URL string
            new Operation("super_resolution", COMMUNITY, UPSCALE, "/api/v3/super_resolution", upscaleRules(),
                    List.of("url")).withModels(ModelCatalogue.UPSCALERS).withFetchResult(V3.fetchPath())
                    .withSingleOutput(),
            // community / Dreambooth V4
            community(new Operation("text2img", COMMUNITY, GENERATE, "/api/v4/dreambooth",
                    communityRules(COMMUNITY_MAX_STEPS, false, false), List.of())),
            community(new Operation("img2img", COMMUNITY, GENERATE, "/api/v4/dreambooth/img2img",
                    communityRules(COMMUNITY_MAX_STEPS, false, true), List.of("init_image"))),
            community(new Operation("inpaint", COMMUNITY, GENERATE, "/api/v4/dreambooth/inpaint",
                    communityRules(COMMUNITY_MAX_STEPS, false, true), List.of("init_image", "mask_image"))),
            new Operation("fetch", COMMUNITY, FETCH, "/api/v4/dreambooth/fetch", List.of(required(REQUEST_ID)),
                    List.of()),
            // not documented for V4, but where its processing answers' fetch_result points, as every other family's
            new Operation("fetch", COMMUNITY, FETCH, "/api/v4/dreambooth/fetch/{id}", List.of(), List.of()),
            // the older Dreambooth fetch, where V4 text to video's fetch_result points
            new Operation("fetch", COMMUNITY, FETCH, "/api/v3/dreambooth/fetch/{id}", List.of(), List.of()),
            new Operation("model_reload", COMMUNITY, MODEL_RELOAD, "/api/v4/dreambooth/model_reload", List.of(),
                    List.of()).withModels(ModelCatalogue.COMMUNITY),
            new Operation("model_list", COMMUNITY, MODEL_LIST, "/api/v4/dreambooth/model_list", List.of(), List.of()),
            new Operation("text2video", COMMUNITY, GENERATE, "/api/v4/dreambooth/text2video", communityVideoRules(),
                    List.of()).withModels(ModelCatalogue.COMMUNITY).withOutput(OutputFormat.MP4)
                    .withFetchResult("/api/v3/dreambooth/fetch/"),
            // V5: ControlNet (its processing answers point at V3's fetch) and stock text to video
            community(new Operation("controlnet", COMMUNITY, GENERATE, "/api/v5/controlnet", controlNetRules(),
                    List.of("init_image"))).withOptionalImages("control_image", "mask_image", "ip_adapter_image")
                    .withFetchResult(V3.fetchPath()),
            new Operation("text2video", COMMUNITY, GENERATE, "/api/v5/text2video", stockVideoRules(), List.of())
                    .withModels(ModelCatalogue.NONE).withOutput(OutputFormat.MP4).withFetchResult(V3.fetchPath()),
            // v6 realtime, the stock model's current paths
            new Operation("text2img", V6_REALTIME, GENERATE, "/api/v6/realtime/text2img", imageRules(20, false),
                    List.of()),
            new Operation("img2img", V6_REALTIME, GENERATE, "/api/v6/realtime/img2img", imageRules(20, true),
                    List.of("init_image")),
            new Operation("inpaint", V6_REALTIME, GENERATE, "/api/v6/realtime/inpaint", imageRules(20, true),
                    List.of("init_image", "mask_image")),
            new Operation("fetch", V6_REALTIME, FETCH, "/api/v6/realtime/fetch/{id}", List.of(), List.of()),
            new Operation("base64_to_url", V6_REALTIME, UPLOAD, "/api/v6/base64_to_url", List.of(),
                    List.of("base64_string")),
            // v6 community models; steps 1-50 accepted (default 31), reported capped at 20
            community(new Operation("text2img", V6_IMAGES, GENERATE, "/api/v6/images/text2img",
                    communityRules(50, true, false), List.of())),
            // also Flux Kontext's path (the image-editing OpenAPI): flux-kontext-dev, init_image_2, guidance
            community(new Operation("img2img", V6_IMAGES, GENERATE, "/api/v6/images/img2img",
                    kontextRules(), List.of("init_image"))).withModels(ModelCatalogue.COMMUNITY_OR_KONTEXT)
                    .withOptionalImages("ip_adapter_image", "init_image_2"),
            community(new Operation("inpaint", V6_IMAGES, GENERATE, "/api/v6/images/inpaint",
                    communityRules(50, true, true), List.of("init_image", "mask_image"))),
            // both documented: request_id in the body (the fetch page), the id in the path (fetch_result, the SDKs)
            new Operation("fetch", V6_IMAGES, FETCH, "/api/v6/images/fetch", List.of(required(REQUEST_ID)),
                    List.of()),
            new Operation("fetch", V6_IMAGES, FETCH, "/api/v6/images/fetch/{id}", List.of(), List.of()),
            new Operation("model_reload", V6_IMAGES, MODEL_RELOAD, "/api/v6/images/model_reload", List.of(),
                    List.of()).withModels(ModelCatalogue.COMMUNITY),
            // v6 image editing: super resolution takes init_image and answers a list
            new Operation("super_resolution", V6_EDITING, UPSCALE, "/api/v6/image_editing/super_resolution",
                    upscaleRules(), List.of("init_image")).withModels(ModelCatalogue.UPSCALERS),
            new Operation("fetch", V6_EDITING, FETCH, "/api/v6/image_editing/fetch/{id}", List.of(), List.of()),
            // the other editing tools: image outputs sized as each page says, caption answers words
            editing("removebg_mask", removeBackgroundRules(), "image").withImageForm(ImageForm.URL_OR_BASE64, "image")
                    .withSizing(Operation.Sizing.INPUT),
            editing("outpaint", outpaintRules(), "image").withSizing(Operation.Sizing.request(1280, 720)),
            editing("object_removal", List.of(url("webhook")), "init_image", "mask_image")
                    .withSizing(Operation.Sizing.INPUT),
            // its OpenAPI has no image field, its example sends init_image: taken, and downloaded, when given
            editing("mask_creator", List.of(requiredText("specific_object"), flag("base64"), url("webhook")))
                    .withOptionalImages("init_image").withSizing(Operation.Sizing.REQUEST_OR_INPUT),
            // its OpenAPI requires a prompt that its example does not send: optional
            editing("caption", List.of(text("prompt"), oneOf("length", Set.of("short", "normal", "long")),
                    flag("base64"), url("webhook")), "init_image").withOutput(OutputFormat.TEXT),
            editing("face_gen", faceRules(512, 768, 20, true), "face_image")
                    .withImageForm(ImageForm.URL_OR_BASE64, "face_image")
                    .withSizing(Operation.Sizing.REQUEST_OR_INPUT),
            // guidance_scale: "maximum 5", but its example sends 7.5; taken up to 20 as face_gen's
            editing("head_shot", faceRules(512, 768, 20, false), "face_image")
                    .withImageForm(ImageForm.URL_OR_BASE64, "face_image")
                    .withSizing(Operation.Sizing.REQUEST_OR_INPUT),
            editing("flux_headshot", fluxHeadshotRules(), "face_image")
                    .withImageForm(ImageForm.URL_OR_BASE64, "face_image")
                    .withSizing(Operation.Sizing.REQUEST_OR_INPUT),
            editing("fashion", fashionRules(), "init_image", "cloth_image").withSizing(Operation.Sizing.INPUT),
            editing("img_mixer", imageMixerRules(), "init_image").withImageForm(ImageForm.list(4), "init_image")
                    .withSizing(Operation.Sizing.REQUEST_OR_INPUT),
            editing("inpaint", editingInpaintRules(), "init_image", "mask_image"),
            editing("qwen_edit", List.of(requiredText("prompt"), flag("safety_checker"), flag("base64"),
                    url("webhook")), "init_image").withImageForm(ImageForm.listOrOne(4), "init_image")
                    .withModels(ModelCatalogue.QWEN_EDIT).withSizing(Operation.Sizing.INPUT),
            new Operation("base64_to_url", V6_EDITING, UPLOAD, EDITING + "base64_to_url", List.of(),
                    List.of("init_image")),
            // v6 video: GIF unless output_type says mp4
            new Operation("text2video", V6_VIDEO, GENERATE, "/api/v6/video/text2video", v6VideoRules(), List.of())
                    .withModels(ModelCatalogue.VIDEO).withOutput(OutputFormat.GIF),
            new Operation("fetch", V6_VIDEO, FETCH, "/api/v6/video/fetch/{id}", List.of(), List.of()),
            // model training: Dreambooth and LoRA, their status, cancel and delete (each on both documented paths)
            new Operation("fine_tune", TRAINING, TRAIN, "/api/v3/fine_tune", trainingRules(false), List.of("images"))
                    .withImageForm(ImageForm.list(Integer.MAX_VALUE), "images")
                    .withModels("base_model_id", ModelCatalogue.COMMUNITY),
            new Operation("lora_fine_tune", TRAINING, TRAIN, "/api/v3/lora_fine_tune", trainingRules(true),
                    List.of("images")).withImageForm(ImageForm.list(Integer.MAX_VALUE), "images")
                    .withModels(ModelCatalogue.NONE),
            new Operation("fine_tune_status", TRAINING, TRAINING_STATUS, "/api/v3/fine_tune_status/{id}", List.of(),
                    List.of()),
            // the page's path (sic) and the OpenAPI's
            new Operation("cancel_training", TRAINING, TRAINING_CANCEL, "/api/v3/cancle_training/{id}", List.of(),
                    List.of()),
            new Operation("cancel_training", TRAINING, TRAINING_CANCEL, "/api/v3/cancel_training/{id}", List.of(),
                    List.of()),
            // the page's path, and the OpenAPI's path read without its path-level server (.../api/v3/finetune)
            new Operation("delete_training", TRAINING, TRAINING_DELETE, "/api/v3/finetune/delete/{id}", List.of(),
                    List.of()),
            new Operation("delete_training", TRAINING, TRAINING_DELETE, "/api/v3/delete/{id}", List.of(), List.of()),
            new Operation("finetune_list", TRAINING, TRAINING_LIST, "/api/v3/finetune_list", List.of(), List.of()),
            // model_id names the model it loads, not one that must exist
            new Operation("load_model", MODEL_OPERATION, LOAD_MODEL, "/api/v3/load_model", loadModelRules(),
                    List.of()).withModels(ModelCatalogue.NONE),
            // the general API's NSFW checks
            new Operation("nsfw_image_check", GENERAL, NSFW_IMAGE_CHECK, "/api/v3/nsfw_image_check",
                    List.of(numberBetween("threshold", 0, 1)), List.of("init_image")).withModels(ModelCatalogue.NONE),
            new Operation("check_nsfw_cp", GENERAL, NSFW_PROMPT_CHECK, "/api/check_nsfw_cp",
                    List.of(requiredText("prompt")), List.of()).withModels(ModelCatalogue.NONE));

    private static final List<Operation> TABLE = Stream.concat(HOSTED.stream(), enterpriseRows().stream()).toList();
    private static final List<Pattern> PATTERNS = TABLE.stream().map(EmulatorRoutes::compile).toList();

    private EmulatorRoutes() {
    }

    /**
     * The dedicated server's rows. The 2023 pages' paths, {@code /api/v1/enterprise/<op>}: the community operations
     * with {@code loadbalancer} (also under the Python SDK's {@code /api/v1/enterprise/images/}), text to video, V3
     * super resolution, fetch by {@code request_id} (and by path id), and the server operations. Then the newer
     * product servers' paths, each with its fetch by path id and its own server operations: realtime, video, and
     * super resolution (its pages spell it {@code super_resolution}, its OpenAPI {@code super-resolution}).
     */
    private static List<Operation> enterpriseRows() {
        List<Operation> rows = new ArrayList<>();
        for (String prefix : List.of(ENTERPRISE_PATH, ENTERPRISE_PATH + "images/")) {
            rows.add(community(new Operation("text2img", ENTERPRISE, GENERATE, prefix + "text2img",
                    balanced(communityRules(COMMUNITY_MAX_STEPS, false, false)), List.of())));
            rows.add(community(new Operation("img2img", ENTERPRISE, GENERATE, prefix + "img2img",
                    balanced(communityRules(COMMUNITY_MAX_STEPS, false, true)), List.of("init_image"))));
            rows.add(community(new Operation("inpaint", ENTERPRISE, GENERATE, prefix + "inpaint",
                    balanced(communityRules(COMMUNITY_MAX_STEPS, false, true)), List.of("init_image", "mask_image"))));
            rows.add(community(new Operation("controlnet", ENTERPRISE, GENERATE, prefix + "controlnet",
                    balanced(controlNetRules()), List.of("init_image")))
                    .withOptionalImages("control_image", "mask_image", "ip_adapter_image"));
            rows.add(new Operation("fetch", ENTERPRISE, FETCH, prefix + "fetch", List.of(required(REQUEST_ID)),
                    List.of()));
            rows.add(new Operation("fetch", ENTERPRISE, FETCH, prefix + "fetch/{id}", List.of(), List.of()));
        }
        String e = ENTERPRISE_PATH;
        rows.addAll(List.of(
                new Operation("text2video", ENTERPRISE, GENERATE, e + "text2video", balanced(communityVideoRules()),
                        List.of()).withModels(ModelCatalogue.COMMUNITY).withOutput(OutputFormat.MP4),
                // as V3's: the input is "url", the output one URL string
                new Operation("super_resolution", ENTERPRISE, UPSCALE, e + "super_resolution", upscaleRules(),
                        List.of("url")).withModels(ModelCatalogue.UPSCALERS).withSingleOutput(),
                new Operation("update_s3", ENTERPRISE, UPDATE_S3, e + "update_s3", updateS3Rules(), List.of())
                        .withModels(ModelCatalogue.NONE),
                new Operation("schedulers_list", ENTERPRISE, SCHEDULER_LIST, e + "schedulers_list", List.of(),
                        List.of()),
                // model_id names the model it loads, not one that must exist
                new Operation("load_model", ENTERPRISE, SERVER_LOAD_MODEL, e + "load_model", serverLoadRules(true),
                        List.of()).withModels(ModelCatalogue.NONE),
                new Operation("load_model_v2", ENTERPRISE, SERVER_LOAD_MODEL, e + "load_model_v2",
                        serverLoadRules(false), List.of()).withModels(ModelCatalogue.NONE),
                new Operation("load_vae", ENTERPRISE, LOAD_VAE, e + "load_vae", List.of(requiredText("vae_id"),
                        requiredText("vae_url"), oneOf("vae_type", Set.of("diffusers", "safetensors", "pt")),
                        url("webhook")), List.of()).withModels(ModelCatalogue.NONE),
                // model_id required and loaded, checked as a generation's: else "Model id not found"
                new Operation("verify_model", ENTERPRISE, VERIFY_MODEL, e + "verify_model", List.of(), List.of())
                        .withModels(ModelCatalogue.COMMUNITY),
                new Operation("get_all_models", ENTERPRISE, SERVER_MODEL_LIST, e + "get_all_models", List.of(),
                        List.of()),
                new Operation("delete_model", ENTERPRISE, DELETE_MODEL, e + "delete_model", List.of(), List.of())
                        .withModels(ModelCatalogue.COMMUNITY),
                new Operation("sync_models", ENTERPRISE, SYNC_MODELS, e + "sync_models", List.of(required("sync_key")),
                        List.of()).withModels(ModelCatalogue.NONE),
                new Operation("upload_image", ENTERPRISE, UPLOAD, e + "upload_image",
                        List.of(oneOf("image_type", Set.of("png", "jpeg", "jpg"))), List.of("base64_image")),
                new Operation("nsfw_image_check", ENTERPRISE, NSFW_IMAGE_CHECK, e + "nsfw_image_check",
                        List.of(numberBetween("threshold", 0, 1)), List.of("init_image"))
                        .withModels(ModelCatalogue.NONE)));
        rows.addAll(serverRows(ENTERPRISE, e));
        // the realtime server: v6 realtime's rows
        String realtime = e + "realtime/";
        rows.addAll(List.of(
                new Operation("text2img", ENTERPRISE_REALTIME, GENERATE, realtime + "text2img", imageRules(20, false),
                        List.of()),
                new Operation("img2img", ENTERPRISE_REALTIME, GENERATE, realtime + "img2img", imageRules(20, true),
                        List.of("init_image")),
                new Operation("inpaint", ENTERPRISE_REALTIME, GENERATE, realtime + "inpaint", imageRules(20, true),
                        List.of("init_image", "mask_image")),
                new Operation("fetch", ENTERPRISE_REALTIME, FETCH, realtime + "fetch/{id}", List.of(), List.of())));
        rows.addAll(serverRows(ENTERPRISE_REALTIME, realtime));
        // the video server: v6 text to video's row
        String video = e + "video/";
        rows.addAll(List.of(
                new Operation("text2video", ENTERPRISE_VIDEO, GENERATE, video + "text2video", v6VideoRules(),
                        List.of()).withModels(ModelCatalogue.VIDEO).withOutput(OutputFormat.GIF),
                new Operation("fetch", ENTERPRISE_VIDEO, FETCH, video + "fetch/{id}", List.of(), List.of())));
        rows.addAll(serverRows(ENTERPRISE_VIDEO, video));
        // the super resolution server: v6 super resolution's row, on make
        for (String upscaler : List.of(e + "super_resolution/", e + "super-resolution/")) {
            rows.add(new Operation("super_resolution", ENTERPRISE_SUPER_RESOLUTION, UPSCALE, upscaler + "make",
                    upscaleRules(), List.of("init_image")).withModels(ModelCatalogue.UPSCALERS));
            rows.add(new Operation("fetch", ENTERPRISE_SUPER_RESOLUTION, FETCH, upscaler + "fetch/{id}", List.of(),
                    List.of()));
            rows.addAll(serverRows(ENTERPRISE_SUPER_RESOLUTION, upscaler));
        }
        return rows;
    }

    /** The operations every enterprise product's server has under its {@code prefix}. */
    private static List<Operation> serverRows(ApiFamily family, String prefix) {
        return List.of(
                new Operation("system_details", family, SERVER_DETAILS, prefix + "system_details", List.of(),
                        List.of()),
                new Operation("restart_server", family, RESTART_SERVER, prefix + "restart_server", List.of(),
                        List.of()),
                new Operation("update_server", family, UPDATE_SERVER, prefix + "update_server", List.of(), List.of()),
                new Operation("clear_cache", family, CLEAR_CACHE, prefix + "clear_cache", List.of(), List.of()),
                new Operation("clear_queue", family, CLEAR_QUEUE, prefix + "clear_queue", List.of(), List.of()));
    }

    /** An enterprise generation's rules: {@code rules} and its {@code loadbalancer} flag ("yes"/"no"). */
    private static List<RequestRules.Rule> balanced(List<RequestRules.Rule> rules) {
        List<RequestRules.Rule> balanced = new ArrayList<>(rules);
        balanced.add(flag("loadbalancer"));
        return balanced;
    }

    /**
     * Enterprise load_model ({@code model_type} required, {@code from_safetensors}) and load_model_v2
     * ({@code model_category}, {@code model_format}; its examples also send load_model's fields): both take either
     * set, and the reference's extras ({@code model_visibility}, {@code model_name}, ...).
     */
    private static List<RequestRules.Rule> serverLoadRules(boolean modelTypeRequired) {
        List<RequestRules.Rule> rules = new ArrayList<>(List.of(requiredText("url"), requiredText("model_id")));
        if (modelTypeRequired) {
            rules.add(required("model_type"));
        }
        rules.addAll(List.of(oneOf("model_type", ENTERPRISE_MODEL_TYPES), flag("from_safetensors"),
                oneOf("model_category", MODEL_CATEGORIES),
                oneOf("model_format", Set.of("diffusers", "safetensors", "ckpt", "pt")),
                oneOf("revision", Set.of("fp16", "fp32")), flag("upcast_attention"),
                oneOf("model_visibility", Set.of("private", "public")), text("model_name"), url("model_image"),
                flag("hf_upload"), flag("force_load"), url("webhook")));
        return rules;
    }

    /** update_s3: which server, and the bucket's details; none is marked required. */
    private static List<RequestRules.Rule> updateS3Rules() {
        return List.of(oneOf("deploy_type", DEPLOY_TYPES), url("public_url"), text("region_name"),
                url("endpoint_url"), text("aws_access_key_id"), text("aws_secret_access_key"),
                text("image_directory"));
    }

    /** A community-model image row: model_id required, and an IP adapter image downloaded when given. */
    private static Operation community(Operation operation) {
        return operation.withModels(ModelCatalogue.COMMUNITY).withOptionalImages("ip_adapter_image");
    }

    /** An image-editing tool on {@code /api/v6/image_editing/<name>}: no model, PNG images of the request's size. */
    private static Operation editing(String name, List<RequestRules.Rule> rules, String... images) {
        return new Operation(name, V6_EDITING, GENERATE, EDITING + name, rules, List.of(images))
                .withModels(ModelCatalogue.NONE);
    }

    /** v6 community img2img, with Flux Kontext's {@code guidance} (0-20). */
    private static List<RequestRules.Rule> kontextRules() {
        List<RequestRules.Rule> rules = communityRules(50, true, true);
        rules.add(numberBetween("guidance", 0, 20));
        return rules;
    }

    /** removebg_mask: its flags echo in {@code meta} as "1"/"0", as its page shows. */
    private static List<RequestRules.Rule> removeBackgroundRules() {
        return List.of(digitFlag("alpha_matting"), digitFlag("post_process_mask"), digitFlag("only_mask"),
                digitFlag("inverse_mask"), integer("seed"), flag("base64"),
                integerBetween("alpha_matting_foreground_threshold", 0, 240),
                integerBetween("alpha_matting_background_threshold", 0, 20),
                integerBetween("alpha_matting_erode_size", 0, 5), url("webhook"));
    }

    /** outpaint: sides up to 1440 (default 1280 x 720), overlap_width up to 42, steps up to 30. */
    private static List<RequestRules.Rule> outpaintRules() {
        return List.of(text("prompt"), text("negative_prompt"), integerBetween("width", 1, 1440),
                integerBetween("height", 1, 1440), integerBetween("overlap_width", 0, 42),
                integerBetween("num_inference_steps", 1, 30), number("guidance_scale"), integer("seed"), flag("temp"),
                flag("base64"), url("webhook"));
    }

    /** face_gen and head_shot: a prompt, sides up to 512 x 768, steps 21/31/41, up to 2 samples; face_gen a style. */
    private static List<RequestRules.Rule> faceRules(int maxWidth, int maxHeight, int maxGuidance, boolean style) {
        List<RequestRules.Rule> rules = new ArrayList<>(List.of(requiredText("prompt"), text("negative_prompt"),
                integerBetween("width", 1, maxWidth), integerBetween("height", 1, maxHeight),
                integerIn("num_inference_steps", EDITING_STEPS), numberBetween("guidance_scale", 1, maxGuidance),
                numberBetween("s_scale", 0, 2), integerBetween("samples", 1, 2), flag("safety_checker"),
                oneOf("safety_checker_type", SAFETY_CHECKER_TYPES), flag("base64"), integer("seed"),
                url("webhook")));
        if (style) {
            rules.add(oneOf("style", Set.of("comic", "chibi", "3d", "anime", "realistic")));
        }
        return rules;
    }

    /** flux_headshot: sides up to 1024, steps up to 26, guidance 1-10; the seed its OpenAPI requires is optional, as
     * its example sends null. */
    private static List<RequestRules.Rule> fluxHeadshotRules() {
        return List.of(requiredText("prompt"), text("negative_prompt"), integerBetween("width", 1, 1024),
                integerBetween("height", 1, 1024), integerBetween("num_inference_steps", 1, 26),
                numberBetween("guidance_scale", 1, 10), integer("seed"), url("webhook"));
    }

    /** fashion: the garment's cloth_type is required; steps 21/31/41. */
    private static List<RequestRules.Rule> fashionRules() {
        return List.of(required("cloth_type"), oneOf("cloth_type", Set.of("upper_body", "lower_body", "dresses")),
                text("prompt"), text("negative_prompt"), integerIn("num_inference_steps", EDITING_STEPS),
                flag("temp"), numberBetween("guidance_scale", 1, 20), integer("seed"), url("webhook"));
    }

    /** img_mixer: up to four images, sides up to 1024, steps 1-50, one sample. */
    private static List<RequestRules.Rule> imageMixerRules() {
        return List.of(requiredText("prompt"), text("negative_prompt"), integerBetween("width", 1, 1024),
                integerBetween("height", 1, 1024), integerBetween("steps", 1, 50),
                integerBetween("num_inference_steps", 1, 50), numberBetween("guidance_scale", 1, 20),
                integer("seed"), integerBetween("samples", 1, 1), url("webhook"));
    }

    /** The editing inpaint: sides up to 1024 (default 512), up to 4 samples, guidance 1-5, instant_response. */
    private static List<RequestRules.Rule> editingInpaintRules() {
        return List.of(requiredText("prompt"), text("negative_prompt"), integerBetween("width", 1, 1024),
                integerBetween("height", 1, 1024), integerBetween("samples", 1, 4),
                integerBetween("num_inference_steps", 1, 50), flag("safety_checker"), flag("enhance_prompt"),
                numberBetween("guidance_scale", 1, 5), numberBetween("strength", 0, 1), flag("instant_response"),
                flag("base64"), integer("seed"), url("webhook"));
    }

    /**
     * Dreambooth ({@code fine_tune}: a base model, training_type with female, max_train_steps up to 2000) and LoRA
     * ({@code lora_fine_tune}: base_model_type, lora_type, training_type with women, max_train_steps 10-50). The
     * docs' "2 x the number of images" for max_train_steps is advice, not checked.
     */
    private static List<RequestRules.Rule> trainingRules(boolean lora) {
        List<RequestRules.Rule> rules = new ArrayList<>(List.of(requiredText("instance_prompt"),
                requiredText("class_prompt")));
        if (lora) {
            rules.addAll(List.of(oneOf("base_model_type", Set.of("normal", "sdxl")), text("negative_prompt"),
                    oneOf("lora_type", Set.of("lora", "lycoris")), text("wandb_key")));
        } else {
            rules.add(requiredText("base_model_id"));
        }
        rules.addAll(List.of(integer("seed"),
                oneOf("training_type", lora ? LORA_TRAINING_TYPES : DREAMBOOTH_TRAINING_TYPES),
                required("max_train_steps"),
                lora ? integerBetween("max_train_steps", 10, 50) : integerBetween("max_train_steps", 1, 2000),
                url("webhook")));
        return rules;
    }

    /** load_model: where from, under which id, in which format and category, for whom. */
    private static List<RequestRules.Rule> loadModelRules() {
        return List.of(requiredText("url"), requiredText("model_id"), required("model_format"),
                oneOf("model_format", Set.of("diffusers", "safetensors", "ckpt")), required("model_category"),
                oneOf("model_category", MODEL_CATEGORIES), oneOf("model_subcategory", Set.of("lora")),
                required("model_visibility"), oneOf("model_visibility", Set.of("private", "public")),
                requiredText("model_name"), oneOf("revision", Set.of("fp16", "fp32")), flag("force_load"),
                flag("hf_upload"), flag("upcast_attention"), url("model_image"), url("webhook"));
    }

    /** The text2img family's rules; the path families differ in their step cap, img2img and inpaint add strength. */
    private static List<RequestRules.Rule> imageRules(int maxSteps, boolean strength) {
        List<RequestRules.Rule> rules = new ArrayList<>(List.of(requiredText("prompt")));
        rules.addAll(sizeAndSampling(8, 1024, maxSteps));
        if (strength) {
            rules.add(numberBetween("strength", 0, 1));
        }
        return rules;
    }

    /** Sizes, samples, steps (also under the alias {@code steps}), guidance, seed, clip skip, webhook. */
    private static List<RequestRules.Rule> sizeAndSampling(int minSide, int maxSide, int maxSteps) {
        return List.of(
                dimensionBetween("width", minSide, maxSide),
                dimensionBetween("height", minSide, maxSide),
                integerBetween("samples", 1, 4),
                integerBetween("num_inference_steps", 1, maxSteps),
                integerBetween("steps", 1, maxSteps), // the community inpaint example's name for it
                numberBetween("guidance_scale", 1, 20),
                integer("seed"),
                integerBetween("clip_skip", 1, 8),
                url("webhook"));
    }

    /** The community image rules: the text2img family's plus LoRA, embeddings, scheduler, IP adapter and flags. */
    private static List<RequestRules.Rule> communityRules(int maxSteps, boolean v6, boolean strength) {
        List<RequestRules.Rule> rules = imageRules(maxSteps, strength);
        rules.addAll(communityFields(v6));
        return rules;
    }

    private static List<RequestRules.Rule> communityFields(boolean v6) {
        return List.of(
                text("lora_model"),
                loraStrength("lora_strength", "lora_model"),
                text("embeddings_model"),
                oneOf("scheduler", SCHEDULERS),
                text("vae"),
                flag("highres_fix"),
                v6 ? flag("upscale") : upscaleFlagOrFactor("upscale"),
                flag("tomesd"),
                flag("use_karras_sigmas"),
                oneOf("algorithm_type", ALGORITHM_TYPES),
                text("enhance_style"), // a long list of style names in the docs, not checked here
                oneOf("ip_adapter_id", IP_ADAPTERS),
                numberBetween("ip_adapter_scale", 0, 1),
                oneOf("safety_checker_type", SAFETY_CHECKER_TYPES),
                flag("safety_checker"),
                flag("enhance_prompt"),
                flag("multi_lingual"),
                flag("panorama"),
                flag("self_attention"),
                flag("temp"),
                flag("base64"));
    }

    /** ControlNet: the prompt is optional (guess_mode), sides 64-1024, the ControlNet fields, the community fields. */
    private static List<RequestRules.Rule> controlNetRules() {
        List<RequestRules.Rule> rules = new ArrayList<>(List.of(text("prompt")));
        rules.addAll(sizeAndSampling(64, 1024, COMMUNITY_MAX_STEPS));
        rules.addAll(List.of(
                numberBetween("strength", 0, 1),
                listOf("controlnet_model", CONTROLNET_MODELS),
                oneOf("controlnet_type", CONTROLNET_MODELS),
                flag("auto_hint"),
                flag("guess_mode"),
                numberBetween("controlnet_conditioning_scale", 0.1, 5)));
        rules.addAll(communityFields(false));
        return rules;
    }

    /** V3 and v6 super resolution; the input image field differs and is the row's. */
    private static List<RequestRules.Rule> upscaleRules() {
        return List.of(integerBetween("scale", 1, 4), flag("face_enhance"), url("webhook"));
    }

    /** V5 text to video: {@code {key, prompt, negative_prompt, scheduler, seconds}}. */
    private static List<RequestRules.Rule> stockVideoRules() {
        return List.of(requiredText("prompt"), text("negative_prompt"), oneOf("scheduler", SCHEDULERS),
                integer("seconds"), url("webhook"));
    }

    /** V4 text to video with a community model. */
    private static List<RequestRules.Rule> communityVideoRules() {
        return List.of(
                requiredText("prompt"),
                text("negative_prompt"),
                dimension("width"),
                dimension("height"),
                oneOf("scheduler", SCHEDULERS),
                integerBetween("num_inference_steps", 1, COMMUNITY_MAX_STEPS),
                integerBetween("steps", 1, COMMUNITY_MAX_STEPS),
                flag("enhance_prompt"),
                numberBetween("guidance_scale", 1, 20),
                numberBetween("strength", 0, 1),
                integer("seed"),
                url("webhook"));
    }

    /**
     * v6 text to video (cogvideox, wanx). Its OpenAPI gives upscale_guidance_scale a maximum of 8 but a default of 12:
     * the emulator takes up to 20, so the default passes.
     */
    private static List<RequestRules.Rule> v6VideoRules() {
        return List.of(
                requiredText("prompt"),
                text("negative_prompt"),
                integer("seed"),
                dimensionBetween("width", 8, 512),
                dimensionBetween("height", 8, 512),
                integerBetween("num_frames", 1, 25),
                integerBetween("num_inference_steps", 1, 50),
                integerBetween("steps", 1, 50),
                numberBetween("guidance_scale", 0, 8),
                integerBetween("clip_skip", 1, 8),
                integerBetween("upscale_height", 1, 1024),
                integerBetween("upscale_width", 1, 1024),
                numberBetween("upscale_strength", 0, 1),
                numberBetween("upscale_guidance_scale", 0, 20),
                integerBetween("upscale_num_inference_steps", 1, 50),
                flag("use_improved_sampling"),
                integer("improved_sampling_seed"),
                integerBetween("fps", 1, 16),
                oneOf("output_type", VIDEO_OUTPUT_TYPES),
                flag("instant_response"),
                flag("temp"),
                url("webhook"));
    }

    private static Pattern compile(Operation operation) {
        String[] parts = operation.pathTemplate().split("\\{id}", -1);
        return Pattern.compile(Pattern.quote(parts[0]) + (parts.length > 1 ? "([^/]+)" + Pattern.quote(parts[1]) : ""));
    }

    /** The operation serving {@code path}, or null when no row does. */
    static Match match(String path) {
        for (int i = 0; i < TABLE.size(); i++) {
            Matcher matcher = PATTERNS.get(i).matcher(path);
            if (matcher.matches()) {
                return new Match(TABLE.get(i), matcher.groupCount() > 0 ? matcher.group(1) : null);
            }
        }
        return null;
    }
}
