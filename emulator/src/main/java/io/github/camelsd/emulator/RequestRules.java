package io.github.camelsd.emulator;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation as the API (a Laravel application) does it: every failing field gets its messages, in Laravel's wording,
 * in a map of field to messages. Clients send numbers as JSON numbers or numeric strings, flags as booleans or
 * "yes"/"no", and explicit nulls; an empty string counts as absent, as Laravel's empty-string-to-null middleware makes it.
 * The value readers here are shared with {@link GenerationRequest}, so what passes validation is read the same way.
 */
final class RequestRules {

    /** One rule on one field: adds its messages to {@code errors} when the field breaks it. */
    interface Rule {
        /** The field it checks (and names in its messages). */
        String field();

        void check(Map<String, Object> body, Map<String, List<String>> errors);

        /** What {@code meta} echoes for the value sent: the value itself, unless the rule says otherwise. */
        default Object echo(Object value) {
            return value;
        }
    }

    /** How a rule checks its field. */
    @FunctionalInterface
    private interface Check {
        void check(Map<String, Object> body, Map<String, List<String>> errors);
    }

    private record FieldRule(String field, Check how) implements Rule {
        @Override
        public void check(Map<String, Object> body, Map<String, List<String>> errors) {
            how.check(body, errors);
        }
    }

    /** A flag that {@code meta} echoes as the string "1" or "0", as the background-removal page shows it. */
    private record DigitFlagRule(String field, Check how) implements Rule {
        @Override
        public void check(Map<String, Object> body, Map<String, List<String>> errors) {
            how.check(body, errors);
        }

        @Override
        public Object echo(Object value) {
            return flag(value, false) ? "1" : "0";
        }
    }

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final int MAX_DIMENSION = 1024;
    /** The most an upload may be: "the maximum file size for upload is 5MB". */
    static final int MAX_UPLOAD_BYTES = 5 << 20;
    private static final int DIMENSION_STEP = 8;

    private RequestRules() {
    }

