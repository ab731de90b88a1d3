package io.spineintake.triage.form;

import io.spineintake.triage.TestForms;

import static io.spineintake.triage.TestForms.NODES;
import static io.spineintake.triage.TestForms.minimal;
import static io.spineintake.triage.TestForms.read;
import static io.spineintake.triage.TestForms.with;
import static io.spineintake.triage.TestForms.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules of the contract: dates, consent, regions, spread, sizes. "Today" is 2026-11-27. */
class FormContractCrossCheckTest {

    static Violation v(String pointer, String message) {
        return new Violation(pointer, message);
    }

    static ObjectNode withRegion(ObjectNode doc, int index, String region, String spread) {
        ObjectNode r = NODES.objectNode().put("region", region);
        if (spread != null) {
            r.put("spread", spread);
        }
        return with(doc, "/pain/regions/" + index, r);
    }

    @Test
    void birthDateTomorrowIsInTheFuture() {
        assertThat(read(with(minimal(), "/patient/dateOfBirth", "2026-11-28")).violations())
                .containsExactly(v("/patient/dateOfBirth", "must not be in the future"));
    }

    @Test
    void birthDateTodayIsAccepted() {
        FormReading reading = read(with(minimal(), "/patient/dateOfBirth", "2026-11-27"));

        assertThat(reading.violations()).isEmpty();
        assertThat(reading.form().patient().dateOfBirth()).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void futureIsJudgedByTheClockGiven() {
        FormContract later = FormContract.load(Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));

        assertThat(later.read(TestForms.bytes(with(minimal(), "/patient/dateOfBirth", "2026-11-28"))).isValid())
                .isTrue();
    }

    @Test
    void birthDateBefore1900IsRefused() {
        assertThat(read(with(minimal(), "/patient/dateOfBirth", "1899-12-31")).violations())
                .containsExactly(v("/patient/dateOfBirth", "must not be before 1900-01-01"));
        assertThat(read(with(minimal(), "/patient/dateOfBirth", "1900-01-01")).violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30", "2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "2023-2-3",
        "03/04/1970", "1970-05-05T00:00:00Z", "19700505", "+1970-05-05", "1970-05-5 ", "tomorrow"})
    void impossibleOrMalformedDatesAreRefused(String date) {
        assertThat(read(with(minimal(), "/patient/dateOfBirth", date)).violations())
                .extracting(Violation::pointer)
                .containsOnly("/patient/dateOfBirth")
                .isNotEmpty();
        assertThat(read(with(minimal(), "/patient/dateOfBirth", date)).violations())
                .contains(v("/patient/dateOfBirth", "must be a real calendar date written YYYY-MM-DD"));
    }

    @Test
    void exactlyTheFormatViolationForFebruaryThirtieth() {
        assertThat(read(with(minimal(), "/patient/dateOfBirth", "2023-02-30")).violations())
                .containsExactly(v("/patient/dateOfBirth", "must be a real calendar date written YYYY-MM-DD"));
    }

