package io.github.camelsd.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON in and out. The mappers are configured here once and only used afterwards, which Jackson makes thread-safe. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Sorted keys at every level: two bodies with the same fields in another order are the same request. */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private Json() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String canonical(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as a JSON object, or null when it is not one (empty, broken, an array...). */
    static Map<String, Object> readObject(String text) {
        if (text == null || text.isBlank() || !text.strip().startsWith("{")) {
            return null;
        }
        try {
            return MAPPER.readValue(text, OBJECT);
        } catch (IOException e) {
            return null;
        }
    }
}
