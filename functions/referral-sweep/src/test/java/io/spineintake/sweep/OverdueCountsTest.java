package io.spineintake.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.local.backends.MetricsLog;
import io.spineintake.platform.referrals.Band;
import io.spineintake.triage.assess.Disposition;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Overdue referrals of every band are counted, per band and in all, as metric lines (this class's own table). */
@ExtendWith(LocalAwsExtension.class)
class OverdueCountsTest {

    @Test
    void everyBandsOverdueReferralsAreCountedAndNoneThatIsNotDue(LocalAws aws) {
        Instant t0 = Instant.parse("2026-12-01T08:00:00Z");
        Referrals stack = new Referrals(aws, t0);
        Map<Band, Integer> expected = new EnumMap<>(Band.class);
        // per band: one due before the sweep, one due after it
        for (Band band : Band.IN_ORDER) {
            Disposition d = band.disposition();
            stack.create(d, t0.plus(Duration.ofMinutes(30)));
            stack.create(d, t0.plus(Duration.ofDays(30)));
            expected.put(band, 1);
        }
        // and one more consult overdue
        stack.create(Disposition.CONSULT, t0.plus(Duration.ofMinutes(59)));
        expected.put(Band.CONSULT, 2);

        int before = MetricsLog.read().size();
        stack.clock.set(t0.plus(Duration.ofHours(1)));
        SweepReport report = stack.sweep();

        assertThat(report.open()).isEqualTo(2 * Band.IN_ORDER.size() + 1);
        assertThat(report.overdue()).isEqualTo(Band.IN_ORDER.size() + 1);
        assertThat(report.stoppedEarly()).isFalse();
        List<JsonNode> lines = MetricsLog.read().subList(before, MetricsLog.read().size());
        for (Band band : Band.IN_ORDER) {
            assertThat(lines).as(band.name()).filteredOn(m -> m.has("OverdueReferrals") && m.path("Band").asText().equals(band.name()))
                    .singleElement().satisfies(m -> assertThat(m.path("OverdueReferrals").asInt()).isEqualTo(expected.get(band)));
        }
        assertThat(lines).filteredOn(m -> m.has("OverdueReferralsTotal")).singleElement()
                .satisfies(m -> {
                    assertThat(m.path("OverdueReferralsTotal").asInt()).isEqualTo(Band.IN_ORDER.size() + 1);
                    // no dimension: the alarm's metric is the namespace and the name alone
                    assertThat(m.at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).isIn("[]", "[[]]");
                });
    }
}
