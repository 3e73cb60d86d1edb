package io.github.camelsd.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsd.component.error.SdGenerationFailedException;
import io.github.camelsd.component.error.SdValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.component.SdOperationsTest.download;
import static io.github.camelsd.component.SdOperationsTest.lastRequest;
import static io.github.camelsd.component.SdOperationsTest.outputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model training, image editing and the utility calls, over HTTP against the emulator. */
class SdTrainingEditingTest extends SdEmulatorTestSupport {

    private static final String TRAIN = "sd:fine-tune?instancePrompt=photo of adhik person"
                                        + "&classPrompt=photo of a person&baseModelId=sdxl&maxTrainSteps=6"
                                        + "&trainingPollInterval=20";

    @AfterEach
    void noTrainingClock() {
        emulator.setTrainingTime(Duration.ZERO);
    }

    /** The last training request (not a status call, whose path starts alike). */
    private static Map<String, Object> trainingRequest() {
        List<io.github.camelsd.emulator.RecordedRequest> starts = emulator.requests().stream()
                .filter(r -> r.path().equals("/api/v3/fine_tune")).toList();
        assertFalse(starts.isEmpty(), "no training request among " + emulator.requests());
        return starts.get(starts.size() - 1).body();
    }

    private String image() {
        return outputs(send("sd:text2img?width=64&height=64", "a face")).get(0);
    }

    @Test
    void aTrainingIsWaitedForUntilItsModelIsReadyAndThenGeneratesOnTheCommunityPath() {
        emulator.setTrainingTime(Duration.ofMillis(350));
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.getManagementStrategy().addEventNotifier(new org.apache.camel.support.EventNotifierSupport() {
            @Override
            public void notify(org.apache.camel.spi.CamelEvent event) {
                if (event instanceof SdTrainingStageEvent stage) {
                    events.add(stage.getStage());
                }
            }
        });
        String face = image();
        Exchange trained = send(TRAIN, Map.of("images", List.of(face, face, face), "max_train_steps", "6"));
        assertEquals(List.of(face, face, face), trainingRequest().get("images"));
        assertNull(trained.getException(), () -> "failed: " + trained.getException());
        String modelId = trained.getMessage().getBody(String.class);
        assertEquals("model_ready", trained.getMessage().getHeader(SdConstants.TRAINING_STAGE));
        assertEquals(modelId, trained.getMessage().getHeader(SdConstants.TRAINING_ID));
        assertTrue(emulator.requestCount("/api/v3/fine_tune_status/" + modelId) >= 1, "waited through the status call");
        assertEquals("deploying_gpu", events.get(0), "every stage seen is an event: " + events);
        assertEquals("model_ready", events.get(events.size() - 1), "every stage seen is an event: " + events);
        assertEquals(events.size(), new java.util.HashSet<>(events).size(), "each stage once: " + events);

        assertEquals(1, outputs(send("sd:text2img?modelId=" + modelId, "adhik on a beach")).size());
        assertEquals(modelId, lastRequest("/api/v4/dreambooth").body().get("model_id"));
    }

    @Test
    void aTrainingCanBeHandedBackReadCancelledListedAndDeleted() {
        emulator.setTrainingTime(Duration.ofMinutes(20));
        String face = image();
        Exchange started = send(TRAIN + "&waitForResult=false", Map.of("images", face));
        assertNull(started.getException(), () -> "failed: " + started.getException());
        String id = started.getMessage().getBody(String.class);
        assertEquals("deploying_gpu", started.getMessage().getHeader(SdConstants.TRAINING_STAGE));

        emulator.advanceTraining(id);
        Exchange stage = template.send("sd:fine-tune-status?waitForResult=false",
                e -> e.getMessage().setHeader(SdConstants.TRAINING_ID, id));
        assertNull(stage.getException(), () -> "failed: " + stage.getException());
        assertEquals("training_started", stage.getMessage().getHeader(SdConstants.TRAINING_STAGE));

        Exchange list = send("sd:fine-tune-list", null);
        assertTrue(list.getMessage().getBody(Map.class).toString().contains(id), list.getMessage().getBody().toString());

        Exchange cancelled = send("sd:cancel-training?trainingId=" + id, null);
        assertNull(cancelled.getException(), () -> "failed: " + cancelled.getException());
        assertEquals(1, emulator.requestCount("/api/v3/cancel_training/" + id), "the OpenAPI path");
        failure(send("sd:fine-tune-status?trainingId=" + id, null), SdGenerationFailedException.class);

        assertNull(send("sd:delete-training", Map.of("training_id", id)).getException());
        assertEquals(1, emulator.requestCount("/api/v3/delete/" + id));
        String other = send(TRAIN + "&waitForResult=false", Map.of("images", face)).getMessage().getBody(String.class);
        Exchange prose = send("sd:delete-training?path=/api/v3/finetune/delete/{id}&trainingId=" + other, null);
        assertNull(prose.getException(), () -> "the prose's path, through the path option: " + prose.getException());
        assertEquals(1, emulator.requestCount("/api/v3/finetune/delete/" + other));
    }

