package io.github.camelsd.component;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SdMediaTypeTest {

    @Test
    void theLinksExtensionNamesTheMediaType() {
        assertEquals("image/png", SdMediaType.ofLink("https://pub-x.r2.dev/generations/abc-0.png"));
        assertEquals("video/mp4", SdMediaType.ofLink("https://cdn.example.com/video/abc.MP4?X-Amz-Expires=60#t"));
        assertEquals("image/jpeg", SdMediaType.ofLink("http://h/a.b/c.jpeg"));
        assertEquals("image/gif", SdMediaType.ofLink("http://h/v/out.gif"));
        assertNull(SdMediaType.ofLink("http://h.example.com/no-extension"), "a dot in the host is not an extension");
        assertNull(SdMediaType.ofLink("iVBORw0KGgoAAAANSUhEUgAA"), "base64 output");
        assertNull(SdMediaType.ofLink("http://h/file.txt"));
    }

    @Test
    void downloadedBytesNameTheirOwnType() {
        assertEquals("video/mp4", SdMediaType.of(new byte[] { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm' }));
        assertEquals("image/gif", SdMediaType.of("GIF89a......".getBytes()));
        assertEquals("image/png", SdMediaType.of(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 }));
        assertEquals("application/octet-stream", SdMediaType.of(new byte[] { 1, 2, 3 }));
    }
}
