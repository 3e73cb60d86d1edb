package io.github.camelsd.component;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A typed image request for text2img, img2img and inpaint (stock or community models): as a message body it is the
 * whole request (unset fields fall back to headers and options as usual). Fields the class does not name, such as
 * ControlNet's, super resolution's or video's, go through {@link #field(String, Object)} with their API names.
 *
 * <pre>
 * new SdImageRequest().prompt("a red fox").width(768).height(512).samples(2)
 * new SdImageRequest().prompt("two dancers").modelId("sdxl").initImage(url).field("controlnet_model", "openpose,depth")
 * </pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class SdImageRequest {

    private String prompt;
    private String negativePrompt;
    private String modelId;
    private Integer width;
    private Integer height;
    private Integer samples;
    private Integer numInferenceSteps;
    private Double guidanceScale;
    private Long seed;
    private String scheduler;
    private Boolean safetyChecker;
    private String safetyCheckerType;
    private Boolean enhancePrompt;
    private Boolean multiLingual;
    private Boolean panorama;
    private Boolean selfAttention;
    private Boolean upscale;
    private Boolean highresFix;
    private Integer clipSkip;
    private String loraModel;
    private String loraStrength;
    private String embeddingsModel;
    private String vae;
    private Boolean useKarrasSigmas;
    private Boolean tomesd;
    private Boolean base64;
    private Boolean temp;
    private Boolean instantResponse;
    private String initImage;
    private String maskImage;
    private Double strength;
    private String webhook;
    private String trackId;
    private final Map<String, Object> otherFields = new LinkedHashMap<>();

    /** Sets a field by its API name (for example {@code "ip_adapter_id"}), for fields this class does not name. */
    public SdImageRequest field(String apiName, Object value) {
        otherFields.put(apiName, value);
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> getOtherFields() {
        return otherFields;
    }

    public String getPrompt() {
        return prompt;
    }

    public SdImageRequest prompt(String prompt) {
        this.prompt = prompt;
        return this;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    public SdImageRequest negativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
        return this;
    }

    public String getModelId() {
        return modelId;
    }

    public SdImageRequest modelId(String modelId) {
        this.modelId = modelId;
        return this;
    }

    public Integer getWidth() {
        return width;
    }

    public SdImageRequest width(Integer width) {
        this.width = width;
        return this;
    }

    public Integer getHeight() {
        return height;
    }

    public SdImageRequest height(Integer height) {
        this.height = height;
        return this;
    }

    public Integer getSamples() {
        return samples;
    }

    public SdImageRequest samples(Integer samples) {
        this.samples = samples;
        return this;
    }

    public Integer getNumInferenceSteps() {
        return numInferenceSteps;
    }

    public SdImageRequest numInferenceSteps(Integer numInferenceSteps) {
        this.numInferenceSteps = numInferenceSteps;
        return this;
    }

    public Double getGuidanceScale() {
        return guidanceScale;
    }

    public SdImageRequest guidanceScale(Double guidanceScale) {
        this.guidanceScale = guidanceScale;
        return this;
    }

    public Long getSeed() {
        return seed;
    }

    public SdImageRequest seed(Long seed) {
        this.seed = seed;
        return this;
    }

    public String getScheduler() {
        return scheduler;
    }

    public SdImageRequest scheduler(String scheduler) {
        this.scheduler = scheduler;
        return this;
    }

    public Boolean getSafetyChecker() {
        return safetyChecker;
    }

    public SdImageRequest safetyChecker(Boolean safetyChecker) {
        this.safetyChecker = safetyChecker;
        return this;
    }

    public String getSafetyCheckerType() {
        return safetyCheckerType;
    }

    public SdImageRequest safetyCheckerType(String safetyCheckerType) {
        this.safetyCheckerType = safetyCheckerType;
        return this;
    }

    public Boolean getEnhancePrompt() {
        return enhancePrompt;
    }

    public SdImageRequest enhancePrompt(Boolean enhancePrompt) {
        this.enhancePrompt = enhancePrompt;
        return this;
    }

    public Boolean getMultiLingual() {
        return multiLingual;
    }

    public SdImageRequest multiLingual(Boolean multiLingual) {
        this.multiLingual = multiLingual;
        return this;
    }

    public Boolean getPanorama() {
        return panorama;
    }

    public SdImageRequest panorama(Boolean panorama) {
        this.panorama = panorama;
        return this;
    }

    public Boolean getSelfAttention() {
        return selfAttention;
    }

    public SdImageRequest selfAttention(Boolean selfAttention) {
        this.selfAttention = selfAttention;
        return this;
    }

    public Boolean getUpscale() {
        return upscale;
    }

    public SdImageRequest upscale(Boolean upscale) {
        this.upscale = upscale;
        return this;
    }

    public Boolean getHighresFix() {
        return highresFix;
    }

    public SdImageRequest highresFix(Boolean highresFix) {
        this.highresFix = highresFix;
        return this;
    }

    public Integer getClipSkip() {
        return clipSkip;
    }

    public SdImageRequest clipSkip(Integer clipSkip) {
        this.clipSkip = clipSkip;
        return this;
    }

    public String getLoraModel() {
        return loraModel;
    }

    public SdImageRequest loraModel(String loraModel) {
        this.loraModel = loraModel;
        return this;
    }

    public String getLoraStrength() {
        return loraStrength;
    }

    public SdImageRequest loraStrength(String loraStrength) {
        this.loraStrength = loraStrength;
        return this;
    }

    public String getEmbeddingsModel() {
        return embeddingsModel;
    }

    public SdImageRequest embeddingsModel(String embeddingsModel) {
        this.embeddingsModel = embeddingsModel;
        return this;
    }

    public String getVae() {
        return vae;
    }

    public SdImageRequest vae(String vae) {
        this.vae = vae;
        return this;
    }

    public Boolean getUseKarrasSigmas() {
        return useKarrasSigmas;
    }

    public SdImageRequest useKarrasSigmas(Boolean useKarrasSigmas) {
        this.useKarrasSigmas = useKarrasSigmas;
        return this;
    }

    public Boolean getTomesd() {
        return tomesd;
    }

    public SdImageRequest tomesd(Boolean tomesd) {
        this.tomesd = tomesd;
        return this;
    }

    public Boolean getBase64() {
        return base64;
    }

    public SdImageRequest base64(Boolean base64) {
        this.base64 = base64;
        return this;
    }

    public Boolean getTemp() {
        return temp;
    }

    public SdImageRequest temp(Boolean temp) {
        this.temp = temp;
        return this;
    }

    public Boolean getInstantResponse() {
        return instantResponse;
    }

    public SdImageRequest instantResponse(Boolean instantResponse) {
        this.instantResponse = instantResponse;
        return this;
    }

    public String getInitImage() {
        return initImage;
    }

    public SdImageRequest initImage(String initImage) {
        this.initImage = initImage;
        return this;
    }

    public String getMaskImage() {
        return maskImage;
    }

    public SdImageRequest maskImage(String maskImage) {
        this.maskImage = maskImage;
        return this;
    }

    public Double getStrength() {
        return strength;
    }

    public SdImageRequest strength(Double strength) {
        this.strength = strength;
        return this;
    }

    public String getWebhook() {
        return webhook;
    }

    public SdImageRequest webhook(String webhook) {
        this.webhook = webhook;
        return this;
    }

    public String getTrackId() {
        return trackId;
    }

    public SdImageRequest trackId(String trackId) {
        this.trackId = trackId;
        return this;
    }
}
