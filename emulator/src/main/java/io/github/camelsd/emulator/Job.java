package io.github.camelsd.emulator;

import java.util.concurrent.TimeUnit;

/**
 * One accepted generation. Its state follows from the clock alone: processing until {@code doneNanos}, then done, or
 * failed when a fault marked it so. Times are {@link System#nanoTime()} values.
 *
 * @param operation  the operation that created it
 * @param seed       the seed used: the requested one or the one picked at random
 * @param filePrefix the UUID its image files are named after
 * @param nsfw       the safety checker found the prompt NSFW: the images are black
 * @param failing    a fault made it fail while processing
 * @param text       the answer in words of a job whose output is {@link OutputFormat#TEXT} (a caption), else null
 */
record Job(long id, String key, Operation operation, GenerationRequest request, long seed, String filePrefix,
        boolean nsfw, boolean failing, long createdNanos, long doneNanos, String text) {

    /** The wire conventions of the path that created it. */
    ApiFamily family() {
        return operation.family();
    }

    /** This job, done at {@code now} instead of later. */
    Job doneAt(long now) {
        return new Job(id, key, operation, request, seed, filePrefix, nsfw, failing, createdNanos, now, text);
    }

    /** This job, failed at {@code now} (its queue cleared) instead of done later. */
    Job failedAt(long now) {
        return new Job(id, key, operation, request, seed, filePrefix, nsfw, true, createdNanos, now, text);
    }

    boolean processing(long now) {
        return now - doneNanos < 0;
    }

    /** The seconds left until done, as the API's {@code eta}. */
    double etaSeconds(long now) {
        return seconds(Math.max(0, doneNanos - now));
    }

    double generationTime() {
        return seconds(doneNanos - createdNanos);
    }

    /** Seconds with millisecond precision, as the API prints them. */
    private static double seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos) / 1000.0;
    }
}
