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
    @UriParam(label = "common", defaultValue = "https://stablediffusionapi.com",
              description = "Where the API is: https://stablediffusionapi.com (seed era), https://modelslab.com (current), an enterprise server, or a local emulator.")
    private String baseUrl = "https://stablediffusionapi.com";
    @UriParam(label = "common", defaultValue = "v3", enums = "v3,v6,enterprise",
              description = "Which generation of the API's paths: v3 (the 2023 docs: /api/v3, /api/v4/dreambooth, /api/v5), v6 (the current docs), or enterprise (a dedicated server at baseUrl, with its enterprise key: /api/v1/enterprise/...; generations there need modelId, operations without an enterprise path keep their v3 path, and the server's own operations such as system-details exist there only). With or without modelId it picks each operation's path, and so its family's fetch, limits and wire form of flags (yes/no on the 2023 and enterprise paths and on ControlNet, JSON booleans on the other v6 paths).")
    private SdApiVersion apiVersion = SdApiVersion.v3;
    @UriParam(label = "advanced",
              description = "Path of this operation below baseUrl, replacing the API family's default (for example /api/v1/enterprise/text2img). A fetch path takes the job id in place of {id}, or in the body as request_id when it has no {id}. For sd:webhook: the path it receives callbacks on (default /sd/webhook).")
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

    // ---- jobs that outlive an instance ----
    @UriParam(label = "producer,advanced",
              description = "Where the id of each job the API accepted is recorded, under its message's correlation key (header CamelSdCorrelationKey, else the header correlationKeyHeader names), before the exchange waits. A message that comes again with that key (a redelivery, another instance after a crash, a restart) resumes the accepted job instead of paying for a new one. Any Camel StateRepository on a store that outlives the instance (#bean reference); without one, only a redelivery of the same exchange resumes.")
    private org.apache.camel.spi.StateRepository<String, String> jobStateRepository;
    @UriParam(label = "producer,advanced",
              description = "The header that holds a message's correlation key when CamelSdCorrelationKey is absent: for example kafka.KEY, the record key of a Kafka message.")
    private String correlationKeyHeader;

    @UriParam(label = "producer", enums = "text2img,img2img,inpaint,controlnet,super-resolution,text2video",
              description = "sd:fetch: the operation that created the job, when the message does not carry the CamelSdFetchPath header its result left: selects that operation's fetch (the community one with modelId).")
    private String jobOperation;

    @UriParam(label = "training", description = "fine-tune-status, cancel-training, delete-training: the training (else header CamelSdTrainingId, else the body).")
    private String trainingId;
    @UriParam(label = "training", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The pause between two status calls while a training is waited for (trainings take tens of minutes).")
    private long trainingPollInterval = 60000;
    @UriParam(label = "training", defaultValue = "10800000", javaType = "java.time.Duration",
              description = "How long to wait for a training to reach model_ready before failing with SdWaitTimeoutException (which carries the training id): 3 hours by default.")
    private long trainingMaxWait = 10800000;

    // ---- request fields ----
    @UriParam(label = "generation", description = "The model id. On text2img, img2img, inpaint and text2video it selects the community (Dreambooth) model paths; required by controlnet, model-reload, v6 text2video (cogvideox or wanx) and every enterprise generation (a model loaded on the server); the upscaler of super-resolution; the model of load-model, verify-model and delete-model.")
    private String modelId;
    @UriParam(label = "generation", description = "Items you do not want in the image.")
    private String negativePrompt;
    @UriParam(label = "generation", defaultValue = "512", description = "Image width in pixels: a multiple of 8, at most 1024 (API default 512).")
    private Integer width;
    @UriParam(label = "generation", defaultValue = "512", description = "Image height in pixels: a multiple of 8, at most 1024 (API default 512).")
    private Integer height;
    @UriParam(label = "generation", defaultValue = "1", description = "Number of images per request, 1 to 4 (API default 1).")
    private Integer samples;
    @UriParam(label = "generation", description = "Denoising steps: 1 to 50 (v3 stock, ControlNet, video), 1 to 51 (v4 community: the docs list 21, 31, 41, 51), 1 to 50 (v6 community: the API caps above 20, default 31), at most 20 (v6 realtime).")
    private Integer numInferenceSteps;
    @UriParam(label = "generation", description = "Classifier-free guidance scale, 1 to 20.")
    private Double guidanceScale;
    @UriParam(label = "generation", description = "Seed for reproducible images; unset or -1 means random.")
    private Long seed;
    @UriParam(label = "generation", enums = "DDPMScheduler,DDIMScheduler,PNDMScheduler,LMSDiscreteScheduler,EulerDiscreteScheduler,EulerAncestralDiscreteScheduler,DPMSolverMultistepScheduler,HeunDiscreteScheduler,KDPM2DiscreteScheduler,DPMSolverSinglestepScheduler,KDPM2AncestralDiscreteScheduler,UniPCMultistepScheduler,DDIMInverseScheduler,DEISMultistepScheduler,IPNDMScheduler,KarrasVeScheduler,ScoreSdeVeScheduler,LCMScheduler", description = "Scheduler: one of the names the community and ControlNet docs list (the examples use UniPCMultistepScheduler).")
    private String scheduler;
    @UriParam(label = "generation", description = "Whether the NSFW safety checker runs (NSFW images are replaced by blank ones).")
    private Boolean safetyChecker;
    @UriParam(label = "generation", defaultValue = "sensitive_content_text", enums = "black,blur,sensitive_content_text,pixelate", description = "How the safety checker hides an NSFW image: black, blur, sensitive_content_text or pixelate (API default sensitive_content_text).")
    private String safetyCheckerType;
    @UriParam(label = "generation", description = "Let the API enhance the prompt.")
    private Boolean enhancePrompt;
    @UriParam(label = "generation", defaultValue = "false", description = "Translate a non-English prompt before generating (API default no).")
    private Boolean multiLingual;
    @UriParam(label = "generation", defaultValue = "false", description = "Generate a panorama (API default no).")
    private Boolean panorama;
    @UriParam(label = "generation", defaultValue = "false", description = "Use self-attention guidance (API default no).")
    private Boolean selfAttention;
    @UriParam(label = "community", defaultValue = "no", enums = "no,yes,false,true,1,2,3", description = "Upscale the output: yes/no, or on the 2023 (v3) paths a factor 1, 2 or 3 (API default no).")
    private String upscale;
    @UriParam(label = "community", defaultValue = "false", description = "Apply the high-resolution fix (API default no).")
    private Boolean highresFix;
    @UriParam(label = "community", description = "CLIP layers to skip, 1 to 8.")
    private Integer clipSkip;
    @UriParam(label = "community", description = "LoRA model ids, comma separated.")
    private String loraModel;
    @UriParam(label = "community", description = "LoRA strengths (0 to 1), comma separated, one per LoRA model.")
    private String loraStrength;
    @UriParam(label = "community", description = "Embeddings model id.")
    private String embeddingsModel;
    @UriParam(label = "community", description = "VAE to use.")
    private String vae;
    @UriParam(label = "community", defaultValue = "true", description = "Use Karras sigmas (API default yes).")
    private Boolean useKarrasSigmas;
    @UriParam(label = "community", defaultValue = "true", description = "Token merging, for faster generation (API default yes).")
    private Boolean tomesd;
    @UriParam(label = "generation", defaultValue = "false", description = "Ask the API for base64 output instead of URLs (and allow base64 input images; API default no).")
    private Boolean base64;
    @UriParam(label = "generation", defaultValue = "false", description = "Store the output on temporary links (API default no).")
    private Boolean temp;
    @UriParam(label = "generation", description = "Queue the request at once and answer processing (v6 realtime).")
    private Boolean instantResponse;
    @UriParam(label = "generation", description = "img2img and inpaint: how much the initial image changes, 0 to 1.")
    private Double strength;
    @UriParam(label = "generation", description = "URL the API calls (POST) when the job completes, or auto: the component then sends the URL of its sd:webhook consumer (webhookUrl) with a per-job token and a track_id, and the waiting exchange completes from the callback, polling only as a fallback every webhookPollInterval; with waitForResult=false the sd:webhook route receives the result.")
    private String webhook;
    @UriParam(label = "generation", description = "Id the API returns in the webhook call.")
    private String trackId;

    // ---- webhooks ----
    @UriParam(label = "webhook",
              description = "The public URL of this application's sd:webhook consumer, which the API calls back with webhook=auto (for example https://app.example.com/sd/callback; the API wants HTTPS). Default: the address of an sd:webhook consumer of this component on the embedded server, which only a server on the same network reaches (an emulator, an enterprise server).")
    private String webhookUrl;
    @UriParam(label = "security", secret = true,
              description = "The key that signs and checks the per-job tokens of callback URLs (HMAC-SHA256). Give every instance the same one so that a callback is accepted whichever instance it reaches, also after a restart. Default: a random key per start of the component.")
    private String webhookSecret;
    @UriParam(label = "webhook", defaultValue = "60000", javaType = "java.time.Duration",
              description = "With webhook=auto, the pause between the fallback fetch calls of a job whose callback has not come (webhooks may be late or lost); trainings use the longer of this and trainingPollInterval.")
    private long webhookPollInterval = 60000;
    @UriParam(label = "consumer,webhook", defaultValue = "auto", enums = "auto,platform-http,embedded",
              description = "What serves sd:webhook: platform-http (the application's HTTP server, on Quarkus camel-quarkus-platform-http), embedded (the JDK's built-in HTTP server on webhookHost and webhookPort), or auto (platform-http when the application has it, else embedded).")
    private String webhookServer = "auto";
    @UriParam(label = "consumer,webhook", defaultValue = "0.0.0.0",
              description = "The address the embedded webhook server listens on.")
    private String webhookHost = "0.0.0.0";
    @UriParam(label = "consumer,webhook", defaultValue = "0",
              description = "The port of the embedded webhook server; 0 takes a free port (logged, and used for webhook=auto without webhookUrl).")
    private int webhookPort;
    @UriParam(label = "consumer,webhook", defaultValue = "16777216",
              description = "The largest callback body (bytes) sd:webhook accepts; a larger one is answered 413 and never becomes an exchange.")
    private long webhookMaxBodySize = 16L * 1024 * 1024;

    @UriParam(label = "community", defaultValue = "none", enums = "none,dpmsolver+++", description = "Algorithm of the DPMSolverMultistepScheduler (API default none); the other value is dpmsolver with three plus signs, which Camel's catalog cannot write in a description (its enum has it).")
    private String algorithmType;
    @UriParam(label = "community", description = "A style the API adds to the prompt (v6), one of its documented style names.")
    private String enhanceStyle;
    @UriParam(label = "community", enums = "ip-adapter_sdxl,ip-adapter_sd15,ip-adapter-plus-face_sd15,ip-adapter-plus_sdxl_vit-h,ip-adapter-plus-face_sdxl_vit-h", description = "IP adapter: ip-adapter_sdxl, ip-adapter_sd15, ip-adapter-plus-face_sd15, ip-adapter-plus_sdxl_vit-h or ip-adapter-plus-face_sdxl_vit-h.")
    private String ipAdapterId;
    @UriParam(label = "community", description = "How strongly the IP adapter image steers the result, 0 to 1.")
    private Double ipAdapterScale;
    @UriParam(label = "community", description = "The IP adapter's reference image: a public URL (content is staged like init_image).")
    private String ipAdapterImage;
    @UriParam(label = "controlnet", description = "ControlNet model id, or several comma separated for multi-ControlNet: canny, depth, hed, mlsd, normal, openpose, scribble, segmentation, aesthetic-controlnet, inpaint, softedge, lineart, shuffle, tile, face_detector, qrcode (FluxDev adds blur, pose, gray, low_quality).")
    private String controlnetModel;
    @UriParam(label = "controlnet", description = "The ControlNet type (one id, for example canny).")
    private String controlnetType;
    @UriParam(label = "controlnet", description = "The control image: a public URL (content is staged like init_image).")
    private String controlImage;
    @UriParam(label = "controlnet", defaultValue = "true", description = "Derive the hint image from init_image automatically (API default yes).")
    private Boolean autoHint;
    @UriParam(label = "controlnet", defaultValue = "false", description = "Let ControlNet guess the content (API default no; use it without a prompt).")
    private Boolean guessMode;
    @UriParam(label = "controlnet", description = "How strongly the control image conditions the result, 0.1 to 5.")
    private Double controlnetConditioningScale;
    @UriParam(label = "upscaling", description = "super-resolution: the upscaling factor, 1 to 4 as the upscaler allows (v6 API default 3).")
    private Integer scale;
    @UriParam(label = "upscaling", description = "super-resolution: also restore faces (sent as a JSON boolean, as documented).")
    private Boolean faceEnhance;
    @UriParam(label = "video", description = "text2video (v5): length of the video in seconds.")
    private Integer seconds;
    @UriParam(label = "video", description = "text2video (v6): number of frames, at most 25 (API default 16 in the prose, 25 in the OpenAPI).")
    private Integer numFrames;
    @UriParam(label = "video", description = "text2video (v6): frames per second, at most 16.")
    private Integer fps;
    @UriParam(label = "video", defaultValue = "gif", enums = "mp4,gif", description = "text2video (v6): mp4 or gif (API default gif).")
    private String outputType;
    @UriParam(label = "video", description = "text2video (v6): height of the upscaled video, at most 1024.")
    private Integer upscaleHeight;
    @UriParam(label = "video", description = "text2video (v6): width of the upscaled video, at most 1024.")
    private Integer upscaleWidth;
    @UriParam(label = "video", description = "text2video (v6): strength of the upscaling pass, 0 to 1.")
    private Double upscaleStrength;
    @UriParam(label = "video", description = "text2video (v6): guidance scale of the upscaling pass.")
    private Double upscaleGuidanceScale;
    @UriParam(label = "video", description = "text2video (v6): denoising steps of the upscaling pass, 1 to 50.")
    private Integer upscaleNumInferenceSteps;
    @UriParam(label = "video", description = "text2video (v6): use improved sampling.")
    private Boolean useImprovedSampling;
    @UriParam(label = "video", description = "text2video (v6): seed of the improved sampling.")
    private Long improvedSamplingSeed;

    @UriParam(label = "editing", description = "removebg-mask, outpaint: the input image, a public URL or base64 (content is staged like init_image).")
    private String image;
    @UriParam(label = "editing", description = "removebg-mask: refine the edges with alpha matting.")
    private Boolean alphaMatting;
    @UriParam(label = "editing", description = "removebg-mask: post-process the mask.")
    private Boolean postProcessMask;
    @UriParam(label = "editing", description = "removebg-mask: answer the mask only.")
    private Boolean onlyMask;
    @UriParam(label = "editing", description = "removebg-mask: invert the mask.")
    private Boolean inverseMask;
    @UriParam(label = "editing", defaultValue = "240", description = "removebg-mask: foreground threshold of the alpha matting, 0 to 240 (API default 240).")
    private Integer alphaMattingForegroundThreshold;
    @UriParam(label = "editing", defaultValue = "20", description = "removebg-mask: background threshold of the alpha matting, 0 to 20 (API default 20).")
    private Integer alphaMattingBackgroundThreshold;
    @UriParam(label = "editing", defaultValue = "5", description = "removebg-mask: erode size of the alpha matting, 0 to 5 (API default 5).")
    private Integer alphaMattingErodeSize;
    @UriParam(label = "editing", defaultValue = "10", description = "outpaint: overlap between the image and the new area, at most 42 (API default 10).")
    private Integer overlapWidth;
    @UriParam(label = "editing", defaultValue = "normal", enums = "short,normal,long", description = "caption: short, normal or long (API default normal).")
    private String length;
    @UriParam(label = "editing", description = "face-gen, head-shot, flux-headshot: the face, a public URL (content is staged like init_image).")
    private String faceImage;
    @UriParam(label = "editing", defaultValue = "1", description = "face-gen, head-shot: how closely the face is kept, 0 to 2 (API default 1).")
    private Double sScale;
    @UriParam(label = "editing", defaultValue = "realistic", enums = "comic,chibi,3d,anime,realistic", description = "face-gen: comic, chibi, 3d, anime or realistic (API default realistic).")
    private String style;
    @UriParam(label = "editing", description = "fashion: the garment, a public URL (content is staged like init_image).")
    private String clothImage;
    @UriParam(label = "editing", enums = "upper_body,lower_body,dresses", description = "fashion: upper_body, lower_body or dresses.")
    private String clothType;
    @UriParam(label = "editing", description = "mask-creator: the object to mask, in words.")
    private String specificObject;
    @UriParam(label = "editing", description = "img-mixer: denoising steps, 1 to 50 (its name for num_inference_steps).")
    private Integer steps;
    @UriParam(label = "training", description = "fine-tune, lora-fine-tune: the prompt naming the subject, for example photo of adhik person.")
    private String instancePrompt;
    @UriParam(label = "training", description = "fine-tune, lora-fine-tune: the prompt of the subject's class, for example photo of a person.")
    private String classPrompt;
    @UriParam(label = "training", description = "fine-tune: the model the training starts from.")
    private String baseModelId;
    @UriParam(label = "training", description = "fine-tune, lora-fine-tune: the training images, comma separated public URLs (a List of URLs or content in the body; content is staged like init_image).")
    private String images;
    @UriParam(label = "training", enums = "men,female,women,couple", description = "fine-tune: men, female or couple; lora-fine-tune: men, women or couple (each page's own word: the other one is rejected before sending, naming the field).")
    private String trainingType;
    @UriParam(label = "training", description = "fine-tune: training steps, about 2 per image, at most 2000; lora-fine-tune: 10 to 50.")
    private Integer maxTrainSteps;
    @UriParam(label = "training", defaultValue = "sdxl", enums = "normal,sdxl", description = "lora-fine-tune: normal or sdxl (API default sdxl).")
    private String baseModelType;
    @UriParam(label = "training", enums = "lora,lycoris", description = "lora-fine-tune: lora or lycoris.")
    private String loraType;
    @UriParam(label = "training", description = "load-model: where the model is: a Hugging Face repository, or a ckpt or safetensors link.")
    private String url;
    @UriParam(label = "training", enums = "diffusers,safetensors,ckpt", description = "load-model: diffusers, safetensors or ckpt.")
    private String modelFormat;
    @UriParam(label = "training", enums = "fp16,fp32", description = "load-model: fp16 or fp32.")
    private String revision;
    @UriParam(label = "training", description = "load-model: the model's category.")
    private String modelCategory;
    @UriParam(label = "training", enums = "private,public", description = "load-model: private or public.")
    private String modelVisibility;
    @UriParam(label = "training", description = "load-model: the model's display name.")
    private String modelName;
    @UriParam(label = "training", description = "load-model: a preview image of the model (URL).")
    private String modelImage;
    @UriParam(label = "training", description = "load-model: also upload the model to Hugging Face.")
    private Boolean hfUpload;
    @UriParam(label = "training", description = "load-model: load even if a model of that id exists.")
    private Boolean forceLoad;
    @UriParam(label = "training", description = "load-model: upcast attention (for some SD 2.x models).")
    private Boolean upcastAttention;
    @UriParam(label = "utility", description = "nsfw-image-check: the score from which an image counts as NSFW, 0 to 1.")
    private Double threshold;

    @UriParam(label = "community", description = "img2img with flux-kontext-dev (v6): a second input image, a public URL (content is staged like init_image).")
    private String initImage2;
    @UriParam(label = "community", defaultValue = "2.5", description = "img2img with flux-kontext-dev (v6): guidance, 0 to 20 (API default 2.5).")
    private Double guidance;
    @UriParam(label = "training,security", secret = true,
              description = "lora-fine-tune: a Weights and Biases API key to log the training to. A secret: masked like the API key.")
    private String wandbKey;

    // ---- enterprise dedicated server (apiVersion=enterprise) ----
    @UriParam(label = "enterprise", defaultValue = "false", description = "Enterprise generations: let the load balancer of a plan with more than one server pick the server (sent as yes/no; API default no). Give the first server's baseUrl and key.")
    private Boolean loadbalancer;
    @UriParam(label = "enterprise", enums = "huggingface,api_trained,custom_ckpt,lora,embeddings,controlnet",
              description = "Enterprise load-model (required there): what kind of model url points at.")
    private String modelType;
    @UriParam(label = "enterprise", description = "Enterprise load-model: the model at url is a safetensors file (sent as yes/no).")
    private Boolean fromSafetensors;
    @UriParam(label = "enterprise", description = "Enterprise load-vae (required there): the id to load the VAE under.")
    private String vaeId;
    @UriParam(label = "enterprise", description = "Enterprise load-vae (required there): where the VAE is, a Hugging Face repository or a link.")
    private String vaeUrl;
    @UriParam(label = "enterprise", enums = "diffusers,safetensors,pt", description = "Enterprise load-vae: the VAE's format.")
    private String vaeType;
    @UriParam(label = "enterprise,security", secret = true,
              description = "Enterprise sync-models (required there): the enterprise key of the server whose models are copied to this one. A secret: masked like the API key.")
    private String syncKey;

    private static final SdConfigurationConfigurer OPTIONS = new SdConfigurationConfigurer();

    /** A copy for an endpoint, so its options do not change the component's. */
    public SdConfiguration copy() {
        try {
            return (SdConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * The request fields set as options, keyed by field: the lowest layer of every request. A field's option is the
     * option named like its API field in camel case ({@code lora_model}: {@code loraModel}), read through the generated
     * configurer, so a new field needs no line here.
     */
    public Map<SdField, Object> requestDefaults() {
        Map<SdField, Object> defaults = new EnumMap<>(SdField.class);
        for (SdField field : SdField.values()) {
            Object value = OPTIONS.getOptionValue(this, field.optionName(), false);
            if (value != null) {
                defaults.put(field, value);
            }
        }
        return defaults;
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

    public org.apache.camel.spi.StateRepository<String, String> getJobStateRepository() {
        return jobStateRepository;
    }

    /** Where the id of each accepted job is recorded under its message's correlation key. */
    public void setJobStateRepository(org.apache.camel.spi.StateRepository<String, String> jobStateRepository) {
        this.jobStateRepository = jobStateRepository;
    }

    public String getCorrelationKeyHeader() {
        return correlationKeyHeader;
    }

    /** The header that holds a message's correlation key when CamelSdCorrelationKey is absent. */
    public void setCorrelationKeyHeader(String correlationKeyHeader) {
        this.correlationKeyHeader = correlationKeyHeader;
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

    public String getUpscale() {
        return upscale;
    }

    /** Upscale the output. */
    public void setUpscale(String upscale) {
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

    public String getWebhookUrl() {
        return webhookUrl;
    }

    /** The public URL of this application's sd:webhook consumer, which the API calls back with webhook=auto. */
    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /** The key that signs and checks the per-job tokens of callback URLs. */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public long getWebhookPollInterval() {
        return webhookPollInterval;
    }

    /** With webhook=auto, the pause between the fallback fetch calls of a job whose callback has not come. */
    public void setWebhookPollInterval(long webhookPollInterval) {
        this.webhookPollInterval = webhookPollInterval;
    }

    public String getWebhookServer() {
        return webhookServer;
    }

    /** What serves sd:webhook: platform-http, embedded or auto. */
    public void setWebhookServer(String webhookServer) {
        this.webhookServer = webhookServer;
    }

    public String getWebhookHost() {
        return webhookHost;
    }

    /** The address the embedded webhook server listens on. */
    public void setWebhookHost(String webhookHost) {
        this.webhookHost = webhookHost;
    }

    public int getWebhookPort() {
        return webhookPort;
    }

    /** The port of the embedded webhook server; 0 takes a free port. */
    public void setWebhookPort(int webhookPort) {
        this.webhookPort = webhookPort;
    }

    public long getWebhookMaxBodySize() {
        return webhookMaxBodySize;
    }

    /** The largest callback body (bytes) sd:webhook accepts. */
    public void setWebhookMaxBodySize(long webhookMaxBodySize) {
        this.webhookMaxBodySize = webhookMaxBodySize;
    }

    public String getAlgorithmType() {
        return algorithmType;
    }

    /** Algorithm of the DPMSolverMultistepScheduler: none or dpmsolver+++. */
    public void setAlgorithmType(String algorithmType) {
        this.algorithmType = algorithmType;
    }
    public String getEnhanceStyle() {
        return enhanceStyle;
    }

    /** A style the API adds to the prompt (v6), one of its documented style names. */
    public void setEnhanceStyle(String enhanceStyle) {
        this.enhanceStyle = enhanceStyle;
    }
    public String getIpAdapterId() {
        return ipAdapterId;
    }

    /** IP adapter: ip-adapter_sdxl, ip-adapter_sd15, ip-adapter-plus-face_sd15, ip-adapter-plus_sdxl_vit-h or ip-adapter-plus-face_sdxl_vit-h. */
    public void setIpAdapterId(String ipAdapterId) {
        this.ipAdapterId = ipAdapterId;
    }
    public Double getIpAdapterScale() {
        return ipAdapterScale;
    }

    /** How strongly the IP adapter image steers the result, 0 to 1. */
    public void setIpAdapterScale(Double ipAdapterScale) {
        this.ipAdapterScale = ipAdapterScale;
    }
    public String getIpAdapterImage() {
        return ipAdapterImage;
    }

    /** The IP adapter's reference image: a public URL (content is staged like init_image). */
    public void setIpAdapterImage(String ipAdapterImage) {
        this.ipAdapterImage = ipAdapterImage;
    }
    public String getControlnetModel() {
        return controlnetModel;
    }

    /** ControlNet model id, or several comma separated for multi-ControlNet: canny, depth, hed, mlsd, normal, openpose, scribble, segmentation, aesthetic-controlnet, inpaint, softedge, lineart, shuffle, tile, face_detector, qrcode (FluxDev adds blur, pose, gray, low_quality). */
    public void setControlnetModel(String controlnetModel) {
        this.controlnetModel = controlnetModel;
    }
    public String getControlnetType() {
        return controlnetType;
    }

    /** The ControlNet type (one id, for example canny). */
    public void setControlnetType(String controlnetType) {
        this.controlnetType = controlnetType;
    }
    public String getControlImage() {
        return controlImage;
    }

    /** The control image: a public URL (content is staged like init_image). */
    public void setControlImage(String controlImage) {
        this.controlImage = controlImage;
    }
    public Boolean getAutoHint() {
        return autoHint;
    }

    /** Derive the hint image from init_image automatically (API default yes). */
    public void setAutoHint(Boolean autoHint) {
        this.autoHint = autoHint;
    }
    public Boolean getGuessMode() {
        return guessMode;
    }

    /** Let ControlNet guess the content (API default no; use it without a prompt). */
    public void setGuessMode(Boolean guessMode) {
        this.guessMode = guessMode;
    }
    public Double getControlnetConditioningScale() {
        return controlnetConditioningScale;
    }

    /** How strongly the control image conditions the result, 0.1 to 5. */
    public void setControlnetConditioningScale(Double controlnetConditioningScale) {
        this.controlnetConditioningScale = controlnetConditioningScale;
    }
    public Integer getScale() {
        return scale;
    }

    /** super-resolution: the upscaling factor, 1 to 4 as the upscaler allows (v6 API default 3). */
    public void setScale(Integer scale) {
        this.scale = scale;
    }
    public Boolean getFaceEnhance() {
        return faceEnhance;
    }

    /** super-resolution: also restore faces (sent as a JSON boolean, as documented). */
    public void setFaceEnhance(Boolean faceEnhance) {
        this.faceEnhance = faceEnhance;
    }
    public Integer getSeconds() {
        return seconds;
    }

    /** text2video (v5): length of the video in seconds. */
    public void setSeconds(Integer seconds) {
        this.seconds = seconds;
    }
    public Integer getNumFrames() {
        return numFrames;
    }

    /** text2video (v6): number of frames, at most 25 (API default 16 in the prose, 25 in the OpenAPI). */
    public void setNumFrames(Integer numFrames) {
        this.numFrames = numFrames;
    }
    public Integer getFps() {
        return fps;
    }

    /** text2video (v6): frames per second, at most 16. */
    public void setFps(Integer fps) {
        this.fps = fps;
    }
    public String getOutputType() {
        return outputType;
    }

    /** text2video (v6): mp4 or gif (API default gif). */
    public void setOutputType(String outputType) {
        this.outputType = outputType;
    }
    public Integer getUpscaleHeight() {
        return upscaleHeight;
    }

    /** text2video (v6): height of the upscaled video, at most 1024. */
    public void setUpscaleHeight(Integer upscaleHeight) {
        this.upscaleHeight = upscaleHeight;
    }
    public Integer getUpscaleWidth() {
        return upscaleWidth;
    }

    /** text2video (v6): width of the upscaled video, at most 1024. */
    public void setUpscaleWidth(Integer upscaleWidth) {
        this.upscaleWidth = upscaleWidth;
    }
    public Double getUpscaleStrength() {
        return upscaleStrength;
    }

    /** text2video (v6): strength of the upscaling pass, 0 to 1. */
    public void setUpscaleStrength(Double upscaleStrength) {
        this.upscaleStrength = upscaleStrength;
    }
    public Double getUpscaleGuidanceScale() {
        return upscaleGuidanceScale;
    }

    /** text2video (v6): guidance scale of the upscaling pass. */
    public void setUpscaleGuidanceScale(Double upscaleGuidanceScale) {
        this.upscaleGuidanceScale = upscaleGuidanceScale;
    }
    public Integer getUpscaleNumInferenceSteps() {
        return upscaleNumInferenceSteps;
    }

    /** text2video (v6): denoising steps of the upscaling pass, 1 to 50. */
    public void setUpscaleNumInferenceSteps(Integer upscaleNumInferenceSteps) {
        this.upscaleNumInferenceSteps = upscaleNumInferenceSteps;
    }
    public Boolean getUseImprovedSampling() {
        return useImprovedSampling;
    }

    /** text2video (v6): use improved sampling. */
    public void setUseImprovedSampling(Boolean useImprovedSampling) {
        this.useImprovedSampling = useImprovedSampling;
    }
    public Long getImprovedSamplingSeed() {
        return improvedSamplingSeed;
    }

    /** text2video (v6): seed of the improved sampling. */
    public void setImprovedSamplingSeed(Long improvedSamplingSeed) {
        this.improvedSamplingSeed = improvedSamplingSeed;
    }

    public String getJobOperation() {
        return jobOperation;
    }

    /** sd:fetch: the operation that created the job (selects its family's fetch). */
    public void setJobOperation(String jobOperation) {
        this.jobOperation = jobOperation;
    }

    public String getImage() {
        return image;
    }

    /** removebg-mask, outpaint: the input image, a public URL or base64 (content is staged like init_image). */
    public void setImage(String image) {
        this.image = image;
    }
    public Boolean getAlphaMatting() {
        return alphaMatting;
    }

    /** removebg-mask: refine the edges with alpha matting. */
    public void setAlphaMatting(Boolean alphaMatting) {
        this.alphaMatting = alphaMatting;
    }
    public Boolean getPostProcessMask() {
        return postProcessMask;
    }

    /** removebg-mask: post-process the mask. */
    public void setPostProcessMask(Boolean postProcessMask) {
        this.postProcessMask = postProcessMask;
    }
    public Boolean getOnlyMask() {
        return onlyMask;
    }

    /** removebg-mask: answer the mask only. */
    public void setOnlyMask(Boolean onlyMask) {
        this.onlyMask = onlyMask;
    }
    public Boolean getInverseMask() {
        return inverseMask;
    }

    /** removebg-mask: invert the mask. */
    public void setInverseMask(Boolean inverseMask) {
        this.inverseMask = inverseMask;
    }
    public Integer getAlphaMattingForegroundThreshold() {
        return alphaMattingForegroundThreshold;
    }

    /** removebg-mask: foreground threshold of the alpha matting, 0 to 240 (API default 240). */
    public void setAlphaMattingForegroundThreshold(Integer alphaMattingForegroundThreshold) {
        this.alphaMattingForegroundThreshold = alphaMattingForegroundThreshold;
    }
    public Integer getAlphaMattingBackgroundThreshold() {
        return alphaMattingBackgroundThreshold;
    }

    /** removebg-mask: background threshold of the alpha matting, 0 to 20 (API default 20). */
    public void setAlphaMattingBackgroundThreshold(Integer alphaMattingBackgroundThreshold) {
        this.alphaMattingBackgroundThreshold = alphaMattingBackgroundThreshold;
    }
    public Integer getAlphaMattingErodeSize() {
        return alphaMattingErodeSize;
    }

    /** removebg-mask: erode size of the alpha matting, 0 to 5 (API default 5). */
    public void setAlphaMattingErodeSize(Integer alphaMattingErodeSize) {
        this.alphaMattingErodeSize = alphaMattingErodeSize;
    }
    public Integer getOverlapWidth() {
        return overlapWidth;
    }

    /** outpaint: overlap between the image and the new area, at most 42 (API default 10). */
    public void setOverlapWidth(Integer overlapWidth) {
        this.overlapWidth = overlapWidth;
    }
    public String getLength() {
        return length;
    }

    /** caption: short, normal or long (API default normal). */
    public void setLength(String length) {
        this.length = length;
    }
    public String getFaceImage() {
        return faceImage;
    }

    /** face-gen, head-shot, flux-headshot: the face, a public URL (content is staged like init_image). */
    public void setFaceImage(String faceImage) {
        this.faceImage = faceImage;
    }
    public Double getSScale() {
        return sScale;
    }

    /** face-gen, head-shot: how closely the face is kept, 0 to 2 (API default 1). */
    public void setSScale(Double sScale) {
        this.sScale = sScale;
    }
    public String getStyle() {
        return style;
    }

    /** face-gen: comic, chibi, 3d, anime or realistic (API default realistic). */
    public void setStyle(String style) {
        this.style = style;
    }
    public String getClothImage() {
        return clothImage;
    }

    /** fashion: the garment, a public URL (content is staged like init_image). */
    public void setClothImage(String clothImage) {
        this.clothImage = clothImage;
    }
    public String getClothType() {
        return clothType;
    }

    /** fashion: upper_body, lower_body or dresses. */
    public void setClothType(String clothType) {
        this.clothType = clothType;
    }
    public String getSpecificObject() {
        return specificObject;
    }

    /** mask-creator: the object to mask, in words. */
    public void setSpecificObject(String specificObject) {
        this.specificObject = specificObject;
    }
    public Integer getSteps() {
        return steps;
    }

    /** img-mixer: denoising steps, 1 to 50 (its name for num_inference_steps). */
    public void setSteps(Integer steps) {
        this.steps = steps;
    }
    public String getInstancePrompt() {
        return instancePrompt;
    }

    /** fine-tune, lora-fine-tune: the prompt naming the subject, for example photo of adhik person. */
    public void setInstancePrompt(String instancePrompt) {
        this.instancePrompt = instancePrompt;
    }
    public String getClassPrompt() {
        return classPrompt;
    }

    /** fine-tune, lora-fine-tune: the prompt of the subject's class, for example photo of a person. */
    public void setClassPrompt(String classPrompt) {
        this.classPrompt = classPrompt;
    }
    public String getBaseModelId() {
        return baseModelId;
    }

    /** fine-tune: the model the training starts from. */
    public void setBaseModelId(String baseModelId) {
        this.baseModelId = baseModelId;
    }
    public String getImages() {
        return images;
    }

    /** fine-tune, lora-fine-tune: the training images, comma separated public URLs (a List of URLs or content in the body; content is staged like init_image). */
    public void setImages(String images) {
        this.images = images;
    }
    public String getTrainingType() {
        return trainingType;
    }

    /** fine-tune: men, female or couple; lora-fine-tune: men, women or couple (each page's own word). */
    public void setTrainingType(String trainingType) {
        this.trainingType = trainingType;
    }
    public Integer getMaxTrainSteps() {
        return maxTrainSteps;
    }

    /** fine-tune: training steps, about 2 per image, at most 2000; lora-fine-tune: 10 to 50. */
    public void setMaxTrainSteps(Integer maxTrainSteps) {
        this.maxTrainSteps = maxTrainSteps;
    }
    public String getBaseModelType() {
        return baseModelType;
    }

    /** lora-fine-tune: normal or sdxl (API default sdxl). */
    public void setBaseModelType(String baseModelType) {
        this.baseModelType = baseModelType;
    }
    public String getLoraType() {
        return loraType;
    }

    /** lora-fine-tune: lora or lycoris. */
    public void setLoraType(String loraType) {
        this.loraType = loraType;
    }
    public String getUrl() {
        return url;
    }

    /** load-model: where the model is: a Hugging Face repository, or a ckpt or safetensors link. */
    public void setUrl(String url) {
        this.url = url;
    }
    public String getModelFormat() {
        return modelFormat;
    }

    /** load-model: diffusers, safetensors or ckpt. */
    public void setModelFormat(String modelFormat) {
        this.modelFormat = modelFormat;
    }
    public String getRevision() {
        return revision;
    }

    /** load-model: fp16 or fp32. */
    public void setRevision(String revision) {
        this.revision = revision;
    }
    public String getModelCategory() {
        return modelCategory;
    }

    /** load-model: the model's category. */
    public void setModelCategory(String modelCategory) {
        this.modelCategory = modelCategory;
    }
    public String getModelVisibility() {
        return modelVisibility;
    }

    /** load-model: private or public. */
    public void setModelVisibility(String modelVisibility) {
        this.modelVisibility = modelVisibility;
    }
    public String getModelName() {
        return modelName;
    }

    /** load-model: the model's display name. */
    public void setModelName(String modelName) {
        this.modelName = modelName;
    }
    public String getModelImage() {
        return modelImage;
    }

    /** load-model: a preview image of the model (URL). */
    public void setModelImage(String modelImage) {
        this.modelImage = modelImage;
    }
    public Boolean getHfUpload() {
        return hfUpload;
    }

    /** load-model: also upload the model to Hugging Face. */
    public void setHfUpload(Boolean hfUpload) {
        this.hfUpload = hfUpload;
    }
    public Boolean getForceLoad() {
        return forceLoad;
    }

    /** load-model: load even if a model of that id exists. */
    public void setForceLoad(Boolean forceLoad) {
        this.forceLoad = forceLoad;
    }
    public Boolean getUpcastAttention() {
        return upcastAttention;
    }

    /** load-model: upcast attention (for some SD 2.x models). */
    public void setUpcastAttention(Boolean upcastAttention) {
        this.upcastAttention = upcastAttention;
    }
    public Double getThreshold() {
        return threshold;
    }

    /** nsfw-image-check: the score from which an image counts as NSFW, 0 to 1. */
    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public String getTrainingId() {
        return trainingId;
    }

    /** fine-tune-status, cancel-training, delete-training: the training. */
    public void setTrainingId(String trainingId) {
        this.trainingId = trainingId;
    }

    public long getTrainingPollInterval() {
        return trainingPollInterval;
    }

    /** The pause between two status calls while a training is waited for. */
    public void setTrainingPollInterval(long trainingPollInterval) {
        this.trainingPollInterval = trainingPollInterval;
    }

    public long getTrainingMaxWait() {
        return trainingMaxWait;
    }

    /** How long to wait for a training to reach model_ready. */
    public void setTrainingMaxWait(long trainingMaxWait) {
        this.trainingMaxWait = trainingMaxWait;
    }

    public String getInitImage2() {
        return initImage2;
    }

    /** img2img with flux-kontext-dev (v6): a second input image, a public URL (content is staged like init_image). */
    public void setInitImage2(String initImage2) {
        this.initImage2 = initImage2;
    }
    public Double getGuidance() {
        return guidance;
    }

    /** img2img with flux-kontext-dev (v6): guidance, 0 to 20 (API default 2.5). */
    public void setGuidance(Double guidance) {
        this.guidance = guidance;
    }
    public String getWandbKey() {
        return wandbKey;
    }

    /** lora-fine-tune: a Weights and Biases API key to log the training to. A secret: masked like the API key. */
    public void setWandbKey(String wandbKey) {
        this.wandbKey = wandbKey;
    }

    public Boolean getLoadbalancer() {
        return loadbalancer;
    }

    /** Enterprise generations: let the load balancer pick the server. */
    public void setLoadbalancer(Boolean loadbalancer) {
        this.loadbalancer = loadbalancer;
    }

    public String getModelType() {
        return modelType;
    }

    /** Enterprise load-model: what kind of model url points at. */
    public void setModelType(String modelType) {
        this.modelType = modelType;
    }

    public Boolean getFromSafetensors() {
        return fromSafetensors;
    }

    /** Enterprise load-model: the model at url is a safetensors file. */
    public void setFromSafetensors(Boolean fromSafetensors) {
        this.fromSafetensors = fromSafetensors;
    }

    public String getVaeId() {
        return vaeId;
    }

    /** Enterprise load-vae: the id to load the VAE under. */
    public void setVaeId(String vaeId) {
        this.vaeId = vaeId;
    }

    public String getVaeUrl() {
        return vaeUrl;
    }

    /** Enterprise load-vae: where the VAE is. */
    public void setVaeUrl(String vaeUrl) {
        this.vaeUrl = vaeUrl;
    }

    public String getVaeType() {
        return vaeType;
    }

    /** Enterprise load-vae: the VAE's format. */
    public void setVaeType(String vaeType) {
        this.vaeType = vaeType;
    }

    public String getSyncKey() {
        return syncKey;
    }

    /** Enterprise sync-models: the key of the server whose models are copied. A secret. */
    public void setSyncKey(String syncKey) {
        this.syncKey = syncKey;
    }
}
