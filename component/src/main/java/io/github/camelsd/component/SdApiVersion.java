package io.github.camelsd.component;

/**
 * The API family an endpoint talks to. It decides the default path of every operation and the wire form of flags: the
 * seed-era (V3/V4/V5) docs use {@code "yes"}/{@code "no"}, the current v6 OpenAPI files use JSON booleans.
 */
public enum SdApiVersion {

    /** Seed-era paths ({@code /api/v3/...}, {@code /api/v4/...}, {@code /api/v5/...}) as on stablediffusionapi.com. */
    v3,

    /** Current ModelsLab paths ({@code /api/v6/...}). */
    v6;

    /** The documented wire form of a flag in this API family. */
    public Object flag(boolean value) {
        return this == v3 ? (value ? "yes" : "no") : value;
    }
}
