package io.github.camelsd.emulator;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The images the jobs announce, by file name {@code <file prefix>-<index>.png}. Only what an image looks like is kept
 * per job; its PNG is rendered when first asked for and cached, least recently used first out, within a byte budget.
 */
final class ImageStore {

    private static final long CACHE_BYTES = 32L << 20;

    private record ImageSet(ImageSpec spec, int count) {
    }

    private final Map<String, ImageSet> sets = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true); // guarded by itself
    private long cachedBytes; // guarded by cache

    void register(String filePrefix, ImageSpec spec, int count) {
        sets.put(filePrefix, new ImageSet(spec, count));
    }

    static String fileName(String filePrefix, int index) {
        return filePrefix + "-" + index + ".png";
    }

    /** The PNG of {@code fileName}, or null when no job announced it. */
    byte[] png(String fileName) {
        int dash = fileName.lastIndexOf('-');
        if (dash < 0 || !fileName.endsWith(".png")) {
            return null;
        }
        String filePrefix = fileName.substring(0, dash);
        String index = fileName.substring(dash + 1, fileName.length() - ".png".length());
        if (!index.matches("\\d{1,2}")) {
            return null;
        }
        return png(filePrefix, Integer.parseInt(index));
    }

    /** The PNG of image {@code index} of the job with {@code filePrefix}, or null when there is none. */
    byte[] png(String filePrefix, int index) {
        ImageSet set = sets.get(filePrefix);
        if (set == null || index >= set.count()) {
            return null;
        }
        String name = fileName(filePrefix, index);
        synchronized (cache) {
            byte[] cached = cache.get(name);
            if (cached != null) {
                return cached;
            }
        }
        // rendered outside the lock: two threads may render the same image at once, and get the same bytes
        byte[] png = PngRenderer.render(set.spec(), index);
        synchronized (cache) {
            if (cache.put(name, png) == null) {
                cachedBytes += png.length;
            }
            for (Iterator<byte[]> oldest = cache.values().iterator(); cachedBytes > CACHE_BYTES && oldest.hasNext();) {
                cachedBytes -= oldest.next().length;
                oldest.remove();
            }
        }
        return png;
    }

    void clear() {
        sets.clear();
        synchronized (cache) {
            cache.clear();
            cachedBytes = 0;
        }
    }
}
