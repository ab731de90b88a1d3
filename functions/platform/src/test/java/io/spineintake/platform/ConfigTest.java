package io.spineintake.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spineintake.triage.assess.Disposition;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.spineintake.platform.Config.ConfigException;
import io.spineintake.platform.Config.Var;
import software.amazon.awssdk.regions.Region;

class ConfigTest {

    @Test
    void readsEveryVariable() {
        Config config = Config.of(Map.of(
                "INTAKES_TABLE", "stack-intakes",
                "CONSULT_QUEUE_URL", "https://sqs.eu-west-2.amazonaws.com/123456789012/stack-consult-queue.fifo",
                "AWS_REGION", "eu-west-2",
                "REFERRALS_TABLE", "stack-referrals",
                "REFERRAL_DUE_CONSULT", "P3D"));

        assertThat(config.intakesTable()).isEqualTo("stack-intakes");
        assertThat(config.consultQueueUrl()).endsWith("/stack-consult-queue.fifo");
        assertThat(config.region()).isEqualTo(Region.EU_WEST_2);
        assertThat(config.referralsTable()).isEqualTo("stack-referrals");
        assertThat(config.referralDue(Disposition.CONSULT)).isEqualTo(java.time.Duration.ofDays(3));
        assertThat(config.referralDue(Disposition.EMERGENCY)).as("default").isEqualTo(java.time.Duration.ofHours(1));
        assertThat(config.referralDue(Disposition.URGENT_REVIEW)).as("default").isEqualTo(java.time.Duration.ofDays(1));
        assertThat(config.dynamoDbEndpoint()).isEmpty();
        assertThat(config.containerCredentials()).isFalse();
    }

    @Test
    void missingVariableIsNamedOnFirstUse() {
        Config config = Config.of(Map.of("AWS_REGION", "us-east-1"));

        assertThatThrownBy(config::intakesTable)
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing required environment variable INTAKES_TABLE");
        assertThatThrownBy(config::consultQueueUrl).hasMessageContaining("CONSULT_QUEUE_URL");
        assertThatThrownBy(config::referralsTable).hasMessageContaining("REFERRALS_TABLE");
        assertThatThrownBy(() -> Config.of(Map.of("REFERRAL_DUE_CONSULT", "soon")).referralDue(Disposition.CONSULT))
                .hasMessageContaining("REFERRAL_DUE_CONSULT").hasMessageNotContaining("soon");
    }

    @Test
    void theClinicSettingsHaveDefaultsAndRefuseNonsenseWithoutEchoingIt() {
        Config defaults = Config.of(Map.of());
        assertThat(defaults.referralDue(Disposition.OTHER_PATHWAY)).isEqualTo(java.time.Duration.ofDays(14));
        assertThat(defaults.emergencyNumber()).isEqualTo("911");
        assertThat(defaults.clinicZone()).isEqualTo(java.time.ZoneId.of("America/New_York"));
        assertThatThrownBy(() -> defaults.referralDue(Disposition.CONSERVATIVE_CARE_FIRST))
                .as("the re-contact date comes from the rule set").isInstanceOf(IllegalArgumentException.class);

        Config clinic = Config.of(Map.of("EMERGENCY_NUMBER", "112", "CLINIC_TIME_ZONE", "Europe/Madrid",
                "REFERRAL_DUE_OTHER_PATHWAY", "P21D"));
        assertThat(clinic.emergencyNumber()).isEqualTo("112");
        assertThat(clinic.clinicZone()).isEqualTo(java.time.ZoneId.of("Europe/Madrid"));
        assertThat(clinic.referralDue(Disposition.OTHER_PATHWAY)).isEqualTo(java.time.Duration.ofDays(21));

        for (String bad : new String[] {"call us", "<b>911</b>", "9", "+-()"}) {
            assertThatThrownBy(() -> Config.of(Map.of("EMERGENCY_NUMBER", bad)).require(Var.EMERGENCY_NUMBER))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("EMERGENCY_NUMBER").hasMessageNotContaining(bad);
        }
        assertThatThrownBy(() -> Config.of(Map.of("CLINIC_TIME_ZONE", "Mars/Olympus")).require(Var.CLINIC_TIME_ZONE))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining("Mars");
    }

