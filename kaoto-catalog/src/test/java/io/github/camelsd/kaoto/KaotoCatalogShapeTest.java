package io.github.camelsd.kaoto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The generated entries have the shape of the stock entries of {@code @kaoto/camel-catalog} (Camel Main 4.14 and Camel
 * Quarkus 3.27, the lines this project is built on), learnt from those entries rather than written down here: the same
 * top-level keys, the same component keys, a propertiesSchema with the same keys, property fields of the same kinds in
 * the same order, and the same mapping from Camel's option types to JSON Schema types and formats. The propertiesSchema
 * is a valid draft-07 JSON Schema. The library has the entry in each Main and Quarkus runtime, and is whole.
 */
class KaotoCatalogShapeTest {

    private static final JsonSchemaFactory DRAFT_07 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private static ObjectNode stockMain;
    private static ObjectNode stockQuarkus;
    private static ObjectNode main;
    private static ObjectNode quarkus;
    private static JsonNode camelJson;

    @BeforeAll
    static void load() {
        stockMain = Catalogs.stockComponents(Catalogs.stockDir(), "Main", "4.14");
        stockQuarkus = Catalogs.stockComponents(Catalogs.stockDir(), "Quarkus", "3.27");
        main = Catalogs.entry(KaotoCatalogGenerator.MAIN_FILE);
        quarkus = Catalogs.entry(KaotoCatalogGenerator.QUARKUS_FILE);
        camelJson = Catalogs.camelJson();
        assertTrue(stockMain.size() > 100 && stockQuarkus.size() > 100, "the stock catalogs are there");
        assertNotNull(main, "the build wrote the Main entry");
        assertNotNull(quarkus, "the build wrote the Quarkus entry");
    }

    @Test
    void topLevelKeysAreThoseOfTheStockEntriesWithHeaders() {
        for (ObjectNode[] pair : new ObjectNode[][] { { stockMain, main }, { stockQuarkus, quarkus } }) {
            Map<List<String>, Integer> shapes = new HashMap<>();
            pair[0].forEach(entry -> shapes.merge(keys(entry), 1, Integer::sum));
            List<String> withHeaders = List.of("component", "componentProperties", "headers", "properties",
                    "propertiesSchema");
            assertTrue(shapes.getOrDefault(withHeaders, 0) > 100, "most stock entries: " + shapes);
            assertEquals(withHeaders, keys(pair[1]));
        }
    }

    @Test
    void camelSectionsAreTheComponentsOwnJson() {
        for (ObjectNode entry : List.of(main, quarkus)) {
            for (String section : List.of("componentProperties", "headers", "properties")) {
                assertEquals(camelJson.get(section), entry.get(section), section + " as Camel's build wrote it");
            }
        }
        assertEquals(camelJson.get("component"), main.get("component"), "Main: Camel's component section");
    }

    @Test
    void componentSectionHasTheKeysOfTheStockOnes() {
        assertComponentKeys(stockMain, main);
        assertComponentKeys(stockQuarkus, quarkus);
        JsonNode component = quarkus.get("component");
        assertEquals("io.github.camelsd", component.path("groupId").asText());
        assertEquals("camel-quarkus-sd", component.path("artifactId").asText(), "the extension, as camel-quarkus-x");
        assertEquals(keys(stockQuarkus.path("timer").path("component").path("metadata")),
                keys(component.path("metadata")));
        assertEquals("io.github.camelsd:camel-sd", component.path("metadata").path("camelArtifact").asText());
    }

    private static void assertComponentKeys(ObjectNode stock, ObjectNode entry) {
        Set<String> inEvery = null;
        Set<String> inAny = new LinkedHashSet<>();
        Map<String, JsonNodeType> kinds = new HashMap<>();
        for (JsonNode stockEntry : stock) {
            JsonNode component = stockEntry.get("component");
            Set<String> keys = new LinkedHashSet<>(keys(component));
            inAny.addAll(keys);
            if (inEvery == null) {
                inEvery = new LinkedHashSet<>(keys);
            } else {
                inEvery.retainAll(keys);
            }
            component.fields().forEachRemaining(f -> kinds.putIfAbsent(f.getKey(), f.getValue().getNodeType()));
        }
        JsonNode component = entry.get("component");
        Set<String> ours = new LinkedHashSet<>(keys(component));
        assertTrue(ours.containsAll(inEvery), "every key every stock entry has: missing "
                                              + minus(inEvery, ours));
        assertTrue(inAny.containsAll(ours), "no key no stock entry has: " + minus(ours, inAny));
        component.fields().forEachRemaining(f -> assertEquals(kinds.get(f.getKey()), f.getValue().getNodeType(),
                "component." + f.getKey() + " of the stock kind"));
        // the keys the stock entries all have come in their order
        List<String> stockOrder = keys(stock.path("timer").path("component")).stream().filter(ours::contains)
                .toList();
        assertEquals(stockOrder, keys(component).stream().filter(stockOrder::contains).toList(), "key order");
    }

