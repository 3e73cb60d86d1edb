package io.github.camelsd.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.camelsd.emulator.ApiFamily.V3;
import static io.github.camelsd.emulator.ApiFamily.V6_REALTIME;
import static io.github.camelsd.emulator.Operation.Kind.FETCH;
import static io.github.camelsd.emulator.Operation.Kind.GENERATE;
import static io.github.camelsd.emulator.Operation.Kind.SYSTEM_LOAD;
import static io.github.camelsd.emulator.Operation.Kind.UPLOAD;
import static io.github.camelsd.emulator.RequestRules.dimension;
import static io.github.camelsd.emulator.RequestRules.integer;
import static io.github.camelsd.emulator.RequestRules.integerBetween;
import static io.github.camelsd.emulator.RequestRules.numberBetween;
import static io.github.camelsd.emulator.RequestRules.requiredText;
import static io.github.camelsd.emulator.RequestRules.trueOrFalse;
import static io.github.camelsd.emulator.RequestRules.url;

/**
 * The routing table: every emulated operation is a row. Adding an operation means adding a row (and, for a new kind of
 * work, a {@link Operation.Kind}), not a handler.
 */
final class EmulatorRoutes {

    /** A request path resolved to its operation; {@code id} is the job id in the path, or null. */
    record Match(Operation operation, String id) {
    }

    private static final List<Operation> TABLE = List.of(
            new Operation("text2img", V3, GENERATE, "/api/v3/text2img", imageRules(50, false), List.of()),
            new Operation("img2img", V3, GENERATE, "/api/v3/img2img", imageRules(50, true), List.of("init_image")),
            new Operation("inpaint", V3, GENERATE, "/api/v3/inpaint", imageRules(50, true),
                    List.of("init_image", "mask_image")),
            new Operation("fetch", V3, FETCH, "/api/v3/fetch/{id}", List.of(), List.of()),
            new Operation("system_load", V3, SYSTEM_LOAD, "/api/v3/system_load", List.of(), List.of()),
            new Operation("base64_crop", V3, UPLOAD, "/api/v3/base64_crop", List.of(trueOrFalse("crop")),
                    List.of("image")),
            new Operation("text2img", V6_REALTIME, GENERATE, "/api/v6/realtime/text2img", imageRules(20, false),
                    List.of()),
            new Operation("img2img", V6_REALTIME, GENERATE, "/api/v6/realtime/img2img", imageRules(20, true),
                    List.of("init_image")),
            new Operation("inpaint", V6_REALTIME, GENERATE, "/api/v6/realtime/inpaint", imageRules(20, true),
                    List.of("init_image", "mask_image")),
            new Operation("fetch", V6_REALTIME, FETCH, "/api/v6/realtime/fetch/{id}", List.of(), List.of()),
            new Operation("base64_to_url", V6_REALTIME, UPLOAD, "/api/v6/base64_to_url", List.of(),
                    List.of("base64_string")));

    private static final List<Pattern> PATTERNS = TABLE.stream().map(EmulatorRoutes::compile).toList();

    private EmulatorRoutes() {
    }

    /** The text2img family's rules; the path families differ in their step cap, img2img and inpaint add strength. */
    private static List<RequestRules.Rule> imageRules(int maxSteps, boolean strength) {
        List<RequestRules.Rule> rules = new ArrayList<>(List.of(
                requiredText("prompt"),
                dimension("width"),
                dimension("height"),
                integerBetween("samples", 1, 4),
                integerBetween("num_inference_steps", 1, maxSteps),
                numberBetween("guidance_scale", 1, 20),
                integer("seed"),
                integerBetween("clip_skip", 1, 8),
                url("webhook")));
        if (strength) {
            rules.add(numberBetween("strength", 0, 1));
        }
        return rules;
    }

    private static Pattern compile(Operation operation) {
        String[] parts = operation.pathTemplate().split("\\{id}", -1);
        return Pattern.compile(Pattern.quote(parts[0]) + (parts.length > 1 ? "([^/]+)" + Pattern.quote(parts[1]) : ""));
    }

    /** The operation serving {@code path}, or null when no row does. */
    static Match match(String path) {
        for (int i = 0; i < TABLE.size(); i++) {
            Matcher matcher = PATTERNS.get(i).matcher(path);
            if (matcher.matches()) {
                return new Match(TABLE.get(i), matcher.groupCount() > 0 ? matcher.group(1) : null);
            }
        }
        return null;
    }
}
