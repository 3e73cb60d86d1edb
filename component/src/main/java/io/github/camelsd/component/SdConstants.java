package io.github.camelsd.component;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the {@code sd:} component. Input headers override the request built from the body and the
 * endpoint options; output headers describe the API's answer.
 */
public final class SdConstants {

    // ---- input: request fields (override body and options) ----
    @Metadata(label = "producer", description = "The text prompt. Overrides a prompt in the body.", javaType = "String")
    public static final String PROMPT = "CamelSdPrompt";
    @Metadata(label = "producer", description = "Items not wanted in the image.", javaType = "String")
    public static final String NEGATIVE_PROMPT = "CamelSdNegativePrompt";
    @Metadata(label = "producer", description = "The model to use (community and enterprise operations require it).",
              javaType = "String")
    public static final String MODEL_ID = "CamelSdModelId";
    @Metadata(label = "producer", defaultValue = "512", description = "Image width in pixels: a multiple of 8, at most 1024 (API default 512).",
              javaType = "Integer")
    public static final String WIDTH = "CamelSdWidth";
    @Metadata(label = "producer", defaultValue = "512", description = "Image height in pixels: a multiple of 8, at most 1024 (API default 512).",
              javaType = "Integer")
    public static final String HEIGHT = "CamelSdHeight";
    @Metadata(label = "producer", defaultValue = "1", description = "Number of images, 1 to 4 (API default 1).", javaType = "Integer")
    public static final String SAMPLES = "CamelSdSamples";
    @Metadata(label = "producer", description = "Denoising steps (limits per API family: see the numInferenceSteps option).",
              javaType = "Integer")
    public static final String NUM_INFERENCE_STEPS = "CamelSdNumInferenceSteps";
    @Metadata(label = "producer", description = "Classifier-free guidance scale, 1 to 20.", javaType = "Double")
    public static final String GUIDANCE_SCALE = "CamelSdGuidanceScale";
    @Metadata(label = "producer", description = "Seed for reproducible output (input); the seed the API used (output).",
              javaType = "Long")
    public static final String SEED = "CamelSdSeed";
    @Metadata(label = "producer", enums = "DDPMScheduler,DDIMScheduler,PNDMScheduler,LMSDiscreteScheduler,EulerDiscreteScheduler,EulerAncestralDiscreteScheduler,DPMSolverMultistepScheduler,HeunDiscreteScheduler,KDPM2DiscreteScheduler,DPMSolverSinglestepScheduler,KDPM2AncestralDiscreteScheduler,UniPCMultistepScheduler,DDIMInverseScheduler,DEISMultistepScheduler,IPNDMScheduler,KarrasVeScheduler,ScoreSdeVeScheduler,LCMScheduler", description = "Scheduler: one of the names the community and ControlNet docs list (the examples use UniPCMultistepScheduler).",
              javaType = "String")
    public static final String SCHEDULER = "CamelSdScheduler";
    @Metadata(label = "producer", description = "Whether the NSFW safety checker runs.", javaType = "Boolean")
    public static final String SAFETY_CHECKER = "CamelSdSafetyChecker";
    @Metadata(label = "producer", defaultValue = "sensitive_content_text", description = "How the safety checker hides NSFW images (API default sensitive_content_text).", javaType = "String",
              enums = "black,blur,sensitive_content_text,pixelate")
    public static final String SAFETY_CHECKER_TYPE = "CamelSdSafetyCheckerType";
    @Metadata(label = "producer", description = "Let the API enhance the prompt.", javaType = "Boolean")
    public static final String ENHANCE_PROMPT = "CamelSdEnhancePrompt";
    @Metadata(label = "producer", defaultValue = "false", description = "Translate a non-English prompt (API default no).", javaType = "Boolean")
    public static final String MULTI_LINGUAL = "CamelSdMultiLingual";
    @Metadata(label = "producer", defaultValue = "false", description = "Generate a panorama (API default no).", javaType = "Boolean")
    public static final String PANORAMA = "CamelSdPanorama";
    @Metadata(label = "producer", defaultValue = "false", description = "Use self-attention guidance (API default no).", javaType = "Boolean")
    public static final String SELF_ATTENTION = "CamelSdSelfAttention";
    @Metadata(label = "producer", defaultValue = "no", enums = "no,yes,false,true,1,2,3", description = "Upscale the output: yes/no, or on the 2023 (v3) paths a factor 1, 2 or 3 (API default no).",
              javaType = "String")
    public static final String UPSCALE = "CamelSdUpscale";
    @Metadata(label = "producer", defaultValue = "false", description = "High-resolution fix (API default no).", javaType = "Boolean")
    public static final String HIGHRES_FIX = "CamelSdHighresFix";
    @Metadata(label = "producer", description = "CLIP layers to skip, 1 to 8.", javaType = "Integer")
    public static final String CLIP_SKIP = "CamelSdClipSkip";
    @Metadata(label = "producer", description = "LoRA model ids, comma separated.", javaType = "String")
    public static final String LORA_MODEL = "CamelSdLoraModel";
    @Metadata(label = "producer", description = "LoRA strengths, comma separated, one per LoRA model, each 0.1 to 1.",
              javaType = "String")
    public static final String LORA_STRENGTH = "CamelSdLoraStrength";
    @Metadata(label = "producer", description = "Embeddings model id.", javaType = "String")
    public static final String EMBEDDINGS_MODEL = "CamelSdEmbeddingsModel";
    @Metadata(label = "producer", description = "VAE to use.", javaType = "String")
    public static final String VAE = "CamelSdVae";
    @Metadata(label = "producer", defaultValue = "true", description = "Use Karras sigmas (API default yes).", javaType = "Boolean")
    public static final String USE_KARRAS_SIGMAS = "CamelSdUseKarrasSigmas";
    @Metadata(label = "producer", defaultValue = "true", description = "Token merging (faster generation; API default yes).", javaType = "Boolean")
    public static final String TOMESD = "CamelSdTomesd";
    @Metadata(label = "producer", defaultValue = "false", description = "Ask for base64 output instead of URLs (API default no).", javaType = "Boolean")
    public static final String BASE64 = "CamelSdBase64";
    @Metadata(label = "producer", defaultValue = "false", description = "Store output on temporary links (API default no).", javaType = "Boolean")
    public static final String TEMP = "CamelSdTemp";
    @Metadata(label = "producer", description = "Queue the request at once and answer processing (v6).",
              javaType = "Boolean")
    public static final String INSTANT_RESPONSE = "CamelSdInstantResponse";
    @Metadata(label = "producer", description = "URL the API calls when the job completes.", javaType = "String")
    public static final String WEBHOOK = "CamelSdWebhook";
    @Metadata(label = "producer", description = "Id returned in the webhook call.", javaType = "String")
    public static final String TRACK_ID = "CamelSdTrackId";
    @Metadata(label = "producer", description = "Public URL of the initial image (img2img, inpaint).", javaType = "String")
    public static final String INIT_IMAGE = "CamelSdInitImage";
    @Metadata(label = "producer", description = "Public URL of the mask image (inpaint).", javaType = "String")
    public static final String MASK_IMAGE = "CamelSdMaskImage";
    @Metadata(label = "producer", description = "How much the initial image is changed, 0 to 1.", javaType = "Double")
    public static final String STRENGTH = "CamelSdStrength";

