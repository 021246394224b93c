package org.centerline.contracts.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample messages under {@code src/test/resources/samples/}, one folder per topic
 * ({@code samples/entry-summaries.filed/valid/}, {@code samples/entry-summaries.routed/}, ...).
 */
public final class Samples {

    private Samples() {
    }

    /** The folder {@code samples/<relative>} on the test classpath. */
    public static Path folder(String relative) {
        URL url = Samples.class.getClassLoader().getResource("samples/" + relative);
        if (url == null) {
            throw new IllegalStateException("No sample folder samples/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code .json} files directly in {@code samples/<relative>}, by name. */
    public static List<Path> jsonFiles(String relative) {
        try (Stream<Path> files = Files.list(folder(relative))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sub-folders of {@code samples/}, by name: one per topic. */
    public static List<String> topicFolders() {
        try (Stream<Path> files = Files.list(folder(""))) {
            return files.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code samples/<relative>}, read as a class-path resource (works from the test-jar too). */
    public static String text(String relative) {
        try (var in = Samples.class.getClassLoader().getResourceAsStream("samples/" + relative)) {
            if (in == null) {
                throw new IllegalStateException("No sample samples/" + relative);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String relative) {
        return read(folder("").resolve(relative));
    }
}
