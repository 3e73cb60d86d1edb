package io.github.camelsd.emulator;

import java.util.regex.Pattern;

/**
 * The emulator's NSFW verdicts, one rule for all of them so that a test controls them by its words: a prompt is NSFW
 * when it holds "nsfw", "nude" or "naked" (then a generation with the safety checker on is blanked), and a prompt
 * check calls it CP when it is NSFW and also names a minor. An image is NSFW when it is one of the emulator's own
 * generations made from an NSFW prompt and not blanked, or, for any other image, when its URL holds one of those words
 * ({@code https://example.com/nude.png}).
 */
final class SafetyChecker {

    private static final Pattern NSFW = Pattern.compile("nsfw|nude|naked", Pattern.CASE_INSENSITIVE);
    private static final Pattern MINOR = Pattern.compile("\\b(child|children|kid|kids|minor|minors|underage)\\b",
            Pattern.CASE_INSENSITIVE);

    private SafetyChecker() {
    }

    /** Whether {@code text} is NSFW. */
    static boolean nsfw(String text) {
        return NSFW.matcher(text).find();
    }

    /** Whether a prompt is NSFW about a minor: {@code check_nsfw_cp}'s {@code is_cp}. */
    static boolean childAbuse(String prompt) {
        return nsfw(prompt) && MINOR.matcher(prompt).find();
    }

    /**
     * The prompt as {@code check_nsfw_cp} filters it: the words naming a minor removed from a CP prompt; any other
     * prompt unchanged, NSFW or not, as the documented example answers an NSFW prompt.
     */
    static String filtered(String prompt) {
        return childAbuse(prompt) ? MINOR.matcher(prompt).replaceAll("").replaceAll("\\s{2,}", " ").strip() : prompt;
    }

    /** Whether an image is NSFW: {@code spec} is the emulator's own image there, or null for any other image. */
    static boolean nsfwImage(ImageSpec spec, String reference) {
        return spec != null ? !spec.black() && nsfw(spec.prompt()) : nsfw(reference);
    }
}
