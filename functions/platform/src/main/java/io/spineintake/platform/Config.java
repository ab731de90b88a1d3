package io.spineintake.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.spineintake.triage.assess.Disposition;
import software.amazon.awssdk.regions.Region;

/**
 * A function's settings, read from environment variables.
 *
 * <p>Reading is lazy: an accessor throws {@link ConfigException} naming the variable when a required
 * one is missing or blank, so a function only needs the variables it actually uses. Call
 * {@link #require(Var...)} in a handler's static initialiser to fail at cold start instead of on the
 * first request. Each {@link Var} names its accessor, which lets a test check that every variable
 * a function's code reads is set in template.yaml.
 */
public final class Config {

    /** Where a variable's value comes from in AWS. */
    public enum Source {
        /** Set per function in template.yaml; a missing value is an error. */
        TEMPLATE,
        /** Set by the Lambda runtime itself (reserved); never in template.yaml. */
        LAMBDA_RUNTIME,
        /** Optional; only set for local backends. */
        LOCAL_ONLY
    }

    /** Every environment variable the platform reads, with the accessor that reads it. */
    public enum Var {
        INTAKES_TABLE("intakesTable", Source.TEMPLATE),
        CONSULT_QUEUE_URL("consultQueueUrl", Source.TEMPLATE),
        REFERRALS_TABLE("referralsTable", Source.TEMPLATE),
        /** The intake drafts table (save and come back later). */
        DRAFTS_TABLE("draftsTable", Source.TEMPLATE),
        /** Block episodes, their diary entries and diary links (issue 17). */
        BLOCKS_TABLE("blocksTable", Source.TEMPLATE),
        /** The referrals' audit table (append-only, one item per entry). */
        AUDIT_TABLE("auditTable", Source.TEMPLATE),
        /** How long an intake may stay PENDING before the reconciler routes it (seconds; default 120). */
        ROUTE_PENDING_MIN_AGE_SECONDS("pendingMinAge", Source.TEMPLATE),
        /** When a referral is due, after the intake was received, by disposition (ISO-8601 durations). */
        REFERRAL_DUE_EMERGENCY("referralDue", Source.TEMPLATE),
        REFERRAL_DUE_URGENT_REVIEW("referralDue", Source.TEMPLATE),
        REFERRAL_DUE_CONSULT("referralDue", Source.TEMPLATE),
        REFERRAL_DUE_OTHER_PATHWAY("referralDue", Source.TEMPLATE),
        /** The emergency number patients are told to call (default 911). */
        EMERGENCY_NUMBER("emergencyNumber", Source.TEMPLATE),
        /** The clinic's time zone (IANA id, default America/New_York): the date a patient is told. */
        CLINIC_TIME_ZONE("clinicZone", Source.TEMPLATE),
        /** How long a coordinator's claim on a referral lasts (whole minutes, 1..1440; default 30). */
        CLAIM_LEASE_MINUTES("claimLease", Source.TEMPLATE),
        /** The key that signs worklist cursors: the stack's generated secret, at least 32 characters. */
        WORKLIST_CURSOR_KEY("worklistCursorKey", Source.TEMPLATE),
        /** The on-call channel (SNS topic ARN): a new EMERGENCY or URGENT_REVIEW referral is alerted there. */
        ALERT_TOPIC_ARN("alertTopicArn", Source.TEMPLATE),
        /** The escalation channel (SNS topic ARN): an emergency or urgent referral left unclaimed. */
        ESCALATION_TOPIC_ARN("escalationTopicArn", Source.TEMPLATE),
        /** The console's address (https://.../console/): alerts link to a referral there. */
        CONSOLE_URL("consoleUrl", Source.TEMPLATE),
        /** How long after creation an unclaimed referral escalates (ISO-8601; defaults PT15M and PT4H). */
        ESCALATE_EMERGENCY_AFTER("escalationTimes", Source.TEMPLATE),
        ESCALATE_URGENT_REVIEW_AFTER("escalationTimes", Source.TEMPLATE),
        /** The CloudWatch namespace of the functions' metrics (default SpineIntake); Powertools' own variable. */
        POWERTOOLS_METRICS_NAMESPACE("metricsNamespace", Source.TEMPLATE),
        AWS_REGION("region", Source.LAMBDA_RUNTIME),
        /** Set by Lambda when SnapStart is on: credentials then come from the container endpoint. */
        AWS_CONTAINER_CREDENTIALS_FULL_URI("containerCredentials", Source.LAMBDA_RUNTIME),
        /**
         * The AWS SDK's service-specific endpoint overrides (local backends). AwsClients reads them
         * from the Config, in Lambda too (it fixes each client's endpoint instead of letting the SDK
         * resolve one); the local runner and tests give theirs in a Config.
         */
        AWS_ENDPOINT_URL_DYNAMODB("dynamoDbEndpoint", Source.LOCAL_ONLY),
        AWS_ENDPOINT_URL_SQS("sqsEndpoint", Source.LOCAL_ONLY),
        AWS_ENDPOINT_URL_SNS("snsEndpoint", Source.LOCAL_ONLY);