    @Test
    void propertiesSchemaHasTheShapeOfTheStockOnes() {
        Set<List<String>> stockShapes = new LinkedHashSet<>();
        Set<String> stockSchemas = new TreeSet<>();
        for (JsonNode stockEntry : stockMain) {
            JsonNode schema = stockEntry.get("propertiesSchema");
            stockShapes.add(keys(schema));
            stockSchemas.add(schema.path("$schema").asText() + " " + schema.path("type").asText());
            // required: the required options, in their order; left out when there is none
            List<String> required = new ArrayList<>();
            stockEntry.get("properties").fields().forEachRemaining(f -> {
                if (f.getValue().path("required").asBoolean()) {
                    required.add(f.getKey());
                }
            });
            assertEquals(required.isEmpty() ? null : required, strings(schema.get("required")),
                    "how the stock entries fill required");
        }
        assertEquals(Set.of(KaotoEntry.DRAFT_07 + " object"), stockSchemas);
        for (ObjectNode entry : List.of(main, quarkus)) {
            JsonNode schema = entry.get("propertiesSchema");
            assertTrue(stockShapes.contains(keys(schema)), keys(schema) + " is one of " + stockShapes);
            assertEquals(KaotoEntry.DRAFT_07, schema.path("$schema").asText());
            assertEquals("object", schema.path("type").asText());
            List<String> required = new ArrayList<>();
            camelJson.get("properties").fields().forEachRemaining(f -> {
                if (f.getValue().path("required").asBoolean()) {
                    required.add(f.getKey());
                }
            });
            assertTrue(required.contains("operation"), "the path parameter is required");
            assertEquals(required, strings(schema.get("required")), "the required options");
            assertEquals(keys(entry.get("properties")), keys(schema.get("properties")),
                    "one property per endpoint option, in their order");
        }
    }

