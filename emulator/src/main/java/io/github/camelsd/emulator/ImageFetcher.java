package io.github.camelsd.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Gets input images as the API does: downloads each URL (asynchronously, with a short timeout) or decodes base64 data,
 * and accepts only bytes that start like a PNG, JPEG or WebP file ({@link ImageFormat}).
 */
final class ImageFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final OutboundClient outbound;

    ImageFetcher(OutboundClient outbound) {
        this.outbound = outbound;
    }

    /**
     * Completes with the image each of {@code references} (URLs or base64 data) holds, in order; an entry is null when
     * its reference is unreachable or not an image.
     */
    CompletableFuture<List<byte[]>> fetchAll(List<String> references) {
        List<CompletableFuture<byte[]>> fetches = references.stream().map(this::fetch).toList();
        return CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new))
                .thenApply(done -> fetches.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<byte[]> fetch(String reference) {
        if (!RequestRules.isHttpUrl(reference)) {
            return CompletableFuture.completedFuture(imageOrNull(ImageFormat.decodeBase64(reference)));
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(reference)).timeout(TIMEOUT).GET().build();
            return outbound.get().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(response -> response.statusCode() == 200 ? imageOrNull(response.body()) : null)
                    .exceptionally(unreachable -> null);
        } catch (IllegalArgumentException unusable) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private static byte[] imageOrNull(byte[] bytes) {
        return isImage(bytes) ? bytes : null;
    }

    static boolean isImage(byte[] bytes) {
        return ImageFormat.of(bytes) != null;
    }
}
