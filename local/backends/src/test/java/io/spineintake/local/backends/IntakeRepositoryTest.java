package io.spineintake.local.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spineintake.platform.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.intakes.RoutingState;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** The platform's intakes table through the real SDK against dynalite. */
@ExtendWith(LocalAwsExtension.class)
class IntakeRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00.250Z");

    private static IntakeRecord pendingIntake(String id) {
        return IntakeRecord.builder()
                .intakeId(id)
                .receivedAt(Timestamps.of(NOW))
                .requestHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .formJson("{\"pain\":{\"score\":7}}")
                .assessmentJson("{\"tier\":\"T2\"}")
                .ruleSetVersion("2026.1")
                .disposition(io.spineintake.triage.assess.Disposition.CONSULT)
                .tier(io.spineintake.triage.assess.Tier.MODERATE)
                .score(62)
                .priorityKey("2#0038#" + id)
                .patientMessage(io.spineintake.triage.assess.PatientMessage.CONSULT_TEAM_WILL_CONTACT)
                .responseJson("{\"intakeId\":\"" + id + "\"}")
                .routingState(RoutingState.PENDING)
                .updatedAt(Timestamps.of(NOW))
                .build();
    }

    @Test
    void tableHasTheSparsePendingIndex(LocalAws aws) {
        DescribeTableResponse table = aws.clients().dynamoDb().describeTable(r -> r.tableName(aws.intakesTable()));

        assertThat(table.table().globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo(IntakeRecord.PENDING_INDEX);
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        });
    }

    @Test
    void putThenGetRoundTrips(LocalAws aws) {
        IntakeRepository repo = aws.intakes();
        IntakeRecord intake = pendingIntake(UUID.randomUUID().toString());

        assertThat(repo.putIfAbsent(intake)).isTrue();

        assertThat(repo.get(intake.intakeId())).contains(intake);
        assertThat(repo.get(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void conditionalPutRefusesADuplicateIntakeId(LocalAws aws) {
        IntakeRepository repo = aws.intakes();
        String id = UUID.randomUUID().toString();
        IntakeRecord first = pendingIntake(id);
        IntakeRecord second = first.toBuilder().formJson("{\"other\":true}").build();

        assertThat(repo.putIfAbsent(first)).isTrue();
        assertThat(repo.putIfAbsent(second)).isFalse();

        assertThat(repo.get(id).orElseThrow().formJson()).isEqualTo(first.formJson());
    }

    @Test
    void markRoutedIsOneShotAndLeavesThePendingIndex(LocalAws aws) {
        Instant routedAt = NOW.plusSeconds(5);
        IntakeRepository repo = new IntakeRepository(aws.clients(), aws.intakesTable(), Clock.fixed(routedAt, ZoneOffset.UTC));
        IntakeRecord intake = pendingIntake(UUID.randomUUID().toString());
        repo.putIfAbsent(intake);
        assertThat(pendingIds(aws, intake.pendingShard())).contains(intake.intakeId());

        assertThat(repo.markRouted(intake.intakeId())).isTrue();
        assertThat(repo.markRouted(intake.intakeId())).isFalse();
        assertThat(repo.markRouted(UUID.randomUUID().toString())).isFalse();

        IntakeRecord routed = repo.get(intake.intakeId()).orElseThrow();
        assertThat(routed.routingState()).isEqualTo(RoutingState.ROUTED);
        assertThat(routed.pendingShard()).isNull();
        assertThat(routed.version()).isEqualTo(intake.version() + 1);
        assertThat(routed.updatedAt()).isEqualTo(Timestamps.of(routedAt));
        assertThat(pendingIds(aws, intake.pendingShard())).doesNotContain(intake.intakeId());
    }

    @Test
    void notRoutedIntakesNeverEnterThePendingIndex(LocalAws aws) {
        String id = UUID.randomUUID().toString();
        IntakeRecord intake = pendingIntake(id).toBuilder().routingState(RoutingState.NOT_ROUTED).pendingShard(null).build();

        assertThat(aws.intakes().putIfAbsent(intake)).isTrue();

        assertThat(pendingIds(aws, IntakeRecord.shardFor(id))).doesNotContain(id);
        assertThat(aws.intakes().markRouted(id)).isFalse();
        assertThatThrownBy(() -> aws.intakes().putIfAbsent(pendingIntake(id).toBuilder().pendingShard(null)
                .routingState(RoutingState.ROUTED).pendingShard("P01").build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dynamoDbStoppedMidRunIsBackendUnavailableUntilItComesBack(LocalAws aws) {
        IntakeRepository repo = aws.intakes();
        IntakeRecord before = pendingIntake(UUID.randomUUID().toString());
        repo.putIfAbsent(before);

        long elapsedMs;
        try {
            aws.stopDynamoDb();
            long start = System.nanoTime();
            assertThatThrownBy(() -> repo.putIfAbsent(pendingIntake(UUID.randomUUID().toString())))
                    .isInstanceOf(BackendUnavailableException.class);
            assertThatThrownBy(() -> repo.get(before.intakeId())).isInstanceOf(BackendUnavailableException.class);
            assertThatThrownBy(() -> repo.markRouted(before.intakeId())).isInstanceOf(BackendUnavailableException.class);
            elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        } finally {
            aws.startDynamoDb();
        }

        assertThat(elapsedMs).as("three failed calls, each within the API call timeout")
                .isLessThan(3 * AwsClients.API_CALL_TIMEOUT_MS);
        assertThat(repo.get(before.intakeId())).contains(before);
        assertThat(repo.markRouted(before.intakeId())).isTrue();
    }

    /** Intake ids in one shard of the pending index. */
    private static List<String> pendingIds(LocalAws aws, String shard) {
        return aws.clients().dynamoDb().query(r -> r.tableName(aws.intakesTable())
                        .indexName(IntakeRecord.PENDING_INDEX)
                        .keyConditionExpression("#s = :s")
                        .expressionAttributeNames(Map.of("#s", IntakeRecord.PENDING_SHARD))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(shard))))
                .items().stream().map(i -> i.get(IntakeRecord.INTAKE_ID).s()).toList();
    }
}
