package io.github.camelsd.emulator;

/**
 * What one job's output files look like. The pixels are a function of prompt, seed, size and the file's index only, so
 * the same request renders the same bytes in every run.
 *
 * @param black  the safety checker replaced the images by uniform black ones
 * @param format the kind of file
 * @param frames the frames a video asks for (1 for images)
 * @param fps    the frames per second a video asks for
 */
record ImageSpec(String prompt, long seed, int width, int height, boolean black, OutputFormat format, int frames,
        int fps) {

    /** A PNG image. */
    ImageSpec(String prompt, long seed, int width, int height, boolean black) {
        this(prompt, seed, width, height, black, OutputFormat.PNG, 1, 1);
    }
}