    @Test
    void propertyFieldsAreOfTheStockKindsAndOrder() {
        // learnt from the stock entries: which fields a property has, their order, and how Camel's types map
        Map<String, Set<String>> before = new LinkedHashMap<>();
        Map<String, Set<String>> mapping = new HashMap<>();
        Map<String, Set<JsonNodeType>> defaultKinds = new HashMap<>();
        for (JsonNode stockEntry : stockMain) {
            stockEntry.get("propertiesSchema").get("properties").fields().forEachRemaining(f -> {
                mergeOrder(before, keys(f.getValue()));
                JsonNode option = stockEntry.get("properties").get(f.getKey());
                mapping.computeIfAbsent(typeKey(option), k -> new TreeSet<>()).add(schemaKind(f.getValue()));
                if (f.getValue().has("default")) {
                    defaultKinds.computeIfAbsent(f.getValue().get("type").asText(), k -> new LinkedHashSet<>())
                            .add(f.getValue().get("default").getNodeType());
                }
            });
        }
        assertEquals(Set.of("title", "description", "type", "items", "enum", "$comment", "format", "deprecated",
                "default"), before.keySet(), "the stock fields (a check that they were learnt right)");
        assertTrue(before.get("default").containsAll(List.of("title", "type", "$comment", "format", "deprecated")),
                "default comes last: " + before.get("default"));

        List<String> problems = new ArrayList<>();
        for (ObjectNode entry : List.of(main, quarkus)) {
            JsonNode options = entry.get("properties");
            entry.get("propertiesSchema").get("properties").fields().forEachRemaining(f -> {
                String name = f.getKey();
                JsonNode property = f.getValue();
                JsonNode option = options.get(name);
                List<String> fields = keys(property);
                if (!before.keySet().containsAll(fields)) {
                    problems.add(name + ": fields no stock property has: " + minus(Set.copyOf(fields),
                            before.keySet()));
                }
                for (int i = 0; i < fields.size(); i++) {
                    for (String later : fields.subList(i + 1, fields.size())) {
                        if (before.getOrDefault(fields.get(i), Set.of()).contains(later)) {
                            problems.add(name + ": " + later + " after " + fields.get(i)
                                         + ", the stock entries have it before");
                        }
                    }
                }
                Set<String> stockKinds = mapping.get(typeKey(option));
                if (stockKinds == null || !stockKinds.contains(schemaKind(property))) {
                    problems.add(name + ": " + typeKey(option) + " became " + schemaKind(property)
                                 + ", the stock entries make it " + stockKinds);
                }
                check(problems, name, "title", option.path("displayName").asText(), property.path("title").asText());
                check(problems, name, "description", option.path("description").asText(),
                        property.path("description").asText());
                check(problems, name, "$comment", "group:" + option.path("group").asText(),
                        property.path("$comment").asText());
                check(problems, name, "enum", String.valueOf(option.get("enum")), String.valueOf(property.get("enum")));
                check(problems, name, "default present", String.valueOf(option.has("defaultValue")),
                        String.valueOf(property.has("default")));
                if (property.has("default") && !defaultKinds.getOrDefault(property.get("type").asText(), Set.of())
                        .contains(property.get("default").getNodeType())) {
                    problems.add(name + ": a " + property.get("default").getNodeType() + " default for a "
                                 + property.get("type").asText() + ", the stock ones are "
                                 + defaultKinds.get(property.get("type").asText()));
                }
                if (option.path("deprecated").asBoolean() != property.has("deprecated")) {
                    problems.add(name + ": deprecated only where the option is");
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Camel's type of an option, as the mapping depends on it. An option Camel's generator typed {@code object} with an
     * {@code enum} is an enum (see {@link KaotoEntry}); the quality test reports that typing.
     */
    private static String typeKey(JsonNode option) {
        String type = option.path("type").asText();
        if (option.has("enum")) {
            type = "enum";
        }
        String javaType = option.path("javaType").asText();
        String kind = "object".equals(type) ? (javaType.startsWith("java.util.Map") ? "/map" : "/bean") : "";
        return option.path("kind").asText() + ":" + type + kind + (option.path("secret").asBoolean() ? ":secret" : "");
    }

    /** The JSON Schema kind of a property: its type and the kind of its format ({@code bean:x} is {@code bean}). */
    private static String schemaKind(JsonNode property) {
        String format = property.path("format").asText("");
        int colon = format.indexOf(':');
        return property.path("type").asText() + (format.isEmpty() ? "" : "/" + (colon < 0 ? format
                : format.substring(0, colon))) + (property.has("enum") ? "+enum" : "");
    }

    @Test
    void propertiesSchemaIsValidDraft07() {
        JsonSchema metaSchema = DRAFT_07.getSchema(SchemaLocation.of(SchemaId.V7));
        // the validator does reject what draft-07 forbids, and accepts the stock schemas
        ObjectNode broken = Catalogs.MAPPER.createObjectNode();
        broken.putObject("properties").putObject("x").put("type", 5);
        assertFalse(metaSchema.validate(broken).isEmpty(), "a type that is a number is rejected");
        assertEquals(Set.of(), metaSchema.validate(stockMain.get("timer").get("propertiesSchema")));

        for (ObjectNode entry : List.of(main, quarkus)) {
            Set<ValidationMessage> errors = metaSchema.validate(entry.get("propertiesSchema"));
            assertEquals(Set.of(), errors, "against the draft-07 meta-schema");
        }
    }

    @Test
    void defaultsAndEnumsAreValuesTheSchemaAccepts() {
        // without the formats: Kaoto's are its own (bean:..., password, and duration as Camel writes it, "1000" or
        // "5s", not the ISO 8601 the validator asserts, which would reject the stock defaults just the same)
        ObjectNode withoutFormats = main.get("propertiesSchema").deepCopy();
        withoutFormats.get("properties").forEach(property -> ((ObjectNode) property).remove("format"));
        JsonSchema schema = DRAFT_07.getSchema(withoutFormats);
        // an endpoint configured with every default, and each enum's every value, passes its own schema
        ObjectNode defaults = Catalogs.MAPPER.createObjectNode();
        defaults.put("operation", "text2img").put("apiKey", "k");
        List<ObjectNode> instances = new ArrayList<>();
        main.get("propertiesSchema").get("properties").fields().forEachRemaining(f -> {
            JsonNode byDefault = f.getValue().get("default");
            if (byDefault != null && "number".equals(f.getValue().path("type").asText()) && byDefault.isTextual()) {
                // the stock entries write a decimal's default as its text ("0.25"): what it stands for is the number
                defaults.set(f.getKey(), Catalogs.MAPPER.getNodeFactory().numberNode(new BigDecimal(byDefault.asText())));
            } else if (byDefault != null) {
                defaults.set(f.getKey(), byDefault);
            }
            for (JsonNode value : f.getValue().path("enum")) {
                ObjectNode instance = Catalogs.MAPPER.createObjectNode().put("operation", "text2img").put("apiKey", "k");
                instances.add(instance.set(f.getKey(), value));
            }
        });
        instances.add(defaults);
        for (ObjectNode instance : instances) {
            assertEquals(Set.of(), schema.validate(instance), instance.toString());
        }
        // and it is a schema that says something: a wrong type and a missing path parameter are rejected
        assertFalse(schema.validate(Catalogs.MAPPER.createObjectNode().put("operation", "text2img").put("apiKey", "k")
                .put("width", "wide")).isEmpty());
        assertFalse(schema.validate(Catalogs.MAPPER.createObjectNode().put("apiKey", "k")).isEmpty());
        assertFalse(schema.validate(Catalogs.MAPPER.createObjectNode().put("operation", "no-such-operation")
                .put("apiKey", "k")).isEmpty());
    }

    @Test
    void libraryIsTheStockOneWithTheEntryInEveryMainAndQuarkusRuntime() {
        Path library = Catalogs.outDir().resolve(KaotoCatalogGenerator.LIBRARY_DIR);
        JsonNode stockIndex = Catalogs.read(Catalogs.stockDir().resolve("index.json"));
        JsonNode index = Catalogs.read(library.resolve("index.json"));
        assertEquals(stockIndex.get("version"), index.get("version"));
        assertEquals(stockIndex.path("definitions").size(), index.path("definitions").size());
        assertTrue(Catalogs.exists(library.resolve(index.path("starterTemplates").asText())));
        int withEntry = 0;
        for (int i = 0; i < index.path("definitions").size(); i++) {
            JsonNode stockDefinition = stockIndex.path("definitions").get(i);
            JsonNode definition = index.path("definitions").get(i);
            assertEquals(stockDefinition.path("name"), definition.path("name"), "the stock names, so Kaoto's"
                                                                                 + " remembered choice still holds");
            String runtime = definition.path("runtime").asText();
            Path runtimeIndex = library.resolve(definition.path("fileName").asText());
            assertTrue(Catalogs.exists(runtimeIndex), runtimeIndex.toString());
            if (!runtime.equals("Main") && !runtime.equals("Quarkus")) {
                assertEquals(stockDefinition, definition, "other runtimes as they are");
                continue;
            }
            // every catalog the runtime names is there
            Catalogs.read(runtimeIndex).path("catalogs").forEach(catalog -> assertTrue(Catalogs.exists(
                    runtimeIndex.getParent().resolve(catalog.path("file").asText())), catalog.toString()));
            Map.Entry<List<String>, JsonNode> components = Catalogs.namesAnd(Catalogs.componentsFile(library,
                    definition), Catalogs.SCHEME);
            List<String> stockNames = new ArrayList<>(Catalogs.namesAnd(Catalogs.componentsFile(Catalogs.stockDir(),
                    stockDefinition), null).getKey());
            stockNames.add(Catalogs.SCHEME);
            stockNames.sort(null);
            assertEquals(stockNames, components.getKey(), definition.path("name")
                                                          + ": the stock components and sd, in order");
            assertEquals(runtime.equals("Main") ? main : quarkus, components.getValue());
            withEntry++;
        }
        assertTrue(withEntry >= 2, "at least one Main and one Quarkus runtime");
    }

    private static void check(List<String> problems, String name, String field, String expected, String actual) {
        if (!expected.equals(actual)) {
            problems.add(name + ": " + field + " is " + actual + ", not " + expected);
        }
    }

    /** Records that, in a stock property, each field comes after the ones before it. */
    private static void mergeOrder(Map<String, Set<String>> before, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            before.computeIfAbsent(fields.get(i), k -> new LinkedHashSet<>()).addAll(fields.subList(0, i));
        }
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> strings(JsonNode array) {
        if (array == null) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        array.forEach(n -> strings.add(n.asText()));
        return strings;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> answer = new LinkedHashSet<>(a);
        answer.removeAll(b);
        return answer;
    }
}
