package io.spineintake.triage.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityKeyTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void sortsByBandThenFlagsThenSeverityOrScoreThenAge() {
        String emergency = PriorityKey.of(Disposition.EMERGENCY, 1, 1, 0, T0.plusSeconds(999));
        String urgentTwoFlagsInfection = PriorityKey.of(Disposition.URGENT_REVIEW, 2, 3, 10, T0.plusSeconds(500));
        String urgentTwoFlagsMalignancy = PriorityKey.of(Disposition.URGENT_REVIEW, 2, 4, 95, T0);
        String urgentOneFlag = PriorityKey.of(Disposition.URGENT_REVIEW, 1, 0, 90, T0);
        String consultHigh = PriorityKey.of(Disposition.CONSULT, 0, 6, 88, T0.plusSeconds(900));
        String consultLowOld = PriorityKey.of(Disposition.CONSULT, 0, 6, 40, T0);
        String consultLowNew = PriorityKey.of(Disposition.CONSULT, 0, 6, 40, T0.plusSeconds(1));
        String generalConsult = PriorityKey.of(Disposition.OTHER_PATHWAY, 0, 6, 99, T0);
        String recontact = PriorityKey.of(Disposition.CONSERVATIVE_CARE_FIRST, 0, 6, 99, T0);
        List<String> expected = List.of(emergency, urgentTwoFlagsInfection, urgentTwoFlagsMalignancy, urgentOneFlag,
                consultHigh, consultLowOld, consultLowNew, generalConsult, recontact);
        List<String> sorted = new ArrayList<>(expected);
        java.util.Collections.reverse(sorted);
        sorted.sort(null);
        assertThat(sorted).containsExactlyElementsOf(expected);
    }

    @Test
    void theScoreNeverOrdersEmergencyOrUrgentReferrals() {
        for (Disposition d : List.of(Disposition.EMERGENCY, Disposition.URGENT_REVIEW)) {
            assertThat(PriorityKey.of(d, 2, 3, 0, T0)).isEqualTo(PriorityKey.of(d, 2, 3, 100, T0));
        }
        assertThat(PriorityKey.of(Disposition.CONSULT, 0, 3, 10, T0)).isNotEqualTo(PriorityKey.of(Disposition.CONSULT, 0, 3, 90, T0));
        assertThat(PriorityKey.of(Disposition.CONSULT, 0, 1, 50, T0)).as("severity never orders a consult")
                .isEqualTo(PriorityKey.of(Disposition.CONSULT, 0, 5, 50, T0));
    }

    @Test
    void hasAFixedWidthAndClampsItsParts() {
        assertThat(PriorityKey.of(Disposition.CONSULT, 0, 6, 100, T0)).hasSize(21)
                .isEqualTo("2-9-000-" + String.format("%013d", T0.toEpochMilli()));
        assertThat(PriorityKey.of(Disposition.URGENT_REVIEW, 15, -4, 50, Instant.EPOCH)).isEqualTo("1-0-000-0000000000000");
        assertThat(PriorityKey.of(Disposition.URGENT_REVIEW, 0, 4000, 50, Instant.EPOCH)).isEqualTo("1-9-999-0000000000000");
    }
}
