package io.github.camelsd.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a video job's output as a real animated GIF (GIF89a, looping): a diagonal gradient in a 16-colour palette
 * with a disc that moves from frame to frame, colours and disc drawn from the same hash of prompt, seed and index as
 * {@link PngRenderer}'s. Kept small whatever was asked: at most {@value #MAX_SIDE} pixels on the longer side (the
 * requested aspect ratio kept) and at most {@value #MAX_FRAMES} frames. Encoded here, LZW included, so the emulator
 * needs neither AWT nor an image library.
 */
final class GifRenderer {

    static final int MAX_SIDE = 128;
    static final int MAX_FRAMES = 8;
    private static final int COLOURS = 16;
    private static final int MIN_CODE_SIZE = 4; // log2(COLOURS)
    private static final int BLACK = 0;
    private static final int GRADIENT_FIRST = 1;
    private static final int GRADIENT_STEPS = 13;
    private static final int DISC = 14;
    private static final int MAX_CODE = 4096;

    private GifRenderer() {
    }

    static byte[] render(ImageSpec spec, int index) {
        int longer = Math.max(spec.width(), spec.height());
        double shrink = longer > MAX_SIDE ? (double) MAX_SIDE / longer : 1;
        int width = Math.max(1, (int) Math.round(spec.width() * shrink));
        int height = Math.max(1, (int) Math.round(spec.height() * shrink));
        int frames = Math.max(1, Math.min(MAX_FRAMES, spec.frames()));
        int delay = Math.max(2, Math.round(100f / Math.max(1, spec.fps()))); // hundredths of a second

        long bits = PngRenderer.mix(PngRenderer.mix(PngRenderer.fnv(spec.prompt()) ^ spec.seed()) + index);
        int[] from = PngRenderer.color(bits);
        int[] to = PngRenderer.color(bits >>> 24);
        int[] disc = PngRenderer.color(PngRenderer.mix(bits));
        int cx0 = (int) ((bits >>> 48 & 0xFF) * width / 255);
        int cy = (int) ((bits >>> 56 & 0xFF) * height / 255);
        long radius = Math.max(1, Math.min(width, height) * (20 + (bits >>> 40 & 0x1F)) / 100);

        ByteArrayOutputStream gif = new ByteArrayOutputStream(1024 + frames * width * height / 4);
        gif.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        short16(gif, width);
        short16(gif, height);
        gif.write(0x80 | 0x70 | (MIN_CODE_SIZE - 1)); // global colour table, 8-bit colour resolution, 16 entries
        gif.write(BLACK); // background colour index
        gif.write(0); // no pixel aspect ratio
        for (int i = 0; i < COLOURS; i++) {
            int[] colour = i == DISC ? disc : i >= GRADIENT_FIRST && i < GRADIENT_FIRST + GRADIENT_STEPS
                    ? blend(from, to, i - GRADIENT_FIRST) : new int[] { i == BLACK ? 0 : 255, i == BLACK ? 0 : 255,
                        i == BLACK ? 0 : 255 };
            for (int c : colour) {
                gif.write(c);
            }
        }
        // NETSCAPE2.0 application extension: loop forever
        gif.writeBytes(new byte[] { 0x21, (byte) 0xFF, 0x0B });
        gif.writeBytes("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        gif.writeBytes(new byte[] { 0x03, 0x01, 0x00, 0x00, 0x00 });

        byte[] pixels = new byte[width * height];
        for (int frame = 0; frame < frames; frame++) {
            int cx = (cx0 + frame * width / frames) % width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    byte colour;
                    if (spec.black()) {
                        colour = BLACK;
                    } else {
                        long dx = x - cx;
                        long dy = y - cy;
                        int t = (x * 255 / Math.max(1, width - 1) + y * 255 / Math.max(1, height - 1)) / 2;
                        colour = (byte) (dx * dx + dy * dy < radius * radius ? DISC
                                : GRADIENT_FIRST + t * (GRADIENT_STEPS - 1) / 255);
                    }
                    pixels[y * width + x] = colour;
                }
            }
            // graphic control extension: the frame's delay, no transparency, leave the frame in place
            gif.writeBytes(new byte[] { 0x21, (byte) 0xF9, 0x04, 0x04 });
            short16(gif, delay);
            gif.writeBytes(new byte[] { 0x00, 0x00 });
            // image descriptor: the whole screen, no local colour table, not interlaced
            gif.write(0x2C);
            short16(gif, 0);
            short16(gif, 0);
            short16(gif, width);
            short16(gif, height);
            gif.write(0);
            gif.write(MIN_CODE_SIZE);
            subBlocks(gif, lzw(pixels));
        }
        gif.write(0x3B);
        return gif.toByteArray();
    }

    private static int[] blend(int[] from, int[] to, int step) {
        int[] colour = new int[3];
        for (int c = 0; c < 3; c++) {
            colour[c] = from[c] + (to[c] - from[c]) * step / (GRADIENT_STEPS - 1);
        }
        return colour;
    }

    /**
     * The GIF variant of LZW: variable code width from {@code MIN_CODE_SIZE + 1} up to 12 bits, codes packed least
     * significant bit first, a clear code first and whenever the table is full, the end code last.
     */
    static byte[] lzw(byte[] pixels) {
        Lzw lzw = new Lzw();
        lzw.emit(Lzw.CLEAR);
        int prefix = pixels.length == 0 ? 0 : pixels[0] & 0xFF;
        for (int i = 1; i < pixels.length; i++) {
            int pixel = pixels[i] & 0xFF;
            int key = prefix << 8 | pixel;
            Integer code = lzw.table.get(key);
            if (code != null) {
                prefix = code;
                continue;
            }
            lzw.emit(prefix);
            prefix = pixel;
            if (lzw.next < MAX_CODE) {
                lzw.table.put(key, lzw.next++);
            } else {
                lzw.table.clear();
                lzw.next = Lzw.CLEAR + 2;
                lzw.cleared = true;
                lzw.emit(Lzw.CLEAR);
            }
        }
        lzw.emit(prefix);
        lzw.emit(Lzw.CLEAR + 1); // the end code
        return lzw.out.toByteArray();
    }

    /** The encoder's state: the string table, the next free code, the current code width. */
    private static final class Lzw {
        static final int CLEAR = 1 << MIN_CODE_SIZE;

        final BitWriter out = new BitWriter();
        final Map<Integer, Integer> table = new HashMap<>();
        int width = MIN_CODE_SIZE + 1;
        int next = CLEAR + 2;
        boolean cleared;

        /**
         * Writes a code, then widens the codes once the next free code no longer fits (as decoders do, one code
         * late), or narrows them back after a clear code.
         */
        void emit(int code) {
            out.write(code, width);
            if (cleared) {
                width = MIN_CODE_SIZE + 1;
                cleared = false;
            } else if (next > (1 << width) - 1 && width < 12) {
                width++;
            }
        }
    }

    /** Data in blocks of at most 255 bytes, each led by its length, closed by an empty block. */
    private static void subBlocks(ByteArrayOutputStream gif, byte[] data) {
        for (int at = 0; at < data.length; at += 255) {
            int length = Math.min(255, data.length - at);
            gif.write(length);
            gif.write(data, at, length);
        }
        gif.write(0);
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >>> 8 & 0xFF);
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int buffer;
        private int count;

        void write(int code, int bits) {
            buffer |= code << count;
            count += bits;
            while (count >= 8) {
                bytes.write(buffer & 0xFF);
                buffer >>>= 8;
                count -= 8;
            }
        }

        byte[] toByteArray() {
            if (count > 0) {
                bytes.write(buffer & 0xFF);
                buffer = 0;
                count = 0;
            }
            return bytes.toByteArray();
        }
    }
}
