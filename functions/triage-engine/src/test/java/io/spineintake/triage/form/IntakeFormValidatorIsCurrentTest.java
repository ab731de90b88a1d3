package io.spineintake.triage.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed IntakeFormValidator is what SchemaCompiler makes of the schema today, and
 * IntakeFormReader what FormReaderCompiler makes of the records, so the schema, the records and
 * the code that enforces and reads them cannot drift apart. With {@code -Dregenerate=true} the
 * test writes the files instead.
 */
class IntakeFormValidatorIsCurrentTest {

    @Test
    void generatedValidatorMatchesTheSchema() throws IOException {
        assertCurrent(SchemaCompiler.GENERATED, SchemaCompiler.compile(SchemaCompiler.schema()), "the schema");
    }

    @Test
    void generatedReaderMatchesTheRecords() throws IOException {
        assertCurrent(FormReaderCompiler.GENERATED, FormReaderCompiler.compile(), "the form's records");
    }

    private static void assertCurrent(Path file, String expected, String source) throws IOException {
        if (Boolean.getBoolean("regenerate")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";

        assertThat(committed)
                .as("%s is out of date with %s; regenerate it with%n  %s", file, source, SchemaCompiler.REGENERATE)
                .isEqualTo(expected);
    }
}