    static Map<String, List<String>> validate(List<Rule> rules, Map<String, Object> body) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        rules.forEach(rule -> rule.check(body, errors));
        return errors;
    }

    static Rule requiredText(String field) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (value == null || value instanceof String text && text.isBlank()) {
                fail(errors, field, "The %s field is required.");
            } else if (!(value instanceof String)) {
                fail(errors, field, "The %s must be a string.");
            }
        });
    }

    /** An image side: an integer, a multiple of 8, from 8 to 1024. */
    static Rule dimension(String field) {
        return dimensionBetween(field, DIMENSION_STEP, MAX_DIMENSION);
    }

    /** An image side: an integer, a multiple of 8, from {@code min} to {@code max}. */
    static Rule dimensionBetween(String field, int min, int max) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (absent(value)) {
                return;
            }
            Long number = integerValue(value);
            if (number == null) {
                fail(errors, field, "The %s must be an integer.");
                return;
            }
            if (number % DIMENSION_STEP != 0) {
                fail(errors, field, "The %s must be a multiple of " + DIMENSION_STEP + ".");
            }
            if (number < min) {
                fail(errors, field, "The %s must be at least " + min + ".");
            }
            if (number > max) {
                fail(errors, field, "The %s may not be greater than " + max + ".");
            }
        });
    }

    static Rule integer(String field) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (!absent(value) && integerValue(value) == null) {
                fail(errors, field, "The %s must be an integer.");
            }
        });
    }

    static Rule integerBetween(String field, long min, long max) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (absent(value)) {
                return;
            }
            Long number = integerValue(value);
            if (number == null) {
                fail(errors, field, "The %s must be an integer.");
            } else if (number < min || number > max) {
                fail(errors, field, "The %s must be between " + min + " and " + max + ".");
            }
        });
    }

    static Rule numberBetween(String field, double min, double max) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (absent(value)) {
                return;
            }
            Double number = numberValue(value);
            if (number == null) {
                fail(errors, field, "The %s must be a number.");
            } else if (number < min || number > max) {
                fail(errors, field, "The %s must be between " + plain(min) + " and " + plain(max) + ".");
            }
        });
    }

    /** An optional http(s) URL. */
    static Rule url(String field) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (!absent(value) && !isHttpUrl(value)) {
                fail(errors, field, "The %s must be a valid URL.");
            }
        });
    }

    /** A required input image: an http(s) URL, or, with the {@code base64} flag set, base64 data (checked on fetch). */
    static Rule inputImage(String field) {
        return image(field, true, ImageForm.URL);
    }

    /**
     * A field holding input images in {@code form}: one http(s) URL, or base64 data where the form or the request's
     * {@code base64} flag allows it (checked on fetch); or a list of URLs, each checked as {@code field.index}.
     * Optional ones may be absent (null, an empty string or an empty list).
     */
    static Rule image(String field, boolean required, ImageForm form) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            boolean empty = value instanceof List<?> list && list.isEmpty();
            if (!required && (absent(value) || empty)) {
                return;
            }
            if (value == null || value instanceof String text && text.isBlank() || empty) {
                fail(errors, field, "The %s field is required.");
                return;
            }
            if (form.list()) {
                List<?> items = value instanceof List<?> list ? list
                        : form.single() && value instanceof String ? List.of(value) : null;
                if (items == null) {
                    fail(errors, field, "The %s must be an array.");
                    return;
                }
                if (items.size() > form.maxItems()) {
                    fail(errors, field, "The %s may not have more than " + form.maxItems() + " items.");
                }
                for (int i = 0; i < items.size(); i++) {
                    if (!isHttpUrl(items.get(i))) {
                        fail(errors, field + "." + i, "The %s must be a valid URL.");
                    }
                }
            } else if (!isHttpUrl(value) && !(value instanceof String
                    && (form.base64Always() || flag(body.get("base64"), false)))) {
                fail(errors, field, "The %s must be a valid URL.");
            }
        });
    }

    /**
     * A required image sent as base64 data, bare or as a {@code data:} URL, that decodes to a PNG, JPEG or WebP file
     * (by its magic number).
     */
    static Rule base64Image(String field) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (value == null || value instanceof String text && text.isBlank()) {
                fail(errors, field, "The %s field is required.");
            } else if (!(value instanceof String text) || ImageFormat.of(ImageFormat.decodeBase64(text)) == null) {
                fail(errors, field, "The %s must be a valid base64 encoded image.");
            } else if (ImageFormat.decodeBase64(text).length > MAX_UPLOAD_BYTES) {
                fail(errors, field, "The %s may not be greater than " + (MAX_UPLOAD_BYTES >> 10) + " kilobytes.");
            }
        });
    }

    /** An optional flag documented as the strings "true" and "false"; a JSON boolean passes too. */
    static Rule trueOrFalse(String field) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (!absent(value) && !(value instanceof Boolean) && !(value instanceof String text
                    && ("true".equalsIgnoreCase(text.strip()) || "false".equalsIgnoreCase(text.strip())))) {
                fail(errors, field, "The selected %s is invalid.");
            }
        });
    }

    /** A required field of any type (an id sent as a number or a string). */
    static Rule required(String field) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (value == null || value instanceof String text && text.isBlank()) {
                fail(errors, field, "The %s field is required.");
            }
        });
    }

    /** An optional text. */
    static Rule text(String field) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (!absent(value) && !(value instanceof String)) {
                fail(errors, field, "The %s must be a string.");
            }
        });
    }

    /**
     * An optional flag in any of its documented forms: a JSON boolean, "yes"/"no", "true"/"false", or 1/0 (number or
     * string).
     */
    static Rule flag(String field) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (!absent(value) && flagValue(value) == null) {
                fail(errors, field, "The %s field must be true or false.");
            }
        });
    }

    /** An optional value from a fixed list, compared exactly (as the API's enums are case-sensitive). */
    static Rule oneOf(String field, Set<String> allowed) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (!absent(value) && !(value instanceof String text && allowed.contains(text.strip()))) {
                fail(errors, field, "The selected %s is invalid.");
            }
        });
    }

    /** An optional comma-separated list of values from a fixed list ({@code "canny,depth"}); each must be known. */
    static Rule listOf(String field, Set<String> allowed) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (absent(value)) {
                return;
            }
            List<String> items = value instanceof String text ? commaList(text) : null;
            if (items == null || items.isEmpty() || !allowed.containsAll(items)) {
                fail(errors, field, "The selected %s is invalid.");
            }
        });
    }

    /**
     * The community API's {@code lora_strength}: a number or a comma-separated list of numbers, each from 0.1 to 1,
     * one per model of {@code lora_model} when that is given ({@code "0.5,0.7"} for {@code "more_details,animie"}).
     */
    static Rule loraStrength(String field, String modelsField) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (absent(value)) {
                return;
            }
            List<String> items = value instanceof Number ? List.of(value.toString())
                    : value instanceof String text ? commaList(text) : null;
            if (items == null || items.isEmpty() || items.stream().anyMatch(item -> numberValue(item) == null)) {
                fail(errors, field, "The %s must be a number or a comma-separated list of numbers.");
                return;
            }
            if (items.stream().map(RequestRules::numberValue).anyMatch(number -> number < 0.1 || number > 1)) {
                fail(errors, field, "The %s values must be between 0.1 and 1.");
            }
            Object models = body.get(modelsField);
            if (models instanceof String text && !text.isBlank() && commaList(text).size() != items.size()) {
                int count = commaList(text).size();
                fail(errors, field, "The %s must have one value per " + modelsField + " entry: " + count
                        + (count == 1 ? " model, " : " models, ") + items.size()
                        + (items.size() == 1 ? " value given." : " values given."));
            }
        });
    }

    /** The V4 community API's {@code upscale}: a flag ("yes"/"no"), or the factor "1", "2" or "3". */
    static Rule upscaleFlagOrFactor(String field) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (absent(value) || flagValue(value) != null) {
                return;
            }
            Long factor = integerValue(value);
            if (factor == null || factor < 1 || factor > 3) {
                fail(errors, field, "The selected %s is invalid.");
            }
        });
    }

    /** An optional input image: absent, or as {@link #inputImage}. */
    static Rule optionalImage(String field) {
        return image(field, false, ImageForm.URL);
    }

    /** An optional flag, as {@link #flag(String)}, that {@code meta} echoes as "1" or "0". */
    static Rule digitFlag(String field) {
        Rule flag = flag(field);
        return new DigitFlagRule(field, flag::check);
    }

    /** An optional number, of any size. */
    static Rule number(String field) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (!absent(value) && numberValue(value) == null) {
                fail(errors, field, "The %s must be a number.");
            }
        });
    }

    /** An optional integer from a fixed list ({@code 21, 31, 41}). */
    static Rule integerIn(String field, Set<Long> allowed) {
        return rule(field, (body, errors) -> {
            Object value = body.get(field);
            if (absent(value)) {
                return;
            }
            Long number = integerValue(value);
            if (number == null) {
                fail(errors, field, "The %s must be an integer.");
            } else if (!allowed.contains(number)) {
                fail(errors, field, "The selected %s is invalid.");
            }
        });
    }

    /** The entries of a comma-separated list, stripped; null when one is empty ({@code "a,,b"}). */
    static List<String> commaList(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            if (item.isBlank()) {
                return null;
            }
            items.add(item.strip());
        }
        return items;
    }

    private static Rule rule(String field, Check check) {
        return new FieldRule(field, check);
    }

    /** Laravel names a field in its messages with spaces for underscores. */
    private static void fail(Map<String, List<String>> errors, String field, String template) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(String.format(template, field.replace('_', ' ')));
    }

    static boolean absent(Object value) {
        return value == null || value instanceof String text && text.isEmpty();
    }

    /** An integer from a JSON number without a fraction or a string of digits; null when it is not one. */
    static Long integerValue(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? big.longValue() : null;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            // PHP's integer check accepts 512.0, whose string form is "512"
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? (long) number : null;
        }
        if (value instanceof String text && INTEGER.matcher(text.strip()).matches()) {
            return Long.parseLong(text.strip());
        }
        return null;
    }

    /** A number from a JSON number or a numeric string; null when it is not one. */
    static Double numberValue(Object value) {
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        if (value instanceof String text && DECIMAL.matcher(text.strip()).matches()) {
            return Double.parseDouble(text.strip());
        }
        return null;
    }

    /** A flag from a boolean, "yes"/"no", "true"/"false" or 1/0; {@code otherwise} when absent or unreadable. */
    static boolean flag(Object value, boolean otherwise) {
        Boolean flag = flagValue(value);
        return flag != null ? flag : otherwise;
    }

    /** A flag from a boolean, "yes"/"no", "true"/"false" or 1/0 (number or string); null when it is none of these. */
    static Boolean flagValue(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number number) {
            double n = number.doubleValue();
            return n == 1 ? Boolean.TRUE : n == 0 ? Boolean.FALSE : null;
        }
        if (value instanceof String text) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "yes":
            case "true":
            case "1":
                return true;
            case "no":
            case "false":
            case "0":
                return false;
            default:
                return null;
            }
        }
        return null;
    }

    static boolean isHttpUrl(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
