package io.github.camelsd.emulator;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files served for download: those the jobs announce, under {@value #GENERATIONS} by file name
 * {@code <file prefix>-<index>.<png|gif|mp4>}, and those clients uploaded, under {@value #UPLOADS} by file name
 * {@code <uuid>.<extension>}. Only what a job's files look like is kept per job; a file is rendered when first asked
 * for and cached, least recently used first out, within a byte budget (MP4 outputs are all the same resource, never
 * cached). Uploads cannot be made again, so they have a
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

    /** Whether {@code path} is where files are downloaded from (with GET). */
    static boolean isDownload(String path) {
        return path.startsWith(GENERATIONS) || path.startsWith(UPLOADS);
    }

    /** The file at {@code path}, or null when there is none. */
    Download download(String path) {
        if (path.startsWith(GENERATIONS)) {
            String fileName = path.substring(GENERATIONS.length());
            ImageSet set = sets.get(filePrefix(fileName));
            byte[] bytes = set == null ? null : bytes(fileName);
            return bytes == null ? null : new Download(set.spec().format().contentType(), bytes);
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

    /** What the job's file at {@code path} (under {@link #GENERATIONS}) looks like, or null when it is none. */
    ImageSpec spec(String path) {
        if (!path.startsWith(GENERATIONS)) {
            return null;
        }
        ImageSet set = sets.get(filePrefix(path.substring(GENERATIONS.length())));
        return set == null ? null : set.spec();
    }

    void register(String filePrefix, ImageSpec spec, int count) {
        sets.put(filePrefix, new ImageSet(spec, count));
    }

    /** Forgets the files of the job with {@code filePrefix} (its renders already cached go the usual way). */
    void forget(String filePrefix) {
        sets.remove(filePrefix);
    }

    /** The file name of output {@code index} of a job with {@code filePrefix}. */
    static String fileName(String filePrefix, int index, OutputFormat format) {
        return filePrefix + "-" + index + "." + format.extension();
    }

    private static String filePrefix(String fileName) {
        int dash = fileName.lastIndexOf('-');
        return dash < 0 ? "" : fileName.substring(0, dash);
    }

    /** The bytes of {@code fileName}, or null when no job announced it (in that format). */
    byte[] bytes(String fileName) {
        int dash = fileName.lastIndexOf('-');
        int dot = fileName.lastIndexOf('.');
        if (dash < 0 || dot < dash) {
            return null;
        }
        ImageSet set = sets.get(fileName.substring(0, dash));
        String index = fileName.substring(dash + 1, dot);
        if (set == null || !fileName.substring(dot + 1).equals(set.spec().format().extension())
                || !index.matches("\\d{1,2}")) {
            return null;
        }
        return bytes(fileName.substring(0, dash), Integer.parseInt(index));
    }

    /** The file of output {@code index} of the job with {@code filePrefix}, or null when there is none. */
    byte[] bytes(String filePrefix, int index) {
        ImageSet set = sets.get(filePrefix);
        if (set == null || index >= set.count()) {
            return null;
        }
        OutputFormat format = set.spec().format();
        if (format == OutputFormat.MP4) {
            return Mp4Video.bytes();
        }
        String name = fileName(filePrefix, index, format);
        synchronized (cache) {
            byte[] cached = cache.get(name);
            if (cached != null) {
                return cached;
            }
        }
        // rendered outside the lock: two threads may render the same file at once, and get the same bytes
        byte[] file = format == OutputFormat.GIF ? GifRenderer.render(set.spec(), index)
                : PngRenderer.render(set.spec(), index);
        synchronized (cache) {
            if (cache.put(name, file) == null) {
                cachedBytes += file.length;
            }
            for (Iterator<byte[]> oldest = cache.values().iterator(); cachedBytes > CACHE_BYTES && oldest.hasNext();) {
                cachedBytes -= oldest.next().length;
                oldest.remove();
            }
        }
        return file;
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
