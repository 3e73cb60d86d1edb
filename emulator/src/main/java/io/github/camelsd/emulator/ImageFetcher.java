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

    /** Completes with whether every one of {@code references} (URLs or base64 data) is an image. */
    CompletableFuture<Boolean> allImages(List<String> references) {
        List<CompletableFuture<Boolean>> checks = references.stream().map(this::isImage).toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(done -> checks.stream().allMatch(CompletableFuture::join));
    }

    private CompletableFuture<Boolean> isImage(String reference) {
        if (!RequestRules.isHttpUrl(reference)) {
            return CompletableFuture.completedFuture(isImage(ImageFormat.decodeBase64(reference)));
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(reference)).timeout(TIMEOUT).GET().build();
            return outbound.get().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(response -> response.statusCode() == 200 && isImage(response.body()))
                    .exceptionally(unreachable -> false);
        } catch (IllegalArgumentException unusable) {
            return CompletableFuture.completedFuture(false);
        }
    }

    static boolean isImage(byte[] bytes) {
        return ImageFormat.of(bytes) != null;
    }
}
