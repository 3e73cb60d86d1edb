package io.github.camelsd.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelsd.component.error.SdValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Input that breaks a documented limit is rejected before sending, with the field named; the API sees nothing. */
class SdBadInputTest extends SdEmulatorTestSupport {

    /** Hand-picked cases: the documented limits as users break them. */
    static Stream<Arguments> badInputs() {
        return Stream.of(
                arguments("sd:text2img", null, "prompt"),
                arguments("sd:text2img", "   ", "prompt"),
                arguments("sd:text2img", "x".repeat(10_001), "prompt"),
                arguments("sd:text2img", Map.of("prompt", "a", "negative_prompt", "y".repeat(20_000)), "negative_prompt"),
                arguments("sd:text2img", Map.of("width", 512), "prompt"),
                arguments("sd:text2img?width=500", "a", "width"),
                arguments("sd:text2img?width=2048", "a", "width"),
                arguments("sd:text2img?height=0", "a", "height"),
                arguments("sd:text2img?height=-8", "a", "height"),
                arguments("sd:text2img?samples=0", "a", "samples"),
                arguments("sd:text2img?samples=5", "a", "samples"),
                arguments("sd:text2img?numInferenceSteps=0", "a", "num_inference_steps"),
                arguments("sd:text2img?numInferenceSteps=51", "a", "num_inference_steps"),
                arguments("sd:text2img?apiVersion=v6&numInferenceSteps=21", "a", "num_inference_steps"),
                arguments("sd:text2img?guidanceScale=0.5", "a", "guidance_scale"),
                arguments("sd:text2img?guidanceScale=21", "a", "guidance_scale"),
                arguments("sd:text2img?clipSkip=9", "a", "clip_skip"),
                arguments("sd:text2img?seed=-2", "a", "seed"),
                arguments("sd:text2img?safetyCheckerType=sepia", "a", "safety_checker_type"),
                arguments("sd:text2img?webhook=not-a-url", "a", "webhook"),
                arguments("sd:text2img?webhook=ftp://example.com/hook", "a", "webhook"),
                arguments("sd:text2img?loraModel=a,b&loraStrength=0.5", "a", "lora_strength"),
                arguments("sd:text2img?loraModel=a&loraStrength=1.5", "a", "lora_strength"),
                arguments("sd:text2img", "{\"prompt\": \"unclosed", "body"),
                arguments("sd:text2img", "{\"prompt\": }", "body"),
                arguments("sd:text2img", "{]".getBytes(), "body"),
                arguments("sd:text2img", 42, "body"),
                arguments("sd:text2img", List.of("a", "b"), "body"),
                arguments("sd:img2img", "a", "init_image"),
                arguments("sd:img2img", Map.of("prompt", "a", "init_image", "not a url"), "init_image"),
                arguments("sd:img2img", Map.of("prompt", "a", "init_image", "http://"), "init_image"),
                arguments("sd:img2img", Map.of("prompt", "a", "init_image", new byte[] { 1, 2, 3 }), "init_image"),
                arguments("sd:img2img?strength=1.5",
                        Map.of("prompt", "a", "init_image", "http://127.0.0.1/x.png"), "strength"),
                arguments("sd:inpaint", Map.of("prompt", "a", "init_image", "http://127.0.0.1/x.png"), "mask_image"),
                arguments("sd:text2img?apiKey=", "a", "apiKey"),
                arguments("sd:fetch", null, "id"),
                arguments("sd:fetch", "../../etc/passwd", "id"),
                arguments("sd:fetch", "", "id"),
                arguments("sd:fetch", Map.of("id", "a b"), "id"));
    }

