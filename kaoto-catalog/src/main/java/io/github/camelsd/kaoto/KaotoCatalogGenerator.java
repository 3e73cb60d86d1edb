package io.github.camelsd.kaoto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the Kaoto catalog of the {@code sd} component, run by the build (exec-maven-plugin, process-classes):
 *
 * <ul>
 * <li>{@code camel-sd-kaoto-main.json} and {@code camel-sd-kaoto-quarkus.json}: the entry (see {@link KaotoEntry}) in
 * the form of Kaoto's components catalogs, {@code {"sd": {...}}}, to merge into any of them;</li>
 * <li>with {@code --stock DIR} (the {@code dist/camel-catalog} folder of {@code @kaoto/camel-catalog}): {@code library/},
 * that catalog library with the entry added to the components catalog of every Camel Main and Camel Quarkus runtime.
 * Its {@code index.json} is what Kaoto's catalog URL setting takes. Files it does not change are hard links to the
 * stock ones (copies where the file system has none): only the rewritten catalogs take space.</li>
 * </ul>
 *
 * The component's JSON is read from the classpath, where the reactor puts the component's jar (or classes): the
 * scheme's service file {@code META-INF/services/org/apache/camel/component/<scheme>} names the component class, and
 * Camel's build writes the JSON beside that class's package, {@code META-INF/<package path>/<scheme>.json}.
 *
 * <pre>
 * KaotoCatalogGenerator --out DIR [--stock DIR] [--scheme sd] [--quarkus-version V] [--camel-version V]
 * </pre>
 */
public final class KaotoCatalogGenerator {

    static final String MAIN_FILE = "camel-sd-kaoto-main.json";
    static final String QUARKUS_FILE = "camel-sd-kaoto-quarkus.json";
    static final String LIBRARY_DIR = "library";

