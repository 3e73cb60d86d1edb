package io.github.camelsd.component.request;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

import io.github.camelsd.component.SdImage;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;

/**
 * An input image as routes hold it (bytes, a stream, a file, a file or FTP consumer's message, a {@code data:} URI) read into
 * bytes and checked: its type by magic number (PNG, JPEG, WebP), its size, its dimensions. URL strings are not images
 * here: they go to the API untouched.
 */
public final class SdImageInput {

    private SdImageInput() {
    }

    /**
     * Whether {@code value} holds image content the component must stage, rather than a URL to pass on. An
     * {@link SdImage} (an output of an earlier job) is content when the API sent it inline.
     */
    public static boolean isContent(Object value) {
        return value instanceof byte[] || value instanceof InputStream || value instanceof File || value instanceof Path
               || value instanceof WrappedFile<?>
               || value instanceof CharSequence text && text.toString().startsWith("data:")
               || value instanceof SdImage image && !image.isLink();
    }

    /**
     * The image's bytes, checked.
     *
     * @throws IllegalArgumentException saying what is wrong (the caller names the field)
     */
    public static byte[] read(Object value, Exchange exchange, long maxBytes) {
        byte[] bytes;
        if (value instanceof CharSequence text) {
            String uri = text.toString();
            int comma = uri.indexOf(',');
            if (comma < 0 || !uri.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
                throw new IllegalArgumentException("must be a base64 data: URI (was '" + SdField.abbreviate(uri) + "')");
            }
            try {
                bytes = Base64.getMimeDecoder().decode(uri.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be valid base64 in its data: URI");
            }
        } else {
            bytes = exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, value);
            if (bytes == null) {
                throw new IllegalArgumentException("could not be read (a " + value.getClass().getSimpleName() + ")");
            }
        }
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException("must be at most " + maxBytes + " bytes (option maxImageSize; was "
                                               + bytes.length + ")");
        }
        if (type(bytes) == null) {
            throw new IllegalArgumentException("must be a PNG, JPEG or WebP image (was " + bytes.length
                                               + " bytes of something else)");
        }
        return bytes;
    }

    /** {@code png}, {@code jpeg}, {@code webp}, or null for anything else. */
    public static String type(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G')) {
            return "png";
        }
        if (startsWith(bytes, 0, 0xff, 0xd8, 0xff)) {
            return "jpeg";
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return "webp";
        }
        return null;
    }

    /** The MIME type of a checked image. */
    public static String mediaType(byte[] bytes) {
        return "image/" + type(bytes);
    }

    /** {width, height} read from the image's header, or null when the header does not say. */
    public static int[] dimensions(byte[] bytes) {
        String type = type(bytes);
        if ("png".equals(type) && bytes.length >= 24) {
            return new int[] { int32(bytes, 16), int32(bytes, 20) };
        }
        if ("jpeg".equals(type)) {
            return jpegDimensions(bytes);
        }
        if ("webp".equals(type) && bytes.length >= 30) {
            if (startsWith(bytes, 12, 'V', 'P', '8', ' ')) {
                return new int[] { uint16le(bytes, 26) & 0x3fff, uint16le(bytes, 28) & 0x3fff };
            }
            if (startsWith(bytes, 12, 'V', 'P', '8', 'L')) {
                int bits = (bytes[21] & 0xff) | (bytes[22] & 0xff) << 8 | (bytes[23] & 0xff) << 16 | (bytes[24] & 0xff) << 24;
                return new int[] { (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1 };
            }
            if (startsWith(bytes, 12, 'V', 'P', '8', 'X')) {
                return new int[] { uint24le(bytes, 24) + 1, uint24le(bytes, 27) + 1 };
            }
        }
        return null;
    }

    /** Walks the JPEG markers to the first start-of-frame, which holds the size. */
    private static int[] jpegDimensions(byte[] bytes) {
        int at = 2;
        while (at + 9 < bytes.length) {
            if ((bytes[at] & 0xff) != 0xff) {
                return null;
            }
            int marker = bytes[at + 1] & 0xff;
            int length = (bytes[at + 2] & 0xff) << 8 | (bytes[at + 3] & 0xff);
            boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (startOfFrame) {
                return new int[] { (bytes[at + 7] & 0xff) << 8 | (bytes[at + 8] & 0xff),
                        (bytes[at + 5] & 0xff) << 8 | (bytes[at + 6] & 0xff) };
            }
            at += 2 + length;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[offset + i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static int uint16le(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int uint24le(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
