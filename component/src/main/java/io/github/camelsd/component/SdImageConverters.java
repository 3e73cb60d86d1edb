package io.github.camelsd.component;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

import io.github.camelsd.component.error.SdOutputDownloadException;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * Type converters for {@link SdImage}, so that {@code convertBodyTo(byte[].class)}, {@code InputStream} and every
 * producer that reads its body as bytes or a stream (file, aws2-s3, http) work on an image of an {@code outputFormat=urls}
 * result. A conversion is synchronous by nature: it downloads on the calling thread (see
 * {@link SdOutputFetcher#fetchNow}); {@code outputFormat=bytes} downloads without blocking instead.
 */
@Converter(generateLoader = true)
public final class SdImageConverters {

    private SdImageConverters() {
    }

    @Converter
    public static byte[] toBytes(SdImage image, Exchange exchange) throws SdOutputDownloadException {
        return SdOutputFetcher.fetchNow(image, exchange);
    }

    @Converter
    public static InputStream toInputStream(SdImage image, Exchange exchange) throws SdOutputDownloadException {
        return new ByteArrayInputStream(toBytes(image, exchange));
    }

    /**
     * A result of one image ({@code outputFormat=urls} gives a List even then) converts like that image, so that
     * {@code to("sd:text2img").to("file:renders")} works. Camel asks a fallback converter only when no other applies;
     * a List of several images is left alone (null), because which one would be a guess: split it first.
     */
    @Converter(fallback = true)
    public static Object convertTo(Class<?> type, Exchange exchange, Object value, TypeConverterRegistry registry)
            throws SdOutputDownloadException {
        if (value instanceof List<?> images && images.size() == 1 && images.get(0) instanceof SdImage image) {
            if (type == byte[].class) {
                return toBytes(image, exchange);
            }
            if (type == InputStream.class) {
                return toInputStream(image, exchange);
            }
        }
        return null;
    }

    /** The output as the API answered it (the link, or the whole base64 data). */
    @Converter
    public static String toString(SdImage image) {
        return image.getOutput();
    }
}
