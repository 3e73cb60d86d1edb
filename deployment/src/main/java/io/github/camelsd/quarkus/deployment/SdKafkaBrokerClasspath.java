package io.github.camelsd.quarkus.deployment;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.bootstrap.util.IoUtils;

/**
 * The class path of a {@code KafkaBroker} child JVM, made from what the build's class loader holds without any Kafka
 * class being loadable there: the jars of the broker's dependencies, which camel-sd-kafka-broker-bundle carries as
 * resources (written to a fresh folder, which {@link #close()} deletes), and camel-sd-kafka-broker's own classes, which
 * are on the build's class path without their dependencies (a jar, or a {@code target/classes} folder in a reactor
 * build).
 *
 * <p>The folder is also deleted when this JVM ends without {@link #close()}: a {@code @QuarkusTest} run ends its JVM
 * with the Dev Services still open (the child JVM then ends by itself, see {@link SdKafkaBrokerProcess}).
 */
final class SdKafkaBrokerClasspath implements AutoCloseable {

    /** A name, not {@code KafkaBroker.class}: the class is never loaded in this JVM, whose Kafka it would lack. */
    static final String MAIN_CLASS = "io.github.camelsd.kafkabroker.KafkaBroker";
    /** Where camel-sd-kafka-broker-bundle has the jars, and in {@code jars} their names (comma-separated). */
    private static final String BUNDLE = "META-INF/camel-sd-kafka-broker/";

    private final Path folder;
    private final List<Path> entries;
    private final Thread deleteOnExit;

    private SdKafkaBrokerClasspath(Path folder, List<Path> entries) {
        this.folder = folder;
        this.entries = entries;
        this.deleteOnExit = new Thread(() -> IoUtils.recursiveDelete(folder), "camel-sd-kafka-broker-jars-cleanup");
        Runtime.getRuntime().addShutdownHook(deleteOnExit);
    }

    static SdKafkaBrokerClasspath extract(ClassLoader loader) {
        Path folder;
        try {
            folder = Files.createTempDirectory("camel-sd-kafka-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the Kafka broker's jars", e);
        }
        try {
            List<Path> entries = new ArrayList<>();
            entries.add(brokerClasses(loader));
            String index;
            try (InputStream in = open(loader, BUNDLE + "jars")) {
                index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String jar : index.trim().split(",")) {
                Path target = folder.resolve(jar.substring(jar.lastIndexOf('/') + 1));
                try (InputStream in = open(loader, BUNDLE + jar)) {
                    Files.copy(in, target);
                }
                entries.add(target);
            }
            return new SdKafkaBrokerClasspath(folder, List.copyOf(entries));
        } catch (IOException e) {
            IoUtils.recursiveDelete(folder);
            throw new UncheckedIOException("cannot write the Kafka broker's jars to " + folder, e);
        } catch (RuntimeException e) {
            IoUtils.recursiveDelete(folder);
            throw e;
        }
    }

    /** The jar or folder that has {@code KafkaBroker.class}. */
    private static Path brokerClasses(ClassLoader loader) {
        String resource = MAIN_CLASS.replace('.', '/') + ".class";
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("camel-sd-kafka-broker is not on the class path: " + resource);
        }
        try {
            return switch (url.getProtocol()) {
                // jar:file:/.../camel-sd-kafka-broker-VERSION.jar!/io/github/...
                case "jar" -> Path.of(new URL(url.getPath().substring(0, url.getPath().indexOf("!/"))).toURI());
                // file:/.../kafka-broker/target/classes/io/github/...
                case "file" -> {
                    Path classFile = Path.of(url.toURI());
                    yield classFile.getRoot().resolve(classFile.subpath(0,
                            classFile.getNameCount() - Path.of(resource).getNameCount()));
                }
                default -> throw new IllegalStateException("camel-sd-kafka-broker's classes are not in a jar or a"
                        + " folder: " + url);
            };
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot locate camel-sd-kafka-broker's classes: " + url, e);
        }
    }

    private static InputStream open(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing: camel-sd-kafka-broker-bundle is not on the class"
                    + " path");
        }
        return in;
    }

    /** The value of {@code -cp}. */
    String asArgument() {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /** Deletes the written jars; call it once the JVM that runs on them has ended. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(deleteOnExit);
        } catch (IllegalStateException e) {
            // this JVM is shutting down already: the hook deletes the folder, or has
        }
        IoUtils.recursiveDelete(folder);
    }
}
