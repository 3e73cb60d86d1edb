package io.github.camelsd.kaoto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the tests read: the build's output, and the stock catalogs npm put into target/ (see the pom). */
final class Catalogs {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String SCHEME = "sd";

    private Catalogs() {
    }

    static Path stockDir() {
        return Path.of(System.getProperty("kaoto.stock.dir", "target/npm/node_modules/@kaoto/camel-catalog/dist/camel-catalog"));
    }

    static Path outDir() {
        return Path.of(System.getProperty("kaoto.out.dir", "target/kaoto-catalog"));
    }

    static Path docsDir() {
        return Path.of(System.getProperty("sd.docs.dir", "../docs"));
    }

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The generated entry of a flavour, as the build wrote it. */
    static ObjectNode entry(String file) {
        return (ObjectNode) read(outDir().resolve(file)).get(SCHEME);
    }

    /** The component's own JSON, from its jar on the classpath (what the generator read). */
    static JsonNode camelJson() {
        try {
            return new KaotoCatalogGenerator().componentJson(SCHEME, Catalogs.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stock components catalog of the runtime closest to ours: of {@code runtime} ("Main", "Quarkus"), the
     * definition whose version starts with {@code versionPrefix} ("4.14", "3.27"), community builds first.
     */
    static ObjectNode stockComponents(Path library, String runtime, String versionPrefix) {
        JsonNode index = read(library.resolve("index.json"));
        JsonNode chosen = null;
        for (JsonNode definition : index.path("definitions")) {
            String version = definition.path("version").asText();
            if (runtime.equals(definition.path("runtime").asText()) && version.startsWith(versionPrefix + ".")
                && (chosen == null || chosen.path("version").asText().contains("redhat"))) {
                chosen = definition;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no " + runtime + " " + versionPrefix + " catalog in " + library);
        }
        return components(library, chosen);
    }

    /** The components catalog of one definition of a library. */
    static ObjectNode components(Path library, JsonNode definition) {
        return (ObjectNode) read(componentsFile(library, definition));
    }

    static Path componentsFile(Path library, JsonNode definition) {
        Path runtimeIndex = library.resolve(definition.path("fileName").asText());
        JsonNode catalogs = read(runtimeIndex).path("catalogs");
        return runtimeIndex.getParent().resolve(catalogs.path("components").path("file").asText());
    }

    /** The member names of a catalog, in order, and the member {@code keep} (null if absent), streamed. */
    static Map.Entry<List<String>, JsonNode> namesAnd(Path catalog, String keep) {
        List<String> names = new ArrayList<>();
        JsonNode kept = null;
        try (JsonParser parser = MAPPER.getFactory().createParser(catalog.toFile())) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                names.add(name);
                parser.nextToken();
                if (name.equals(keep)) {
                    kept = MAPPER.readTree(parser);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + catalog, e);
        }
        return Map.entry(names, kept == null ? MAPPER.missingNode() : kept);
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }
}
