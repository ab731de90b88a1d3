package io.spineintake.platform.intakes;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.platform.Timestamps;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class IntakeRecordTest {

    @Test
    void schemaKeysAndIndex() {
        TableMetadata meta = IntakeRecord.TABLE_SCHEMA.tableMetadata();

        assertThat(meta.primaryPartitionKey()).isEqualTo("intakeId");
        assertThat(meta.primarySortKey()).isEmpty();
        assertThat(meta.indexPartitionKey(IntakeRecord.PENDING_INDEX)).isEqualTo("pendingShard");
        assertThat(meta.indexSortKey(IntakeRecord.PENDING_INDEX)).contains("receivedAt");
    }

    @Test
    void timestampsSortAsTime() {
        String whole = Timestamps.of(Instant.parse("2026-01-01T10:00:00Z"));
        String later = Timestamps.of(Instant.parse("2026-01-01T10:00:00.001Z"));

        assertThat(whole).isEqualTo("2026-01-01T10:00:00.000Z");
        assertThat(later).isEqualTo("2026-01-01T10:00:00.001Z");
        assertThat(whole.compareTo(later)).isNegative();
        assertThat(Timestamps.of(Instant.parse("2026-01-01T10:00:00.123456Z"))).isEqualTo("2026-01-01T10:00:00.123Z");
    }

    @Test
    void pendingRecordsGetAShardAndOthersNone() {
        String id = UUID.randomUUID().toString();

        IntakeRecord pending = IntakeRecord.builder().intakeId(id).routingState(RoutingState.PENDING).build();
        IntakeRecord notRouted = IntakeRecord.builder().intakeId(id).routingState(RoutingState.NOT_ROUTED).build();

        assertThat(pending.pendingShard()).matches("P(0\\d|1[0-5])").isEqualTo(IntakeRecord.shardFor(id));
        assertThat(pending.version()).isEqualTo(1L);
        assertThat(notRouted.pendingShard()).isNull();
        assertThat(IntakeRecord.TABLE_SCHEMA.itemToMap(notRouted, true)).doesNotContainKey("pendingShard");
    }

    @Test
    void shardsSpreadOverAllSixteen() {
        Set<String> shards = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            shards.add(IntakeRecord.shardFor(UUID.randomUUID().toString()));
        }
        assertThat(shards).hasSize(IntakeRecord.PENDING_SHARDS);
    }

    @Test
    void mapsToDynamoTypes() {
        IntakeRecord r = IntakeRecord.builder().intakeId("id").score(7).routingState(RoutingState.ROUTED).version(3L).build();

        var item = IntakeRecord.TABLE_SCHEMA.itemToMap(r, true);

        assertThat(item.get("score")).isEqualTo(AttributeValue.fromN("7"));
        assertThat(item.get("version")).isEqualTo(AttributeValue.fromN("3"));
        assertThat(item.get("routingState")).isEqualTo(AttributeValue.fromS("ROUTED"));
        assertThat(IntakeRecord.TABLE_SCHEMA.mapToItem(item)).isEqualTo(r);
    }

    @Test
    void toStringPrintsNoPatientData() {
        IntakeRecord r = IntakeRecord.builder().intakeId("id-1").formJson("{\"name\":\"Jane Doe\"}")
                .assessmentJson("{\"note\":\"Dear Jane\"}").routingState(RoutingState.PENDING).build();

        assertThat(r.toString()).contains("id-1").doesNotContain("Jane");
    }
}
