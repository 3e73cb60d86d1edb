package io.github.camelsd.component.request;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import io.github.camelsd.component.SdApiFamily;

/**
 * The documented limits of one field, checked on its normalized wire value. Where API families document different
 * limits, {@link SdApiFamily#limitsFor} holds the family's own. A failed check says what was wrong in words of ours,
 * never in a JDK parser's.
 */
public interface Limits {

    Limits NONE = (value, family) -> {
    };

    Limits NOT_BLANK = (value, family) -> {
        if (value.toString().isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
    };

    /** The schedulers the community and ControlNet docs list. */
    Limits SCHEDULERS = oneOf("DDPMScheduler", "DDIMScheduler", "PNDMScheduler", "LMSDiscreteScheduler",
            "EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler", "DPMSolverMultistepScheduler",
            "HeunDiscreteScheduler", "KDPM2DiscreteScheduler", "DPMSolverSinglestepScheduler",
            "KDPM2AncestralDiscreteScheduler", "UniPCMultistepScheduler", "DDIMInverseScheduler",
            "DEISMultistepScheduler", "IPNDMScheduler", "KarrasVeScheduler", "ScoreSdeVeScheduler", "LCMScheduler");

    /** Every ControlNet model id the docs list (2023, current, and FluxDev's). */
    Limits CONTROLNET_MODELS = oneOf("canny", "depth", "hed", "mlsd", "normal", "openpose", "scribble", "segmentation",
            "aesthetic-controlnet", "inpaint", "softedge", "lineart", "shuffle", "tile", "face_detector", "qrcode",
            "blur", "pose", "gray", "low_quality");

    /** The upscalers super resolution documents (realesr-general-x4v3 is its default). */
    Limits UPSCALERS = oneOf("RealESRGAN_x4plus", "RealESRNet_x4plus", "RealESRGAN_x4plus_anime_6B",
            "RealESRGAN_x2plus", "realesr-general-x4v3", "ultra_resolution");

    void check(Object value, SdApiFamily family);

    /** At most {@code max} characters: a runaway prompt is a bug upstream, not a request. */
    static Limits maxLength(int max) {
        return (value, family) -> {
            int length = value.toString().length();
            if (length > max) {
                throw new IllegalArgumentException("must be at most " + max + " characters (was " + length + ")");
            }
        };
    }

    /** Not blank, and at most {@code max} characters. */
    static Limits text(int max) {
        return (value, family) -> {
            NOT_BLANK.check(value, family);
            maxLength(max).check(value, family);
        };
    }

    static Limits between(long min, long max) {
        return range(min, max);
    }

    static Limits range(double min, double max) {
        return (value, family) -> requireBetween(value, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    /** Width and height: multiples of 8, at most 1024 (families with other limits give {@link #side}). */
    static Limits imageSide() {
        return side(8, 1024);
    }

    /** A multiple of 8 between {@code min} and {@code max}. */
    static Limits side(int min, int max) {
        return (value, family) -> {
            long side = ((Number) value).longValue();
            if (side % 8 != 0) {
                throw new IllegalArgumentException("must be a multiple of 8 (was " + side + ")");
            }
            requireBetween(value, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
        };
    }

    /** Denoising steps: each family documents its own maximum. */
    static Limits steps() {
        return (value, family) -> requireBetween(value, BigDecimal.ONE, BigDecimal.valueOf(family.maxSteps()));
    }

    static Limits oneOf(String... allowed) {
        Collection<String> values = List.of(allowed);
        return (value, family) -> {
            if (!values.contains(value.toString())) {
                throw new IllegalArgumentException("must be one of " + values + " (was '" + value + "')");
            }
        };
    }

    private static void requireBetween(Object value, BigDecimal min, BigDecimal max) {
        BigDecimal number;
        try {
            // the field's wire value: a Long (whole numbers), a BigDecimal (decimals) or a list's item as text
            number = value instanceof BigDecimal d ? d : value instanceof Long whole ? BigDecimal.valueOf(whole)
                    : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number (was '" + value + "')");
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw new IllegalArgumentException("must be between " + min.stripTrailingZeros().toPlainString() + " and "
                                               + max.stripTrailingZeros().toPlainString() + " (was " + value + ")");
        }
    }
}