    @Metadata(label = "producer", defaultValue = "none", enums = "none,dpmsolver+++", description = "Algorithm of the DPMSolverMultistepScheduler (API default none); the other value is dpmsolver with three plus signs, which Camel's catalog cannot write in a description (its enum has it).", javaType = "String")
    public static final String ALGORITHM_TYPE = "CamelSdAlgorithmType";
    @Metadata(label = "producer", description = "A style the API adds to the prompt (v6), one of its documented style names.", javaType = "String")
    public static final String ENHANCE_STYLE = "CamelSdEnhanceStyle";
    @Metadata(label = "producer", enums = "ip-adapter_sdxl,ip-adapter_sd15,ip-adapter-plus-face_sd15,ip-adapter-plus_sdxl_vit-h,ip-adapter-plus-face_sdxl_vit-h", description = "IP adapter: ip-adapter_sdxl, ip-adapter_sd15, ip-adapter-plus-face_sd15, ip-adapter-plus_sdxl_vit-h or ip-adapter-plus-face_sdxl_vit-h.", javaType = "String")
    public static final String IP_ADAPTER_ID = "CamelSdIpAdapterId";
    @Metadata(label = "producer", description = "How strongly the IP adapter image steers the result, 0 to 1.", javaType = "Double")
    public static final String IP_ADAPTER_SCALE = "CamelSdIpAdapterScale";
    @Metadata(label = "producer", description = "The IP adapter's reference image: a public URL (content is staged like init_image).", javaType = "String")
    public static final String IP_ADAPTER_IMAGE = "CamelSdIpAdapterImage";
    @Metadata(label = "producer", description = "ControlNet model id, or several comma separated for multi-ControlNet: canny, depth, hed, mlsd, normal, openpose, scribble, segmentation, aesthetic-controlnet, inpaint, softedge, lineart, shuffle, tile, face_detector, qrcode (FluxDev adds blur, pose, gray, low_quality).", javaType = "String")
    public static final String CONTROLNET_MODEL = "CamelSdControlnetModel";
    @Metadata(label = "producer", description = "The ControlNet type (one id, for example canny).", javaType = "String")
    public static final String CONTROLNET_TYPE = "CamelSdControlnetType";
    @Metadata(label = "producer", description = "The control image: a public URL (content is staged like init_image).", javaType = "String")
    public static final String CONTROL_IMAGE = "CamelSdControlImage";
    @Metadata(label = "producer", defaultValue = "true", description = "Derive the hint image from init_image automatically (API default yes).", javaType = "Boolean")
    public static final String AUTO_HINT = "CamelSdAutoHint";
    @Metadata(label = "producer", defaultValue = "false", description = "Let ControlNet guess the content (API default no; use it without a prompt).", javaType = "Boolean")
    public static final String GUESS_MODE = "CamelSdGuessMode";
    @Metadata(label = "producer", description = "How strongly the control image conditions the result, 0.1 to 5.", javaType = "Double")
    public static final String CONTROLNET_CONDITIONING_SCALE = "CamelSdControlnetConditioningScale";
    @Metadata(label = "producer", description = "super-resolution: the upscaling factor, 1 to 4 as the upscaler allows (v6 API default 3).", javaType = "Integer")
    public static final String SCALE = "CamelSdScale";
    @Metadata(label = "producer", description = "super-resolution: also restore faces (sent as a JSON boolean, as documented).", javaType = "Boolean")
    public static final String FACE_ENHANCE = "CamelSdFaceEnhance";
    @Metadata(label = "producer", description = "text2video (v5): length of the video in seconds.", javaType = "Integer")
    public static final String SECONDS = "CamelSdSeconds";
    @Metadata(label = "producer", description = "text2video (v6): number of frames, at most 25 (API default 16 in the prose, 25 in the OpenAPI).", javaType = "Integer")
    public static final String NUM_FRAMES = "CamelSdNumFrames";
    @Metadata(label = "producer", description = "text2video (v6): frames per second, at most 16.", javaType = "Integer")
    public static final String FPS = "CamelSdFps";
    @Metadata(label = "producer", defaultValue = "gif", enums = "mp4,gif", description = "text2video (v6): mp4 or gif (API default gif).", javaType = "String")
    public static final String OUTPUT_TYPE = "CamelSdOutputType";
    @Metadata(label = "producer", description = "text2video (v6): height of the upscaled video, at most 1024.", javaType = "Integer")
    public static final String UPSCALE_HEIGHT = "CamelSdUpscaleHeight";
    @Metadata(label = "producer", description = "text2video (v6): width of the upscaled video, at most 1024.", javaType = "Integer")
    public static final String UPSCALE_WIDTH = "CamelSdUpscaleWidth";
    @Metadata(label = "producer", description = "text2video (v6): strength of the upscaling pass, 0 to 1.", javaType = "Double")
    public static final String UPSCALE_STRENGTH = "CamelSdUpscaleStrength";
    @Metadata(label = "producer", description = "text2video (v6): guidance scale of the upscaling pass.", javaType = "Double")
    public static final String UPSCALE_GUIDANCE_SCALE = "CamelSdUpscaleGuidanceScale";
    @Metadata(label = "producer", description = "text2video (v6): denoising steps of the upscaling pass, 1 to 50.", javaType = "Integer")
    public static final String UPSCALE_NUM_INFERENCE_STEPS = "CamelSdUpscaleNumInferenceSteps";
    @Metadata(label = "producer", description = "text2video (v6): use improved sampling.", javaType = "Boolean")
    public static final String USE_IMPROVED_SAMPLING = "CamelSdUseImprovedSampling";
    @Metadata(label = "producer", description = "text2video (v6): seed of the improved sampling.", javaType = "Long")
    public static final String IMPROVED_SAMPLING_SEED = "CamelSdImprovedSamplingSeed";

