package io.github.camelsd.component;

import java.util.EnumMap;
import java.util.Map;

import io.github.camelsd.component.request.SdField;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options shared by the component and its endpoints. The component holds one instance; each endpoint starts from a
 * copy of it, so endpoint options override component options.
 */
@UriParams
@Configurer
public class SdConfiguration implements Cloneable {

    // ---- connection ----
    @UriParam(label = "security", secret = true,
              description = "The API key. Sent in the request body only; never logged, never printed in URIs.")
    @Metadata(required = true)
    private String apiKey;
    @UriParam(defaultValue = "https://stablediffusionapi.com",
              description = "Where the API is: https://stablediffusionapi.com (seed era), https://modelslab.com (current), an enterprise server, or a local emulator.")
    private String baseUrl = "https://stablediffusionapi.com";
    @UriParam(defaultValue = "v3", enums = "v3,v6",
              description = "API family: decides each operation's default path and the wire form of flags (v3: yes/no, v6: true/false).")
    private SdApiVersion apiVersion = SdApiVersion.v3;
    @UriParam(label = "advanced",
              description = "Path of this operation below baseUrl, replacing the API family's default (for example /api/v1/enterprise/text2img). A fetch path takes the job id in place of {id}, or in the body as request_id when it has no {id}.")
    private String path;
    @UriParam(label = "advanced",
              description = "Path of the fetch call used to wait for this operation's queued jobs, replacing the default of the fetch operation.")
    private String fetchPath;

