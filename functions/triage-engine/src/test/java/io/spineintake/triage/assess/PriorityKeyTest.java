package io.spineintake.triage.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityKeyTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void sortsByBandThenFlagsThenScoreThenAge() {
        String emergency = PriorityKey.of(Disposition.EMERGENCY, 1, 0, T0.plusSeconds(999));
        String urgentTwoFlags = PriorityKey.of(Disposition.URGENT_REVIEW, 2, 10, T0.plusSeconds(500));
        String urgentOneFlag = PriorityKey.of(Disposition.URGENT_REVIEW, 1, 90, T0);
        String consultHigh = PriorityKey.of(Disposition.CONSULT, 0, 88, T0.plusSeconds(900));
        String consultLowOld = PriorityKey.of(Disposition.CONSULT, 0, 40, T0);
        String consultLowNew = PriorityKey.of(Disposition.CONSULT, 0, 40, T0.plusSeconds(1));
        List<String> expected = List.of(emergency, urgentTwoFlags, urgentOneFlag, consultHigh, consultLowOld, consultLowNew);
        List<String> sorted = new ArrayList<>(expected);
        java.util.Collections.reverse(sorted);
        sorted.sort(null);
        assertThat(sorted).containsExactlyElementsOf(expected);
    }

    @Test
    void hasAFixedWidthAndClampsItsParts() {
        assertThat(PriorityKey.of(Disposition.CONSULT, 0, 100, T0)).hasSize(21).isEqualTo("2-9-000-" + String.format("%013d", T0.toEpochMilli()));
        assertThat(PriorityKey.of(Disposition.URGENT_REVIEW, 15, -4, Instant.EPOCH)).isEqualTo("1-0-100-0000000000000");
    }
}