    @Metadata(label = "producer", description = "removebg-mask, outpaint: the input image, a public URL or base64 (content is staged like init_image).", javaType = "String")
    public static final String IMAGE = "CamelSdImage";
    @Metadata(label = "producer", description = "removebg-mask: refine the edges with alpha matting.", javaType = "Boolean")
    public static final String ALPHA_MATTING = "CamelSdAlphaMatting";
    @Metadata(label = "producer", description = "removebg-mask: post-process the mask.", javaType = "Boolean")
    public static final String POST_PROCESS_MASK = "CamelSdPostProcessMask";
    @Metadata(label = "producer", description = "removebg-mask: answer the mask only.", javaType = "Boolean")
    public static final String ONLY_MASK = "CamelSdOnlyMask";
    @Metadata(label = "producer", description = "removebg-mask: invert the mask.", javaType = "Boolean")
    public static final String INVERSE_MASK = "CamelSdInverseMask";
    @Metadata(label = "producer", defaultValue = "240", description = "removebg-mask: foreground threshold of the alpha matting, 0 to 240 (API default 240).", javaType = "Integer")
    public static final String ALPHA_MATTING_FOREGROUND_THRESHOLD = "CamelSdAlphaMattingForegroundThreshold";
    @Metadata(label = "producer", defaultValue = "20", description = "removebg-mask: background threshold of the alpha matting, 0 to 20 (API default 20).", javaType = "Integer")
    public static final String ALPHA_MATTING_BACKGROUND_THRESHOLD = "CamelSdAlphaMattingBackgroundThreshold";
    @Metadata(label = "producer", defaultValue = "5", description = "removebg-mask: erode size of the alpha matting, 0 to 5 (API default 5).", javaType = "Integer")
    public static final String ALPHA_MATTING_ERODE_SIZE = "CamelSdAlphaMattingErodeSize";
    @Metadata(label = "producer", defaultValue = "10", description = "outpaint: overlap between the image and the new area, at most 42 (API default 10).", javaType = "Integer")
    public static final String OVERLAP_WIDTH = "CamelSdOverlapWidth";
    @Metadata(label = "producer", defaultValue = "normal", enums = "short,normal,long", description = "caption: short, normal or long (API default normal).", javaType = "String")
    public static final String LENGTH = "CamelSdLength";
    @Metadata(label = "producer", description = "face-gen, head-shot, flux-headshot: the face, a public URL (content is staged like init_image).", javaType = "String")
    public static final String FACE_IMAGE = "CamelSdFaceImage";
    @Metadata(label = "producer", defaultValue = "1", description = "face-gen, head-shot: how closely the face is kept, 0 to 2 (API default 1).", javaType = "Double")
    public static final String S_SCALE = "CamelSdSScale";
    @Metadata(label = "producer", defaultValue = "realistic", enums = "comic,chibi,3d,anime,realistic", description = "face-gen: comic, chibi, 3d, anime or realistic (API default realistic).", javaType = "String")
    public static final String STYLE = "CamelSdStyle";
    @Metadata(label = "producer", description = "fashion: the garment, a public URL (content is staged like init_image).", javaType = "String")
    public static final String CLOTH_IMAGE = "CamelSdClothImage";
    @Metadata(label = "producer", enums = "upper_body,lower_body,dresses", description = "fashion: upper_body, lower_body or dresses.", javaType = "String")
    public static final String CLOTH_TYPE = "CamelSdClothType";
    @Metadata(label = "producer", description = "mask-creator: the object to mask, in words.", javaType = "String")
    public static final String SPECIFIC_OBJECT = "CamelSdSpecificObject";
    @Metadata(label = "producer", description = "img-mixer: denoising steps, 1 to 50 (its name for num_inference_steps).", javaType = "Integer")
    public static final String STEPS = "CamelSdSteps";
    @Metadata(label = "producer", description = "fine-tune, lora-fine-tune: the prompt naming the subject, for example photo of adhik person.", javaType = "String")
    public static final String INSTANCE_PROMPT = "CamelSdInstancePrompt";
    @Metadata(label = "producer", description = "fine-tune, lora-fine-tune: the prompt of the subject's class, for example photo of a person.", javaType = "String")
    public static final String CLASS_PROMPT = "CamelSdClassPrompt";
    @Metadata(label = "producer", description = "fine-tune: the model the training starts from.", javaType = "String")
    public static final String BASE_MODEL_ID = "CamelSdBaseModelId";
    @Metadata(label = "producer", description = "fine-tune, lora-fine-tune: the training images, comma separated public URLs (a List of URLs or content in the body; content is staged like init_image).", javaType = "String")
    public static final String IMAGES = "CamelSdImages";
    @Metadata(label = "producer", enums = "men,female,women,couple", description = "fine-tune: men, female or couple; lora-fine-tune: men, women or couple (each page's own word: the other one is rejected before sending, naming the field).", javaType = "String")
    public static final String TRAINING_TYPE = "CamelSdTrainingType";
    @Metadata(label = "producer", description = "fine-tune: training steps, about 2 per image, at most 2000; lora-fine-tune: 10 to 50.", javaType = "Integer")
    public static final String MAX_TRAIN_STEPS = "CamelSdMaxTrainSteps";
    @Metadata(label = "producer", defaultValue = "sdxl", enums = "normal,sdxl", description = "lora-fine-tune: normal or sdxl (API default sdxl).", javaType = "String")
    public static final String BASE_MODEL_TYPE = "CamelSdBaseModelType";
    @Metadata(label = "producer", enums = "lora,lycoris", description = "lora-fine-tune: lora or lycoris.", javaType = "String")
    public static final String LORA_TYPE = "CamelSdLoraType";
    @Metadata(label = "producer", description = "load-model: where the model is: a Hugging Face repository, or a ckpt or safetensors link.", javaType = "String")
    public static final String URL = "CamelSdUrl";
    @Metadata(label = "producer", enums = "diffusers,safetensors,ckpt", description = "load-model: diffusers, safetensors or ckpt.", javaType = "String")
    public static final String MODEL_FORMAT = "CamelSdModelFormat";
    @Metadata(label = "producer", enums = "fp16,fp32", description = "load-model: fp16 or fp32.", javaType = "String")
    public static final String REVISION = "CamelSdRevision";
    @Metadata(label = "producer", description = "load-model: the model's category.", javaType = "String")
    public static final String MODEL_CATEGORY = "CamelSdModelCategory";
    @Metadata(label = "producer", enums = "private,public", description = "load-model: private or public.", javaType = "String")
    public static final String MODEL_VISIBILITY = "CamelSdModelVisibility";
    @Metadata(label = "producer", description = "load-model: the model's display name.", javaType = "String")
    public static final String MODEL_NAME = "CamelSdModelName";
    @Metadata(label = "producer", description = "load-model: a preview image of the model (URL).", javaType = "String")
    public static final String MODEL_IMAGE = "CamelSdModelImage";
    @Metadata(label = "producer", description = "load-model: also upload the model to Hugging Face.", javaType = "Boolean")
    public static final String HF_UPLOAD = "CamelSdHfUpload";
    @Metadata(label = "producer", description = "load-model: load even if a model of that id exists.", javaType = "Boolean")
    public static final String FORCE_LOAD = "CamelSdForceLoad";
    @Metadata(label = "producer", description = "load-model: upcast attention (for some SD 2.x models).", javaType = "Boolean")
    public static final String UPCAST_ATTENTION = "CamelSdUpcastAttention";
    @Metadata(label = "producer", description = "nsfw-image-check: the score from which an image counts as NSFW, 0 to 1.", javaType = "Double")
    public static final String THRESHOLD = "CamelSdThreshold";

