package io.github.camelsd.kaoto;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One component's entry of a Kaoto components catalog: Camel's component JSON ({@code component},
 * {@code componentProperties}, {@code headers}, {@code properties}) unchanged, plus {@code propertiesSchema}, a JSON
 * Schema (draft-07) of the endpoint options, as the stock entries of {@code @kaoto/camel-catalog} have it:
 *
 * <ul>
 * <li>one property per endpoint option, in the order of {@code properties}, with {@code title} (the display name),
 * {@code description}, {@code type}, {@code items} (arrays), {@code enum}, {@code $comment} ({@code group:<group>}, the
 * option's group: what Kaoto groups the form by), {@code format}, {@code deprecated} (only when true) and
 * {@code default}, in that order;</li>
 * <li>Camel's types become JSON Schema types as in the stock entries: {@code duration} a string of format
 * {@code duration}, {@code enum} a string with {@code enum}, {@code object} a string of format
 * {@code bean:<javaType>} (a Map: an {@code object}), {@code array} an array of strings; a secret option has format
 * {@code password} ({@code bean:<javaType>|password} for a bean);</li>
 * <li>{@code required}: the required options, left out when there is none.</li>
 * </ul>
 *
 * An option that Camel's generator typed {@code object} but gave an {@code enum} (a Java enum it did not recognise as
 * one) is written as the enum it is, a string with {@code enum}.
 */
public final class KaotoEntry {

    /** Which runtime's catalog the entry goes to: the Quarkus ones name the extension, as their stock entries do. */
    public enum Flavour {
        MAIN,
        QUARKUS
    }

    static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

    private KaotoEntry() {
    }

    /**
     * The Kaoto entry of one component.
     *
     * @param camelJson      the component's JSON as Camel's build wrote it
     * @param flavour        which runtime's catalog it is for
     * @param quarkusVersion for {@link Flavour#QUARKUS}: the Quarkus version the extension is built on
     * @param camelVersion   for {@link Flavour#QUARKUS}: the Camel version the extension is built on
     */
    public static ObjectNode of(ObjectMapper mapper, JsonNode camelJson, Flavour flavour, String quarkusVersion,
            String camelVersion) {
        ObjectNode entry = mapper.createObjectNode();
        ObjectNode component = camelJson.get("component").deepCopy();
        entry.set("component", flavour == Flavour.QUARKUS ? quarkusComponent(mapper, component, quarkusVersion,
                camelVersion) : component);
        for (String section : new String[] { "componentProperties", "headers", "properties" }) {
            if (camelJson.has(section)) {
                entry.set(section, camelJson.get(section).deepCopy());
            }
        }
        entry.set("propertiesSchema", propertiesSchema(mapper, camelJson.path("properties")));
        return entry;
    }

    /**
     * The component section of a Camel Quarkus catalog entry: the extension's artifact, and the {@code metadata} the
     * stock entries carry (the Camel artifact it wraps, the Quarkus and Camel versions), in their key order.
     */
    static ObjectNode quarkusComponent(ObjectMapper mapper, ObjectNode component, String quarkusVersion,
            String camelVersion) {
        String camelArtifact = component.path("groupId").asText() + ":" + component.path("artifactId").asText();
        ObjectNode metadata = mapper.createObjectNode();
        metadata.put("quarkusVersion", quarkusVersion);
        metadata.put("camelArtifact", camelArtifact);
        metadata.put("camelVersion", camelVersion);
        ObjectNode answer = mapper.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = component.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (field.getKey()) {
                // camel-sd is wrapped by camel-quarkus-sd, as camel-x is by camel-quarkus-x
                case "artifactId" -> answer.put("artifactId", "camel-quarkus-" + field.getValue().asText()
                        .replaceFirst("^camel-", ""));
                case "groupId" -> {
                    answer.set("metadata", metadata);
                    answer.set("groupId", field.getValue());
                }
                default -> answer.set(field.getKey(), field.getValue());
            }
        }
        return answer;
    }

    /** The JSON Schema of the endpoint options. */
    public static ObjectNode propertiesSchema(ObjectMapper mapper, JsonNode options) {
        ObjectNode schema = mapper.createObjectNode();
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = mapper.createArrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            properties.set(option.getKey(), property(mapper, option.getValue()));
            if (option.getValue().path("required").asBoolean(false)) {
                required.add(option.getKey());
            }
        }
        schema.put("$schema", DRAFT_07);
        schema.put("type", "object");
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    /** One option's schema. */
    static ObjectNode property(ObjectMapper mapper, JsonNode option) {
        String camelType = option.path("type").asText("string");
        String javaType = option.path("javaType").asText("");
        boolean isEnum = "enum".equals(camelType) || option.has("enum");
        boolean secret = option.path("secret").asBoolean(false);

        String type;
        String format = null;
        if (isEnum) {
            type = "string";
        } else {
            switch (camelType) {
                case "boolean", "integer", "number", "string" -> type = camelType;
                case "duration" -> {
                    type = "string";
                    format = "duration";
                }
                case "array" -> type = "array";
                case "object" -> {
                    if (javaType.startsWith("java.util.Map")) {
                        type = "object";
                    } else {
                        type = "string";
                        format = "bean:" + javaType;
                    }
                }
                default -> type = "string";
            }
        }
        if (secret) {
            format = format != null && format.startsWith("bean:") ? format + "|password" : "password";
        }

        ObjectNode property = mapper.createObjectNode();
        property.put("title", option.path("displayName").asText(""));
        property.put("description", option.path("description").asText(""));
        property.put("type", type);
        if ("array".equals(type)) {
            property.putObject("items").put("type", "string");
        }
        if (isEnum && option.has("enum")) {
            property.set("enum", option.get("enum").deepCopy());
        }
        property.put("$comment", "group:" + option.path("group").asText("common"));
        if (format != null) {
            property.put("format", format);
        }
        if (option.path("deprecated").asBoolean(false)) {
            property.put("deprecated", true);
        }
        if (option.has("defaultValue")) {
            property.set("default", defaultValue(mapper, type, option.get("defaultValue")));
        }
        return property;
    }

    /**
     * A default as the stock entries write it: a boolean for booleans, a number for integers, text for everything else
     * (durations, enums, beans, and decimals too).
     */
    static JsonNode defaultValue(ObjectMapper mapper, String type, JsonNode value) {
        switch (type) {
            case "boolean":
                return value.isBoolean() ? value : mapper.getNodeFactory().booleanNode(Boolean.parseBoolean(value.asText()));
            case "integer":
                if (value.isIntegralNumber()) {
                    return value;
                }
                try {
                    return mapper.getNodeFactory().numberNode(Long.parseLong(value.asText().trim()));
                } catch (NumberFormatException e) {
                    return mapper.getNodeFactory().textNode(value.asText());
                }
            case "number":
                // as the stock entries have it: a decimal's default is its text ("0.25")
                return mapper.getNodeFactory().textNode(value.asText());
            default:
                return value.isTextual() ? value : mapper.getNodeFactory().textNode(value.asText());
        }
    }
}