    // ---- waiting for queued jobs ----
    @UriParam(label = "producer", defaultValue = "true",
              description = "Wait for a queued (processing) job to finish before the exchange continues. The wait holds no thread. With false, the exchange continues at once with the job id (header CamelSdJobId, and the body) and sd:fetch continues later.")
    private boolean waitForResult = true;
    @UriParam(label = "producer", defaultValue = "5000", javaType = "java.time.Duration",
              description = "The longest pause between two fetch calls while waiting. The API's eta is used when it is shorter.")
    private long pollInterval = 5000;
    @UriParam(label = "producer", defaultValue = "250", javaType = "java.time.Duration",
              description = "The shortest pause between two fetch calls, whatever the eta says (the API asks clients not to hammer it).")
    private long minPollInterval = 250;
    @UriParam(label = "producer", defaultValue = "600000", javaType = "java.time.Duration",
              description = "How long to wait for a queued job in total before failing with SdWaitTimeoutException (which carries the job id).")
    private long maxWait = 600000;
    @UriParam(label = "producer", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long one HTTP call may take, from sending the request to the end of the response.")
    private long responseTimeout = 60000;

    // ---- input images ----
    @UriParam(label = "producer", enums = SdStaging.NAMES,
              description = "How an input image given as content (byte[], InputStream, File, Path, a file consumer's message, a data: URI) reaches the API, which only takes URLs: none (URLs only; content is rejected naming the field), base64 (inline with the API's base64 flag, where the operation supports it), api-hosted (uploaded first through the API's base64-to-URL endpoint), s3 (uploaded to a bucket through Camel AWS2 S3, sent as a presigned URL). Default: s3 when stagingUri is set, else none.")
    private String staging;
    @UriParam(label = "producer", secret = true,
              description = "The Camel AWS2 S3 endpoint that stages images for staging=s3, with its credentials, region and, for S3-compatible stores, uriEndpointOverride and forcePathStyle; for example aws2-s3://my-bucket?region=eu-west-1&useDefaultCredentialsProvider=true. Needs camel-aws2-s3 on the classpath.")
    private String stagingUri;
    @UriParam(label = "producer", defaultValue = "sd-staging/",
              description = "Key prefix of staged objects in the bucket.")
    private String stagingKeyPrefix = "sd-staging/";
    @UriParam(label = "producer", defaultValue = "3600000", javaType = "java.time.Duration",
              description = "How long the presigned URL of a staged image stays valid: long enough for the API to fetch it, also from its queue.")
    private long stagingUrlTtl = 3600000;
    @UriParam(label = "producer", defaultValue = "false",
              description = "Keep staged objects when the job ends instead of deleting them.")
    private boolean keepStagedImages;
    @UriParam(label = "producer", defaultValue = "10485760",
              description = "The largest input image (bytes) the component accepts as content; a larger one is rejected before anything is sent.")
    private long maxImageSize = 10 * 1024 * 1024;
    @UriParam(label = "advanced",
              description = "Path of the API's upload (base64 to URL) call for staging=api-hosted, replacing the API family's default (/api/v3/base64_crop or /api/v6/base64_to_url).")
    private String uploadPath;

    // ---- results ----
    @UriParam(label = "producer", defaultValue = "urls", enums = "urls,bytes,stream,base64",
              description = "What the body of a finished job holds: a List of SdImage, the API's outputs, which convert to byte[] and InputStream by downloading (urls); or the images downloaded at once, without blocking, as byte[] (bytes), InputStream (stream) or base64 String (base64), where one image gives the value and several a List. The API's links can be temporary: downloading keeps the images.")
    private SdOutputFormat outputFormat = SdOutputFormat.urls;
    @UriParam(label = "producer", defaultValue = "20971520",
              description = "The largest output image (bytes) the component downloads; a larger one fails with SdOutputDownloadException.")
    private long maxDownloadSize = 20 * 1024 * 1024;
    @UriParam(label = "producer", defaultValue = "false",
              description = "Fail with SdNsfwContentException when the API flagged NSFW content (its images are blanked), instead of only setting header CamelSdNsfw. Without the API's flag, downloaded images that are one colour count as blanked.")
    private boolean failOnNsfw;

    // ---- the account's queue ----
    @UriParam(label = "producer", defaultValue = "5",
              description = "How many jobs of one API key may be at the API at once (the plans allow 5, 10 or 15 queued requests). Further jobs wait in the component, first come first served, without holding a thread.")
    private int maxConcurrentJobs = 5;
    @UriParam(label = "producer", defaultValue = "1000",
              description = "How many jobs of one API key may wait in the component for a free slot; past that a job fails at once with SdTooManyPendingJobsException.")
    private int maxPendingJobs = 1000;

    // ---- request fields ----
    @UriParam(label = "generation", description = "The model id (required by community and enterprise operations).")
    private String modelId;
    @UriParam(label = "generation", description = "Items you do not want in the image.")
    private String negativePrompt;
    @UriParam(label = "generation", description = "Image width in pixels: a multiple of 8, at most 1024 (API default 512).")
    private Integer width;
    @UriParam(label = "generation", description = "Image height in pixels: a multiple of 8, at most 1024 (API default 512).")
    private Integer height;
    @UriParam(label = "generation", description = "Number of images per request, 1 to 4 (API default 1).")
    private Integer samples;
    @UriParam(label = "generation", description = "Denoising steps: 1 to 50 on seed-era endpoints, at most 20 on the v6 realtime endpoints.")
    private Integer numInferenceSteps;
    @UriParam(label = "generation", description = "Classifier-free guidance scale, 1 to 20.")
    private Double guidanceScale;
    @UriParam(label = "generation", description = "Seed for reproducible images; unset or -1 means random.")
    private Long seed;
    @UriParam(label = "generation", description = "Scheduler, for example DPMSolverMultistepScheduler or UniPCMultistepScheduler.")
    private String scheduler;
    @UriParam(label = "generation", description = "Whether the NSFW safety checker runs (NSFW images are replaced by blank ones).")
    private Boolean safetyChecker;
    @UriParam(label = "generation", description = "How the safety checker hides an NSFW image: black, blur, sensitive_content_text or pixelate.")
    private String safetyCheckerType;
    @UriParam(label = "generation", description = "Let the API enhance the prompt.")
    private Boolean enhancePrompt;
    @UriParam(label = "generation", description = "Translate a non-English prompt before generating.")
    private Boolean multiLingual;
    @UriParam(label = "generation", description = "Generate a panorama.")
    private Boolean panorama;
    @UriParam(label = "generation", description = "Use self-attention guidance.")
    private Boolean selfAttention;
    @UriParam(label = "generation", description = "Upscale the output.")
    private Boolean upscale;
    @UriParam(label = "generation", description = "Apply the high-resolution fix.")
    private Boolean highresFix;
    @UriParam(label = "generation", description = "CLIP layers to skip, 1 to 8.")
    private Integer clipSkip;
    @UriParam(label = "generation", description = "LoRA model ids, comma separated.")
    private String loraModel;
    @UriParam(label = "generation", description = "LoRA strengths (0 to 1), comma separated, one per LoRA model.")
    private String loraStrength;
    @UriParam(label = "generation", description = "Embeddings model id.")
    private String embeddingsModel;
    @UriParam(label = "generation", description = "VAE to use.")
    private String vae;
    @UriParam(label = "generation", description = "Use Karras sigmas.")
    private Boolean useKarrasSigmas;
    @UriParam(label = "generation", description = "Token merging, for faster generation.")
    private Boolean tomesd;
    @UriParam(label = "generation", description = "Ask the API for base64 output instead of URLs (and allow base64 input images).")
    private Boolean base64;
    @UriParam(label = "generation", description = "Store the output on temporary links.")
    private Boolean temp;
    @UriParam(label = "generation", description = "Queue the request at once and answer processing (v6 realtime).")
    private Boolean instantResponse;
    @UriParam(label = "generation", description = "img2img and inpaint: how much the initial image changes, 0 to 1.")
    private Double strength;
    @UriParam(label = "generation", description = "URL the API calls (POST) when the job completes.")
    private String webhook;
    @UriParam(label = "generation", description = "Id the API returns in the webhook call.")
    private String trackId;

    /** A copy for an endpoint, so its options do not change the component's. */
    public SdConfiguration copy() {
        try {
            return (SdConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The request fields set as options, keyed by field: the lowest layer of every request. */
    public Map<SdField, Object> requestDefaults() {
        Map<SdField, Object> defaults = new EnumMap<>(SdField.class);
        put(defaults, SdField.MODEL_ID, modelId);
        put(defaults, SdField.NEGATIVE_PROMPT, negativePrompt);
        put(defaults, SdField.WIDTH, width);
        put(defaults, SdField.HEIGHT, height);
        put(defaults, SdField.SAMPLES, samples);
        put(defaults, SdField.NUM_INFERENCE_STEPS, numInferenceSteps);
        put(defaults, SdField.GUIDANCE_SCALE, guidanceScale);
        put(defaults, SdField.SEED, seed);
        put(defaults, SdField.SCHEDULER, scheduler);
        put(defaults, SdField.SAFETY_CHECKER, safetyChecker);
        put(defaults, SdField.SAFETY_CHECKER_TYPE, safetyCheckerType);
        put(defaults, SdField.ENHANCE_PROMPT, enhancePrompt);
        put(defaults, SdField.MULTI_LINGUAL, multiLingual);
        put(defaults, SdField.PANORAMA, panorama);
        put(defaults, SdField.SELF_ATTENTION, selfAttention);
        put(defaults, SdField.UPSCALE, upscale);
        put(defaults, SdField.HIGHRES_FIX, highresFix);
        put(defaults, SdField.CLIP_SKIP, clipSkip);
        put(defaults, SdField.LORA_MODEL, loraModel);
        put(defaults, SdField.LORA_STRENGTH, loraStrength);
        put(defaults, SdField.EMBEDDINGS_MODEL, embeddingsModel);
        put(defaults, SdField.VAE, vae);
        put(defaults, SdField.USE_KARRAS_SIGMAS, useKarrasSigmas);
        put(defaults, SdField.TOMESD, tomesd);
        put(defaults, SdField.BASE64, base64);
        put(defaults, SdField.TEMP, temp);
        put(defaults, SdField.INSTANT_RESPONSE, instantResponse);
        put(defaults, SdField.STRENGTH, strength);
        put(defaults, SdField.WEBHOOK, webhook);
        put(defaults, SdField.TRACK_ID, trackId);
        return defaults;
    }

    private static void put(Map<SdField, Object> defaults, SdField field, Object value) {
        if (value != null) {
            defaults.put(field, value);
        }
    }

    public String getApiKey() {
        return apiKey;
    }

    /** The API key. Sent in the request body only; never logged, never printed in URIs. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /** Where the API is. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public SdApiVersion getApiVersion() {
        return apiVersion;
    }

    /** API family: decides each operation's default path and the wire form of flags. */
    public void setApiVersion(SdApiVersion apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getPath() {
        return path;
    }

    /** Path of this operation below baseUrl, replacing the default. */
    public void setPath(String path) {
        this.path = path;
    }

    public String getFetchPath() {
        return fetchPath;
    }

    /** Path of the fetch call used to wait for queued jobs. */
    public void setFetchPath(String fetchPath) {
        this.fetchPath = fetchPath;
    }

    public boolean isWaitForResult() {
        return waitForResult;
    }

    /** Wait (without holding a thread) for a queued job to finish before the exchange continues. */
    public void setWaitForResult(boolean waitForResult) {
        this.waitForResult = waitForResult;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    /** The longest pause between two fetch calls while waiting. */
    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getMinPollInterval() {
        return minPollInterval;
    }

    /** The shortest pause between two fetch calls. */
    public void setMinPollInterval(long minPollInterval) {
        this.minPollInterval = minPollInterval;
    }

    public long getMaxWait() {
        return maxWait;
    }

    /** How long to wait for a queued job in total. */
    public void setMaxWait(long maxWait) {
        this.maxWait = maxWait;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /** How long one HTTP call may take. */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public String getStaging() {
        return staging;
    }

    /** How an input image given as content reaches the API. */
    public void setStaging(String staging) {
        this.staging = staging == null ? null : SdStaging.fromOption(staging).option();
    }

    /** The strategy in force: the option, else s3 when a staging endpoint is configured, else none. */
    public SdStaging staging() {
        if (staging != null) {
            return SdStaging.fromOption(staging);
        }
        return stagingUri != null ? SdStaging.S3 : SdStaging.NONE;
    }

    public String getStagingUri() {
        return stagingUri;
    }

    /** The Camel AWS2 S3 endpoint that stages images for staging=s3. */
    public void setStagingUri(String stagingUri) {
        this.stagingUri = stagingUri;
    }

    public String getStagingKeyPrefix() {
        return stagingKeyPrefix;
    }

    /** Key prefix of staged objects in the bucket. */
    public void setStagingKeyPrefix(String stagingKeyPrefix) {
        this.stagingKeyPrefix = stagingKeyPrefix;
    }

    public long getStagingUrlTtl() {
        return stagingUrlTtl;
    }

    /** How long the presigned URL of a staged image stays valid. */
    public void setStagingUrlTtl(long stagingUrlTtl) {
        this.stagingUrlTtl = stagingUrlTtl;
    }

    public boolean isKeepStagedImages() {
        return keepStagedImages;
    }

    /** Keep staged objects when the job ends. */
    public void setKeepStagedImages(boolean keepStagedImages) {
        this.keepStagedImages = keepStagedImages;
    }

    public long getMaxImageSize() {
        return maxImageSize;
    }

    /** The largest input image (bytes) the component accepts as content. */
    public void setMaxImageSize(long maxImageSize) {
        this.maxImageSize = maxImageSize;
    }

    public String getUploadPath() {
        return uploadPath;
    }

    /** Path of the API's upload call for staging=api-hosted. */
    public void setUploadPath(String uploadPath) {
        this.uploadPath = uploadPath;
    }

    public SdOutputFormat getOutputFormat() {
        return outputFormat;
    }

    /** What the body of a finished job holds. */
    public void setOutputFormat(SdOutputFormat outputFormat) {
        this.outputFormat = outputFormat;
    }

    public long getMaxDownloadSize() {
        return maxDownloadSize;
    }

    /** The largest output image (bytes) the component downloads. */
    public void setMaxDownloadSize(long maxDownloadSize) {
        this.maxDownloadSize = maxDownloadSize;
    }

    public boolean isFailOnNsfw() {
        return failOnNsfw;
    }

    /** Fail with SdNsfwContentException when the API flagged NSFW content. */
    public void setFailOnNsfw(boolean failOnNsfw) {
        this.failOnNsfw = failOnNsfw;
    }

    public int getMaxConcurrentJobs() {
        return maxConcurrentJobs;
    }

    /** How many jobs of one API key may be at the API at once. */
    public void setMaxConcurrentJobs(int maxConcurrentJobs) {
        this.maxConcurrentJobs = maxConcurrentJobs;
    }

    public int getMaxPendingJobs() {
        return maxPendingJobs;
    }

    /** How many jobs of one API key may wait in the component for a free slot. */
    public void setMaxPendingJobs(int maxPendingJobs) {
        this.maxPendingJobs = maxPendingJobs;
    }

    public String getModelId() {
        return modelId;
    }

    /** The model id. */
    public void setModelId(String modelId) {
        this.modelId = modelId;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    /** Items you do not want in the image. */
    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    public Integer getWidth() {
        return width;
    }

    /** Image width in pixels: a multiple of 8, at most 1024 (API default 512). */
    public void setWidth(Integer width) {
        this.width = width;
    }

    public Integer getHeight() {
        return height;
    }

    /** Image height in pixels: a multiple of 8, at most 1024 (API default 512). */
    public void setHeight(Integer height) {
        this.height = height;
    }

    public Integer getSamples() {
        return samples;
    }

    /** Number of images per request, 1 to 4 (API default 1). */
    public void setSamples(Integer samples) {
        this.samples = samples;
    }

    public Integer getNumInferenceSteps() {
        return numInferenceSteps;
    }

    /** Denoising steps: 1 to 50 on seed-era endpoints, at most 20 on the v6 realtime endpoints. */
    public void setNumInferenceSteps(Integer numInferenceSteps) {
        this.numInferenceSteps = numInferenceSteps;
    }

    public Double getGuidanceScale() {
        return guidanceScale;
    }

    /** Classifier-free guidance scale, 1 to 20. */
    public void setGuidanceScale(Double guidanceScale) {
        this.guidanceScale = guidanceScale;
    }

    public Long getSeed() {
        return seed;
    }

    /** Seed for reproducible images; unset or -1 means random. */
    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public String getScheduler() {
        return scheduler;
    }

    /** Scheduler, for example DPMSolverMultistepScheduler or UniPCMultistepScheduler. */
    public void setScheduler(String scheduler) {
        this.scheduler = scheduler;
    }

    public Boolean getSafetyChecker() {
        return safetyChecker;
    }

    /** Whether the NSFW safety checker runs (NSFW images are replaced by blank ones). */
    public void setSafetyChecker(Boolean safetyChecker) {
        this.safetyChecker = safetyChecker;
    }

    public String getSafetyCheckerType() {
        return safetyCheckerType;
    }

    /** How the safety checker hides an NSFW image: black, blur, sensitive_content_text or pixelate. */
    public void setSafetyCheckerType(String safetyCheckerType) {
        this.safetyCheckerType = safetyCheckerType;
    }

    public Boolean getEnhancePrompt() {
        return enhancePrompt;
    }

    /** Let the API enhance the prompt. */
    public void setEnhancePrompt(Boolean enhancePrompt) {
        this.enhancePrompt = enhancePrompt;
    }

    public Boolean getMultiLingual() {
        return multiLingual;
    }

    /** Translate a non-English prompt before generating. */
    public void setMultiLingual(Boolean multiLingual) {
        this.multiLingual = multiLingual;
    }

    public Boolean getPanorama() {
        return panorama;
    }

    /** Generate a panorama. */
    public void setPanorama(Boolean panorama) {
        this.panorama = panorama;
    }

    public Boolean getSelfAttention() {
        return selfAttention;
    }

    /** Use self-attention guidance. */
    public void setSelfAttention(Boolean selfAttention) {
        this.selfAttention = selfAttention;
    }

    public Boolean getUpscale() {
        return upscale;
    }

    /** Upscale the output. */
    public void setUpscale(Boolean upscale) {
        this.upscale = upscale;
    }

    public Boolean getHighresFix() {
        return highresFix;
    }

    /** Apply the high-resolution fix. */
    public void setHighresFix(Boolean highresFix) {
        this.highresFix = highresFix;
    }

    public Integer getClipSkip() {
        return clipSkip;
    }

    /** CLIP layers to skip, 1 to 8. */
    public void setClipSkip(Integer clipSkip) {
        this.clipSkip = clipSkip;
    }

    public String getLoraModel() {
        return loraModel;
    }

    /** LoRA model ids, comma separated. */
    public void setLoraModel(String loraModel) {
        this.loraModel = loraModel;
    }

    public String getLoraStrength() {
        return loraStrength;
    }

    /** LoRA strengths (0 to 1), comma separated, one per LoRA model. */
    public void setLoraStrength(String loraStrength) {
        this.loraStrength = loraStrength;
    }

    public String getEmbeddingsModel() {
        return embeddingsModel;
    }

    /** Embeddings model id. */
    public void setEmbeddingsModel(String embeddingsModel) {
        this.embeddingsModel = embeddingsModel;
    }

    public String getVae() {
        return vae;
    }

    /** VAE to use. */
    public void setVae(String vae) {
        this.vae = vae;
    }

    public Boolean getUseKarrasSigmas() {
        return useKarrasSigmas;
    }

    /** Use Karras sigmas. */
    public void setUseKarrasSigmas(Boolean useKarrasSigmas) {
        this.useKarrasSigmas = useKarrasSigmas;
    }

    public Boolean getTomesd() {
        return tomesd;
    }

    /** Token merging, for faster generation. */
    public void setTomesd(Boolean tomesd) {
        this.tomesd = tomesd;
    }

    public Boolean getBase64() {
        return base64;
    }

    /** Ask the API for base64 output instead of URLs (and allow base64 input images). */
    public void setBase64(Boolean base64) {
        this.base64 = base64;
    }

    public Boolean getTemp() {
        return temp;
    }

    /** Store the output on temporary links. */
    public void setTemp(Boolean temp) {
        this.temp = temp;
    }

    public Boolean getInstantResponse() {
        return instantResponse;
    }

    /** Queue the request at once and answer processing (v6 realtime). */
    public void setInstantResponse(Boolean instantResponse) {
        this.instantResponse = instantResponse;
    }

    public Double getStrength() {
        return strength;
    }

    /** img2img and inpaint: how much the initial image changes, 0 to 1. */
    public void setStrength(Double strength) {
        this.strength = strength;
    }

    public String getWebhook() {
        return webhook;
    }

    /** URL the API calls (POST) when the job completes. */
    public void setWebhook(String webhook) {
        this.webhook = webhook;
    }

    public String getTrackId() {
        return trackId;
    }

    /** Id the API returns in the webhook call. */
    public void setTrackId(String trackId) {
        this.trackId = trackId;
    }
}
