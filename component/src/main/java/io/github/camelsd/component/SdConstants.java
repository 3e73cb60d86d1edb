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
    @Metadata(label = "producer", description = "Image width in pixels: a multiple of 8, at most 1024.",
              javaType = "Integer")
    public static final String WIDTH = "CamelSdWidth";
    @Metadata(label = "producer", description = "Image height in pixels: a multiple of 8, at most 1024.",
              javaType = "Integer")
    public static final String HEIGHT = "CamelSdHeight";
    @Metadata(label = "producer", description = "Number of images, 1 to 4.", javaType = "Integer")
    public static final String SAMPLES = "CamelSdSamples";
    @Metadata(label = "producer", description = "Denoising steps (1 to 50; the v6 realtime API caps at 20).",
              javaType = "Integer")
    public static final String NUM_INFERENCE_STEPS = "CamelSdNumInferenceSteps";
    @Metadata(label = "producer", description = "Classifier-free guidance scale, 1 to 20.", javaType = "Double")
    public static final String GUIDANCE_SCALE = "CamelSdGuidanceScale";
    @Metadata(label = "producer", description = "Seed for reproducible output (input); the seed the API used (output).",
              javaType = "Long")
    public static final String SEED = "CamelSdSeed";
    @Metadata(label = "producer", description = "Scheduler name, for example DPMSolverMultistepScheduler.",
              javaType = "String")
    public static final String SCHEDULER = "CamelSdScheduler";
    @Metadata(label = "producer", description = "Whether the NSFW safety checker runs.", javaType = "Boolean")
    public static final String SAFETY_CHECKER = "CamelSdSafetyChecker";
    @Metadata(label = "producer", description = "How the safety checker hides NSFW images.", javaType = "String",
              enums = "black,blur,sensitive_content_text,pixelate")
    public static final String SAFETY_CHECKER_TYPE = "CamelSdSafetyCheckerType";
    @Metadata(label = "producer", description = "Let the API enhance the prompt.", javaType = "Boolean")
    public static final String ENHANCE_PROMPT = "CamelSdEnhancePrompt";
    @Metadata(label = "producer", description = "Translate a non-English prompt.", javaType = "Boolean")
    public static final String MULTI_LINGUAL = "CamelSdMultiLingual";
    @Metadata(label = "producer", description = "Generate a panorama.", javaType = "Boolean")
    public static final String PANORAMA = "CamelSdPanorama";
    @Metadata(label = "producer", description = "Use self-attention guidance.", javaType = "Boolean")
    public static final String SELF_ATTENTION = "CamelSdSelfAttention";
    @Metadata(label = "producer", description = "Upscale the output.", javaType = "Boolean")
    public static final String UPSCALE = "CamelSdUpscale";
    @Metadata(label = "producer", description = "High-resolution fix.", javaType = "Boolean")
    public static final String HIGHRES_FIX = "CamelSdHighresFix";
    @Metadata(label = "producer", description = "CLIP layers to skip, 1 to 8.", javaType = "Integer")
    public static final String CLIP_SKIP = "CamelSdClipSkip";
    @Metadata(label = "producer", description = "LoRA model ids, comma separated.", javaType = "String")
    public static final String LORA_MODEL = "CamelSdLoraModel";
    @Metadata(label = "producer", description = "LoRA strengths, comma separated, one per LoRA model.",
              javaType = "String")
    public static final String LORA_STRENGTH = "CamelSdLoraStrength";
    @Metadata(label = "producer", description = "Embeddings model id.", javaType = "String")
    public static final String EMBEDDINGS_MODEL = "CamelSdEmbeddingsModel";
    @Metadata(label = "producer", description = "VAE to use.", javaType = "String")
    public static final String VAE = "CamelSdVae";
    @Metadata(label = "producer", description = "Use Karras sigmas.", javaType = "Boolean")
    public static final String USE_KARRAS_SIGMAS = "CamelSdUseKarrasSigmas";
    @Metadata(label = "producer", description = "Token merging (faster generation).", javaType = "Boolean")
    public static final String TOMESD = "CamelSdTomesd";
    @Metadata(label = "producer", description = "Ask for base64 output instead of URLs.", javaType = "Boolean")
    public static final String BASE64 = "CamelSdBase64";
    @Metadata(label = "producer", description = "Store output on temporary links.", javaType = "Boolean")
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

    // ---- input and output: the job ----
    @Metadata(description = "The API's job id. Input of sd:fetch (else the body); output of every generation.",
              javaType = "String")
    public static final String JOB_ID = "CamelSdJobId";

    // ---- output ----
    @Metadata(label = "producer", description = "The API's status: success, processing (waitForResult=false), ok.",
              javaType = "String")
    public static final String STATUS = "CamelSdStatus";
    @Metadata(label = "producer", description = "Generation time in seconds as reported by the API.", javaType = "Double")
    public static final String GENERATION_TIME = "CamelSdGenerationTime";
    @Metadata(label = "producer", description = "Seconds the API expects a queued job to take (last answer).",
              javaType = "Double")
    public static final String ETA = "CamelSdEta";
    @Metadata(label = "producer", description = "Whether the API flagged NSFW content (its images are blanked).",
              javaType = "Boolean")
    public static final String NSFW = "CamelSdNsfw";
    @Metadata(label = "producer", description = "The response's meta object (parameters the API used).",
              javaType = "java.util.Map<String, Object>")
    public static final String META = "CamelSdMeta";
    @Metadata(label = "producer", description = "The fetch link the API gave for a queued job.", javaType = "String")
    public static final String FETCH_URL = "CamelSdFetchUrl";
    @Metadata(label = "producer", description = "The URLs a queued job's images will have.",
              javaType = "java.util.List<String>")
    public static final String FUTURE_LINKS = "CamelSdFutureLinks";
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
    @Metadata(label = "producer", description = "system-load: the queue time in seconds.", javaType = "Double")
    public static final String QUEUE_TIME = "CamelSdQueueTime";
    @Metadata(label = "producer", description = "The whole last API answer as a map (unknown fields included).",
              javaType = "java.util.Map<String, Object>")
    public static final String RAW_RESPONSE = "CamelSdRawResponse";

    private SdConstants() {
    }
}
