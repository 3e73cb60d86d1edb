package io.github.camelsd.emulator;

/**
 * The kinds of file a job's output links point at: images, and the two video formats the video API documents; or
 * {@link #TEXT}, an answer in words (caption), which has no file.
 */
enum OutputFormat {

    PNG("png", "image/png"),
    /** An animated GIF, the v6 video API's default {@code output_type}. */
    GIF("gif", "image/gif"),
    MP4("mp4", "video/mp4"),
    /** The output is text in the answer's {@code output} list, not files. */
    TEXT("txt", "text/plain");

    private final String extension;
    private final String contentType;

    OutputFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The file name extension, without the dot. */
    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    boolean video() {
        return this == GIF || this == MP4;
    }

    /** Whether the output is files behind links (not {@link #TEXT}). */
    boolean files() {
        return this != TEXT;
    }

    /** The video format an {@code output_type} value names, or null when it names none. */
    static OutputFormat ofOutputType(String outputType) {
        if (outputType == null) {
            return null;
        }
        String type = outputType.strip();
        return GIF.extension.equals(type) ? GIF : MP4.extension.equals(type) ? MP4 : null;
    }
}
