package io.github.camelsd.emulator;

/**
 * What one job's images look like. The pixels are a function of prompt, seed, size and the image's index only, so the
 * same request renders the same bytes in every run.
 *
 * @param black the safety checker replaced the images by uniform black ones
 */
record ImageSpec(String prompt, long seed, int width, int height, boolean black) {
}
