package io.github.camelsd.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Renders a job's image as a real PNG of the requested size: a two-colour diagonal gradient with a disc, the colours and
 * the disc drawn from a hash of prompt, seed and index. Encoded here (8-bit RGB, no filter, fast deflate) so the
 * emulator needs neither AWT nor an image library.
 */
final class PngRenderer {

    private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    private static final int BYTES_PER_PIXEL = 3;

    private PngRenderer() {
    }

    static byte[] render(ImageSpec spec, int index) {
        int width = spec.width();
        int height = spec.height();
        long bits = mix(mix(fnv(spec.prompt()) ^ spec.seed()) + index);
        int[] from = color(bits);
        int[] to = color(bits >>> 24);
        int[] disc = color(mix(bits));
        int cx = (int) ((bits >>> 48 & 0xFF) * width / 255);
        int cy = (int) ((bits >>> 56 & 0xFF) * height / 255);
        long radius = Math.min(width, height) * (20 + (bits >>> 40 & 0x1F)) / 100;

        ByteArrayOutputStream png = new ByteArrayOutputStream(width * height / 4 + 128);
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", header(width, height));
        chunk(png, "IDAT", pixels(width, height, (x, y, row, at) -> {
            if (spec.black()) {
                return; // rows start zeroed: black
            }
            long dx = x - cx;
            long dy = y - cy;
            int[] colour = dx * dx + dy * dy < radius * radius ? disc : null;
            int t = (x * 255 / Math.max(1, width - 1) + y * 255 / Math.max(1, height - 1)) / 2;
            for (int c = 0; c < BYTES_PER_PIXEL; c++) {
                row[at + c] = (byte) (colour != null ? colour[c] : from[c] + (to[c] - from[c]) * t / 255);
            }
        }));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    @FunctionalInterface
    private interface Painter {
        void paint(int x, int y, byte[] row, int at);
    }

    /** The IHDR data: size, 8 bits per sample, colour type 2 (RGB), default compression, filter and no interlace. */
    private static byte[] header(int width, int height) {
        byte[] data = new byte[13];
        putInt(data, 0, width);
        putInt(data, 4, height);
        data[8] = 8;
        data[9] = 2;
        return data;
    }

    /** The zlib stream of all rows, each led by its filter byte 0 (none). */
    private static byte[] pixels(int width, int height, Painter painter) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(width * height / 8 + 64);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 8192)) {
            byte[] row = new byte[1 + width * BYTES_PER_PIXEL];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    painter.paint(x, y, row, 1 + x * BYTES_PER_PIXEL);
                }
                out.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] checksum = new byte[4];
        putInt(checksum, 0, (int) crc.getValue());
        png.writeBytes(length);
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(checksum);
    }

    private static void putInt(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }

    static int[] color(long bits) {
        return new int[] { (int) (bits & 0xFF), (int) (bits >>> 8 & 0xFF), (int) (bits >>> 16 & 0xFF) };
    }

    /** FNV-1a over the prompt's UTF-8 bytes: defined by the bytes alone, so every JVM renders the same image. */
    static long fnv(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
