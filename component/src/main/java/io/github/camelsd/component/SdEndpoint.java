package io.github.camelsd.component;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Generate images with the hosted Stable Diffusion API (stablediffusionapi.com / ModelsLab).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "sd", title = "Stable Diffusion", syntax = "sd:operation",
             category = { Category.AI }, headersClass = SdConstants.class)
public class SdEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    // what each operation requires, as SdOperation says (SdComponentDocsTest keeps the two in step): designers show
    // this as the operation's help, the catalog cannot make an option required for some operations only
    @UriPath(label = "common", enums = SdOperation.NAMES,
             description = "The API operation. What each one requires (API field names: the option of that name in"
                           + " camel case, else the body or the header; prompt: CamelSdPrompt, init_image:"
                           + " CamelSdInitImage, mask_image: CamelSdMaskImage), checked before anything is sent:"
                           + " text2img: prompt (enterprise: prompt, model_id); img2img: prompt, init_image (enterprise:"
                           + " prompt, init_image, model_id); inpaint: prompt, init_image, mask_image (enterprise:"
                           + " prompt, init_image, mask_image, model_id); controlnet: init_image, model_id;"
                           + " super-resolution, caption, nsfw-image-check: init_image; text2video: prompt (v6,"
                           + " enterprise: prompt, model_id); removebg-mask, outpaint: image; object-removal:"
                           + " init_image, mask_image; mask-creator: specific_object; face-gen, head-shot,"
                           + " flux-headshot: prompt, face_image; fashion: init_image, cloth_image, cloth_type;"
                           + " img-mixer, qwen-edit: prompt, init_image; edit-inpaint: prompt, init_image, mask_image;"
                           + " fine-tune: instance_prompt, class_prompt, base_model_id, images, max_train_steps;"
                           + " lora-fine-tune: instance_prompt, class_prompt, images, training_type, max_train_steps;"
                           + " load-model: url, model_id, model_format, model_category, model_visibility, model_name"
                           + " (enterprise: url, model_id, model_type); model-reload, verify-model, delete-model:"
                           + " model_id; nsfw-prompt-check: prompt; load-vae: vae_id, vae_url; sync-models: sync_key."
                           + " fetch needs the job id, fine-tune-status, cancel-training and delete-training the"
                           + " training id.")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private SdConfiguration configuration;

    private static final String ID = "{id}";

    private SdOperation resolvedOperation;
    private volatile SdWebhookTokens webhookTokens;
    /** Each route's address, parsed once: every call of the endpoint asks, and its options do not change. */
    private final Map<SdOperation.Route, URI> operationUris = new ConcurrentHashMap<>();

    public SdEndpoint(String uri, SdComponent component, SdConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public SdComponent getComponent() {
        return (SdComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (resolvedOperation.kind() == SdOperation.Kind.WEBHOOK) {
            throw new IllegalStateException("sd:webhook only receives the API's callbacks: use it in from(...), and"
                                            + " webhook=auto on the producers whose jobs it completes");
        }
        return new SdProducer(this);
    }

    /**
     * Two operations consume: {@code webhook} receives the API's callbacks, {@code fine-tune-status} watches trainings
     * and emits their stage changes.
     */
    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        org.apache.camel.support.DefaultConsumer consumer;
        if (resolvedOperation.kind() == SdOperation.Kind.WEBHOOK) {
            consumer = new SdWebhookConsumer(this, processor);
        } else if (resolvedOperation == SdOperation.FINE_TUNE_STATUS) {
            consumer = new SdTrainingConsumer(this, processor);
        } else {
            throw new IllegalStateException("sd:" + resolvedOperation.uriName() + " only sends requests: use it in"
                                            + " to(...); from(...) takes sd:webhook (the API's callbacks) and"
                                            + " sd:fine-tune-status (watches trainings)");
        }
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * The tokens of this endpoint's callback URLs: under its webhookSecret (its own, or the component's it was copied
     * from), else under the component's random secret. Worked out once: every webhook=auto call and callback asks.
     */
    SdWebhookTokens webhookTokens() {
        SdWebhookTokens tokens = webhookTokens;
        if (tokens == null) { // two threads may both work it out: they get equal tokens
            tokens = configuration.getWebhookSecret() != null
                    ? new SdWebhookTokens(configuration.getWebhookSecret()) : getComponent().webhookTokens();
            webhookTokens = tokens;
        }
        return tokens;
    }

    public String getOperation() {
        return operation;
    }

    /** The API operation. */
    public void setOperation(String operation) {
        this.resolvedOperation = SdOperation.fromUriName(operation);
        this.operation = resolvedOperation.uriName();
    }

    public SdOperation operation() {
        return resolvedOperation;
    }

    public SdConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SdConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Where this endpoint's operation is called on {@code route}: the {@code path} option, else the route's path. */
    URI operationUri(SdOperation.Route route) {
        URI uri = operationUris.get(route);
        if (uri == null) {
            uri = uri(operationPath(route));
            operationUris.put(route, uri);
        }
        return uri;
    }

    /** The same for a path that names what it concerns, {@code {id}} (a training's calls): replaced by {@code id}. */
    URI operationUri(SdOperation.Route route, String id) {
        return uri(operationPath(route).replace(ID, URLEncoder.encode(id, StandardCharsets.UTF_8)));
    }

    /** Whether the operation's path takes an id. */
    boolean pathTakesId(SdOperation.Route route) {
        return operationPath(route).contains(ID);
    }

    private String operationPath(SdOperation.Route route) {
        return configuration.getPath() != null ? configuration.getPath() : route.path();
    }

    /**
     * The API's upload that staging=api-hosted calls: base64_to_url on v6, base64_crop on the 2023 paths, upload_image on
     * an enterprise server (whose key the hosted paths refuse).
     */
    SdOperation uploadOperation() {
        return switch (configuration.getApiVersion()) {
            case v6 -> SdOperation.BASE64_TO_URL;
            case enterprise -> SdOperation.UPLOAD_IMAGE;
            default -> SdOperation.BASE64_CROP;
        };
    }

    /** Where staging=api-hosted uploads image content. */
    URI uploadUri() {
        return uri(configuration.getUploadPath() != null ? configuration.getUploadPath()
                : uploadOperation().route(configuration.getApiVersion(), false).path());
    }

    /**
     * The fetch path template of jobs created on {@code route}: the {@code fetchPath} option, else the family's fetch
     * (what the docs say is right for the operation, whatever the answer's {@code fetch_result} names).
     */
    String fetchTemplate(SdOperation.Route route) {
        return configuration.getFetchPath() != null ? configuration.getFetchPath() : route.family().fetchPath();
    }

    /**
     * sd:fetch: the path template of the job it reads. The header the producer left on the job's message, else the
     * {@code path} option, else the fetch of the {@code jobOperation} that created the job (community with
     * {@code modelId}), else the stock model's fetch.
     */
    String fetchTemplateOf(org.apache.camel.Message message) {
        String left = message.getHeader(SdConstants.FETCH_PATH, String.class);
        if (left != null && !left.isBlank()) {
            return left;
        }
        if (configuration.getPath() != null) {
            return configuration.getPath();
        }
        boolean withModel = configuration.getModelId() != null || message.getHeader(SdConstants.MODEL_ID) != null;
        if (configuration.getJobOperation() != null) {
            SdOperation creator = SdOperation.fromUriName(configuration.getJobOperation());
            String path = creator.route(configuration.getApiVersion(), withModel).family().fetchPath();
            if (path != null) {
                return path;
            }
        }
        return resolvedOperation.route(configuration.getApiVersion(), withModel).path();
    }

    /** The path that reads a training's stage ({@code {id}}: the training id): the {@code path} option, else the row's. */
    String statusTemplate(SdOperation status) {
        return resolvedOperation == status && configuration.getPath() != null ? configuration.getPath()
                : status.route(configuration.getApiVersion(), false).path();
    }

    /** The fetch call for a job: the id goes into the path's {@code {id}}, else into the body as {@code request_id}. */
    FetchCall fetchCall(String template, String jobId) {
        return fetchCall(template, jobId, "request_id");
    }

    /** The same, with the id in the body as {@code bodyField} when the path has no {@code {id}}. */
    FetchCall fetchCall(String template, String id, String bodyField) {
        boolean idInPath = template.contains("{id}");
        URI uri = uri(idInPath ? template.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8)) : template);
        return new FetchCall(uri, idInPath ? Map.of() : Map.of(bodyField, id));
    }

    /** A fetch call's address and the fields it adds to the key-only body. */
    record FetchCall(URI uri, Map<String, Object> bodyFields) {
    }

    private URI uri(String path) {
        String base = configuration.getBaseUrl();
        String joined = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                        + (path.startsWith("/") ? path : "/" + path);
        return URI.create(joined);
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