    @Test
    void aConsumerEmitsOneExchangePerStageChangeUntilTheModelIsReady() throws Exception {
        emulator.setTrainingTime(Duration.ofMinutes(20)); // stages move only when the test says so
        String face = image();
        String id = send(TRAIN + "&waitForResult=false", Map.of("images", face)).getMessage().getBody(String.class);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.BlockingQueue<String> changes = new java.util.concurrent.LinkedBlockingQueue<>();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("sd:fine-tune-status?trainingId=" + id + "&trainingPollInterval=20")
                        .process(e -> changes.add(e.getMessage().getHeader(SdConstants.TRAINING_STAGE, String.class)));
            }
        });
        java.util.List<String> order = List.of("deploying_gpu", "training_started", "training_success",
                "trained_model_compressing", "trained_model_uploading", "trained_model_uploaded", "deploying_model",
                "model_ready");
        for (int step = 0; step < order.size(); step++) {
            String stage = changes.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            seen.add(String.valueOf(stage));
            assertEquals(order.get(step), stage, "stage changes seen so far: " + seen);
            if (step < order.size() - 1) {
                emulator.advanceTraining(id);
            }
        }
        // the training ended: no more exchanges for it (a few more polls go by while the queue stays empty)
        assertNull(changes.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS), "after model_ready: " + seen);
    }

    @Test
    void withoutATrainingIdTheConsumerWatchesEveryTrainingOfTheAccount() throws Exception {
        emulator.setTrainingTime(Duration.ofMinutes(20));
        String face = image();
        String first = send(TRAIN + "&waitForResult=false", Map.of("images", face)).getMessage().getBody(String.class);
        String second = send(TRAIN + "&waitForResult=false", Map.of("images", face)).getMessage().getBody(String.class);
        java.util.Set<String> ready = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.CountDownLatch bothReady = new java.util.concurrent.CountDownLatch(2);
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("sd:fine-tune-status?trainingPollInterval=20")
                        .filter(header(SdConstants.TRAINING_STAGE).isEqualTo("model_ready"))
                        .process(e -> {
                            if (ready.add(e.getMessage().getHeader(SdConstants.TRAINING_ID, String.class))) {
                                bothReady.countDown();
                            }
                        });
            }
        });
        emulator.completeTrainings();
        assertTrue(bothReady.await(10, java.util.concurrent.TimeUnit.SECONDS), "ready seen for " + ready);
        assertEquals(java.util.Set.of(first, second), ready);
    }

    @Test
    void trainingRequestsAreCheckedBeforeSending() {
        int before = emulator.requestCount();
        SdValidationException steps = failure(send("sd:lora-fine-tune?instancePrompt=x&classPrompt=y&maxTrainSteps=100"
                                                   + "&trainingType=men",
                Map.of("images", List.of("https://example.com/a.png"))), SdValidationException.class);
        assertTrue(steps.getFieldErrors().containsKey("max_train_steps"), steps.getMessage());
        SdValidationException type = failure(send("sd:lora-fine-tune?instancePrompt=x&classPrompt=y&trainingType=female"
                                                  + "&maxTrainSteps=20",
                Map.of("images", List.of("https://example.com/a.png"))), SdValidationException.class);
        assertTrue(type.getFieldErrors().containsKey("training_type"), "LoRA says women: " + type.getMessage());
        assertNull(failure(send(TRAIN + "&trainingType=female", Map.of("images", "not a url")),
                SdValidationException.class).getFieldErrors().get("training_type"), "Dreambooth says female");
        SdValidationException noImages = failure(send(TRAIN, null), SdValidationException.class);
        assertTrue(noImages.getFieldErrors().containsKey("images"), noImages.getMessage());
        SdValidationException badUrl = failure(send(TRAIN, Map.of("images", List.of("ftp://x/a.png"))),
                SdValidationException.class);
        assertTrue(badUrl.getFieldErrors().containsKey("images"), badUrl.getMessage());
        assertEquals(before, emulator.requestCount(), "nothing was sent");
    }

    @Test
    void trainingImagesGivenAsContentAreStagedOneByOne() throws Exception {
        byte[] png = download(image());
        Exchange started = send(TRAIN + "&waitForResult=false&staging=api-hosted", Map.of("images", List.of(png, png)));
        assertNull(started.getException(), () -> "failed: " + started.getException());
        List<?> sent = (List<?>) trainingRequest().get("images");
        assertEquals(2, sent.size());
        assertTrue(sent.stream().allMatch(url -> url.toString().startsWith("http")), "hosted links: " + sent);
        assertEquals(2, emulator.requestCount("/api/v3/base64_crop"), "one upload per image");
    }

    @Test
    void loadModelMakesAModelUsable() {
        SdValidationException incomplete = failure(send("sd:load-model?url=https://huggingface.co/acme/m&modelId=m", null),
                SdValidationException.class);
        assertTrue(incomplete.getFieldErrors().keySet().containsAll(List.of("model_format", "model_category",
                "model_visibility", "model_name")), incomplete.getMessage());
        Exchange loaded = send("sd:load-model?url=https://huggingface.co/acme/my-model&modelId=acme-model"
                               + "&modelVisibility=private&revision=fp16&modelFormat=diffusers&modelCategory=stable_diffusion"
                               + "&modelName=Acme", null);
        assertNull(loaded.getException(), () -> "failed: " + loaded.getException());
        assertInstanceOf(Map.class, loaded.getMessage().getBody());
        assertEquals(1, outputs(send("sd:text2img?modelId=acme-model", "with the loaded model")).size());
    }

    @Test
    void editingToolsTakeTheirImagesAndLimitsAndWaitOnTheEditingFetch() {
        String image = image();
        assertEquals(1, outputs(send("sd:removebg-mask?onlyMask=true", Map.of("image", image))).size());
        assertEquals(Boolean.TRUE, lastRequest("/api/v6/image_editing/removebg_mask").body().get("only_mask"),
                "editing flags are JSON booleans, whatever apiVersion says");
        SdValidationException wide = failure(send("sd:outpaint?width=1448", Map.of("image", image)),
                SdValidationException.class);
        assertTrue(wide.getMessage().contains("1440"), wide.getMessage());
        assertEquals(1, outputs(send("sd:outpaint?width=1440&height=720&overlapWidth=42", Map.of("image", image))).size());
        SdValidationException steps = failure(send("sd:face-gen?numInferenceSteps=25",
                Map.of("prompt", "a portrait", "face_image", image)), SdValidationException.class);
        assertTrue(steps.getFieldErrors().containsKey("num_inference_steps"), steps.getMessage());

        emulator.setProcessingTime(Duration.ofMillis(60));
        assertEquals(1, outputs(send("sd:img-mixer", Map.of("prompt", "both", "init_image", List.of(image, image))))
                .size());
        assertTrue(emulator.requestCount("/api/v6/image_editing/fetch/") >= 1, "waited on the editing fetch");
        assertEquals(1, outputs(send("sd:edit-inpaint", Map.of("prompt", "a pear", "init_image", image, "mask_image",
                image))).size());
        assertEquals(1, emulator.requestCount("/api/v6/image_editing/inpaint"));
        assertEquals(1, outputs(send("sd:qwen-edit", Map.of("prompt", "make it blue", "init_image", image))).size());
        assertEquals(1, outputs(send("sd:object-removal", Map.of("init_image", image, "mask_image", image))).size());
        assertEquals(1, outputs(send("sd:fashion?clothType=upper_body", Map.of("init_image", image, "cloth_image",
                image))).size());
        assertEquals(1, outputs(send("sd:mask-creator?specificObject=the cat", Map.of("init_image", image))).size());
        assertEquals(1, outputs(send("sd:head-shot?numInferenceSteps=31&width=512&height=768",
                Map.of("prompt", "a studio portrait", "face_image", image))).size());
        assertEquals(1, outputs(send("sd:flux-headshot?numInferenceSteps=26",
                Map.of("prompt", "a studio portrait", "face_image", image, "seed", 7))).size());
        assertEquals(1, outputs(send("sd:face-gen?style=anime&numInferenceSteps=21",
                Map.of("prompt", "an anime portrait", "face_image", image))).size());
    }

    @Test
    void captionGivesText() {
        String image = image();
        Exchange caption = send("sd:caption?length=short&outputFormat=bytes", Map.of("init_image", image));
        assertNull(caption.getException(), () -> "failed: " + caption.getException());
        String text = caption.getMessage().getBody(String.class);
        assertFalse(text.isBlank());
        assertFalse(text.startsWith("http"), "words, not a link: " + text);
        assertEquals("text/plain", caption.getMessage().getHeader(SdConstants.MEDIA_TYPE));
    }

    @Test
    void utilitiesHostContentAndJudgeImagesAndPrompts() throws Exception {
        byte[] png = download(image());
        Exchange hosted = send("sd:base64-to-url", png);
        assertNull(hosted.getException(), () -> "failed: " + hosted.getException());
        assertTrue(hosted.getMessage().getBody(String.class).startsWith("http"), hosted.getMessage().getBody(String.class));
        Exchange cropped = send("sd:base64-crop", png);
        assertTrue(cropped.getMessage().getBody(String.class).startsWith("http"));
        assertTrue(failure(send("sd:base64-to-url", "not an image"), SdValidationException.class).getFieldErrors()
                .containsKey("body"));

        String nsfw = outputs(send("sd:text2img?width=64&height=64&safetyChecker=false", "nsfw test image")).get(0);
        assertEquals(Boolean.TRUE, send("sd:nsfw-image-check", Map.of("init_image", nsfw)).getMessage()
                .getHeader(SdConstants.NSFW));
        assertEquals(Boolean.FALSE, send("sd:nsfw-image-check", Map.of("init_image", image())).getMessage()
                .getHeader(SdConstants.NSFW));
        Exchange prompt = send("sd:nsfw-prompt-check", "a nude figure study");
        assertEquals(Boolean.TRUE, prompt.getMessage().getHeader(SdConstants.NSFW));
        assertEquals(Boolean.FALSE, prompt.getMessage().getHeader(SdConstants.CP_DETECTED));
        assertInstanceOf(Map.class, prompt.getMessage().getBody());
    }
}