    private final ObjectMapper mapper = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path out = Path.of(required(options, "out"));
        String scheme = options.getOrDefault("scheme", "sd");
        KaotoCatalogGenerator generator = new KaotoCatalogGenerator();
        JsonNode camelJson = generator.componentJson(scheme, KaotoCatalogGenerator.class.getClassLoader());
        long start = System.nanoTime();
        List<Path> written = generator.generate(camelJson, out, options.get("stock") == null ? null
                : Path.of(options.get("stock")), options.getOrDefault("quarkus-version", ""),
                options.getOrDefault("camel-version", ""));
        System.out.printf("Kaoto catalog of %s: %d files in %s (%d ms)%n", scheme, written.size(), out,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Writes the entries and, given the stock catalogs, the library; returns the files it wrote (not the links). */
    public List<Path> generate(JsonNode camelJson, Path out, Path stock, String quarkusVersion, String camelVersion)
            throws IOException {
        String scheme = camelJson.path("component").path("scheme").asText();
        ObjectNode mainEntry = KaotoEntry.of(mapper, camelJson, KaotoEntry.Flavour.MAIN, quarkusVersion, camelVersion);
        ObjectNode quarkusEntry = KaotoEntry.of(mapper, camelJson, KaotoEntry.Flavour.QUARKUS, quarkusVersion,
                camelVersion);
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        written.add(write(out.resolve(MAIN_FILE), mapper.createObjectNode().set(scheme, mainEntry), true));
        written.add(write(out.resolve(QUARKUS_FILE), mapper.createObjectNode().set(scheme, quarkusEntry), true));
        if (stock != null) {
            written.addAll(library(stock, out.resolve(LIBRARY_DIR), scheme, mainEntry, quarkusEntry));
        }
        return written;
    }

    /** The component's JSON, as Camel's build wrote it into the component's jar. */
    public JsonNode componentJson(String scheme, ClassLoader classLoader) throws IOException {
        String serviceFile = "META-INF/services/org/apache/camel/component/" + scheme;
        URL service = classLoader.getResource(serviceFile);
        if (service == null) {
            throw new IllegalStateException("no " + serviceFile + " on the classpath: is the component a dependency?");
        }
        Properties properties = new Properties();
        try (InputStream in = service.openStream()) {
            properties.load(in);
        }
        String componentClass = properties.getProperty("class");
        if (componentClass == null) {
            throw new IllegalStateException(service + " names no class");
        }
        String packagePath = componentClass.substring(0, componentClass.lastIndexOf('.')).replace('.', '/');
        String jsonFile = "META-INF/" + packagePath + "/" + scheme + ".json";
        URL json = classLoader.getResource(jsonFile);
        if (json == null) {
            throw new IllegalStateException("no " + jsonFile + " beside " + componentClass + " on the classpath");
        }
        try (InputStream in = json.openStream()) {
            return mapper.readTree(in);
        }
    }

    /**
     * The stock library with the entry in the components catalog of every Camel Main and Camel Quarkus runtime; the
     * rewritten catalogs and indexes get new names (Kaoto's file names carry a hash of the content, which browsers
     * cache by).
     */
    List<Path> library(Path stock, Path library, String scheme, ObjectNode mainEntry, ObjectNode quarkusEntry)
            throws IOException {
        Path stockIndexFile = stock.resolve("index.json");
        if (!Files.isRegularFile(stockIndexFile)) {
            throw new IllegalStateException("no Kaoto catalog library at " + stock + " (no index.json)");
        }
        deleteTree(library);
        linkTree(stock, library);
        List<Path> written = new ArrayList<>();
        ObjectNode index = (ObjectNode) mapper.readTree(stockIndexFile.toFile());
        index.put("name", index.path("name").asText("Kaoto catalog") + " with Camel SD");
        for (JsonNode definition : index.path("definitions")) {
            String runtime = definition.path("runtime").asText();
            ObjectNode entry = switch (runtime) {
                case "Main" -> mainEntry;
                case "Quarkus" -> quarkusEntry;
                default -> null; // Spring Boot (no starter for sd), Citrus, XSLT: as they are
            };
            if (entry == null) {
                continue;
            }
            String runtimeIndexName = definition.path("fileName").asText();
            Path runtimeIndexFile = library.resolve(runtimeIndexName);
            Path runtimeDir = runtimeIndexFile.getParent();
            ObjectNode runtimeIndex = (ObjectNode) mapper.readTree(runtimeIndexFile.toFile());
            ObjectNode components = (ObjectNode) runtimeIndex.path("catalogs").path("components");
            Path componentsFile = runtimeDir.resolve(components.path("file").asText());
            Path newComponents = write(runtimeDir, "camel-catalog-aggregate-components",
                    withEntry(componentsFile, scheme, entry));
            written.add(newComponents);
            components.put("file", newComponents.getFileName().toString());
            Path newRuntimeIndex = write(runtimeDir, "index", runtimeIndex, true);
            written.add(newRuntimeIndex);
            ((ObjectNode) definition).put("fileName", library.relativize(newRuntimeIndex).toString().replace('\\', '/'));
            // the links to the stock files they replace: nothing names them any more
            for (Path replaced : List.of(componentsFile, runtimeIndexFile)) {
                if (!replaced.equals(newComponents) && !replaced.equals(newRuntimeIndex)) {
                    Files.delete(replaced);
                }
            }
        }
        Path libraryIndex = library.resolve("index.json");
        Files.delete(libraryIndex); // a link to the stock index: never write through it
        written.add(write(libraryIndex, index, true));
        return written;
    }

    /**
     * A components catalog (one object, a member per component, sorted by name) with the entry added in its place,
     * or in place of one of that name; streamed through, as the stock catalogs are some 15 MB each.
     */
    byte[] withEntry(Path catalog, String scheme, JsonNode entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Files.size(catalog) + 200_000);
        JsonFactory factory = mapper.getFactory();
        try (JsonParser parser = factory.createParser(catalog.toFile());
                JsonGenerator generator = factory.createGenerator(out)) {
            generator.setCodec(mapper);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(catalog + " is not a JSON object");
            }
            generator.writeStartObject();
            boolean written = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (!written && name.compareTo(scheme) >= 0) {
                    generator.writeFieldName(scheme);
                    generator.writeTree(entry);
                    written = true;
                }
                if (name.equals(scheme)) {
                    parser.skipChildren();
                    continue;
                }
                generator.writeFieldName(name);
                generator.copyCurrentStructure(parser);
            }
            if (!written) {
                generator.writeFieldName(scheme);
                generator.writeTree(entry);
            }
            generator.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Writes {@code <dir>/<base>-<crc32 of the content>.json}. */
    private Path write(Path dir, String base, JsonNode json, boolean pretty) throws IOException {
        return write(dir, base, bytes(json, pretty));
    }

    private Path write(Path dir, String base, byte[] bytes) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Path file = dir.resolve(base + "-" + Long.toHexString(crc.getValue()) + ".json");
        Files.deleteIfExists(file);
        Files.write(file, bytes);
        return file;
    }

    private Path write(Path file, JsonNode json, boolean pretty) throws IOException {
        Files.deleteIfExists(file);
        Files.write(file, bytes(json, pretty));
        return file;
    }

    private byte[] bytes(JsonNode json, boolean pretty) throws IOException {
        if (!pretty) {
            return mapper.writeValueAsBytes(json);
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("\t", "\n"))
                .withArrayIndenter(new DefaultIndenter("\t", "\n"));
        return (mapper.writer(printer).writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Mirrors {@code from} into {@code to}: folders made, files hard-linked (copied where links fail). */
    private static void linkTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Iterator<Path> it = paths.iterator(); it.hasNext();) {
                Path source = it.next();
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    continue;
                }
                try {
                    Files.createLink(target, source);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: --out DIR [--stock DIR] [--scheme S] [--quarkus-version V]"
                                                   + " [--camel-version V]; got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
