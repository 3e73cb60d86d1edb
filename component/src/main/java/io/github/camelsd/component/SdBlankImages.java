package io.github.camelsd.component;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

/**
 * Tells whether an image is blank (one colour), which is how the safety checker replaces NSFW images when the answer
 * does not carry {@code nsfw_content_detected}.
 */
final class SdBlankImages {

    private SdBlankImages() {
    }

    /** True for a one-colour image, false for anything else, null when the bytes cannot be decoded here. */
    static Boolean isBlank(byte[] image) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            if (decoded == null) {
                return null;
            }
            int first = decoded.getRGB(0, 0);
            for (int y = 0; y < decoded.getHeight(); y++) {
                for (int x = 0; x < decoded.getWidth(); x++) {
                    if (decoded.getRGB(x, y) != first) {
                        return false;
                    }
                }
            }
            return true;
        } catch (Exception | LinkageError e) {
            // no decoder for the format, or no AWT (a native image without it): the flag stays unknown
            return null;
        }
    }
}
