package io.spineintake.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import io.spineintake.platform.http.RequestBodies.BodyException;

class RequestBodiesTest {

    private static APIGatewayV2HTTPEvent event(String body, boolean base64) {
        return APIGatewayV2HTTPEvent.builder().withBody(body).withIsBase64Encoded(base64).build();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'a');
        return b;
    }

    @Test
    void plainBodyIsUtf8() {
        assertThat(RequestBodies.read(event("{\"a\":\"é\"}", false)))
                .isEqualTo("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void base64BodyIsDecoded() {
        String json = "{\"a\":1}";
        String encoded = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(RequestBodies.read(event(encoded, true)), StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void missingBodyIsEmpty() {
        assertThat(RequestBodies.read(event(null, false))).isEmpty();
        assertThat(RequestBodies.read(event("", true))).isEmpty();
    }

    @Test
    void exactly64KiBIsAccepted() {
        assertThat(RequestBodies.MAX_BYTES).isEqualTo(65_536);
        byte[] max = bytes(RequestBodies.MAX_BYTES);

        assertThat(RequestBodies.read(event(new String(max, StandardCharsets.US_ASCII), false))).hasSize(65_536);
        assertThat(RequestBodies.read(event(Base64.getEncoder().encodeToString(max), true))).hasSize(65_536);
    }

    @Test
    void oneByteOverIsRefusedWith413() {
        byte[] over = bytes(RequestBodies.MAX_BYTES + 1);

        assertThatThrownBy(() -> RequestBodies.read(event(new String(over, StandardCharsets.US_ASCII), false)))
                .isInstanceOfSatisfying(BodyException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> RequestBodies.read(event(Base64.getEncoder().encodeToString(over), true)))
                .isInstanceOfSatisfying(BodyException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void sizeIsMeasuredInDecodedBytesNotChars() {
        // 21,846 three-byte characters: fewer chars than the limit, more bytes
        String wide = "€".repeat(21_846);
        assertThat(wide.length()).isLessThan(RequestBodies.MAX_BYTES);

        assertThatThrownBy(() -> RequestBodies.read(event(wide, false))).isInstanceOf(BodyException.class);
        // the base64 text of exactly 64 KiB is longer than 64 KiB, and still accepted
        String encoded = Base64.getEncoder().encodeToString(bytes(RequestBodies.MAX_BYTES));
        assertThat(encoded.length()).isGreaterThan(RequestBodies.MAX_BYTES);
        assertThat(RequestBodies.read(event(encoded, true))).hasSize(RequestBodies.MAX_BYTES);
    }

    @Test
    void malformedBase64IsA400Problem() {
        assertThatThrownBy(() -> RequestBodies.read(event("not base64!", true)))
                .isInstanceOfSatisfying(BodyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem().status()).isEqualTo(400);
                });
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedHoweverTheyArrive() {
        // API Gateway decodes a text body as UTF-8, with U+FFFD where bytes were not UTF-8
        String replaced = new String(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                StandardCharsets.UTF_8);
        assertThat(replaced).contains("\uFFFD");
        assertThatThrownBy(() -> RequestBodies.read(event(replaced, false))).isInstanceOfSatisfying(BodyException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.toProblem().errors()).extracting(Problem.FieldError::pointer).containsExactly("");
            assertThat(e.toProblem().detail()).contains("UTF-8");
        });
        // an unpaired surrogate cannot be written as UTF-8 at all
        assertThatThrownBy(() -> RequestBodies.read(event("{\"a\":\"\uD800\"}", false)))
                .isInstanceOfSatisfying(BodyException.class, e -> assertThat(e.status()).isEqualTo(400));
        // base64: the bytes themselves are checked, strictly (a truncated sequence, an overlong form, a surrogate)
        for (byte[] bad : new byte[][] {{'"', (byte) 0xC3}, {'"', (byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            assertThatThrownBy(() -> RequestBodies.read(event(Base64.getEncoder().encodeToString(bad), true)))
                    .isInstanceOfSatisfying(BodyException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
        byte[] good = "{\"a\":\"é 😀\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(RequestBodies.read(event(Base64.getEncoder().encodeToString(good), true))).isEqualTo(good);
        assertThat(RequestBodies.read(event("{\"a\":\"é 😀\"}", false))).isEqualTo(good);
    }
}