        private final String accessor;
        private final Source source;

        Var(String accessor, Source source) {
            this.accessor = accessor;
            this.source = source;
        }

        /** The name of the {@link Config} method that reads this variable. */
        public String accessor() {
            return accessor;
        }

        public Source source() {
            return source;
        }
    }

    private final Map<String, String> values;

    private Config(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment: Lambda's. (The local runner and tests build theirs with {@link #of}.) */
    public static Config fromEnvironment() {
        return new Config(System.getenv());
    }

    /** Every value this configuration was made from, by variable name (e.g. for the rule-set file). */
    public Map<String, String> values() {
        return values;
    }

    /** Given values, keyed by environment variable name (for tests and the local runner). */
    public static Config of(Map<String, String> values) {
        return new Config(Objects.requireNonNull(values, "values"));
    }

    /** Throws one {@link ConfigException} naming every missing variable among {@code vars}. */
    public Config require(Var... vars) {
        List<String> missing = new ArrayList<>();
        for (Var v : vars) {
            if (raw(v).isEmpty()) {
                missing.add(v.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("Missing required environment variable"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        // validate formats too, so a bad value also fails at cold start
        Arrays.stream(vars).forEach(this::validate);
        return this;
    }

    public String intakesTable() {
        return required(Var.INTAKES_TABLE);
    }

    public String consultQueueUrl() {
        return required(Var.CONSULT_QUEUE_URL);
    }

    public String referralsTable() {
        return required(Var.REFERRALS_TABLE);
    }

    public String draftsTable() {
        return required(Var.DRAFTS_TABLE);
    }

    public String blocksTable() {
        return required(Var.BLOCKS_TABLE);
    }

    public String auditTable() {
        return required(Var.AUDIT_TABLE);
    }

    /** Minimum age of a PENDING intake before the reconciler routes it; default 2 minutes. */
    public Duration pendingMinAge() {
        return raw(Var.ROUTE_PENDING_MIN_AGE_SECONDS).map(s -> {
            try {
                long seconds = Long.parseLong(s);
                if (seconds < 0) {
                    throw new NumberFormatException();
                }
                return Duration.ofSeconds(seconds);
            } catch (NumberFormatException e) {
                throw new ConfigException("Environment variable " + Var.ROUTE_PENDING_MIN_AGE_SECONDS.name()
                        + " must be a whole number of seconds");
            }
        }).orElse(Duration.ofMinutes(2));
    }

    /**
     * How long after receipt a referral of this disposition is due; defaults 1 hour, 1 day, 14 days
     * (CONSULT and OTHER_PATHWAY). A clinic sets its own in template.yaml. CONSERVATIVE_CARE_FIRST
     * has none: its re-contact date comes from the rule set (the engine's recontactAt).
     */
    public Duration referralDue(Disposition disposition) {
        Var v;
        Duration fallback;
        switch (disposition) {
            case EMERGENCY -> { v = Var.REFERRAL_DUE_EMERGENCY; fallback = Duration.ofHours(1); }
            case URGENT_REVIEW -> { v = Var.REFERRAL_DUE_URGENT_REVIEW; fallback = Duration.ofDays(1); }
            case CONSULT -> { v = Var.REFERRAL_DUE_CONSULT; fallback = Duration.ofDays(14); }
            case OTHER_PATHWAY -> { v = Var.REFERRAL_DUE_OTHER_PATHWAY; fallback = Duration.ofDays(14); }
            default -> throw new IllegalArgumentException("no due time for disposition " + disposition);
        }
        return positiveDuration(v, fallback);
    }

    /** The number patients are told to call in an emergency: digits and + * # ( ) - or spaces, 2 to 20; default 911. */
    public String emergencyNumber() {
        String number = raw(Var.EMERGENCY_NUMBER).orElse("911");
        if (!number.matches("[0-9+*#() -]{2,20}") || number.chars().noneMatch(Character::isDigit)) {
            throw new ConfigException("Environment variable " + Var.EMERGENCY_NUMBER.name()
                    + " must be a phone number: 2 to 20 digits, spaces and + * # ( ) -");
        }
        return number;
    }

    /** The clinic's time zone; default America/New_York. */
    public java.time.ZoneId clinicZone() {
        String id = raw(Var.CLINIC_TIME_ZONE).orElse("America/New_York");
        try {
            return java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new ConfigException("Environment variable " + Var.CLINIC_TIME_ZONE.name()
                    + " must be a time zone id such as America/New_York");
        }
    }

    /** How long a coordinator's claim (lease) on a referral lasts; default 30 minutes, at most a day. */
    public Duration claimLease() {
        return raw(Var.CLAIM_LEASE_MINUTES).map(s -> {
            try {
                long minutes = Long.parseLong(s);
                if (minutes < 1 || minutes > 1440) {
                    throw new NumberFormatException();
                }
                return Duration.ofMinutes(minutes);
            } catch (NumberFormatException e) {
                throw new ConfigException("Environment variable " + Var.CLAIM_LEASE_MINUTES.name()
                        + " must be a whole number of minutes from 1 to 1440");
            }
        }).orElse(Duration.ofMinutes(30));
    }

    /** The worklist cursor key's bytes (UTF-8); at least 32. */
    public byte[] worklistCursorKey() {
        byte[] key = required(Var.WORKLIST_CURSOR_KEY).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new ConfigException("Environment variable " + Var.WORKLIST_CURSOR_KEY.name() + " must be at least 32 characters");
        }
        return key;
    }

    public String alertTopicArn() {
        return topicArn(Var.ALERT_TOPIC_ARN);
    }

    public String escalationTopicArn() {
        return topicArn(Var.ESCALATION_TOPIC_ARN);
    }

    private String topicArn(Var v) {
        String arn = required(v);
        if (!arn.matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}")) {
            throw new ConfigException("Environment variable " + v.name() + " must be an SNS topic ARN");
        }
        return arn;
    }

    /** The console's address, ending in a slash; alerts append {@code #/referrals/<id>}. */
    public String consoleUrl() {
        URI uri = parseUri(Var.CONSOLE_URL, required(Var.CONSOLE_URL));
        String s = uri.toString();
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new ConfigException("Environment variable " + Var.CONSOLE_URL.name() + " must have no query or fragment");
        }
        return s.endsWith("/") ? s : s + "/";
    }

    /** How long an EMERGENCY and an URGENT_REVIEW referral may stay unclaimed before escalating. */
    public io.spineintake.platform.referrals.Notices.EscalationTimes escalationTimes() {
        return new io.spineintake.platform.referrals.Notices.EscalationTimes(
                positiveDuration(Var.ESCALATE_EMERGENCY_AFTER, Duration.ofMinutes(15)),
                positiveDuration(Var.ESCALATE_URGENT_REVIEW_AFTER, Duration.ofHours(4)));
    }

    /** The metrics' CloudWatch namespace; default SpineIntake. */
    public String metricsNamespace() {
        String ns = raw(Var.POWERTOOLS_METRICS_NAMESPACE).orElse("SpineIntake");
        if (!ns.matches("[A-Za-z0-9._#/:-]{1,255}") || ns.startsWith("AWS/")) {
            throw new ConfigException("Environment variable " + Var.POWERTOOLS_METRICS_NAMESPACE.name()
                    + " must be a CloudWatch namespace (letters, digits, . _ - / # :), not AWS/");
        }
        return ns;
    }

    private Duration positiveDuration(Var v, Duration fallback) {
        return raw(v).map(s -> {
            try {
                Duration d = Duration.parse(s);
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException();
                }
                return d;
            } catch (RuntimeException e) {
                throw new ConfigException("Environment variable " + v.name() + " must be a positive ISO-8601 duration such as PT4H");
            }
        }).orElse(fallback);
    }

    public Region region() {
        return Region.of(required(Var.AWS_REGION));
    }

    /** True when Lambda hands out credentials through the container endpoint (SnapStart). */
    public boolean containerCredentials() {
        return raw(Var.AWS_CONTAINER_CREDENTIALS_FULL_URI).isPresent();
    }

    /** AWS_ENDPOINT_URL_DYNAMODB (local backends). */
    public Optional<URI> dynamoDbEndpoint() {
        return uri(Var.AWS_ENDPOINT_URL_DYNAMODB);
    }

    /** AWS_ENDPOINT_URL_SQS (local backends). */
    public Optional<URI> sqsEndpoint() {
        return uri(Var.AWS_ENDPOINT_URL_SQS);
    }

    /** AWS_ENDPOINT_URL_SNS (local backends). */
    public Optional<URI> snsEndpoint() {
        return uri(Var.AWS_ENDPOINT_URL_SNS);
    }

    private void validate(Var v) {
        switch (v) {
            case AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL_SNS -> uri(v);
            case ALERT_TOPIC_ARN -> alertTopicArn();
            case ESCALATION_TOPIC_ARN -> escalationTopicArn();
            case CONSOLE_URL -> consoleUrl();
            case ESCALATE_EMERGENCY_AFTER, ESCALATE_URGENT_REVIEW_AFTER -> escalationTimes();
            case POWERTOOLS_METRICS_NAMESPACE -> metricsNamespace();
            case CONSULT_QUEUE_URL -> parseUri(v, required(v));
            case ROUTE_PENDING_MIN_AGE_SECONDS -> pendingMinAge();
            case REFERRAL_DUE_EMERGENCY -> referralDue(Disposition.EMERGENCY);
            case REFERRAL_DUE_URGENT_REVIEW -> referralDue(Disposition.URGENT_REVIEW);
            case REFERRAL_DUE_CONSULT -> referralDue(Disposition.CONSULT);
            case REFERRAL_DUE_OTHER_PATHWAY -> referralDue(Disposition.OTHER_PATHWAY);
            case EMERGENCY_NUMBER -> emergencyNumber();
            case CLINIC_TIME_ZONE -> clinicZone();
            case CLAIM_LEASE_MINUTES -> claimLease();
            case WORKLIST_CURSOR_KEY -> worklistCursorKey();
            default -> { }
        }
    }

    private String required(Var v) {
        return raw(v).orElseThrow(() -> new ConfigException("Missing required environment variable " + v.name()));
    }

    private Optional<URI> uri(Var v) {
        return raw(v).map(s -> parseUri(v, s));
    }

    private static URI parseUri(Var v, String s) {
        try {
            URI uri = new URI(s);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConfigException("Environment variable " + v.name() + " is not an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("Environment variable " + v.name() + " is not a valid URL");
        }
    }

    private Optional<String> raw(Var v) {
        String value = values.get(v.name());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** A missing or malformed setting. Its message names the variable, never its value. */
    public static final class ConfigException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }
}
