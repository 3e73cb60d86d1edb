package io.github.camelsd.component.request;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import io.github.camelsd.component.SdApiVersion;

/** The documented limits of one field, checked on its normalized wire value. */
interface Limits {

    Limits NONE = (value, version) -> {
    };

    Limits NOT_BLANK = (value, version) -> {
        if (value.toString().isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
    };

    void check(Object value, SdApiVersion version);

    /** At most {@code max} characters: a runaway prompt is a bug upstream, not a request. */
    static Limits maxLength(int max) {
        return (value, version) -> {
            int length = value.toString().length();
            if (length > max) {
                throw new IllegalArgumentException("must be at most " + max + " characters (was " + length + ")");
            }
        };
    }

    /** Not blank, and at most {@code max} characters. */
    static Limits text(int max) {
        return (value, version) -> {
            NOT_BLANK.check(value, version);
            maxLength(max).check(value, version);
        };
    }

    static Limits between(long min, long max) {
        return (value, version) -> requireBetween(value, min, max);
    }

    /** Width and height: multiples of 8, at most 1024. */
    static Limits imageSide() {
        return (value, version) -> {
            long side = ((Number) value).longValue();
            if (side % 8 != 0) {
                throw new IllegalArgumentException("must be a multiple of 8 (was " + side + ")");
            }
            requireBetween(value, 8, 1024);
        };
    }

    /** Seed-era endpoints take 1 to 50 steps; the v6 realtime endpoints cap at 20. */
    static Limits steps() {
        return (value, version) -> requireBetween(value, 1, version == SdApiVersion.v6 ? 20 : 50);
    }

    static Limits oneOf(String... allowed) {
        Collection<String> values = List.of(allowed);
        return (value, version) -> {
            if (!values.contains(value.toString())) {
                throw new IllegalArgumentException("must be one of " + values + " (was '" + value + "')");
            }
        };
    }

    private static void requireBetween(Object value, long min, long max) {
        BigDecimal number = new BigDecimal(value.toString());
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException("must be between " + min + " and " + max + " (was " + value + ")");
        }
    }
}
