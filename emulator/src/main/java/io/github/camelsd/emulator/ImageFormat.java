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
     * The width and height of an image in one of these formats, read from its header (PNG's IHDR, JPEG's start of
     * frame, WebP's VP8/VP8L/VP8X chunk); null when the header cannot be read.
     */
    static int[] dimensions(byte[] bytes) {
        ImageFormat format = of(bytes);
        if (format == PNG && bytes.length >= 24) {
            return new int[] { bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4) };
        }
        if (format == JPEG) {
            return jpegDimensions(bytes);
        }
        if (format == WEBP && bytes.length >= 30) {
            String chunk = new String(bytes, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
            switch (chunk) {
            case "VP8 ":
                return new int[] { littleEndian(bytes, 26, 2) & 0x3FFF, littleEndian(bytes, 28, 2) & 0x3FFF };
            case "VP8L":
                int b0 = bytes[21] & 0xFF;
                int b1 = bytes[22] & 0xFF;
                int b2 = bytes[23] & 0xFF;
                int b3 = bytes[24] & 0xFF;
                return new int[] { 1 + (b0 | (b1 & 0x3F) << 8), 1 + (b1 >> 6 | b2 << 2 | (b3 & 0x0F) << 10) };
            case "VP8X":
                return new int[] { 1 + littleEndian(bytes, 24, 3), 1 + littleEndian(bytes, 27, 3) };
            default:
                return null;
            }
        }
        return null;
    }

    /** Walks the JPEG segments to the first start-of-frame marker (C0..CF but C4, C8 and CC). */
    private static int[] jpegDimensions(byte[] bytes) {
        int at = 2;
        while (at + 9 < bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD9) {
                at += 2; // no length
                continue;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return new int[] { bigEndian(bytes, at + 7, 2), bigEndian(bytes, at + 5, 2) };
            }
            at += 2 + bigEndian(bytes, at + 2, 2);
        }
        return null;
    }

    private static int bigEndian(byte[] bytes, int at, int length) {
        int value = 0;
        for (int i = 0; i < length; i++) {
            value = value << 8 | bytes[at + i] & 0xFF;
        }
        return value;
    }

    private static int littleEndian(byte[] bytes, int at, int length) {
        int value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = value << 8 | bytes[at + i] & 0xFF;
        }
        return value;
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
