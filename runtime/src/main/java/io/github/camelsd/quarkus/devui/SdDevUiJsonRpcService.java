package io.github.camelsd.quarkus.devui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelsd.component.SdComponent;
import io.github.camelsd.component.SdConfiguration;
import io.github.camelsd.component.SdConstants;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

/**
 * The Dev UI card's JSON-RPC methods (dev mode only). Everything it shows comes from the application's own
 * CamelContext: the sd component's configuration, never its API key, and images rendered through the same
 * {@code sd:text2img} endpoint a route would use, against whatever API the application is configured for (the Dev
 * Services emulator unless a base URL is set).
 */
public class SdDevUiJsonRpcService {

    /** One image, downloaded at once: the API's links can be temporary, and the page shows it as a data URL. */
    static final String TEXT2IMG = "sd:text2img?samples=1&outputFormat=bytes";

    @Inject
    CamelContext context;
    @Inject
    ProducerTemplate template;
    @Inject
    SdDevUiJobs jobs;

    /** Where the sd component sends its calls, and the jobs in flight. */
    public Map<String, Object> getStatus() {
        SdConfiguration configuration = context.getComponent("sd", SdComponent.class).getConfiguration();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("baseUrl", configuration.getBaseUrl());
        status.put("apiVersion", configuration.getApiVersion());
        status.put("jobsInFlight", jobs.inFlight());
        return status;
    }

    /**
     * Renders {@code prompt} with sd:text2img. The Dev UI answers the call when the returned stage completes, so no
     * Dev UI thread waits for the job; a failure answers with the exception's message, which the component builds
     * from the API's answer only, never from the request or the key.
     */
    public CompletionStage<Map<String, Object>> text2img(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("the prompt is empty");
        }
        return template.asyncSend(TEXT2IMG, exchange -> exchange.getMessage().setBody(prompt.strip()))
                .thenCompose(exchange -> exchange.getException() == null
                        ? CompletableFuture.completedFuture(image(exchange.getMessage()))
                        : CompletableFuture.failedFuture(exchange.getException()));
    }

    private static Map<String, Object> image(Message message) {
        byte[] bytes = message.getBody(byte[].class);
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("dataUrl", "data:" + mediaType(bytes) + ";base64," + Base64.getEncoder().encodeToString(bytes));
        image.put("jobId", message.getHeader(SdConstants.JOB_ID));
        image.put("seed", message.getHeader(SdConstants.SEED));
        image.put("generationTime", message.getHeader(SdConstants.GENERATION_TIME));
        return image;
    }

    /** The image's media type from its first bytes (PNG, JPEG, GIF); the API's default, PNG, otherwise. */
    private static String mediaType(byte[] bytes) {
        try {
            String guessed = URLConnection.guessContentTypeFromStream(new ByteArrayInputStream(bytes));
            return guessed != null ? guessed : "image/png";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
