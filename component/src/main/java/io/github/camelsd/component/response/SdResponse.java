package io.github.camelsd.component.response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One answer of the API, read leniently: the docs disagree with themselves ({@code id} number or string, {@code output}
 * list or string or {@code ""}, {@code message} or {@code messege}, string or map, numbers as strings), so every
 * accessor accepts each documented form. Unknown fields stay in {@link #raw()}.
 */
public final class SdResponse {

    private final Map<String, Object> raw;
    private final List<Object> items;
    // read once: every step of a job's flow asks for these, several times per answer, and they never change
    private final String status;
    private final String id;
    private final List<String> output;

    public SdResponse(Map<String, Object> raw) {
        this(raw, null);
    }

    private SdResponse(Map<String, Object> raw, List<Object> items) {
        this.raw = raw;
        this.items = items;
        Object status = raw.get("status");
        this.status = status == null ? "" : status.toString().trim().toLowerCase(Locale.ROOT);
        this.id = idOf(raw);
        this.output = Collections.unmodifiableList(strings(raw.get("output")));
    }

    /** An answer that is a top-level JSON array (model_list): a success whose {@link #items()} are the array. */
    public static SdResponse ofArray(List<Object> items) {
        return new SdResponse(Map.of("status", "success"), List.copyOf(items));
    }

    /** The elements of a top-level array answer, or null when the answer was an object. */
    public List<Object> items() {
        return items;
    }

    public Map<String, Object> raw() {
        return raw;
    }

    /** The status in lower case ({@code success}, {@code processing}, {@code failed}, {@code error}, {@code ok}), or "". */
    public String status() {
        return status;
    }

    /** The job id as text, or null when absent or empty. */
    public String id() {
        return id;
    }

    private static String idOf(Map<String, Object> raw) {
        Object id = raw.get("id");
        if (id == null) {
            id = raw.get("request_id");
        }
        if (id instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return id == null || id.toString().isBlank() ? null : id.toString();
    }

    /** The output links (or base64 strings): always a list (not modifiable), empty while processing. */
    public List<String> output() {
        return output;
    }

    public List<String> futureLinks() {
        return strings(raw.get("future_links"));
    }

    public Double eta() {
        return number("eta");
    }

    public Double generationTime() {
        return number("generationTime");
    }

    public String fetchResult() {
        Object link = raw.get("fetch_result");
        return link == null ? null : link.toString();
    }

    public Boolean nsfwContentDetected() {
        Object flag = raw.get("nsfw_content_detected");
        if (flag instanceof Boolean b) {
            return b;
        }
        return flag == null ? null : Boolean.valueOf(flag.toString());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> meta() {
        Object meta = raw.get("meta");
        return meta instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The seed the API used: {@code meta.seed}, or a top-level {@code seed}. */
    public Long seed() {
        Object seed = meta().getOrDefault("seed", raw.get("seed"));
        if (seed instanceof Long || seed instanceof Integer) {
            return ((Number) seed).longValue(); // as JSON parses a whole number: no text round trip
        }
        try {
            return seed == null ? null : new BigDecimal(seed.toString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** {@code message} or its misspelling {@code messege}: a String, a Map of field to messages, or null. */
    public Object message() {
        Object message = raw.get("message");
        return message != null ? message : raw.get("messege");
    }

    /** The message as text for humans ("" when none). */
    public String messageText() {
        Object message = message();
        return message == null ? "" : message.toString();
    }

    /** {@code tip}, {@code tips} or {@code tip_1}, whichever is there. */
    public String tips() {
        for (String field : List.of("tips", "tip", "tip_1")) {
            Object tip = raw.get(field);
            if (tip != null) {
                return tip.toString();
            }
        }
        return "";
    }

    /** {@code retry_after} in seconds, or null. */
    public Double retryAfter() {
        return number("retry_after");
    }

    private Double number(String field) {
        Object value = raw.get(field);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return value == null || value.toString().isBlank() ? null : Double.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> items) {
            List<String> strings = new ArrayList<>(items.size());
            items.forEach(item -> strings.add(String.valueOf(item)));
            return strings;
        }
        return value == null || value.toString().isBlank() ? List.of() : List.of(value.toString());
    }
}