    @Test
    void leapDayIsAccepted() {
        assertThat(read(with(minimal(), "/patient/dateOfBirth", "2024-02-29")).form().patient().dateOfBirth())
                .isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @CsvSource({
        "LUMBAR, HAND",
        "LUMBAR, SHOULDER",
        "LUMBAR, AROUND_CHEST",
        "CERVICAL, FOOT",
        "CERVICAL, BUTTOCK",
        "THORACIC, BELOW_KNEE",
        "THORACIC, BELOW_ELBOW"
    })
    @ParameterizedTest
    void spreadOfAnotherRegionIsRefused(String region, String spread) {
        ObjectNode doc = withRegion(minimal(), 0, region.equals("THORACIC") ? "CERVICAL" : "THORACIC", null);
        doc = withRegion(doc, 1, region, spread);

        assertThat(read(doc).violations()).containsExactly(v("/pain/regions/1/spread", "does not apply to this region"));
    }

    @CsvSource({
        "LUMBAR, SPINE_ONLY", "LUMBAR, BUTTOCK", "LUMBAR, THIGH_ABOVE_KNEE", "LUMBAR, BELOW_KNEE", "LUMBAR, FOOT",
        "CERVICAL, SPINE_ONLY", "CERVICAL, SHOULDER", "CERVICAL, UPPER_ARM", "CERVICAL, BELOW_ELBOW", "CERVICAL, HAND",
        "THORACIC, SPINE_ONLY", "THORACIC, AROUND_CHEST"
    })
    @ParameterizedTest
    void spreadOfItsOwnRegionIsAccepted(String region, String spread) {
        FormReading reading = read(withRegion(minimal(), 0, region, spread));

        assertThat(reading.violations()).isEmpty();
        assertThat(reading.form().pain().regions().get(0).spread()).isEqualTo(Spread.valueOf(spread));
    }

    @Test
    void regionListedTwiceIsRefusedAtTheSecond() {
        ObjectNode doc = withRegion(minimal(), 1, "CERVICAL", null);
        doc = withRegion(doc, 2, "LUMBAR", null);

        assertThat(read(doc).violations()).containsExactly(v("/pain/regions/2/region", "is listed more than once"));
    }

    @Test
    void mainRegionMustBeListed() {
        ObjectNode doc = with(minimal(), "/pain/mainRegion", "CERVICAL");

        assertThat(read(doc).violations()).containsExactly(v("/pain/mainRegion", "must be one of the regions listed"));
    }

    @Test
    void mainRegionAmongTheListedIsAccepted() {
        ObjectNode doc = withRegion(minimal(), 1, "CERVICAL", "HAND");
        doc = with(doc, "/pain/mainRegion", "CERVICAL");

        FormReading reading = read(doc);

        assertThat(reading.violations()).isEmpty();
        assertThat(reading.form().pain().main().region()).isEqualTo(Region.CERVICAL);
        assertThat(reading.form().pain().main().spread()).isEqualTo(Spread.HAND);
    }

    @Test
    void allCrossCheckProblemsAreReportedTogetherInPointerOrder() {
        ObjectNode doc = with(minimal(), "/patient/dateOfBirth", "2030-01-01");
        doc = withRegion(doc, 0, "LUMBAR", "HAND");
        doc = withRegion(doc, 1, "LUMBAR", null);
        doc = with(doc, "/pain/mainRegion", "THORACIC");

        assertThat(read(doc).violations()).containsExactly(
                v("/pain/mainRegion", "must be one of the regions listed"),
                v("/pain/regions/0/spread", "does not apply to this region"),
                v("/pain/regions/1/region", "is listed more than once"),
                v("/patient/dateOfBirth", "must not be in the future"));
    }

    @Test
    void missingConsentIsRefused() {
        assertThat(read(without(minimal(), "/consent")).violations())
                .containsExactly(v("/consent", "is required"));
    }

    @Test
    void missingDataProcessingConsentPointsAtIt() {
        assertThat(read(without(minimal(), "/consent/dataProcessing")).violations())
                .containsExactly(v("/consent/dataProcessing", "is required"));
    }

    @Test
    void consentFalseIsRefused() {
        ObjectNode doc = with(minimal(), "/consent/contact", NODES.booleanNode(false));
        doc = with(doc, "/consent/dataProcessing", NODES.booleanNode(false));

        assertThat(read(doc).violations()).containsExactly(
                v("/consent/contact", "must be true"),
                v("/consent/dataProcessing", "must be true"));
    }

    @Test
    void consentMustBeTheBooleanTrue() {
        ObjectNode doc = with(minimal(), "/consent/contact", "true");
        doc = with(doc, "/consent/dataProcessing", NODES.nullNode());

        assertThat(read(doc).violations()).containsExactly(
                v("/consent/contact", "must be true"),
                v("/consent/dataProcessing", "must be true"));
    }

    @Test
    void fiveThousandCharacterNameIsRefused() {
        assertThat(read(with(minimal(), "/patient/name", "N".repeat(5000))).violations())
                .containsExactly(v("/patient/name", "must be at most 200 characters"));
    }

    @Test
    void nameOfExactlyTwoHundredCharactersIsAccepted() {
        assertThat(read(with(minimal(), "/patient/name", "N".repeat(200))).violations()).isEmpty();
    }

    @Test
    void crossChecksRunOnlyOnceTheSchemaPasses() {
        // the schema problem is reported; the duplicate region is not looked at yet
        ObjectNode doc = withRegion(minimal(), 1, "LUMBAR", null);
        doc = with(doc, "/pain/nrs/now", NODES.numberNode(11));

        assertThat(read(doc).violations()).containsExactly(v("/pain/nrs/now", "must be at most 10"));
    }
}
