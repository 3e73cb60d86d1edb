package io.github.camelsd.emulator;

import java.util.Base64;

/**
 * The image formats the API takes as input, recognised by their magic numbers as the API recognises them, and the
 * base64 forms clients send images in.
 */
enum ImageFormat {

    PNG("png", "image/png"),
    JPEG("jpg", "image/jpeg"),
    WEBP("webp", "image/webp");

    private final String extension;
    private final String contentType;

    ImageFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The file name extension, without the dot. */
    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    /** The format {@code bytes} start like, or null when they are none of these images. */
    static ImageFormat of(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
            return PNG;
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        return null;
    }

    /**
     * The bytes of base64 data, bare or as a {@code data:} URL ({@code data:image/png;base64,...}); empty when it is
     * not base64. Line breaks are allowed, as base64 tools wrap their output.
     */
    static byte[] decodeBase64(String text) {
        String data = text.strip();
        int comma = data.indexOf(',');
        String payload = data.startsWith("data:") && comma > 0 ? data.substring(comma + 1) : data;
        try {
            return Base64.getMimeDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static boolean startsWith(byte[] bytes, int offset, int... magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
