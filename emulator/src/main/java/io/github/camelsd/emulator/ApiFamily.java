package io.github.camelsd.emulator;

/**
 * The wire conventions of one family of paths. The seed-era V3 API answers nearly every error with HTTP 200 and spells
 * {@code messege}; the v6 realtime API uses 400/401/404, spells {@code message}, adds {@code proxy_links} and has the
 * safety checker off by default (its OpenAPI default). The v6 paths outside {@code /api/v6/realtime} that the emulator
 * serves ({@code /api/v6/base64_to_url}) follow the same conventions, so they belong to {@link #V6_REALTIME} too.
 */
enum ApiFamily {

    V3("/api/v3/fetch/", 200, 200, 200, "messege", false, true, 30) {
        @Override
        String modelNotFound(String modelId) {
            return "Model id not found";
        }
    },
    V6_REALTIME("/api/v6/realtime/fetch/", 401, 400, 404, "message", true, false, 20) {
        @Override
        String modelNotFound(String modelId) {
            return "Model not found: " + modelId;
        }
    };

    private final String fetchPath;
    private final int invalidKeyStatus;
    private final int validationStatus;
    private final int unknownJobStatus;
    private final String processingMessageField;
    private final boolean proxyLinks;
    private final boolean safetyCheckerDefault;
    private final int defaultSteps;

    ApiFamily(String fetchPath, int invalidKeyStatus, int validationStatus, int unknownJobStatus,
            String processingMessageField, boolean proxyLinks, boolean safetyCheckerDefault, int defaultSteps) {
        this.fetchPath = fetchPath;
        this.invalidKeyStatus = invalidKeyStatus;
        this.validationStatus = validationStatus;
        this.unknownJobStatus = unknownJobStatus;
        this.processingMessageField = processingMessageField;
        this.proxyLinks = proxyLinks;
        this.safetyCheckerDefault = safetyCheckerDefault;
        this.defaultSteps = defaultSteps;
    }

    /** Both documented texts for an unknown {@code model_id}. */
    abstract String modelNotFound(String modelId);

    /** Where a queued job of this family is fetched: this prefix plus the job id. */
    String fetchPath() {
        return fetchPath;
    }

    int invalidKeyStatus() {
        return invalidKeyStatus;
    }

    int validationStatus() {
        return validationStatus;
    }

    int unknownJobStatus() {
        return unknownJobStatus;
    }

    String processingMessageField() {
        return processingMessageField;
    }

    boolean proxyLinks() {
        return proxyLinks;
    }

    boolean safetyCheckerDefault() {
        return safetyCheckerDefault;
    }

    int defaultSteps() {
        return defaultSteps;
    }
}
