package io.github.camelsd.component;

/**
 * What the body of a finished job holds. One image gives the value itself, several give a List of values. The API's
 * output links can be temporary: every format but {@code urls} downloads the images at once.
 */
public enum SdOutputFormat {

    /** The API's output as it came: image URLs (or base64 strings when the request asked the API for base64). */
    urls,
    /** The images' bytes ({@code byte[]}). */
    bytes,
    /** The images as {@code InputStream}s over the downloaded bytes. */
    stream,
    /** The images' bytes, base64-encoded ({@code String}). */
    base64
}
