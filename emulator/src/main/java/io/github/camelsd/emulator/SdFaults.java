package io.github.camelsd.emulator;

import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The faults armed on one emulator. An API request takes the oldest armed fault that matches its path; when none
 * matches and {@link #randomly} is set, it draws one by chance. An image download takes only a fault armed with
 * {@link #forPath} under its own path (for example {@code /generations/}), so that faults meant for the API never land on
 * downloads.
 */
public final class SdFaults {

    /** Faults by chance; one Random drawn under the lock, so the same seed gives the same sequence of draws. */
    private static final class Chance {
        final double probability;
        final Random random;
        final List<Fault> mix;

        Chance(double probability, long seed, List<Fault> mix) {
            this.probability = probability;
            this.random = new Random(seed);
            this.mix = mix;
        }

        Fault draw() {
            return random.nextDouble() < probability ? mix.get(random.nextInt(mix.size())) : null;
        }
    }

    private final ArmedFaults<Fault> armed = new ArmedFaults<>();
    private Chance chance; // guarded by this

    SdFaults() {
    }

    /** Arms {@code fault} for the next API request. */
    public SdFaults next(Fault fault) {
        return next(fault, 1);
    }

    /** Arms {@code fault} for the next {@code times} API requests. */
    public SdFaults next(Fault fault, int times) {
        return arm(null, fault, times);
    }

    /** Arms {@code fault} for the next {@code times} API requests whose path starts with {@code pathPrefix}. */
    public SdFaults forPath(String pathPrefix, Fault fault, int times) {
        return arm(Objects.requireNonNull(pathPrefix, "pathPrefix"), fault, times);
    }

    /**
     * From now on, each API request that no armed fault matches hits a fault with {@code probability}, picked from
     * {@code mix}; reproducible for a given {@code seed} and order of requests. Replaces an earlier setting.
     */
    public synchronized SdFaults randomly(double probability, long seed, List<Fault> mix) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1: " + probability);
        }
        if (mix.isEmpty()) {
            throw new IllegalArgumentException("the mix of faults is empty");
        }
        chance = new Chance(probability, seed, List.copyOf(mix));
        return this;
    }

    /** Disarms every fault, the random ones included. */
    public synchronized void clear() {
        armed.clear();
        chance = null;
    }

    private SdFaults arm(String pathPrefix, Fault fault, int times) {
        armed.arm(pathPrefix, fault, times);
        return this;
    }

    /** The fault this API request hits, or null. */
    synchronized Fault take(String path) {
        Fault fault = takeArmed(path, true);
        return fault != null || chance == null ? fault : chance.draw();
    }

    /** The fault this image download hits, or null. */
    synchronized Fault takeForDownload(String path) {
        return takeArmed(path, false);
    }

    private Fault takeArmed(String path, boolean unscoped) {
        return armed.take(pathPrefix -> pathPrefix == null ? unscoped : path.startsWith(pathPrefix));
    }
}
