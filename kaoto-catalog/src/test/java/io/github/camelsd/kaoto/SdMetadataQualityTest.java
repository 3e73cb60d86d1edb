package io.github.camelsd.kaoto;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a catalog shows is only as good as the component's metadata: every option has a description and a label, and a
 * default or an enum where it has one; every header is documented. This test finds the gaps in the component's sd.json
 * (and in SdConstants and the docs, for the headers) and writes them to {@code target/kaoto-catalog/metadata-gaps.md}.
 * The gaps that stay, each for its reason, are listed in {@code known-metadata-gaps.txt} (they are the component's to
 * fix, not this module's); a new one fails the build (save those of how the metadata is generated, see
 * {@link #gating}), and so does a listed one that is fixed, so that the list never covers a gap that could come back.
 */
class SdMetadataQualityTest {

    /** A closed set of values named in prose: {@code ...: a, b or c.} (after a colon, up to the end of the clause). */
    private static final Pattern VALUES_IN_PROSE = Pattern.compile(
            "(?:^|: )((?:[\\w.+-]+, )*[\\w.+-]+,? or [\\w.+-]+)(?=\\s*(?:[.;(]|$))");
    private static final Pattern ONE_OF = Pattern.compile("\\bone of (?:its|the) documented\\b");
    private static final Pattern API_DEFAULT = Pattern.compile("\\bAPI default ([^);,]+)");
    private static final Pattern DEFAULT_IN_PROSE = Pattern.compile(
            "(?:\\bDefault: [^.]+|\\bby default\\b|, default \\d+)");
    private static final Pattern HEADER_NAME = Pattern.compile("CamelSd\\w+");

    private static final Map<String, String> GAPS = new TreeMap<>();
    private static JsonNode camelJson;

    @BeforeAll
    static void findGaps() throws Exception {
        camelJson = Catalogs.camelJson();
        for (String section : List.of("componentProperties", "properties")) {
            camelJson.path(section).fields().forEachRemaining(f -> option(section, f.getKey(), f.getValue()));
        }
        camelJson.path("headers").fields().forEachRemaining(f -> header(f.getKey(), f.getValue()));
        headerConstants();
        headerNamesInProse();
        componentsList();
    }

    private static void option(String section, String name, JsonNode option) {
        String where = section + "." + name;
        String description = option.path("description").asText("");
        if (description.isBlank()) {
            gap("no-description", where, "no description");
        }
        // the component's configuration bean is Camel's, unlabelled in every stock entry
        if (option.path("label").asText("").isBlank() && !"configuration".equals(name)) {
            gap("no-label", where, "empty label (group " + option.path("group").asText() + "; Camel's habit for"
                                   + " common options, and Kaoto groups by group, but no family for the catalog)");
        }
        if (option.has("enum") && !"enum".equals(option.path("type").asText())) {
            gap("enum-typed-" + option.path("type").asText(), where, "has an enum (" + option.get("enum")
                    + ") but type " + option.path("type").asText() + " (" + option.path("javaType").asText()
                    + "); in the stock catalogs every option with an enum, Java enum or String, has type \"enum\"");
        }
        valuesAndDefaults(where, option, description);
    }

    private static void header(String name, JsonNode header) {
        String where = "headers." + name;
        String description = header.path("description").asText("");
        if (description.isBlank()) {
            gap("no-description", where, "no description");
        }
        if (header.path("javaType").asText("").isBlank()) {
            gap("header-no-javaType", where, "no javaType");
        }
        valuesAndDefaults(where, header, description);
    }

    /** A closed set of values or a default the description names, that the metadata does not carry. */
    private static void valuesAndDefaults(String where, JsonNode option, String description) {
        String type = option.path("type").asText("");
        String javaType = option.path("javaType").asText("");
        boolean text = "string".equals(type) || javaType.equals("String") || javaType.equals("java.lang.String");
        if (text && !option.has("enum")) {
            Matcher values = VALUES_IN_PROSE.matcher(description);
            if (values.find()) {
                gap("enum-in-prose", where, "no enum, the description lists values: " + values.group(1));
            } else if (ONE_OF.matcher(description).find()) {
                gap("enum-in-prose", where, "no enum, the description says it is one of the documented names");
            }
        }
        if (option.has("enum")) {
            Matcher values = VALUES_IN_PROSE.matcher(description);
            while (values.find()) {
                // a list at the end of a sentence ends with its full stop
                List<String> named = List.of(values.group(1).replaceFirst("\\.$", "").split(",? or |, "));
                List<String> missing = named.stream().filter(value -> !hasValue(option.get("enum"), value)).toList();
                if (!missing.isEmpty()) {
                    gap("enum-mismatch", where, "the description names " + missing + ", the enum " + option.get("enum")
                                                + " lacks them");
                }
            }
        }
        Matcher apiDefault = API_DEFAULT.matcher(description);
        if (option.has("defaultValue") && apiDefault.find()) {
            String named = apiDefault.group(1).trim();
            String value = option.get("defaultValue").asText();
            if (!named.equals(value) && !named.equals(flagWord(value))) {
                gap("default-mismatch", where, "the description names the API's default " + named + ", the defaultValue"
                                               + " is " + value);
            }
        }
        apiDefault.reset();
        if (!option.has("defaultValue")) {
            Matcher prose = DEFAULT_IN_PROSE.matcher(description);
            if (apiDefault.find()) {
                gap("api-default-in-prose", where, "no defaultValue, the description names the API's default: "
                                                   + apiDefault.group(1).trim());
            } else if (!"object".equals(type) && prose.find()) {
                gap("default-in-prose", where, "no defaultValue, the description names one: " + prose.group().trim());
            }
        }
    }

    private static boolean hasValue(JsonNode values, String value) {
        for (JsonNode candidate : values) {
            if (candidate.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** How the descriptions name a flag's value: the API's own yes and no. */
    private static String flagWord(String value) {
        return switch (value) {
            case "true" -> "yes";
            case "false" -> "no";
            default -> value;
        };
    }

    /**
     * Every header the component defines (a {@code CamelSd...} constant of SdConstants) is in the metadata, and each
     * documented header's {@code constantName} is that constant.
     */
    private static void headerConstants() throws Exception {
        Map<String, String> constants = new LinkedHashMap<>();
        Class<?> type = Class.forName("io.github.camelsd.component.SdConstants", false,
                SdMetadataQualityTest.class.getClassLoader());
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && Modifier.isPublic(modifiers)
                && field.getType() == String.class) {
                String value = (String) field.get(null);
                if (value.startsWith("CamelSd")) {
                    constants.put(value, type.getName() + "#" + field.getName());
                }
            }
        }
        JsonNode headers = camelJson.path("headers");
        constants.forEach((header, constant) -> {
            if (!headers.has(header)) {
                gap("header-undocumented", "headers." + header, constant + " has no @Metadata: not in sd.json");
            } else if (!constant.equals(headers.get(header).path("constantName").asText())) {
                gap("header-constant", "headers." + header, "constantName " + headers.get(header).path("constantName")
                                                            + ", the constant is " + constant);
            }
        });
        headers.fieldNames().forEachRemaining(header -> {
            if (!constants.containsKey(header)) {
                gap("header-no-constant", "headers." + header, "no public constant of SdConstants has that value");
            }
        });
    }

    /**
     * Every header name the descriptions and the docs use is a documented header (an exchange property is named as
     * one), and every header is in the component's doc.
     */
    private static void headerNamesInProse() throws IOException {
        JsonNode headers = camelJson.path("headers");
        Map<String, String> texts = new LinkedHashMap<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            camelJson.path(section).fields().forEachRemaining(f -> texts.put(section + "." + f.getKey(),
                    f.getValue().path("description").asText("")));
        }
        Path docs = Catalogs.docsDir();
        try (Stream<Path> files = Files.list(docs)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                texts.put("docs/" + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        texts.forEach((where, text) -> {
            Matcher name = HEADER_NAME.matcher(text);
            while (name.find()) {
                String before = text.substring(Math.max(0, name.start() - 30), name.start());
                if (!headers.has(name.group()) && !before.contains("property")) {
                    gap("header-unknown", where + ":" + name.group(), name.group() + " is named but is no"
                                                                      + " documented header");
                }
            }
        });
        String componentDoc = texts.getOrDefault("docs/sd-component.md", "");
        headers.fieldNames().forEachRemaining(header -> {
            if (!componentDoc.contains(header)) {
                gap("header-not-in-docs", "headers." + header, "not in docs/sd-component.md");
            }
        });
    }

    /**
     * Camel's component list of the jar ({@code META-INF/services/org/apache/camel/component.properties}, goal
     * generate-components-list of camel-package-maven-plugin): what Camel's tooling reads to find the components of a
     * jar it is given (Camel JBang's and the Camel catalog's "add a component from a jar").
     */
    private static void componentsList() throws IOException {
        try (InputStream in = SdMetadataQualityTest.class.getClassLoader()
                .getResourceAsStream("META-INF/services/org/apache/camel/component.properties")) {
            if (in == null) {
                gap("no-components-list", "jar", "no META-INF/services/org/apache/camel/component.properties in the"
                                                 + " component's jar (camel-package-maven-plugin"
                                                 + " generate-components-list)");
            }
        }
    }

    private static void gap(String check, String where, String detail) {
        GAPS.put(check + ":" + where, detail);
    }

    @Test
    void reportsTheGapsAndFindsNoNewOne() throws IOException {
        Set<String> known = known();
        List<String> fresh = new ArrayList<>();
        GAPS.forEach((id, detail) -> {
            if (gating(id) && !known.contains(id)) {
                fresh.add(id + "  (" + detail + ")");
            }
        });
        known.removeIf(id -> !gating(id));
        Set<String> fixed = new LinkedHashSet<>(known);
        fixed.removeAll(GAPS.keySet());
        Path report = writeReport(fixed);
        assertTrue(fresh.isEmpty(), "new gaps in the component's metadata (see " + report + "); fix them in the"
                                    + " component, or list them in known-metadata-gaps.txt:\n"
                                    + String.join("\n", fresh));
    }

    /**
     * The list holds only the gaps that are still there: a fixed gap left listed would let it come back unnoticed.
     */
    @Test
    void listsNoFixedGap() throws IOException {
        Set<String> fixed = known();
        fixed.removeIf(id -> !gating(id) || GAPS.containsKey(id));
        assertTrue(fixed.isEmpty(), "fixed, remove their lines from known-metadata-gaps.txt: " + fixed);
    }

    /**
     * Met by the component today, so not even listed gaps are allowed: every option has a label, a closed set named in
     * a description is the option's enum and agrees with it, and a default named there is its defaultValue.
     */
    @Test
    void theMetChecksHaveNoGap() {
        List<String> met = GAPS.keySet().stream().filter(id -> id.startsWith("no-label:")
                                                                 || id.startsWith("enum-mismatch:")
                                                                 || id.startsWith("default-mismatch:"))
                .toList();
        assertTrue(met.isEmpty(), String.join("\n", met));
    }

    @Test
    void everyOptionHasADescription() {
        assertTrue(GAPS.keySet().stream().noneMatch(id -> id.startsWith("no-description:")),
                "undescribed: " + GAPS.keySet().stream().filter(id -> id.startsWith("no-description:")).toList());
    }

    @Test
    void everyHeaderIsDocumented() {
        List<String> headerGaps = GAPS.keySet().stream().filter(id -> id.startsWith("header-undocumented:")
                                                                       || id.startsWith("header-no-constant:")
                                                                       || id.startsWith("header-constant:")
                                                                       || id.startsWith("header-not-in-docs:"))
                .toList();
        assertTrue(headerGaps.isEmpty(), String.join("\n", headerGaps));
    }

    /**
     * Whether a gap fails the build when it is new. Not the ones of how the component's build generates its metadata
     * (enum options typed object or string, no components list): one cause each, reported, not counted per option.
     */
    private static boolean gating(String id) {
        return !id.startsWith("enum-typed-") && !id.startsWith("no-components-list:");
    }

    private static Set<String> known() throws IOException {
        Set<String> known = new LinkedHashSet<>();
        try (InputStream in = SdMetadataQualityTest.class.getResourceAsStream("/known-metadata-gaps.txt")) {
            if (in == null) {
                return known;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    known.add(id);
                }
            }
        }
        return known;
    }

    private static Path writeReport(Set<String> fixed) throws IOException {
        Map<String, List<String>> byCheck = new TreeMap<>();
        GAPS.forEach((id, detail) -> byCheck.computeIfAbsent(id.substring(0, id.indexOf(':')), k -> new ArrayList<>())
                .add("- `" + id.substring(id.indexOf(':') + 1) + "`: " + detail));
        StringBuilder md = new StringBuilder("# Gaps in the sd component's metadata\n\n")
                .append(GAPS.size()).append(" found in sd.json, SdConstants and docs/ by SdMetadataQualityTest.\n");
        byCheck.forEach((check, lines) -> md.append("\n## ").append(check).append(" (").append(lines.size())
                .append(")\n\n").append(String.join("\n", lines)).append('\n'));
        if (!fixed.isEmpty()) {
            md.append("\n## fixed (listed in known-metadata-gaps.txt, no longer found)\n\n");
            fixed.forEach(id -> md.append("- `").append(id).append("`\n"));
        }
        Path report = Catalogs.outDir().resolve("metadata-gaps.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, md, StandardCharsets.UTF_8);
        return report;
    }
}
