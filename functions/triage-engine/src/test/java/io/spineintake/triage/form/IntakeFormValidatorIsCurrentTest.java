package io.spineintake.triage.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The committed IntakeFormValidator is what SchemaCompiler makes of the schema today, so the
 * schema and the code that enforces it cannot drift apart. With {@code -Dregenerate=true} the
 * test writes the file instead.
 */
class IntakeFormValidatorIsCurrentTest {

    @Test
    void generatedValidatorMatchesTheSchema() throws IOException {
        String expected = SchemaCompiler.compile(SchemaCompiler.schema());
        if (Boolean.getBoolean("regenerate")) {
            Files.writeString(SchemaCompiler.GENERATED, expected, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(SchemaCompiler.GENERATED)
                ? Files.readString(SchemaCompiler.GENERATED, StandardCharsets.UTF_8)
                : "";

        assertThat(committed)
                .as("%s is out of date with the schema; regenerate it with%n  %s",
                        SchemaCompiler.GENERATED, SchemaCompiler.REGENERATE)
                .isEqualTo(expected);
    }
}