    @Test
    void theNoticeSettingsAreCheckedAndDefaulted() {
        Config defaults = Config.of(Map.of());
        assertThat(defaults.escalationTimes().emergency()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(defaults.escalationTimes().urgentReview()).isEqualTo(java.time.Duration.ofHours(4));
        assertThat(defaults.metricsNamespace()).isEqualTo("SpineIntake");

        Config set = Config.of(Map.of("ALERT_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:clinic-on-call",
                "CONSOLE_URL", "https://d1.cloudfront.net/console", "ESCALATE_EMERGENCY_AFTER", "PT5M",
                "POWERTOOLS_METRICS_NAMESPACE", "SpineIntake/clinic-a"));
        assertThat(set.alertTopicArn()).isEqualTo("arn:aws:sns:eu-west-1:123456789012:clinic-on-call");
        assertThat(set.consoleUrl()).as("a link is appended after the slash").isEqualTo("https://d1.cloudfront.net/console/");
        assertThat(set.escalationTimes().emergency()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(set.metricsNamespace()).isEqualTo("SpineIntake/clinic-a");

        Config bad = Config.of(Map.of("ALERT_TOPIC_ARN", "arn:aws:sqs:eu-west-1:123456789012:queue",
                "CONSOLE_URL", "https://d1.cloudfront.net/console/?x=1", "ESCALATE_URGENT_REVIEW_AFTER", "-PT1H",
                "POWERTOOLS_METRICS_NAMESPACE", "AWS/Lambda"));
        assertThatThrownBy(bad::alertTopicArn).isInstanceOf(ConfigException.class).hasMessageContaining("SNS topic ARN")
                .hasMessageNotContaining("sqs");
        assertThatThrownBy(bad::consoleUrl).isInstanceOf(ConfigException.class).hasMessageNotContaining("x=1");
        assertThatThrownBy(bad::escalationTimes).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ESCALATE_URGENT_REVIEW_AFTER");
        assertThatThrownBy(bad::metricsNamespace).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> bad.require(Var.ALERT_TOPIC_ARN)).isInstanceOf(ConfigException.class);
    }

    @Test
    void blankCountsAsMissing() {
        assertThatThrownBy(() -> Config.of(Map.of("AWS_REGION", "  ")).region())
                .hasMessage("Missing required environment variable AWS_REGION");
    }

    @Test
    void requireNamesEveryMissingVariableAtOnce() {
        Config config = Config.of(Map.of("INTAKES_TABLE", "t"));

        assertThat(config.require(Var.INTAKES_TABLE)).isSameAs(config);
        assertThatThrownBy(() -> config.require(Var.INTAKES_TABLE, Var.AWS_REGION, Var.CONSULT_QUEUE_URL))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing required environment variables AWS_REGION, CONSULT_QUEUE_URL");
    }

    @Test
    void endpointsAreServiceSpecific() {
        Config config = Config.of(Map.of(
                "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"));

        assertThat(config.dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:8000"));
        assertThat(config.sqsEndpoint()).contains(URI.create("http://127.0.0.1:9324"));
        assertThat(Config.of(Map.of()).sqsEndpoint()).isEmpty();
    }

    @Test
    void malformedUrlIsNamedWithoutItsValue() {
        Config config = Config.of(Map.of("AWS_ENDPOINT_URL_SQS", "not a url", "CONSULT_QUEUE_URL", "relative/path"));

        assertThatThrownBy(config::sqsEndpoint)
                .isInstanceOf(ConfigException.class)
                .hasMessage("Environment variable AWS_ENDPOINT_URL_SQS is not a valid URL");
        assertThatThrownBy(() -> config.require(Var.CONSULT_QUEUE_URL))
                .hasMessage("Environment variable CONSULT_QUEUE_URL is not an absolute URL");
    }

    @Test
    void snapStartCredentialsAreDetected() {
        assertThat(Config.of(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials"))
                .containerCredentials()).isTrue();
    }

    @Test
    void everyVariableNamesAnExistingAccessor() throws Exception {
        for (Var v : Var.values()) {
            assertThat(java.util.Arrays.stream(Config.class.getMethods()).map(java.lang.reflect.Method::getName))
                    .as(v.name()).contains(v.accessor());
        }
    }
}
