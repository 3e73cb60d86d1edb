package io.github.camelsd.component;

import java.util.Arrays;
import java.util.Locale;

/**
 * How an input image that is content (bytes, a file, a stream) becomes something the API accepts: the API never takes
 * an uploaded file, only a public URL or, where the endpoint allows, base64.
 */
public enum SdStaging {

    /** Only URLs are accepted: content is a validation error naming the field (the default without stagingUri). */
    NONE("none"),
    /** Sent inline as base64 with the API's base64 flag, where the operation supports it. */
    BASE64("base64"),
    /** Uploaded first through the API's own base64-to-URL endpoint, then sent as that URL. */
    API_HOSTED("api-hosted"),
    /**
     * Uploaded to a bucket through Camel AWS2 S3 (option stagingUri), then sent as a presigned GET URL; the objects
     * are deleted when the job ends.
     */
    S3("s3");

    /** The option values, for {@code @UriParam(enums = ...)}: keep in step with the constants. */
    public static final String NAMES = "none,base64,api-hosted,s3";

    private final String option;

    SdStaging(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    public static SdStaging fromOption(String value) {
        String wanted = value == null ? "none" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.option.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown staging '" + value + "' (option staging); expected one of: " + NAMES));
    }
}