    @Metadata(label = "producer", description = "img2img with flux-kontext-dev (v6): a second input image, a public URL (content is staged like init_image).", javaType = "String")
    public static final String INIT_IMAGE_2 = "CamelSdInitImage2";
    @Metadata(label = "producer", defaultValue = "2.5", description = "img2img with flux-kontext-dev (v6): guidance, 0 to 20 (API default 2.5).", javaType = "Double")
    public static final String GUIDANCE = "CamelSdGuidance";
    @Metadata(label = "producer", description = "lora-fine-tune: a Weights and Biases API key to log the training to. A secret: masked like the API key.", javaType = "String")
    public static final String WANDB_KEY = "CamelSdWandbKey";
    @Metadata(label = "producer", defaultValue = "false", description = "Enterprise generations: let the load balancer of a plan with more than one server pick the server (sent as yes/no; API default no).", javaType = "Boolean")
    public static final String LOADBALANCER = "CamelSdLoadbalancer";
    @Metadata(label = "producer", enums = "huggingface,api_trained,custom_ckpt,lora,embeddings,controlnet", description = "Enterprise load-model: huggingface, api_trained, custom_ckpt, lora, embeddings or controlnet.", javaType = "String")
    public static final String MODEL_TYPE = "CamelSdModelType";
    @Metadata(label = "producer", description = "Enterprise load-model: the model at url is a safetensors file (sent as yes/no).", javaType = "Boolean")
    public static final String FROM_SAFETENSORS = "CamelSdFromSafetensors";
    @Metadata(label = "producer", description = "Enterprise load-vae: the id to load the VAE under.", javaType = "String")
    public static final String VAE_ID = "CamelSdVaeId";
    @Metadata(label = "producer", description = "Enterprise load-vae: where the VAE is: a Hugging Face repository or a link.", javaType = "String")
    public static final String VAE_URL = "CamelSdVaeUrl";
    @Metadata(label = "producer", enums = "diffusers,safetensors,pt", description = "Enterprise load-vae: diffusers, safetensors or pt.", javaType = "String")
    public static final String VAE_TYPE = "CamelSdVaeType";
    @Metadata(label = "producer", description = "Enterprise sync-models: the enterprise key of the server whose models are copied to this one. A secret: masked like the API key.", javaType = "String")
    public static final String SYNC_KEY = "CamelSdSyncKey";

