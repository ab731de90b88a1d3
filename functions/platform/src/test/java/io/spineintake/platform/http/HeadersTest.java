package io.spineintake.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8",
            "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", "application/json ; foo=bar"})
    void jsonInUtf8IsAccepted(String contentType) {
        assertThat(Headers.isUtf8Json(contentType)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=iso-8859-1", "application/json; charset=utf-16",
            "application/json; charset=windows-1252", "application/json; charset=", "application/json; charset=utf8",
            "text/json", "application/jsonx", "application/problem+json", "text/plain; charset=utf-8", ""})
    void anythingElseIsNot(String contentType) {
        assertThat(Headers.isUtf8Json(contentType)).isFalse();
    }
}