    /** A sweep over the field table: every typed field with values of the wrong type or out of its range. */
    static Stream<Arguments> sweep() {
        List<Arguments> cases = new java.util.ArrayList<>();
        Map<String, List<Object>> wrong = new LinkedHashMap<>();
        wrong.put("width", List.of(7, 1032, 0, -512, "wide", 512.5, true, List.of(512), "5 12"));
        wrong.put("height", List.of(9, 4096, -8, "tall", 256.1, false, Map.of("h", 1)));
        wrong.put("samples", List.of(0, 5, -1, 100, "two", 1.5, List.of()));
        wrong.put("num_inference_steps", List.of(0, 51, -10, "many", 20.5));
        wrong.put("guidance_scale", List.of(0, 0.99, 20.01, 100, "strong", List.of(7.5)));
        wrong.put("strength", List.of(-0.1, 1.01, 5, "half"));
        wrong.put("clip_skip", List.of(0, 9, "skip", 2.5));
        wrong.put("seed", List.of(-2, "random", 1.5, List.of(1)));
        wrong.put("safety_checker", List.of("maybe", "y", 2, List.of(true)));
        wrong.put("enhance_prompt", List.of("sure", 7));
        wrong.put("multi_lingual", List.of("si", -1));
        wrong.put("panorama", List.of("wide"));
        wrong.put("self_attention", List.of("on"));
        wrong.put("upscale", List.of("x4"));
        wrong.put("tomesd", List.of("fast"));
        wrong.put("base64", List.of("b64"));
        wrong.put("safety_checker_type", List.of("sepia", "BLUR", ""));
        wrong.put("webhook", List.of("hook", "mailto:a@b.c", "http//missing-colon", "javascript:alert(1)", 12));
        wrong.put("lora_strength", List.of("strong", "0.5,,0.2", 2));
        wrong.put("model_id", List.of("", "   "));
        wrong.put("scheduler", List.of(" "));
        wrong.forEach((field, values) -> {
            for (Object value : values) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("prompt", "a lighthouse");
                body.put(field, value);
                cases.add(arguments("sd:text2img", body, field));
            }
        });
        return cases.stream();
    }

    @Test
    void theCatalogHasOverAHundredDistinctBadInputs() {
        assertTrue(badInputs().count() + sweep().count() >= 100, "bad inputs: " + (badInputs().count() + sweep().count()));
    }

    @ParameterizedTest(name = "{2} = {1}")
    @MethodSource("sweep")
    void everyFieldRejectsWrongTypesAndRanges(String uri, Object body, String field) {
        rejectedBeforeSendingNamingTheField(uri, body, field);
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @MethodSource("badInputs")
    void rejectedBeforeSendingNamingTheField(String uri, Object body, String field) {
        Exchange exchange = send(uri, body);
        SdValidationException e = failure(exchange, SdValidationException.class);
        assertFalse(e.isSent());
        assertTrue(e.getFieldErrors().containsKey(field), () -> field + " not named in " + e.getFieldErrors());
        assertTrue(e.getMessage().contains(field + " must") || e.getMessage().contains(field + " is required"),
                () -> "the message names the field and its rule: " + e.getMessage());
        assertEquals(0, emulator.requestCount(), "nothing may reach the API");
    }

    @Test
    void everyProblemOfARequestIsReportedAtOnce() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("width", 100);
        body.put("samples", 9);
        SdValidationException e = failure(send("sd:text2img", body), SdValidationException.class);
        assertEquals(List.of("width", "samples", "prompt"), List.copyOf(e.getFieldErrors().keySet()));
    }

    @Test
    void aWrongHeaderTypeNamesTheField() {
        Exchange exchange = template.send("sd:text2img", e -> {
            e.getMessage().setBody("a");
            e.getMessage().setHeader(SdConstants.SAMPLES, new Object());
        });
        assertTrue(failure(exchange, SdValidationException.class).getFieldErrors().containsKey("samples"));
        assertEquals(0, emulator.requestCount());
    }

    @Test
    void anUnknownOperationOrOptionFailsWhenTheEndpointIsResolved() {
        ResolveEndpointFailedException operation = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("sd:txt2img"));
        assertTrue(operation.getMessage().contains("operation"), operation.getMessage());
        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("sd:text2img?sampels=2"));
        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("sd:text2img?samples=many"));
        assertEquals(0, emulator.requestCount());
    }
}
