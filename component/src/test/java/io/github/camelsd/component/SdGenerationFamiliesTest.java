package io.github.camelsd.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsd.component.error.SdValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelsd.component.SdOperationsTest.lastRequest;
import static io.github.camelsd.component.SdOperationsTest.outputs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation family over HTTP against the emulator, in both API versions: the path a request goes to (the stock
 * model, or the community one when it names a model), the fetch its queued jobs are read with, the family's limits, and
 * results that are not a list of images (super resolution's single string, videos, the model list).
 */
class SdGenerationFamiliesTest extends SdEmulatorTestSupport {

    @Test
    void aModelIdSendsGenerationsToTheCommunityPaths() {
        assertEquals(1, outputs(send("sd:text2img?modelId=sdxl", "a fox, community model")).size());
        assertEquals(1, emulator.requestCount("/api/v4/dreambooth"), "v3: the 2023 community path");
        assertEquals(0, emulator.requestCount("/api/v3/text2img"), "not the stock model");

        // a documented v6 community request: 31 steps is its default, not over a limit
        Exchange v6 = send("sd:text2img?apiVersion=v6", Map.of("prompt", "a fox, v6 community", "model_id", "sdxl",
                "num_inference_steps", "31"));
        assertEquals(1, outputs(v6).size());
        assertEquals(31, ((Number) lastRequest("/api/v6/images/text2img").body().get("num_inference_steps")).intValue());
        assertFalse(send("sd:text2img?apiVersion=v6&numInferenceSteps=31", "realtime").getException() == null,
                "the realtime path keeps its own cap of 20");

        String image = outputs(send("sd:text2img?width=256&height=256", "a bowl")).get(0);
        assertEquals(1, outputs(send("sd:img2img?modelId=sdxl", Map.of("prompt", "watercolour", "init_image", image)))
                .size());
        assertEquals(1, emulator.requestCount("/api/v4/dreambooth/img2img"));
        assertEquals(1, outputs(send("sd:inpaint?modelId=sdxl&apiVersion=v6",
                Map.of("prompt", "a pear", "init_image", image, "mask_image", image))).size());
        assertEquals(1, emulator.requestCount("/api/v6/images/inpaint"));
        assertEquals(1, outputs(send("sd:img2img?modelId=sdxl&apiVersion=v6",
                new SdImageRequest().prompt("oil paint").initImage(image).numInferenceSteps(31))).size());
        assertEquals(1, emulator.requestCount("/api/v6/images/img2img"));
        assertEquals(1, outputs(send("sd:inpaint", Map.of("prompt", "a plum", "model_id", "sdxl", "init_image", image,
                "mask_image", image))).size());
        assertEquals(1, emulator.requestCount("/api/v4/dreambooth/inpaint"), "a model_id in the body selects the path");
    }

    @Test
    void queuedJobsAreFetchedWithTheirFamilysFetch() {
        emulator.setProcessingTime(Duration.ofMillis(60));
        assertEquals(1, outputs(send("sd:text2img?modelId=sdxl", "queued, community v4")).size());
        assertTrue(emulator.requestCount("/api/v4/dreambooth/fetch") >= 1, "v4 fetch, request_id in the body");
        assertTrue(lastRequest("/api/v4/dreambooth/fetch").body().containsKey("request_id"));

        assertEquals(1, outputs(send("sd:text2img?modelId=sdxl&apiVersion=v6", "queued, community v6")).size());
        assertTrue(emulator.requestCount("/api/v6/images/fetch") >= 1, "v6 images fetch");

        String image = outputs(send("sd:text2img?width=256&height=256", "an edge map")).get(0);
        int stockFetches = emulator.requestCount("/api/v3/fetch/");
        int communityFetches = emulator.requestCount("/api/v4/dreambooth/fetch");
        assertEquals(1, outputs(send("sd:controlnet?modelId=sdxl&controlnetModel=canny",
                Map.of("prompt", "a house", "init_image", image))).size());
        assertTrue(emulator.requestCount("/api/v3/fetch/") > stockFetches,
                "ControlNet (2023) is fetched as the V3 stock model");
        assertEquals(communityFetches, emulator.requestCount("/api/v4/dreambooth/fetch"));
    }

    @Test
    void everyOperationThatQueuesWaitsWithTheFetchTheDocsSayIsRight() {
        emulator.setProcessingTime(Duration.ofMillis(60));
        // V4 text to video answers with a fetch_result on the older /api/v3/dreambooth/fetch: polled by id on V4's
        assertEquals(1, outputs(send("sd:text2video?modelId=sdxl", "a queued river")).size());
        assertTrue(emulator.requestCount("/api/v4/dreambooth/fetch") >= 1, "the V4 community fetch");
        assertEquals(0, emulator.requestCount("/api/v3/dreambooth/fetch/"), "not where fetch_result pointed");

        assertEquals(1, outputs(send("sd:text2video?apiVersion=v6&modelId=wanx", "a queued v6 river")).size());
        assertTrue(emulator.requestCount("/api/v6/video/fetch/") >= 1, "the v6 video fetch");

        String image = outputs(send("sd:text2img?width=64&height=64", "tiny")).get(0);
        assertEquals(1, outputs(send("sd:super-resolution?apiVersion=v6", image)).size());
        assertTrue(emulator.requestCount("/api/v6/image_editing/fetch/") >= 1, "the v6 image editing fetch");
    }

    @Test
    void everyInputImageFieldIsStagedLikeInitImage() throws Exception {
        byte[] png = SdOperationsTest.download(outputs(send("sd:text2img?width=64&height=64", "content")).get(0));
        Exchange controlnet = template.send("sd:controlnet?modelId=sdxl&staging=base64", e -> {
            e.getMessage().setBody(Map.of("prompt", "a house", "init_image", png, "control_image", png));
        });
        assertEquals(1, outputs(controlnet).size());
        Map<String, Object> sent = lastRequest("/api/v5/controlnet").body();
        assertTrue(String.valueOf(sent.get("control_image")).startsWith("data:image/png;base64,"), "inline data");
        assertEquals("yes", sent.get("base64"));

        Exchange ipAdapter = send("sd:text2img?modelId=sdxl&apiVersion=v6&staging=api-hosted&ipAdapterId=ip-adapter_sdxl",
                Map.of("prompt", "in this style", "ip_adapter_image", png));
        assertEquals(1, outputs(ipAdapter).size());
        String hosted = String.valueOf(lastRequest("/api/v6/images/text2img").body().get("ip_adapter_image"));
        assertTrue(hosted.startsWith("http"), "uploaded first, sent as its link: " + hosted);

        SdValidationException v6Base64 = failure(send("sd:super-resolution?apiVersion=v6&staging=base64", png),
                SdValidationException.class);
        assertTrue(v6Base64.getFieldErrors().containsKey("init_image"), v6Base64.getMessage());
    }

    @Test
    void aVideoWorksWithEveryOutputFormat() {
        String uri = "sd:text2video?apiVersion=v6&modelId=cogvideox&outputType=mp4&outputFormat=";
        Exchange stream = send(uri + "stream", "a stream");
        assertInstanceOf(java.io.InputStream.class, stream.getMessage().getBody());
        Exchange base64 = send(uri + "base64", "as text");
        byte[] decoded = java.util.Base64.getDecoder().decode(base64.getMessage().getBody(String.class));
        assertEquals("ftyp", new String(decoded, 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
        Exchange urls = send(uri + "urls", "a link");
        assertEquals("video/mp4", urls.getMessage().getHeader(SdConstants.MEDIA_TYPE));
        byte[] converted = urls.getMessage().getBody(SdImage.class) == null
                ? context.getTypeConverter().convertTo(byte[].class, urls.getMessage().getBody(List.class).get(0))
                : urls.getMessage().getBody(byte[].class);
        assertEquals("ftyp", new String(converted, 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void multiControlNetAndMultiLoraListsAreCheckedBeforeSending() {
        String image = outputs(send("sd:text2img?width=256&height=256", "a pose")).get(0);
        int before = emulator.requestCount();
        Exchange multi = send("sd:controlnet?modelId=sdxl&apiVersion=v6",
                Map.of("prompt", "two people", "init_image", image, "controlnet_model", List.of("openpose", "depth"),
                        "controlnet_conditioning_scale", "0.5"));
        assertEquals(1, outputs(multi).size());
        assertEquals("openpose,depth", lastRequest("/api/v5/controlnet").body().get("controlnet_model"));

        before = emulator.requestCount();
        SdValidationException badList = failure(send("sd:controlnet?modelId=sdxl&controlnetModel=canny,,depth",
                Map.of("prompt", "x", "init_image", image)), SdValidationException.class);
        assertTrue(badList.getFieldErrors().containsKey("controlnet_model"), badList.getMessage());
        SdValidationException unknown = failure(send("sd:controlnet?modelId=sdxl&controlnetModel=canny,depht",
                Map.of("prompt", "x", "init_image", image)), SdValidationException.class);
        assertTrue(unknown.getMessage().contains("depht"), unknown.getMessage());
        SdValidationException scale = failure(send("sd:controlnet?modelId=sdxl&controlnetModel=canny"
                                                   + "&controlnetConditioningScale=7", Map.of("prompt", "x", "init_image", image)),
                SdValidationException.class);
        assertTrue(scale.getFieldErrors().containsKey("controlnet_conditioning_scale"), scale.getMessage());
        SdValidationException noModel = failure(send("sd:controlnet?controlnetModel=canny",
                Map.of("prompt", "x", "init_image", image)), SdValidationException.class);
        assertTrue(noModel.getFieldErrors().containsKey("model_id"), noModel.getMessage());

        // the documented comma-separated form in a Map body
        Exchange lora = send("sd:text2img?modelId=sdxl", Map.of("prompt", "details", "lora_model", "more_details,animie",
                "lora_strength", "0.45,0.55"));
        assertNull(lora.getException(), () -> "rejected: " + lora.getException());
        assertEquals("0.45,0.55", lastRequest("/api/v4/dreambooth").body().get("lora_strength"));
        SdValidationException pairs = failure(send("sd:text2img?modelId=sdxl", Map.of("prompt", "x",
                "lora_model", "a,b", "lora_strength", "0.5")), SdValidationException.class);
        assertTrue(pairs.getFieldErrors().containsKey("lora_strength"), pairs.getMessage());
        SdValidationException weak = failure(send("sd:text2img?modelId=sdxl&loraModel=a&loraStrength=0.05", "x"),
                SdValidationException.class);
        assertTrue(weak.getMessage().contains("between 0.1 and 1"), weak.getMessage());
        SdValidationException notANumber = failure(send("sd:text2img?modelId=sdxl&loraModel=a&loraStrength=strong",
                "x"), SdValidationException.class);
        assertFalse(notANumber.getMessage().contains("Character"), "no JDK parser text: " + notANumber.getMessage());
        assertEquals(before + 1, emulator.requestCount(), "only the valid LoRA request was sent");
    }

    @Test
    void superResolutionSendsItsFamilysInputFieldAndReadsASingleStringOutput() {
        String image = outputs(send("sd:text2img?width=128&height=128", "small")).get(0);
        Exchange v3 = template.send("sd:super-resolution?scale=2&faceEnhance=true", e -> e.getMessage().setBody(image));
        assertEquals(1, outputs(v3).size(), "the V3 string output is one image");
        Map<String, Object> sent = lastRequest("/api/v3/super_resolution").body();
        assertEquals(image, sent.get("url"), "V3 names the input url");
        assertFalse(sent.containsKey("init_image"));
        assertEquals(Boolean.TRUE, sent.get("face_enhance"));
        assertEquals("image/png", v3.getMessage().getHeader(SdConstants.MEDIA_TYPE));

        Exchange v6 = send("sd:super-resolution?apiVersion=v6&modelId=RealESRGAN_x4plus", Map.of("init_image", image));
        assertEquals(1, outputs(v6).size());
        assertEquals(image, lastRequest("/api/v6/image_editing/super_resolution").body().get("init_image"));
    }

    @Test
    void videosComeBackAsVideosInEveryFamily() throws Exception {
        Exchange v5 = send("sd:text2video?seconds=2", "a river");
        assertEquals(1, outputs(v5).size());
        assertEquals(1, emulator.requestCount("/api/v5/text2video"));

        Exchange community = send("sd:text2video?modelId=sdxl", "a river, community");
        assertEquals(1, outputs(community).size());
        assertEquals(1, emulator.requestCount("/api/v4/dreambooth/text2video"));

        Exchange mp4 = send("sd:text2video?apiVersion=v6&modelId=cogvideox&outputType=mp4&outputFormat=bytes",
                "a river, mp4");
        assertNull(mp4.getException(), () -> "failed: " + mp4.getException());
        byte[] video = mp4.getMessage().getBody(byte[].class);
        assertArrayEquals("ftyp".getBytes(), java.util.Arrays.copyOfRange(video, 4, 8), "an ISO media file");
        assertEquals("video/mp4", mp4.getMessage().getHeader(SdConstants.MEDIA_TYPE));

        Exchange gif = send("sd:text2video?apiVersion=v6&modelId=wanx", "a river, gif (the v6 default)");
        assertEquals("image/gif", gif.getMessage().getHeader(SdConstants.MEDIA_TYPE));
        assertTrue(outputs(gif).get(0).endsWith(".gif"), outputs(gif).toString());

        SdValidationException tooWide = failure(send("sd:text2video?apiVersion=v6&modelId=cogvideox&width=768",
                "x"), SdValidationException.class);
        assertTrue(tooWide.getMessage().contains("512"), "v6 video frames are at most 512: " + tooWide.getMessage());
        SdValidationException noModel = failure(send("sd:text2video?apiVersion=v6", "x"), SdValidationException.class);
        assertTrue(noModel.getFieldErrors().containsKey("model_id"), noModel.getMessage());
    }

    @Test
    void aJobLeftToSdFetchIsFoundWithoutKnowingItsFamily() {
        emulator.setProcessingTime(Duration.ofMillis(60));
        String image = outputs(send("sd:text2img?width=64&height=64", "an input")).get(0);
        for (String uri : List.of("sd:text2img?modelId=sdxl", "sd:text2img?modelId=sdxl&apiVersion=v6",
                "sd:text2video?apiVersion=v6&modelId=cogvideox", "sd:text2img?apiVersion=v6",
                "sd:controlnet?modelId=sdxl", "sd:super-resolution?apiVersion=v6", "sd:text2video?modelId=sdxl",
                "sd:text2video?seconds=2")) {
            boolean takesImage = uri.contains("controlnet") || uri.contains("super-resolution");
            Exchange queued = template.send(uri + "&waitForResult=false", e -> {
                e.getMessage().setBody("fetched later");
                if (takesImage) {
                    e.getMessage().setHeader(SdConstants.INIT_IMAGE, image);
                }
            });
            assertNull(queued.getException(), () -> uri + " failed: " + queued.getException());
            String fetchPath = queued.getMessage().getHeader(SdConstants.FETCH_PATH, String.class);
            Exchange fetched = template.send("sd:fetch", e -> e.setIn(queued.getMessage().copy()));
            assertEquals(1, outputs(fetched).size(), uri + " fetched with " + fetchPath);
            assertTrue(emulator.requestCount(fetchPath.replace("{id}", "")) >= 1, uri + ": " + fetchPath);
        }
        // by id alone: the operation that created it names the fetch
        Exchange queued = send("sd:text2img?modelId=sdxl&waitForResult=false", "by id");
        String id = queued.getMessage().getHeader(SdConstants.JOB_ID, String.class);
        Exchange byId = send("sd:fetch?jobOperation=text2img&modelId=sdxl", id);
        assertEquals(1, outputs(byId).size());
    }

    @Test
    void modelListAndModelReload() {
        Exchange list = send("sd:model-list", null);
        assertNull(list.getException(), () -> "failed: " + list.getException());
        List<?> models = list.getMessage().getBody(List.class);
        assertFalse(models.isEmpty());
        assertInstanceOf(Map.class, models.get(0));
        assertTrue(((Map<?, ?>) models.get(0)).containsKey("model_id"), models.get(0).toString());

        Exchange reload = send("sd:model-reload?modelId=sdxl", null);
        assertNull(reload.getException(), () -> "failed: " + reload.getException());
        assertInstanceOf(Map.class, reload.getMessage().getBody());
        assertEquals("sdxl", lastRequest("/api/v4/dreambooth/model_reload").body().get("model_id"));
        assertTrue(failure(send("sd:model-reload", null), SdValidationException.class).getFieldErrors()
                .containsKey("model_id"));
        assertNull(send("sd:model-reload?apiVersion=v6&modelId=sdxl", null).getException());
        assertEquals(1, emulator.requestCount("/api/v6/images/model_reload"));
    }

    @Test
    void theV6PlainStringValidationAnswersAreValidationErrors() {
        // the component never sends a request without a prompt, so the documented answers are decoded directly
        SdValidationException http400 = assertInstanceOf(SdValidationException.class, decodeFailure(400,
                "{\"status\":\"error\",\"message\":\"prompt is required\"}"));
        assertEquals(List.of("prompt is required"), http400.getFieldErrors().get("prompt"));
        SdValidationException http200 = assertInstanceOf(SdValidationException.class, decodeFailure(200,
                "{\"status\":\"error\",\"message\":\"The prompt field is required.\"}"));
        assertTrue(http200.getFieldErrors().containsKey("prompt"), http200.getMessage());
        SdValidationException range = assertInstanceOf(SdValidationException.class, decodeFailure(400,
                "{\"status\":\"error\",\"message\":\"width must be between 256 and 1024\"}"));
        assertTrue(range.getFieldErrors().containsKey("width"), range.getMessage());
        assertFalse(decodeFailure(200, "{\"status\":\"error\",\"message\":\"Model id not found\"}")
                instanceof SdValidationException, "not every error is a validation error");
    }

    private Exception decodeFailure(int status, String body) {
        try {
            io.github.camelsd.component.response.SdResponseDecoder.decode("sd:text2img", status,
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8), context.getEndpoint("sd:text2img")
                            .createExchange(), null);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("decoded as a result: " + body);
    }
}