    @Metadata(label = "producer", description = "The message's correlation key (an order number, a Kafka record"
                                                + " key): with jobStateRepository, the job accepted for it is"
                                                + " recorded, and a message with the same key resumes that job"
                                                + " instead of submitting a new one.",
              javaType = "String")
    public static final String CORRELATION_KEY = "CamelSdCorrelationKey";

    // ---- input and output: the job ----
    @Metadata(description = "The API's job id. Input of sd:fetch (else the body); output of every generation.",
              javaType = "String")
    public static final String JOB_ID = "CamelSdJobId";

    @Metadata(description = "A training's id: input of fine-tune-status, cancel-training and delete-training (else the"
                            + " option trainingId, else the body); output of fine-tune and lora-fine-tune. Once the"
                            + " training is model_ready it is the model id to generate with.",
              javaType = "String")
    public static final String TRAINING_ID = "CamelSdTrainingId";

    // ---- output ----
    @Metadata(label = "producer", description = "A training's stage (deploying_gpu, training_started, ..., model_ready):"
                                                + " set while it is waited for and on its result.",
              javaType = "String")
    public static final String TRAINING_STAGE = "CamelSdTrainingStage";
    @Metadata(label = "producer", description = "nsfw-prompt-check: whether the API judged the prompt to involve a minor"
                                                + " (is_cp).",
              javaType = "Boolean")
    public static final String CP_DETECTED = "CamelSdCpDetected";
    @Metadata(label = "producer", description = "The API's status: success, processing (waitForResult=false), ok.",
              javaType = "String")
    public static final String STATUS = "CamelSdStatus";
    @Metadata(label = "producer", description = "Generation time in seconds as reported by the API.", javaType = "Double")
    public static final String GENERATION_TIME = "CamelSdGenerationTime";
    @Metadata(label = "producer", description = "Seconds the API expects a queued job to take (last answer).",
              javaType = "Double")
    public static final String ETA = "CamelSdEta";
    @Metadata(label = "producer", description = "Whether the API flagged NSFW content (its images are blanked); the"
                                                + " verdict of nsfw-image-check and nsfw-prompt-check.",
              javaType = "Boolean")
    public static final String NSFW = "CamelSdNsfw";
    @Metadata(label = "producer", description = "The response's meta object (parameters the API used).",
              javaType = "java.util.Map<String, Object>")
    public static final String META = "CamelSdMeta";
    @Metadata(description = "The path that reads this job (its family's fetch, {id} replaced or request_id in the body):"
                            + " output of every job, input of sd:fetch, which then needs nothing else to find the job.",
              javaType = "String")
    public static final String FETCH_PATH = "CamelSdFetchPath";
    @Metadata(label = "producer", description = "The media type of the outputs, from their links or bytes: image/png,"
                                                + " image/jpeg, image/gif, video/mp4, ...",
              javaType = "String")
    public static final String MEDIA_TYPE = "CamelSdMediaType";
    @Metadata(label = "producer", description = "The fetch link the API gave for a queued job.", javaType = "String")
    public static final String FETCH_URL = "CamelSdFetchUrl";
    @Metadata(label = "producer", description = "The URLs a queued job's images will have.",
              javaType = "java.util.List<String>")
    public static final String FUTURE_LINKS = "CamelSdFutureLinks";
    @Metadata(label = "producer", description = "When the API accepted this job (epoch milliseconds): when its first"
                                                + " answer arrived. Up to the exchange's continuing, the time the job"
                                                + " took at the API, without the time it waited for a slot or a"
                                                + " connection before.",
              javaType = "Long")
    public static final String ACCEPTED_AT = "CamelSdAcceptedAt";
    @Metadata(label = "producer", description = "How many fetch calls the producer made while waiting for this job.",
              javaType = "Integer")
    public static final String POLLS = "CamelSdPolls";
    @Metadata(label = "producer",
              description = "The position of an image in its job's outputs, from 0: set on each exchange when"
                            + " split(body()) splits a result, and on a result that is a single image.",
              javaType = "Integer")
    public static final String IMAGE_INDEX = "CamelSdImageIndex";
    @Metadata(label = "producer", description = "system-load: the number of queued requests.", javaType = "Integer")
    public static final String QUEUE_NUM = "CamelSdQueueNum";
    @Metadata(label = "producer", description = "system-load, system-details (enterprise): the queue time in seconds.", javaType = "Double")
    public static final String QUEUE_TIME = "CamelSdQueueTime";
    @Metadata(label = "producer", description = "The whole last API answer as a map (unknown fields included).",
              javaType = "java.util.Map<String, Object>")
    public static final String RAW_RESPONSE = "CamelSdRawResponse";

    private SdConstants() {
    }
}
