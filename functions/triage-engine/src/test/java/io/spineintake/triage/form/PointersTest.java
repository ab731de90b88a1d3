package io.spineintake.triage.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 6901 reference tokens for violation pointers: "~" is written "~0" and "/" is written "~1";
 * a surrogate pair is kept; an unpaired surrogate (which could not be written back as UTF-8)
 * becomes U+FFFD.
 */
class PointersTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "name|name",
        "a~b/c|a~0b~1c",
        "~start|~0start",
        "/start|~1start",
        "x~y~z|x~0y~0z",
        "a/b/c|a~1b~1c",
    })
    void tokensAreEscapedAsRfc6901Says(String name, String token) {
        assertThat(io.spineintake.triage.JsonPointer.escape(name)).isEqualTo(token);
    }

    @Test
    void surrogatePairsAreKeptWhetherOrNotSomethingWasEscapedBefore() {
        String face = "\uD83D\uDE00";
        assertThat(io.spineintake.triage.JsonPointer.escape(face)).isEqualTo(face);
        assertThat(io.spineintake.triage.JsonPointer.escape("a" + face + "b")).isEqualTo("a" + face + "b");
        assertThat(io.spineintake.triage.JsonPointer.escape("~" + face + "/")).isEqualTo("~0" + face + "~1");
    }

    @Test
    void unpairedSurrogatesBecomeTheReplacementCharacter() {
        assertThat(io.spineintake.triage.JsonPointer.escape("a\uD800")).as("high surrogate at the end").isEqualTo("a\uFFFD");
        assertThat(io.spineintake.triage.JsonPointer.escape("\uD800b")).as("high surrogate before a letter").isEqualTo("\uFFFDb");
        assertThat(io.spineintake.triage.JsonPointer.escape("\uDC00b")).as("low surrogate alone").isEqualTo("\uFFFDb");
        assertThat(io.spineintake.triage.JsonPointer.escape("~\uDC00\uD83D\uDE00")).isEqualTo("~0\uFFFD\uD83D\uDE00");
    }

    @Test
    void aDataBindingPathBecomesAPointer() {
        List<Reference> path = List.of(new Reference(null, "pain"), new Reference(null, "regions"),
                new Reference(null, 1), new Reference(null, "a/b"));
        assertThat(Pointers.of(path)).isEqualTo("/pain/regions/1/a~1b");
        assertThat(Pointers.of(List.<Reference>of())).isEmpty();
    }

    @Test
    void theParentOfAPointer() {
        assertThat(Pointers.parent("/patient/phone")).isEqualTo("/patient");
        assertThat(Pointers.parent("/patient")).isEmpty();
        assertThat(Pointers.parent("")).isEmpty();
    }
}
