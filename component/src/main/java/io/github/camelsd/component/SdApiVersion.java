package io.github.camelsd.component;

/**
 * Which generation of the API's paths an endpoint talks to. With or without a model id, it picks each operation's
 * route in the operation table, and so its {@link SdApiFamily} (which decides the wire form of flags, the fetch and the
 * limits).
 */
public enum SdApiVersion {

    /** Seed-era paths ({@code /api/v3/...}, {@code /api/v4/...}, {@code /api/v5/...}) as on stablediffusionapi.com. */
    v3,

    /** Current ModelsLab paths ({@code /api/v6/...}). */
    v6
}
