package io.spineintake.platform.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.Tier;
import io.spineintake.triage.form.Region;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The static schema stores the vocabulary's enums by name and reads back what it wrote. */
class ReferralRecordTest {

    @Test
    void enumsAndRegionsAreStoredByNameAndReadBack() {
        Instant submitted = Instant.parse("2026-11-27T09:00:00Z");
        ReferralRecord r = Referral.create(new io.spineintake.platform.consult.ReferralSummary(
                        "3f1c9a52-7d4e-4b8a-9e21-5c6d7e8f9a01", List.of(Region.CERVICAL, Region.LUMBAR), Disposition.URGENT_REVIEW,
                        Tier.LOW, 30, "1-8-070-0001795770000000", "2026-11-27T09:00:00.000Z", null, List.of("U_FEVER", "U_CANCER"), true),
                submitted, submitted.plus(Duration.ofDays(1)), Instant.parse("2026-11-27T09:00:05Z"));
        Map<String, AttributeValue> item = ReferralRecord.TABLE_SCHEMA.itemToMap(r, true);
        assertThat(item.get("status")).isEqualTo(AttributeValue.fromS("NEW"));
        assertThat(item.get("disposition")).isEqualTo(AttributeValue.fromS("URGENT_REVIEW"));
        assertThat(item.get("tier")).isEqualTo(AttributeValue.fromS("LOW"));
        assertThat(item.get("regions")).isEqualTo(AttributeValue.fromS("CERVICAL,LUMBAR"));
        assertThat(item.get("redFlags").l()).extracting(AttributeValue::s).containsExactly("U_FEVER", "U_CANCER");
        assertThat(item.get("repeatRfaCandidate")).isEqualTo(AttributeValue.fromBool(true));
        assertThat(item).doesNotContainKeys("outcome", "assignee", "originalDisposition");
        assertThat(item.get("lastEntry").m().get("action")).isEqualTo(AttributeValue.fromS("CREATED"));
        assertThat(ReferralRecord.TABLE_SCHEMA.mapToItem(item)).isEqualTo(r);
    }
}
