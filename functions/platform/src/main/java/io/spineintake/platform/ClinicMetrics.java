package io.spineintake.platform;

import java.time.Duration;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The clinic's operational numbers, written with Powertools metrics in CloudWatch's embedded
 * metric format: each call prints one log line that CloudWatch turns into a metric, so nothing
 * calls an AWS API on the request path. A line carries a metric name, a number and at most one
 * dimension (a band, a disposition or a notice kind): never an id, a name or an answer.
 *
 * <p>Every call flushes its own line (Powertools' isolated flush), so functions that share a JVM
 * (the local runner) never mix their metrics, and nothing is left unflushed when a handler throws.
 */
public final class ClinicMetrics {

    /** Every metric this system writes: template.yaml's alarms and dashboard use these names. */
    public enum Metric {
        /** An accepted intake, by Disposition. */
        INTAKES_ACCEPTED("IntakesAccepted", MetricUnit.COUNT),
        /** A referral made from the consult queue, by Band. */
        REFERRALS_CREATED("ReferralsCreated", MetricUnit.COUNT),
        /** From a referral's creation to its first claim, by Band. */
        TIME_TO_CLAIM("TimeToClaim", MetricUnit.SECONDS),
        /** From a referral's creation to its decision, by Band. */
        TIME_TO_DECISION("TimeToDecision", MetricUnit.SECONDS),
        /** Open referrals past their due time at a sweep, by Band. */
        OVERDUE_REFERRALS("OverdueReferrals", MetricUnit.COUNT),
        /** Open referrals of every band past their due time at a sweep (no dimension: the alarm's). */
        OVERDUE_REFERRALS_TOTAL("OverdueReferralsTotal", MetricUnit.COUNT),
        /** EMERGENCY or URGENT_REVIEW referrals unclaimed past their escalation time at a sweep, by Band. */
        UNCLAIMED_PAST_ESCALATION("UnclaimedPastEscalation", MetricUnit.COUNT),
        /** A notice published, by Notice (ALERT or ESCALATION). */
        NOTICES_SENT("NoticesSent", MetricUnit.COUNT),
        /** A notice that could not be published (it is tried again), no dimension. */
        NOTICE_PUBLISH_FAILURES("NoticePublishFailures", MetricUnit.COUNT);

        private final String metricName;
        private final MetricUnit unit;

        Metric(String metricName, MetricUnit unit) {
            this.metricName = metricName;
            this.unit = unit;
        }

        public String metricName() {
            return metricName;
        }
    }

    /** The dimension names (the alarm's and the dashboard's). */
    public static final String BAND = "Band";
    public static final String DISPOSITION = "Disposition";
    public static final String NOTICE = "Notice";

    private final String namespace;

    public ClinicMetrics(Config config) {
        this.namespace = config.metricsNamespace();
    }

    public void count(Metric metric, String dimension, Enum<?> value, long count) {
        write(metric, dimension, value, count);
    }

    public void count(Metric metric, long count) {
        write(metric, null, null, count);
    }

    public void elapsed(Metric metric, String dimension, Enum<?> value, Duration elapsed) {
        write(metric, dimension, value, Math.max(0, elapsed.toMillis()) / 1000.0);
    }

    private void write(Metric metric, String dimension, Enum<?> value, double number) {
        if (Priming.isOffline()) {
            // SnapStart priming's synthetic request is not a clinic's number
            return;
        }
        try {
            MetricsFactory.getMetricsInstance().flushMetrics(m -> {
                m.setNamespace(namespace);
                m.clearDefaultDimensions();
                if (dimension != null) {
                    m.addDimension(DimensionSet.of(dimension, value.name()));
                }
                m.addMetric(metric.metricName, number, metric.unit);
            });
        } catch (RuntimeException e) {
            // a metric is never worth a failed request
            org.slf4j.LoggerFactory.getLogger(ClinicMetrics.class).warn("metric {} not written: {}",
                    metric.metricName, e.getClass().getSimpleName());
        }
    }
}
