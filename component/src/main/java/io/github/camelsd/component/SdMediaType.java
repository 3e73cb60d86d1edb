package io.github.camelsd.component;

import java.util.Locale;

import io.github.camelsd.component.request.SdImageInput;

/**
 * The media type of an output, so that a route can store a video as a video: from the bytes where they were downloaded,
 * else from the link's file extension (the API's links end in .png, .jpg, .gif, .mp4, ...).
 */
final class SdMediaType {

    private SdMediaType() {
    }

    static String of(byte[] content) {
        if (content.length > 11 && content[4] == 'f' && content[5] == 't' && content[6] == 'y' && content[7] == 'p') {
            return "video/mp4"; // ISO base media file: the ftyp box comes first
        }
        if (content.length > 5 && content[0] == 'G' && content[1] == 'I' && content[2] == 'F' && content[3] == '8') {
            return "image/gif";
        }
        String image = SdImageInput.type(content) == null ? null : SdImageInput.mediaType(content);
        return image != null ? image : "application/octet-stream";
    }

    /** From the link's extension; null for a link without one, or base64 output. Read for every result: no parsing. */
    static String ofLink(String link) {
        int end = link.length();
        for (int i = 0; i < link.length(); i++) {
            char c = link.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int dot = link.lastIndexOf('.', end - 1);
        if (dot < 0 || link.lastIndexOf('/', end - 1) > dot) {
            return null;
        }
        return switch (link.substring(dot + 1, end).toLowerCase(Locale.ROOT)) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "gif" -> "image/gif";
            case "mp4" -> "video/mp4";
            case "webm" -> "video/webm";
            default -> null;
        };
    }
}
