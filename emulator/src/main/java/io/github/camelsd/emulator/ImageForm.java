package io.github.camelsd.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * How a request field holds input images: one URL (or base64 data when the request's {@code base64} flag is on, the
 * default), one URL or base64 data whatever that flag says (the editing pages' "link or valid base64 data"), or a list
 * of URLs (training {@code images}, {@code img_mixer}'s {@code init_image}), which some operations also take as one
 * string.
 *
 * @param base64Always base64 data is taken without the {@code base64} flag
 * @param list         the field holds a JSON array of URLs
 * @param single       a list field also takes one string, as a list of one
 * @param maxItems     the most entries a list may have
 */
record ImageForm(boolean base64Always, boolean list, boolean single, int maxItems) {

    /** One URL, or base64 data when the {@code base64} flag is on. */
    static final ImageForm URL = new ImageForm(false, false, false, 1);
    /** One URL or base64 data (bare or as a {@code data:} URL), the {@code base64} flag notwithstanding. */
    static final ImageForm URL_OR_BASE64 = new ImageForm(true, false, false, 1);

    /** A JSON array of at least one and at most {@code maxItems} URLs. */
    static ImageForm list(int maxItems) {
        return new ImageForm(false, true, false, maxItems);
    }

    /** As {@link #list}, or one URL string. */
    static ImageForm listOrOne(int maxItems) {
        return new ImageForm(false, true, true, maxItems);
    }

    /** The image references {@code value} holds, stripped, in order (none when it is absent or unreadable). */
    List<String> references(Object value) {
        List<String> references = new ArrayList<>();
        if (value instanceof String text && !text.isBlank()) {
            references.add(text.strip());
        } else if (list && value instanceof List<?> items) {
            items.forEach(item -> references.add(String.valueOf(item).strip()));
        }
        return references;
    }
}
