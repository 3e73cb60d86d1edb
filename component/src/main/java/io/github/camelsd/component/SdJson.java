package io.github.camelsd.component;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the component, and the only way request bodies reach a log: with every key masked (the API
 * key, and any other field named {@code *_key}, such as a training's {@code wandb_key}; the token of a webhook URL).
 */
public final class SdJson {

    public static final String KEY = "key";
    private static final String MASK = "xxxxxx";
    private static final String WEBHOOK = "webhook";
    /** The per-job token of a callback URL (webhook=auto): as good as a password for that job's callbacks. */
    private static final Pattern WEBHOOK_TOKEN = Pattern.compile("([?&]token=)[^&#]*");
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    // every request and answer goes through these: made once, so a call does not resolve the target type again
    private static final ObjectReader OBJECT = MAPPER.readerFor(MAP);
    private static final ObjectReader ARRAY = MAPPER.readerFor(new TypeReference<List<Object>>() {
    });
    private static final ObjectWriter WRITER = MAPPER.writer();

    private SdJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Map<String, Object> body) throws IOException {
        return WRITER.writeValueAsBytes(body);
    }

    /** A top-level JSON array (model_list answers one), as a List of Maps, Lists and values. */
    public static List<Object> readArray(byte[] json) throws IOException {
        return ARRAY.readValue(json);
    }

    /** Parses a JSON object; anything else (an array, a scalar, broken JSON) is an IOException. */
    public static Map<String, Object> readObject(byte[] json) throws IOException {
        Map<String, Object> object = OBJECT.readValue(json);
        if (object == null) {
            throw new IOException("JSON null, not an object"); // Jackson reads a literal null as a null Map
        }
        return object;
    }

    public static Map<String, Object> toMap(Object typed) {
        return MAPPER.convertValue(typed, MAP);
    }

    /** The body as it may be logged: the key replaced by a mask. */
    public static String masked(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.replaceAll((name, value) -> name.equals(KEY) || name.endsWith("_" + KEY) ? MASK
                : name.equals(WEBHOOK) && value instanceof String url ? WEBHOOK_TOKEN.matcher(url).replaceAll("$1" + MASK)
                : value);
        try {
            return MAPPER.writeValueAsString(copy);
        } catch (IOException e) {
            return "<unprintable body>";
        }
    }
}
