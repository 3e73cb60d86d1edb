package io.github.camelsd.component.response;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The lenient reads of an answer: every documented form of a field gives the same value. */
class SdResponseTest {

    @Test
    void seedInEveryFormTheApiWritesIt() {
        assertEquals(42L, new SdResponse(Map.of("meta", Map.of("seed", 42))).seed());
        assertEquals(2_484_401_511L, new SdResponse(Map.of("meta", Map.of("seed", 2_484_401_511L))).seed());
        assertEquals(42L, new SdResponse(Map.of("meta", Map.of("seed", "42"))).seed());
        assertEquals(42L, new SdResponse(Map.of("seed", new BigDecimal("42.0"))).seed(), "top level, as a decimal");
        assertNull(new SdResponse(Map.of("meta", Map.of("seed", new BigDecimal("1.5")))).seed(), "not a whole number");
        assertNull(new SdResponse(Map.of("meta", Map.of("seed", BigInteger.TWO.pow(64)))).seed(), "past a long");
        assertNull(new SdResponse(Map.of("meta", Map.of("seed", "random"))).seed());
        assertNull(new SdResponse(Map.of("status", "success")).seed());
    }

    @Test
    void statusIsLowerCaseAndTrimmedOrEmpty() {
        assertEquals("success", new SdResponse(Map.of("status", " Success ")).status());
        assertEquals("", new SdResponse(Map.of("id", 1)).status());
        assertEquals("success", SdResponse.ofArray(java.util.List.of()).status());
    }

    @Test
    void idAndOutputInEveryFormTheDocsShow() {
        assertEquals("7", new SdResponse(Map.of("id", 7)).id());
        assertEquals("7", new SdResponse(Map.of("id", new BigDecimal("7.0"))).id());
        assertEquals("a-7", new SdResponse(Map.of("request_id", "a-7")).id());
        assertNull(new SdResponse(Map.of("id", " ")).id());
        assertEquals(java.util.List.of("http://x/0.png", "http://x/1.png"),
                new SdResponse(Map.of("output", java.util.List.of("http://x/0.png", "http://x/1.png"))).output());
        assertEquals(java.util.List.of("http://x/0.png"), new SdResponse(Map.of("output", "http://x/0.png")).output());
        assertEquals(java.util.List.of(), new SdResponse(Map.of("output", "")).output());
        assertEquals(java.util.List.of(), new SdResponse(Map.of("status", "processing")).output());
    }
}
