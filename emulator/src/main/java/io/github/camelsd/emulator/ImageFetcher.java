package io.github.camelsd.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Gets input images as the API does: downloads each URL (asynchronously, with a short timeout) or decodes base64 data,
 * and accepts only bytes that start like a PNG, JPEG or WebP file.
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
            return CompletableFuture.completedFuture(isImage(decodeBase64(reference)));
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

    /** The bytes of base64 data, bare or as a {@code data:} URL; empty when it is not base64. */
    private static byte[] decodeBase64(String data) {
        int comma = data.indexOf(',');
        String payload = data.startsWith("data:") && comma > 0 ? data.substring(comma + 1) : data;
        try {
            return Base64.getMimeDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    static boolean isImage(byte[] bytes) {
        return startsWith(bytes, 0, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')
               || startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)
               || startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P');
    }

    private static boolean startsWith(byte[] bytes, int offset, int... magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
