package io.github.camelsd.emulator;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The images served for download: those the jobs announce, under {@value #GENERATIONS} by file name
 * {@code <file prefix>-<index>.png}, and those clients uploaded, under {@value #UPLOADS} by file name
 * {@code <uuid>.<extension>}. Only what a job's image looks like is kept per job; its PNG is rendered when first asked
 * for and cached, least recently used first out, within a byte budget. Uploads cannot be made again, so they have a
 * budget of their own, which renders never take from: beyond it the oldest uploads are forgotten first (the API
 * forgets its uploads by age too, after 24 hours), but the newest is always kept.
 */
final class ImageStore {

    /** Where the jobs' images are served. */
    static final String GENERATIONS = "/generations/";
    /** Where uploaded images are served. */
    static final String UPLOADS = "/uploads/";
    private static final long CACHE_BYTES = 32L << 20;
    /** Room for a dozen uploads of the 5 MB the API allows, or hundreds of ordinary ones. */
    static final long UPLOAD_BYTES = 64L << 20;

    private record ImageSet(ImageSpec spec, int count) {
    }

    /** A file to download. */
    record Download(String contentType, byte[] bytes) {
    }

    private final Map<String, ImageSet> sets = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true); // guarded by itself
    private long cachedBytes; // guarded by cache
    private final long uploadBudget;
    /** By file name, oldest first. */
    private final LinkedHashMap<String, Download> uploads = new LinkedHashMap<>(); // guarded by itself
    private long uploadedBytes; // guarded by uploads

    ImageStore() {
        this(UPLOAD_BYTES);
    }

    /** A store that keeps at most {@code uploadBudget} bytes of uploads (and always the newest upload). */
    ImageStore(long uploadBudget) {
        this.uploadBudget = uploadBudget;
    }

    /** Whether {@code path} is where images are downloaded from (with GET). */
    static boolean isDownload(String path) {
        return path.startsWith(GENERATIONS) || path.startsWith(UPLOADS);
    }

    /** The image at {@code path}, or null when there is none. */
    Download download(String path) {
        if (path.startsWith(GENERATIONS)) {
            byte[] png = png(path.substring(GENERATIONS.length()));
            return png == null ? null : new Download(ImageFormat.PNG.contentType(), png);
        }
        if (path.startsWith(UPLOADS)) {
            synchronized (uploads) {
                return uploads.get(path.substring(UPLOADS.length()));
            }
        }
        return null;
    }

    /** Keeps {@code bytes}, an image in {@code format}; returns its file name under {@link #UPLOADS}. */
    String upload(byte[] bytes, ImageFormat format) {
        String fileName = UUID.randomUUID() + "." + format.extension();
        synchronized (uploads) {
            uploads.put(fileName, new Download(format.contentType(), bytes));
            uploadedBytes += bytes.length;
            for (Iterator<Download> oldest = uploads.values().iterator();
                    uploadedBytes > uploadBudget && uploads.size() > 1;) {
                uploadedBytes -= oldest.next().bytes().length;
                oldest.remove();
            }
        }
        return fileName;
    }

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
        synchronized (uploads) {
            uploads.clear();
            uploadedBytes = 0;
        }
        synchronized (cache) {
            cache.clear();
            cachedBytes = 0;
        }
    }
}
