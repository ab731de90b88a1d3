package io.spineintake.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The clinic's operational numbers, in CloudWatch's embedded metric format: each call prints one
 * log line to standard output that CloudWatch Logs turns into a metric, so nothing calls an AWS API
 * on the request path. A line carries a metric name, a number and at most one dimension (a band, a
 * disposition or a notice kind): never an id, a name or an answer.
 *
 * <p>The line is written here, with the shared mapper's generator, rather than by Powertools
 * metrics: that library cost a submission about 0.5 ms of CPU per request (a metrics context, its
 * validation and a databind tree per line) and its jar 0.5 MB, for one fixed line. Every
 * call prints its own whole line, so functions that share a JVM (the local runner) never mix
 * their metrics and nothing waits for a flush when a handler throws.
 */
public final class ClinicMetrics {

    /** Every metric this system writes: template.yaml's alarms and dashboard use these names. */
    public enum Metric {
        /** An accepted intake, by Disposition. */
        INTAKES_ACCEPTED("IntakesAccepted", Unit.COUNT),
        /** A referral made from the consult queue, by Band. */
        REFERRALS_CREATED("ReferralsCreated", Unit.COUNT),
        /** From a referral's creation to its first claim, by Band. */
        TIME_TO_CLAIM("TimeToClaim", Unit.SECONDS),
        /** From a referral's creation to its decision, by Band. */
        TIME_TO_DECISION("TimeToDecision", Unit.SECONDS),
        /** Open referrals past their due time at a sweep, by Band. */
        OVERDUE_REFERRALS("OverdueReferrals", Unit.COUNT),
        /** Open referrals of every band past their due time at a sweep (no dimension: the alarm's). */
        OVERDUE_REFERRALS_TOTAL("OverdueReferralsTotal", Unit.COUNT),
        /** EMERGENCY or URGENT_REVIEW referrals unclaimed past their escalation time at a sweep, by Band. */
        UNCLAIMED_PAST_ESCALATION("UnclaimedPastEscalation", Unit.COUNT),
        /** A notice published, by Notice (ALERT or ESCALATION). */
        NOTICES_SENT("NoticesSent", Unit.COUNT),
        /** A notice that could not be published (it is tried again), no dimension. */
        NOTICE_PUBLISH_FAILURES("NoticePublishFailures", Unit.COUNT);

        private final String metricName;
        private final Unit unit;

        Metric(String metricName, Unit unit) {
            this.metricName = metricName;
            this.unit = unit;
        }

        public String metricName() {
            return metricName;
        }
    }

    /** CloudWatch's names of the units this system uses. */
    enum Unit {
        COUNT("Count"), SECONDS("Seconds");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }
    }

    /** The dimension names (the alarm's and the dashboard's). */
    public static final String BAND = "Band";
    public static final String DISPOSITION = "Disposition";
    public static final String NOTICE = "Notice";

    private final String namespace;
    private final Clock clock;
    private final Supplier<PrintStream> out;

    public ClinicMetrics(Config config) {
        // System.out is looked up per line: the tests' MetricsLog replaces it after handlers are built
        this(config.metricsNamespace(), Clock.systemUTC(), () -> System.out);
    }

    ClinicMetrics(String namespace, Clock clock, Supplier<PrintStream> out) {
        this.namespace = namespace;
        this.clock = clock;
        this.out = out;
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
            out.get().println(line(metric, dimension, value, number));
        } catch (RuntimeException | IOException e) {
            // a metric is never worth a failed request
            org.slf4j.LoggerFactory.getLogger(ClinicMetrics.class).warn("metric {} not written: {}",
                    metric.metricName, e.getClass().getSimpleName());
        }
    }

    /**
     * One EMF document: {@code _aws} (timestamp, one directive: namespace, one dimension set, one
     * metric), then the dimension's value and the metric's. A metric without a dimension has one
     * empty dimension set ({@code [[]]}): the spec's way to say "no dimensions".
     */
    String line(Metric metric, String dimension, Enum<?> value, double number) throws IOException {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(text)) {
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", clock.millis());
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", namespace);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            if (dimension != null) {
                g.writeString(dimension);
            }
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            g.writeStartObject();
            g.writeStringField("Name", metric.metricName);
            g.writeStringField("Unit", metric.unit.cloudWatchName);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            if (dimension != null) {
                g.writeStringField(dimension, value.name());
            }
            g.writeNumberField(metric.metricName, number);
            g.writeEndObject();
        }
        return text.toString();
    }
}
