package io.spineintake.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;

class RequestTargetsTest {

    static APIGatewayV2HTTPEvent event(String rawPath, String rawQuery) {
        return APIGatewayV2HTTPEvent.builder().withRawPath(rawPath).withRawQueryString(rawQuery).build();
    }

    @Test
    void malformedEscapesInThePathOrQueryAre400ProblemsNamingWhere() {
        Problem path = RequestTargets.malformedEscape(event("/referrals/%ZZ", "")).orElseThrow();
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.type()).isEqualTo(RequestTargets.MALFORMED_TARGET);
        assertThat(path.errors()).extracting(Problem.FieldError::pointer).containsExactly("/path");
        assertThat(RequestTargets.malformedEscape(event("/referrals", "status=NEW&limit=%ZZ")).orElseThrow().errors())
                .extracting(Problem.FieldError::pointer).containsExactly("/query/limit");
        assertThat(RequestTargets.malformedEscape(event("/referrals", "lim%it=2")).orElseThrow().errors())
                .extracting(Problem.FieldError::pointer).containsExactly("/query");
        for (String bad : new String[] {"%", "%4", "a%", "%G0", "%0G", "%%41"}) {
            assertThat(RequestTargets.malformed(bad)).as(bad).isTrue();
        }
    }

    @Test
    void wellFormedTargetsPass() {
        assertThat(RequestTargets.malformedEscape(event("/referrals/3f1c9a52-7d4e-4b8a-9e21-5c6d7e8f9a01", null))).isEmpty();
        assertThat(RequestTargets.malformedEscape(event("/referrals", "cursor=abc%2Edef&region=LUMBAR%20"))).isEmpty();
        assertThat(RequestTargets.malformedEscape(event("/caf%C3%A9", "q=%e2%82%ac"))).isEmpty();
        assertThat(RequestTargets.malformedEscape(null)).isEmpty();
    }
}
