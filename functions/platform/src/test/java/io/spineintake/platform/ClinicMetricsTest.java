package io.spineintake.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.platform.ClinicMetrics.Metric;
import io.spineintake.platform.referrals.Band;
import io.spineintake.triage.assess.Disposition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric lines CloudWatch Logs reads: embedded metric format documents, one per line. */
class ClinicMetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:15:30.123Z");
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ClinicMetrics metrics = new ClinicMetrics("SpineIntake/clinic-a", Clock.fixed(NOW, ZoneOffset.UTC),
            () -> new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private List<JsonNode> lines() throws Exception {
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            out.add(new ObjectMapper().readTree(line));
        }
        return out;
    }

    @Test
    void aCountWithADimensionIsOneDocumentNamingTheDimensionAndTheMetric() throws Exception {
        metrics.count(Metric.INTAKES_ACCEPTED, ClinicMetrics.DISPOSITION, Disposition.EMERGENCY, 1);

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertThat(line.at("/_aws/CloudWatchMetrics").size()).isEqualTo(1);
        assertThat(directive.path("Namespace").asText()).isEqualTo("SpineIntake/clinic-a");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Disposition\"]]");
        assertThat(directive.path("Metrics").toString()).isEqualTo("[{\"Name\":\"IntakesAccepted\",\"Unit\":\"Count\"}]");
        assertThat(line.path("Disposition").asText()).isEqualTo("EMERGENCY");
        assertThat(line.path("IntakesAccepted").asDouble()).isEqualTo(1.0);
        // nothing else: no request id, no trace id, nothing a patient wrote
        assertThat(line.size()).isEqualTo(3);
    }

    @Test
    void aMetricWithoutADimensionHasOneEmptyDimensionSet() throws Exception {
        metrics.count(Metric.OVERDUE_REFERRALS_TOTAL, 7);

        JsonNode line = lines().get(0);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).isEqualTo("[[]]");
        assertThat(line.path("OverdueReferralsTotal").asDouble()).isEqualTo(7.0);
        assertThat(line.size()).isEqualTo(2);
    }

    @Test
    void elapsedTimesAreSecondsAndNeverNegative() throws Exception {
        metrics.elapsed(Metric.TIME_TO_CLAIM, ClinicMetrics.BAND, Band.CONSULT, Duration.ofMillis(90_500));
        metrics.elapsed(Metric.TIME_TO_CLAIM, ClinicMetrics.BAND, Band.CONSULT, Duration.ofSeconds(-5));

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Seconds");
        assertThat(lines.get(0).path("TimeToClaim").asDouble()).isEqualTo(90.5);
        assertThat(lines.get(1).path("TimeToClaim").asDouble()).isEqualTo(0.0);
    }

    @Test
    void primingWritesNoMetric() throws Exception {
        Priming.offline(() -> {
            metrics.count(Metric.INTAKES_ACCEPTED, ClinicMetrics.DISPOSITION, Disposition.EMERGENCY, 1);
            return null;
        });
        metrics.count(Metric.NOTICE_PUBLISH_FAILURES, 1);

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).has("NoticePublishFailures")).isTrue();
    }

    @Test
    void everyMetricNameIsDistinct() {
        assertThat(Arrays.stream(Metric.values()).map(Metric::metricName).distinct().count())
                .isEqualTo(Metric.values().length);
    }
}
