package io.spineintake.triage.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Loading a clinic-tunable rule file, the same way for each kind (the facet rule set, the block
 * rules): the bundled resource, a clinic's own file named by an environment variable, or a stream;
 * every failure a {@link RuleSetException} that names the kind and the file. {@code reader} turns
 * the parsed JSON and the file's name into the checked rules.
 */
final class RuleFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RuleFiles() {
    }

    static <T> T fromEnvironment(String kind, Map<String, String> environment, String variable, String bundled,
                                 BiFunction<JsonNode, String, T> reader) {
        String file = environment.get(variable);
        return file == null || file.isBlank() ? bundled(kind, bundled, reader) : fromFile(kind, Path.of(file), reader);
    }

    static <T> T bundled(String kind, String resource, BiFunction<JsonNode, String, T> reader) {
        try (InputStream in = RuleFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RuleSetException(kind + " " + resource + ": not on the classpath");
            }
            return parse(kind, in, resource.substring(resource.lastIndexOf('/') + 1), reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T fromFile(String kind, Path file, BiFunction<JsonNode, String, T> reader) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(kind, in, file.getFileName().toString(), reader);
        } catch (IOException e) {
            throw new RuleSetException(kind + " " + file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static <T> T parse(String kind, InputStream in, String name, BiFunction<JsonNode, String, T> reader) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new RuleSetException(kind + " " + name + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        return reader.apply(root, name);
    }
}
