package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.camelsd.emulator.ApiClient.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model training: Dreambooth ({@code /api/v3/fine_tune}) and LoRA ({@code /api/v3/lora_fine_tune}), their stages,
 * status, webhooks, cancel and delete on both documented paths, the list, and the trained model on the community
 * paths; and {@code load_model}.
 */
class TrainingTest extends EmulatorTestSupport {

    static final String OTHER_KEY = "other-key";
    static final Duration LONG = Duration.ofHours(1);
    static final Duration WAIT = Duration.ofSeconds(5);

    @Override
    protected SdEmulator.Builder configure(SdEmulator.Builder builder) {
        return builder.apiKey(OTHER_KEY);
    }

    @Test
    void bothTrainingsStartAtTheirFirstStageWithTheirPagesAnswers() {
        emulator.setTrainingTime(LONG);
        ApiClient.Reply dreambooth = api.post("/api/v3/fine_tune", dreambooth());
        assertEquals(200, dreambooth.status());
        Map<String, Object> started = dreambooth.json();
        String id = (String) started.get("training_id");
        assertTrue(id.matches("[A-Za-z0-9]{10}"), "an id like F5jvdzGnYi: " + id);
        assertEquals(Map.of("status", "success", "messege", "deploying_gpu", "data", "it will take upto 25 minutes.",
                "training_id", id), started);

        Map<String, Object> lora = api.post("/api/v3/lora_fine_tune", lora()).json();
        assertEquals("deploying_gpu", lora.get("messege"), lora.toString());
        assertEquals("it will take upto 30 minutes.", lora.get("data"), "the LoRA page's (and OpenAPI's) answer");

        Map<String, Object> status = api.post("/api/v3/fine_tune_status/" + id, body()).json();
        assertEquals(Map.of("status", "success", "messege", "deploying_gpu", "data", "it will take upto 25 minutes"),
                status);
    }

    @Test
    void theStagesFollowInTheirDocumentedOrderOneAdvanceAtATime() {
        emulator.setTrainingTime(LONG);
        String id = start("/api/v3/fine_tune", dreambooth());
        List<String> seen = new ArrayList<>(List.of(stage(id)));
        for (int i = 1; i < Training.STAGES.size(); i++) {
            String advanced = emulator.advanceTraining(id);
            assertEquals(advanced, stage(id), "the status answers the stage the emulator reports");
            seen.add(advanced);
        }
        assertEquals(Training.STAGES, seen);
        assertEquals("model_ready", emulator.advanceTraining(id), "a ready training stays ready");

        String log = (String) status(id).get("data");
        assertEquals(List.of("it will take upto 25 minutes",
                "Step:1 Training Started, 5 Steps to go : ETA : 52 minutes",
                "Step:2 Training Done, 4 Steps to go : ETA : 43 minutes",
                "Compressing the trained model",
                "Step:3 Model Uploading, 3 Steps to go : ETA : 26 minutes",
                "Step:4 Model Uploaded, 2 Steps to go : ETA : 18 minutes",
                "Deploying the trained model",
                "Model loaded successfully"), List.of(log.split("\n")),
                "one line per stage, its ETA the time left when it began (the stages of an hour are 8.6 min apart)");
    }

    @Test
    void theStagesAlsoAdvanceWithTheClockAndTheirWebhooksComeOnTimeInOrder() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            emulator.setTrainingTime(Duration.ofMillis(700));
            long started = System.nanoTime();
            String id = start("/api/v3/lora_fine_tune", lora("webhook", hooks.url()));

