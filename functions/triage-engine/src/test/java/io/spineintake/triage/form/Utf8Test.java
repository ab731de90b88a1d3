package io.spineintake.triage.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The strict UTF-8 check (RFC 3629, section 4): the first and last code point of each sequence
 * length is accepted, and the forms around them that RFC 3629 forbids are refused: overlong
 * encodings, encoded surrogates U+D800-U+DFFF, code points above U+10FFFF, bad continuation bytes.
 */
class Utf8Test {
    static final String BAD = "is not valid UTF-8 text";

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "U+0080 smallest two-byte,       C2 80",
        "U+07FF largest two-byte,        DF BF",
        "U+0800 smallest three-byte,     E0 A0 80",
        "U+D7FF just below surrogates,   ED 9F BF",
        "U+E000 just above surrogates,   EE 80 80",
        "U+FFFD replacement character,   EF BF BD",
        "U+10000 smallest four-byte,     F0 90 80 80",
        "U+10FFFF largest code point,    F4 8F BF BF",
        "byte order mark then JSON,      EF BB BF 7B 7D",
        "text around a character,        22 61 C3 A9 62 22",
    })
    void wellFormedSequencesPass(String what, String bytes) {
        assertThat(Utf8.check(hex(bytes))).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "C1 lead (overlong two-byte),        C1 BF",
        "overlong three-byte NUL,            E0 80 80",
        "overlong three-byte U+07FF,         E0 9F BF",
        "encoded surrogate U+D800,           ED A0 80",
        "encoded surrogate U+DFFF,           ED BF BF",
        "overlong four-byte U+FFFF,          F0 8F BF BF",
        "above U+10FFFF,                     F4 90 80 80",
        "F5 lead,                            F5 80 80 80",
        "continuation byte alone,            80",
        "ASCII where a continuation belongs, C3 28",
        "second continuation missing,        E2 82 28",
        "truncated at the end,               61 E2 82",
    })
    void illFormedSequencesAreRefused(String what, String bytes) {
        assertThat(Utf8.check(hex(bytes))).isEqualTo(BAD);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NUL alone, 00", "NUL inside text, 7B 00 7D"})
    void aNulByteIsNotJson(String what, String bytes) {
        assertThat(Utf8.check(hex(bytes))).isEqualTo("is not valid JSON");
    }
}
