package io.github.camelsd.component;

/**
 * Which generation of the API's paths an endpoint talks to, or an enterprise dedicated server. With or without a model id, it picks each operation's
 * route in the operation table, and so its {@link SdApiFamily} (which decides the wire form of flags, the fetch and the
 * limits).
 */
public enum SdApiVersion {

    /** Seed-era paths ({@code /api/v3/...}, {@code /api/v4/...}, {@code /api/v5/...}) as on stablediffusionapi.com. */
    v3,

    /** Current ModelsLab paths ({@code /api/v6/...}). */
    v6,

    /**
     * An enterprise dedicated server: {@code baseUrl} is the server, {@code apiKey} its enterprise key. Operations with
     * an enterprise path go to {@code /api/v1/enterprise/...} (the 2023 enterprise pages); the others keep their
     * {@link #v3} path. The server's own operations (system-details, restart-server, ...) exist on this version only.
     */
    enterprise
}
