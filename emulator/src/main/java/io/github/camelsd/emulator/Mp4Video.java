package io.github.camelsd.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one MP4 file every MP4 output link serves: a real, playable H.264 video of 2 s at 8 fps, 64x64 pixels, about
 * 4 KB. Encoding H.264 in Java is out of reach without a library, so the file is a resource, made once with
 * ffmpeg 5.1 (Debian 12's package) from its built-in test pattern:
 * {@code ffmpeg -f lavfi -i testsrc2=size=64x64:rate=8:duration=2 -c:v libx264 -preset veryslow -crf 35
 * -pix_fmt yuv420p -movflags +faststart -an -map_metadata -1 -fflags +bitexact -flags:v +bitexact emulator-video.mp4}.
 * It starts with the ISO-BMFF {@code ftyp} box (brand {@code isom}), then {@code moov} (faststart), then {@code mdat}.
 */
final class Mp4Video {

    private static final String RESOURCE = "emulator-video.mp4";

    private Mp4Video() {
    }

    /** The video's bytes, read once. Callers must not change the array. */
    static byte[] bytes() {
        return Holder.BYTES;
    }

    private static final class Holder {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try (InputStream in = Mp4Video.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the emulator's jar lacks its resource " + RESOURCE);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