            List<Map<String, Object>> received = hooks.take(Training.STAGES.size(), WAIT);
            long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertEquals(Training.STAGES, received.stream().map(hook -> hook.get("training_status")).toList(),
                    "in order: " + received);
            assertTrue(took >= 650, "the last stage comes when the training time is over, not after " + took + " ms");
            assertEquals("model_ready", stage(id));
            assertEquals(List.of(), hooks.rest(Duration.ofMillis(100)), "one webhook per stage");
        }
    }

    @Test
    void eachStageChangeIsPostedToTheWebhook() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            emulator.setTrainingTime(LONG);
            String id = start("/api/v3/fine_tune", dreambooth("webhook", hooks.url()));
            assertEquals(Map.of("status", "success", "training_status", "deploying_gpu",
                    "logs", "it will take upto 25 minutes", "model_id", id), hooks.take(WAIT),
                    "the documented payload, the training id as model_id");

            emulator.advanceTraining(id);
            Map<String, Object> second = hooks.take(WAIT);
            assertEquals("training_started", second.get("training_status"));
            assertTrue(((String) second.get("logs")).startsWith("Step:1 Training Started"), second.toString());

            assertEquals("model_ready", emulator.completeTraining(id));
            List<Map<String, Object>> rest = hooks.take(6, WAIT);
            assertEquals(Training.STAGES.subList(2, 8), rest.stream().map(hook -> hook.get("training_status"))
                    .toList(), "the skipped stages too, in order: " + rest);
            assertEquals("Model loaded successfully", rest.get(5).get("logs"));
            assertEquals(8, emulator.webhookDeliveries().size());
        }
    }

    @Test
    void aReadyTrainingIsAModelOfItsKeyOnTheCommunityPaths() {
        emulator.setTrainingTime(LONG);
        String id = start("/api/v3/fine_tune", dreambooth());
        assertEquals(Map.of("status", "error", "message", "Model id not found"),
                api.post("/api/v4/dreambooth", body("model_id", id, "prompt", "me")).json(), "not while training");

        emulator.completeTraining(id);
        ApiClient.Reply v4 = api.post("/api/v4/dreambooth", body("model_id", id, "prompt", "photo of adhik person"));
        assertEquals("success", v4.json().get("status"), v4.text());
        assertEquals(id, v4.map("meta").get("model"));
        ApiClient.Reply v6 = api.post("/api/v6/images/text2img", body("model_id", id, "prompt", "adhik person"));
        assertEquals("success", v6.json().get("status"), v6.text());
        assertEquals(200, api.get(v6.list("output").get(0)).status());
        assertEquals("success", api.post("/api/v4/dreambooth/model_reload", body("model_id", id)).json()
                .get("status"));

        Map<String, Object> other = api.post("/api/v6/images/text2img", Map.of("key", OTHER_KEY, "model_id", id,
                "prompt", "someone else's model")).json();
        assertEquals(Map.of("status", "error", "message", "Model not found: " + id), other,
                "a trained model is its account's");
        assertTrue(api.post("/api/v4/dreambooth/model_list", body()).text().indexOf(id) < 0,
                "nor is it public");
    }

    @Test
    void aLoraTrainingIsAModelToo() {
        String id = start("/api/v3/lora_fine_tune", lora()); // no training time: ready at once
        assertEquals("model_ready", stage(id));
        assertEquals("success", api.post("/api/v6/images/text2img", body("model_id", id, "prompt", "ambika0 man"))
                .json().get("status"));
    }

    @Test
    void bothCancelPathsStopATrainingWhereItIs() {
        emulator.setTrainingTime(LONG);
        for (String path : List.of("/api/v3/cancle_training/", "/api/v3/cancel_training/")) {
            String id = start("/api/v3/fine_tune", dreambooth());
            emulator.advanceTraining(id);
            ApiClient.Reply cancelled = api.post(path + id, body());
            assertEquals(200, cancelled.status(), path);
            assertEquals(Map.of("status", "success", "messege", "training cancelled", "data", id), cancelled.json());

            Map<String, Object> status = status(id);
            assertEquals("failed", status.get("status"), path + ": " + status);
            assertEquals("training_cancelled", status.get("messege"));
            assertTrue(((String) status.get("data")).endsWith("\nTraining cancelled"), status.toString());
            assertEquals("training_cancelled", emulator.advanceTraining(id), "a cancelled training stays put");
            assertEquals("training_cancelled", emulator.completeTraining(id));
            assertEquals("Model id not found", api.post("/api/v4/dreambooth", body("model_id", id, "prompt", "x"))
                    .json().get("message"), "and makes no model");
            assertEquals(200, api.post(path + id, body()).status(), "cancelling again changes nothing");
        }

        String ready = start("/api/v3/fine_tune", dreambooth());
        emulator.completeTraining(ready);
        ApiClient.Reply late = api.post("/api/v3/cancel_training/" + ready, body());
        assertEquals(400, late.status());
        assertEquals(Map.of("status", "error", "messege", "Training is already complete", "code", 400), late.json());
        assertEquals("model_ready", stage(ready));
    }

    @Test
    void bothDeletePathsForgetTheTrainingAndItsModel() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            emulator.setTrainingTime(LONG);
            for (String path : List.of("/api/v3/finetune/delete/", "/api/v3/delete/")) {
                String id = start("/api/v3/fine_tune", dreambooth("webhook", hooks.url()));
                hooks.take(WAIT); // deploying_gpu
                emulator.completeTraining(id);
                hooks.take(7, WAIT);
                assertEquals("success", api.post("/api/v4/dreambooth", body("model_id", id, "prompt", "x")).json()
                        .get("status"));

                ApiClient.Reply deleted = api.post(path + id, body());
                assertEquals(Map.of("status", "success", "messege", "model deleted", "data", id), deleted.json(),
                        path);
                assertEquals(404, api.post("/api/v3/fine_tune_status/" + id, body()).status());
                assertEquals("Model id not found", api.post("/api/v4/dreambooth", body("model_id", id, "prompt",
                        "x")).json().get("message"));
                assertEquals(404, api.post(path + id, body()).status(), "deleting again: unknown");
                assertNull(emulator.trainingStage(id));
            }

            // a training deleted while running sends no more webhooks, though its stages would have come by now
            emulator.setTrainingTime(Duration.ofMillis(700));
            String running = start("/api/v3/lora_fine_tune", lora("webhook", hooks.url()));
            api.post("/api/v3/delete/" + running, body());
            int sent = emulator.webhookDeliveries().size();
            List<Map<String, Object>> late = hooks.rest(Duration.ofMillis(1000));
            assertEquals(sent, emulator.webhookDeliveries().size(), "after the delete: " + late);
            assertThrows(IllegalArgumentException.class, () -> emulator.advanceTraining(running));
        }
    }

    @Test
    void finetuneListHasTheKeysTrainingsOldestFirst() {
        emulator.setTrainingTime(LONG);
        assertEquals(Map.of("status", "success", "messege", "model list", "data", List.of()),
                api.post("/api/v3/finetune_list", body()).json());
        String first = start("/api/v3/fine_tune", dreambooth());
        String second = start("/api/v3/lora_fine_tune", lora());
        api.post("/api/v3/fine_tune", with(dreambooth(), "key", OTHER_KEY));
        String third = start("/api/v3/fine_tune", dreambooth("seed", "7"));

        assertEquals(List.of(first, second, third), api.post("/api/v3/finetune_list", body()).list("data"));
        api.post("/api/v3/finetune/delete/" + second, body());
        assertEquals(List.of(first, third), api.post("/api/v3/finetune_list", body()).list("data"));
        assertEquals(1, api.post("/api/v3/finetune_list", Map.of("key", OTHER_KEY)).list("data").size());
    }

    @Test
    void anUnknownTrainingIsTheOpenApisNotFound() {
        Map<String, Object> notFound = Map.of("status", "error", "messege", "Training ID does not exist", "code", 404);
        for (String path : List.of("/api/v3/fine_tune_status/", "/api/v3/cancle_training/",
                "/api/v3/cancel_training/", "/api/v3/finetune/delete/", "/api/v3/delete/")) {
            ApiClient.Reply reply = api.post(path + "F5jvdzGnYi", body());
            assertEquals(404, reply.status(), path);
            assertEquals(notFound, reply.json(), path);
        }
        String id = start("/api/v3/fine_tune", dreambooth());
        assertEquals(notFound, api.post("/api/v3/fine_tune_status/" + id, Map.of("key", OTHER_KEY)).json(),
                "another account's training is as unknown");
        ApiClient.Reply badKey = api.post("/api/v3/fine_tune_status/" + id, Map.of("key", "wrong"));
        assertEquals(401, badKey.status());
        assertEquals("Invalid Api Key", badKey.json().get("message"));
    }

    @Test
    void maxTrainStepsHasEachKindsLimits() {
        assertInvalid("/api/v3/fine_tune", dreambooth("max_train_steps", "2001"),
                "The max train steps must be between 1 and 2000.");
        assertEquals("success", api.post("/api/v3/fine_tune", dreambooth("max_train_steps", 2000)).json()
                .get("status"), "a number or a string");
        assertInvalid("/api/v3/fine_tune", dreambooth("max_train_steps", null),
                "The max train steps field is required.");
        assertInvalid("/api/v3/lora_fine_tune", lora("max_train_steps", "9"),
                "The max train steps must be between 10 and 50.");
        assertInvalid("/api/v3/lora_fine_tune", lora("max_train_steps", "51"),
                "The max train steps must be between 10 and 50.");
        assertInvalid("/api/v3/lora_fine_tune", lora("max_train_steps", "many"),
                "The max train steps must be an integer.");
        for (String steps : List.of("10", "50")) {
            assertEquals("success", api.post("/api/v3/lora_fine_tune", lora("max_train_steps", steps)).json()
                    .get("status"), steps);
        }
    }

    @Test
    void trainingTypeHasEachKindsEnum() {
        assertInvalid("/api/v3/fine_tune", dreambooth("training_type", "women"),
                "The selected training type is invalid.");
        assertInvalid("/api/v3/lora_fine_tune", lora("training_type", "female"),
                "The selected training type is invalid.");
        for (String type : List.of("men", "female", "couple", "null")) {
            assertEquals("success", api.post("/api/v3/fine_tune", dreambooth("training_type", type)).json()
                    .get("status"), "Dreambooth " + type);
        }
        for (String type : List.of("men", "women", "couple", "null")) {
            assertEquals("success", api.post("/api/v3/lora_fine_tune", lora("training_type", type)).json()
                    .get("status"), "LoRA " + type);
        }
        assertEquals("success", api.post("/api/v3/lora_fine_tune", lora("training_type", null)).json()
                .get("status"), "JSON null too");
        assertInvalid("/api/v3/lora_fine_tune", lora("base_model_type", "sd3", "lora_type", "dora"),
                "The selected base model type is invalid. The selected lora type is invalid.");
    }

    @Test
    void theImagesAreRequiredListedValidAndDownloaded() {
        assertInvalid("/api/v3/fine_tune", dreambooth("images", null), "The images field is required.");
        assertInvalid("/api/v3/lora_fine_tune", lora("images", List.of()), "The images field is required.");
        assertInvalid("/api/v3/fine_tune", dreambooth("images", image("one")), "The images must be an array.");
        assertInvalid("/api/v3/fine_tune", dreambooth("images", List.of(image("one"), "not a url", "ftp://x/y.png")),
                "The images.1 must be a valid URL. The images.2 must be a valid URL.");

        int downloads = emulator.downloadCount();
        ApiClient.Reply unreachable = api.post("/api/v3/fine_tune", dreambooth("images", List.of(image("one"),
                emulator.baseUrl() + "/generations/gone-0.png")));
        assertEquals(400, unreachable.status());
        assertEquals(Map.of("status", "error", "messege", "Unable to fetch image from provided URL", "code", 400),
                unreachable.json());
        assertEquals(downloads + 2, emulator.downloadCount(), "each image is downloaded");
        assertEquals(List.of(), api.post("/api/v3/finetune_list", body()).list("data"), "no training started");
    }

    @Test
    void dreamboothNeedsAKnownBaseModelAndBothNeedTheirPrompts() {
        assertInvalid("/api/v3/fine_tune", dreambooth("base_model_id", null), "The base model id field is required.");
        ApiClient.Reply unknown = api.post("/api/v3/fine_tune", dreambooth("base_model_id", "no-such-model"));
        assertEquals(400, unknown.status());
        assertEquals(Map.of("status", "error", "messege", "Model id not found", "code", 400), unknown.json());
        assertInvalid("/api/v3/lora_fine_tune", lora("instance_prompt", "", "class_prompt", null),
                "The instance prompt field is required. The class prompt field is required.");
        assertInvalid("/api/v3/fine_tune", dreambooth("webhook", "not a url"), "The webhook must be a valid URL.");
    }

    @Test
    void loadModelMakesAModelAtOnceForItsKeyOrForAllWhenPublic() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            ApiClient.Reply loaded = api.post("/api/v3/load_model", loadModel("my-private-model", "private",
                    "webhook", hooks.url()));
            assertEquals(200, loaded.status());
            assertEquals(Map.of("status", "success", "message", "model load started"), loaded.json());
            assertEquals(Map.of("status", "success", "message", "model loaded", "model_id", "my-private-model"),
                    hooks.take(WAIT));
        }
        assertEquals("success", api.post("/api/v6/images/text2img", body("model_id", "my-private-model", "prompt",
                "a cat")).json().get("status"));
        assertEquals("Model not found: my-private-model", api.post("/api/v6/images/text2img", Map.of("key",
                OTHER_KEY, "model_id", "my-private-model", "prompt", "a cat")).json().get("message"));

        api.post("/api/v3/load_model", loadModel("my-public-model", "public"));
        assertEquals("success", api.post("/api/v4/dreambooth", Map.of("key", OTHER_KEY, "model_id",
                "my-public-model", "prompt", "a cat")).json().get("status"));
        List<?> models = ApiClient.JSON.readValue(api.post("/api/v4/dreambooth/model_list", body()).bytes(),
                List.class);
        List<Object> listed = models.stream().map(entry -> (Object) ((Map<?, ?>) entry).get("model_id")).toList();
        assertTrue(listed.contains("my-public-model") && !listed.contains("my-private-model"), listed.toString());
    }

    @Test
    void loadModelChecksItsFields() {
        ApiClient.Reply reply = api.post("/api/v3/load_model", loadModel("m", "secret", "model_format", "onnx",
                "revision", "fp8"));
        assertEquals(400, reply.status());
        assertEquals(Map.of("status", "error", "message", "model_format is invalid; model_visibility is invalid; "
                + "revision is invalid", "code", 400), reply.json());
        ApiClient.Reply missing = api.post("/api/v3/load_model", body("url", "wavymulder/Analog-Diffusion"));
        assertEquals("model_id is required; model_format is required; model_category is required; "
                + "model_visibility is required; model_name is required", missing.json().get("message"));
        assertEquals(401, api.post("/api/v3/load_model", Map.of("key", "wrong")).status());
    }

    private Map<String, Object> dreambooth(Object... overrides) {
        Map<String, Object> request = body("instance_prompt", "photo of adhik person", "class_prompt",
                "photo of person", "base_model_id", "midjourney", "images", List.of(image("one"), image("two")),
                "seed", "0", "training_type", "men", "max_train_steps", "4", "webhook", null);
        return with(request, overrides);
    }

    private Map<String, Object> lora(Object... overrides) {
        Map<String, Object> request = body("instance_prompt", "photo of ambika0 man", "class_prompt",
                "photo of a man", "base_model_type", "sdxl", "negative_prompt", "lowres, bad anatomy", "images",
                List.of(image("one"), image("two"), image("three")), "seed", "0", "training_type", "men",
                "max_train_steps", "18", "lora_type", "lora", "webhook", null);
        return with(request, overrides);
    }

    /** The OpenAPI's diffusers example, under {@code modelId}. */
    private static Map<String, Object> loadModel(String modelId, String visibility, Object... overrides) {
        return with(body("url", "diffusers/stable-diffusion-xl-1.0-inpainting-0.1", "model_id", modelId,
                "force_load", "yes", "revision", "fp16", "model_category", "stable_diffusion_xl", "model_format",
                "diffusers", "model_visibility", visibility, "model_name", modelId, "model_image",
                "https://cdn2.stablediffusionapi.com/generations/1a14cab3-cc79-4cee-ab28-29379bff766b-0.png",
                "hf_upload", "no"), overrides);
    }

    /** {@code request} with {@code overrides} (field, value pairs) put over it. */
    private static Map<String, Object> with(Map<String, Object> request, Object... overrides) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(request);
        for (int i = 0; i < overrides.length; i += 2) {
            copy.put((String) overrides[i], overrides[i + 1]);
        }
        return copy;
    }

    /** The URL of a small generated PNG. */
    private String image(String name) {
        return api.post("/api/v3/text2img", body("prompt", "training image " + name, "width", 32, "height", 32))
                .list("output").get(0);
    }

    private String start(String path, Map<String, Object> request) {
        ApiClient.Reply reply = api.post(path, request);
        assertEquals("success", reply.json().get("status"), reply.text());
        return (String) reply.json().get("training_id");
    }

    private Map<String, Object> status(String id) {
        ApiClient.Reply reply = api.post("/api/v3/fine_tune_status/" + id, body());
        assertEquals(200, reply.status(), reply.text());
        return reply.json();
    }

    private String stage(String id) {
        return (String) status(id).get("messege");
    }

    private void assertInvalid(String path, Map<String, Object> request, String message) {
        ApiClient.Reply reply = api.post(path, request);
        assertEquals(400, reply.status(), reply.text());
        assertEquals(Map.of("status", "error", "messege", message, "code", 400), reply.json());
    }
}
