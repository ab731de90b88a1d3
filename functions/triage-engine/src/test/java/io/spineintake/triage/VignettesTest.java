package io.spineintake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.triage.assess.Assessment;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.RegionAssessment;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.FormContract;
import io.spineintake.triage.form.FormReading;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.rules.RuleSet;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference cases of shared/clinical/vignettes.md, read through the form contract and
 * assessed with the bundled (starting) weights. A case that fails after a weight change needs a
 * reason in RULES-CHANGELOG.md.
 */
class VignettesTest {
    static final Instant RECEIVED = Instant.parse("2026-11-27T09:00:00Z");
    static final FormContract CONTRACT = FormContract.load();
    static final TriageEngine ENGINE = new TriageEngine(RuleSet.bundled());

    static Assessment assess(String id) {
        return assess(id, RECEIVED);
    }

    static Assessment assess(String id, Instant received) {
        try (InputStream in = VignettesTest.class.getResourceAsStream("/vignettes/" + id + ".json")) {
            FormReading reading = CONTRACT.read(in.readAllBytes());
            assertThat(reading.violations()).as(id).isEmpty();
            return ENGINE.assess(reading.form(), received);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void v01ClassicLumbarFacetPainIsAHighConsult() {
        Assessment a = assess("V01");
        assertThat(a.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(a.tier()).isEqualTo(Tier.HIGH);
        assertThat(a.toConfirm()).isEmpty();
    }

    @Test
    void v02RadiculopathyIsAnotherPathwayAndLow() {
        Assessment a = assess("V02");
        assertThat(a.disposition()).isEqualTo(Disposition.OTHER_PATHWAY);
        assertThat(a.tier()).isEqualTo(Tier.LOW);
        assertThat(a.dispositionReason()).containsIgnoringCase("radiculopathy");
    }

    @Test
    void v03RecentPainIsConservativeCareFirst() {
        Assessment a = assess("V03");
        assertThat(a.disposition()).isEqualTo(Disposition.CONSERVATIVE_CARE_FIRST);
        assertThat(a.dispositionReason()).contains("less than 3 months");
    }

    @Test
    void v04CaudaEquinaSymptomsAreAnEmergency() {
        Assessment a = assess("V04");
        assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
        assertThat(a.redFlags().hardStops()).extracting(f -> f.question())
                .containsExactly("/safety/saddleNumbness", "/safety/bladderOrBowelChange");
    }

    @Test
    void v05CancerHistoryWithWeightLossIsUrgentReview() {
        Assessment a = assess("V05");
        assertThat(a.disposition()).isEqualTo(Disposition.URGENT_REVIEW);
        assertThat(a.redFlags().urgent()).hasSize(2);
    }

    @Test
    void v06WhiplashNeckPainIsAHighConsult() {
        Assessment a = assess("V06");
        assertThat(a.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(a.tier()).isEqualTo(Tier.HIGH);
        assertThat(a.regions().get(0).region()).isEqualTo(Region.CERVICAL);
    }

    @Test
    void v07CervicalRadicularPainIsAnotherPathwayAndLow() {
        Assessment a = assess("V07");
        assertThat(a.disposition()).isEqualTo(Disposition.OTHER_PATHWAY);
        assertThat(a.tier()).isEqualTo(Tier.LOW);
    }

    @Test
    void v08ThoracicFacetPainIsAModerateOrHighConsult() {
        Assessment a = assess("V08");
        assertThat(a.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(a.tier()).isIn(Tier.MODERATE, Tier.HIGH);
    }

    @Test
    void v09MildPainIsConservativeCareFirst() {
        Assessment a = assess("V09");
        assertThat(a.disposition()).isEqualTo(Disposition.CONSERVATIVE_CARE_FIRST);
        assertThat(a.readiness().get(0).status().name()).isEqualTo("NOT_MET");
        assertThat(a.tier()).isEqualTo(Tier.HIGH);
    }

    @Test
    void v10APriorPositiveBlockIsAHighConsultAboveV08() {
        Assessment v10 = assess("V10");
        Assessment v08 = assess("V08");
        assertThat(v10.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(v10.tier()).isEqualTo(Tier.HIGH);
        assertThat(v10.score()).isGreaterThan(v08.score());
        assertThat(v10.priorityKey()).isLessThan(v08.priorityKey());
    }

    @Test
    void v11FragilityFractureIsUrgentReview() {
        Assessment a = assess("V11");
        assertThat(a.disposition()).isEqualTo(Disposition.URGENT_REVIEW);
        assertThat(a.redFlags().urgent()).extracting(f -> f.id()).containsExactly("U_MINOR_TRAUMA_OSTEOPOROSIS");
    }

    @Test
    void v12BothRegionsAreAssessedMainRegionFirst() {
        Assessment a = assess("V12");
        assertThat(a.disposition()).isEqualTo(Disposition.CONSULT);
        assertThat(a.regions()).extracting(RegionAssessment::region).containsExactly(Region.LUMBAR, Region.CERVICAL);
        assertThat(a.regions().get(0).main()).isTrue();
        assertThat(a.regions().get(1).score()).isPositive();
    }

    @Test
    void theConsultQueueOrderOfTheVignetteFileHolds() {
        // received in reverse of the expected order, so "older first" cannot produce the order by itself
        List<String> ids = List.of("V01", "V04", "V05", "V06", "V08", "V10", "V11", "V12");
        List<Assessment> queued = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Assessment a = assess(ids.get(i), RECEIVED.plusSeconds(60L * (ids.size() - i)));
            assertThat(a.disposition().routedToConsultQueue()).as(ids.get(i)).isTrue();
            queued.add(a);
        }
        queued.sort(Comparator.comparing(Assessment::priorityKey));
        List<Disposition> bands = queued.stream().map(Assessment::disposition).toList();
        int lastUrgent = bands.lastIndexOf(Disposition.URGENT_REVIEW);
        assertThat(bands.get(0)).isEqualTo(Disposition.EMERGENCY);
        assertThat(bands.subList(1, lastUrgent + 1)).containsOnly(Disposition.URGENT_REVIEW);
        List<Assessment> consults = queued.subList(lastUrgent + 1, queued.size());
        assertThat(consults).extracting(Assessment::disposition).containsOnly(Disposition.CONSULT);
        for (int i = 1; i < consults.size(); i++) {
            Assessment before = consults.get(i - 1);
            Assessment after = consults.get(i);
            assertThat(before.score()).isGreaterThanOrEqualTo(after.score());
        }
    }

    @Test
    void amongEqualScoresTheLongerWaitingComesFirst() {
        Assessment older = assess("V01", RECEIVED);
        Assessment newer = assess("V01", RECEIVED.plusSeconds(1));
        assertThat(older.priorityKey()).isLessThan(newer.priorityKey());
    }
}
