package io.github.camelsd.quarkus.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsd.component.SdConstants;
import io.github.camelsd.component.SdImage;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

/**
 * Drives the sd routes over HTTP, so the same tests run in the test JVM and against the packaged application. A failed
 * exchange's exception is rethrown as is; {@link SdFailureMapper} turns it into a JSON error.
 */
@Path("/sd")
@Produces(MediaType.APPLICATION_JSON)
public class SdResource {

    @Inject
    ProducerTemplate template;
    @Inject
    SdCallbacks callbacks;

    @POST
    @Path("/text2img")
    @Consumes(MediaType.TEXT_PLAIN)
    public Map<String, Object> text2img(String prompt) throws Exception {
        return job(send(SdRoutes.TEXT2IMG, prompt, Map.of()));
    }

    /** A whole request as JSON: the route passes it to the API as the body. */
    @POST
    @Path("/text2img")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> text2imgRequest(String request) throws Exception {
        return job(send(SdRoutes.TEXT2IMG, request, Map.of()));
    }

    @POST
    @Path("/yaml/text2img")
    @Consumes(MediaType.TEXT_PLAIN)
    public Map<String, Object> yamlText2img(String prompt) throws Exception {
        return job(send(SdRoutes.YAML_TEXT2IMG, prompt, Map.of()));
    }

    @POST
    @Path("/img2img")
    @Consumes(MediaType.TEXT_PLAIN)
    public Map<String, Object> img2img(String prompt, @QueryParam("initImage") String initImage) throws Exception {
        return job(send(SdRoutes.IMG2IMG, prompt, Map.of(SdConstants.INIT_IMAGE, initImage)));
    }

    /** A Dreambooth training on the image at {@code image}, waited for: the trained model id and its last stage. */
    @POST
    @Path("/fine-tune")
    public Map<String, Object> fineTune(@QueryParam("image") String image) throws Exception {
        Message trained = send(SdRoutes.FINE_TUNE, Map.of("images", List.of(image)), Map.of());
        return Map.of("modelId", trained.getBody(String.class),
                "stage", trained.getHeader(SdConstants.TRAINING_STAGE, String.class));
    }

    @POST
    @Path("/inpaint")
    @Consumes(MediaType.TEXT_PLAIN)
    public Map<String, Object> inpaint(String prompt, @QueryParam("initImage") String initImage,
                                       @QueryParam("maskImage") String maskImage) throws Exception {
        return job(send(SdRoutes.INPAINT, prompt,
                Map.of(SdConstants.INIT_IMAGE, initImage, SdConstants.MASK_IMAGE, maskImage)));
    }

    @POST
    @Path("/submit")
    @Consumes(MediaType.TEXT_PLAIN)
    public Map<String, Object> submit(String prompt) throws Exception {
        return job(send(SdRoutes.SUBMIT, prompt, Map.of()));
    }

    @POST
    @Path("/fetch/{jobId}")
    public Map<String, Object> fetch(@PathParam("jobId") String jobId) throws Exception {
        return job(send(SdRoutes.FETCH, jobId, Map.of()));
    }

    @POST
    @Path("/wrong-key/text2img")
    @Consumes(MediaType.TEXT_PLAIN)
    public Map<String, Object> wrongKey(String prompt) throws Exception {
        return job(send(SdRoutes.WRONG_KEY, prompt, Map.of()));
    }

    /** A job completed from its callback (webhook=auto), waited for: its images and how many polls it took. */
    @POST
    @Path("/webhook/text2img")
    @Consumes(MediaType.TEXT_PLAIN)
    public Map<String, Object> webhookText2img(String prompt) throws Exception {
        return job(send(SdRoutes.WEBHOOK_TEXT2IMG, prompt, Map.of()));
    }

    /** A job handed back at once; its callback reaches the sd:webhook route. */
    @POST
    @Path("/webhook/submit")
    @Consumes(MediaType.TEXT_PLAIN)
    public Map<String, Object> webhookSubmit(String prompt) throws Exception {
        return job(send(SdRoutes.WEBHOOK_SUBMIT, prompt, Map.of()));
    }

    /** What the sd:webhook route received for a job: 404 until its callback came. */
    @GET
    @Path("/webhook/received/{jobId}")
    public jakarta.ws.rs.core.Response received(@PathParam("jobId") String jobId) {
        Map<String, Object> received = callbacks.of(jobId);
        return received == null ? jakarta.ws.rs.core.Response.status(404).build()
                : jakarta.ws.rs.core.Response.ok(received).build();
    }

    /**
     * Runs the YAML example of an operation family ({@code examples/yaml/<family>.yaml}, route {@code direct:yaml-<family>})
     * with the given body and headers: what it answered.
     */
    @POST
    @Path("/examples/{family}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SuppressWarnings("unchecked")
    public Map<String, Object> example(@PathParam("family") String family, Map<String, Object> input) throws Exception {
        Message answer = send("direct:yaml-" + family, input.get("body"),
                (Map<String, Object>) input.getOrDefault("headers", Map.of()));
        Map<String, Object> result = job(answer);
        result.put("mediaType", answer.getHeader(SdConstants.MEDIA_TYPE));
        result.put("trainingStage", answer.getHeader(SdConstants.TRAINING_STAGE));
        if (answer.getBody() instanceof byte[] bytes) {
            result.put("bytes", bytes.length);
        } else if (answer.getBody() instanceof String text) {
            result.put("body", text);
        }
        return result;
    }

    @GET
    @Path("/system-load")
    public Map<String, Object> systemLoad() throws Exception {
        Message answer = send(SdRoutes.SYSTEM_LOAD, null, Map.of());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", answer.getHeader(SdConstants.STATUS));
        result.put("queueNum", answer.getHeader(SdConstants.QUEUE_NUM));
        result.put("queueTime", answer.getHeader(SdConstants.QUEUE_TIME));
        return result;
    }

    private Message send(String uri, Object body, Map<String, Object> headers) throws Exception {
        Exchange exchange = template.send(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new LinkedHashMap<>(headers));
        });
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange.getMessage();
    }

    /** A generation's answer: the body (image URLs, or the job id of a job handed over) and the output headers. */
    private static Map<String, Object> job(Message answer) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (answer.getBody() instanceof List<?> images) {
            result.put("images", images.stream().map(image -> ((SdImage) image).getOutput()).toList());
        }
        result.put("jobId", answer.getHeader(SdConstants.JOB_ID, String.class));
        result.put("status", answer.getHeader(SdConstants.STATUS));
        result.put("polls", answer.getHeader(SdConstants.POLLS));
        result.put("seed", answer.getHeader(SdConstants.SEED));
        result.put("generationTime", answer.getHeader(SdConstants.GENERATION_TIME));
        return result;
    }
}
