package io.github.camelsd.component;

import java.util.Objects;

/**
 * One output of a finished job as the API gave it ({@code outputFormat=urls}): a link to the image, or the image inline
 * as base64 when the request asked the API for base64. It says where it came from (index and job id), and Camel type
 * converters ({@link SdImageConverters}) turn it into the image's bytes or an {@code InputStream}, downloading the link
 * with the producing endpoint's {@code maxDownloadSize} and {@code responseTimeout}. As text, it is the link.
 */
public final class SdImage {

    private final String output;
    private final int index;
    private final String jobId;
    private final long maxDownloadSize;
    private final long downloadTimeoutMillis;

    SdImage(String output, int index, String jobId, long maxDownloadSize, long downloadTimeoutMillis) {
        this.output = Objects.requireNonNull(output, "output");
        this.index = index;
        this.jobId = jobId;
        this.maxDownloadSize = maxDownloadSize;
        this.downloadTimeoutMillis = downloadTimeoutMillis;
    }

    /** The output as the API answered it: an http(s) link, or base64 data (raw or as a data: URI). */
    public String getOutput() {
        return output;
    }

    /** Whether the output is a link to download rather than inline base64 data. */
    public boolean isLink() {
        return isLink(output);
    }

    static boolean isLink(String output) {
        return output.startsWith("http://") || output.startsWith("https://");
    }

    /** The position of this image in the job's outputs, from 0. */
    public int getIndex() {
        return index;
    }

    /** The API's id of the job that made the image. */
    public String getJobId() {
        return jobId;
    }

    long maxDownloadSize() {
        return maxDownloadSize;
    }

    long downloadTimeoutMillis() {
        return downloadTimeoutMillis;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SdImage image && image.index == index && image.output.equals(output)
               && Objects.equals(image.jobId, jobId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(output, index, jobId);
    }

    /** The link; inline data is abbreviated, because this is what logs and traces print. */
    @Override
    public String toString() {
        return isLink() ? output : "base64 image (" + output.length() + " characters)";
    }
}
