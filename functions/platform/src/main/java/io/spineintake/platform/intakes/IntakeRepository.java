package io.spineintake.platform.intakes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The intakes table. Every state change is ONE conditional single-item write (no transactions).
 * Failures to reach DynamoDB (no connection, timeout, throttling, 5xx) surface as
 * {@link BackendUnavailableException}; other SDK errors (a missing table, a bad request) pass through.
 */
public final class IntakeRepository {

    private static final Expression ID_NOT_TAKEN = Expression.builder()
            .expression("attribute_not_exists(#id)")
            .putExpressionName("#id", IntakeRecord.INTAKE_ID)
            .build();

    private static final Map<String, String> MARK_ROUTED_NAMES = Map.of(
            "#rs", IntakeRecord.ROUTING_STATE,
            "#ps", IntakeRecord.PENDING_SHARD,
            "#ua", IntakeRecord.UPDATED_AT,
            "#v", IntakeRecord.VERSION);

    private final DynamoDbTable<IntakeRecord> table;
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public IntakeRepository(AwsClients clients, String tableName) {
        this(clients, tableName, Clock.systemUTC());
    }

    public IntakeRepository(AwsClients clients, String tableName, Clock clock) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.dynamoDb = clients.dynamoDb();
        this.table = clients.dynamoDbEnhanced().table(tableName, IntakeRecord.TABLE_SCHEMA);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new intake: one PutItem with attribute_not_exists(intakeId).
     *
     * @return false when an intake with this id already exists (nothing is written)
     */
    public boolean putIfAbsent(IntakeRecord intake) {
        Objects.requireNonNull(intake.intakeId(), "intakeId");
        if ((intake.routingState() == RoutingState.PENDING) != (intake.pendingShard() != null)) {
            throw new IllegalArgumentException("pendingShard must be set exactly when routingState is PENDING");
        }
        try {
            table.putItem(PutItemEnhancedRequest.builder(IntakeRecord.class)
                    .item(intake)
                    .conditionExpression(ID_NOT_TAKEN)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB PutItem", e);
        }
    }

    /** The intake with this id, read consistently. */
    public Optional<IntakeRecord> get(String intakeId) {
        try {
            return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(intakeId).build())
                    .consistentRead(true)
                    .build()));
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB GetItem", e);
        }
    }

    /**
     * PENDING -> ROUTED in one conditional UpdateItem: removes pendingShard (leaving the pending
     * index), stamps updatedAt and bumps version.
     *
     * @return false when the intake does not exist or is not PENDING (nothing is written)
     */
    public boolean markRouted(String intakeId) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of(IntakeRecord.INTAKE_ID, AttributeValue.fromS(intakeId)))
                    .conditionExpression("#rs = :pending")
                    .updateExpression("SET #rs = :routed, #ua = :now, #v = if_not_exists(#v, :zero) + :one REMOVE #ps")
                    .expressionAttributeNames(MARK_ROUTED_NAMES)
                    .expressionAttributeValues(Map.of(
                            ":pending", AttributeValue.fromS(RoutingState.PENDING.name()),
                            ":routed", AttributeValue.fromS(RoutingState.ROUTED.name()),
                            ":now", AttributeValue.fromS(IntakeRecord.timestamp(clock.instant())),
                            ":zero", AttributeValue.fromN("0"),
                            ":one", AttributeValue.fromN("1")))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB UpdateItem", e);
        }
    }

    /**
     * Up to {@code limit} ids of intakes in one shard of the pending index received at or before
     * {@code receivedAtOrBefore}, oldest first. The index is eventually consistent: a caller reads
     * each intake again before acting on it.
     */
    public List<String> pendingIds(String shard, Instant receivedAtOrBefore, int limit) {
        try {
            QueryResponse page = dynamoDb.query(QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(IntakeRecord.PENDING_INDEX)
                    .keyConditionExpression("#ps = :shard AND #ra <= :cutoff")
                    .expressionAttributeNames(Map.of("#ps", IntakeRecord.PENDING_SHARD, "#ra", IntakeRecord.RECEIVED_AT))
                    .expressionAttributeValues(Map.of(
                            ":shard", AttributeValue.fromS(shard),
                            ":cutoff", AttributeValue.fromS(IntakeRecord.timestamp(receivedAtOrBefore))))
                    .limit(limit)
                    .build());
            List<String> ids = new ArrayList<>(page.count());
            for (Map<String, AttributeValue> item : page.items()) {
                ids.add(item.get(IntakeRecord.INTAKE_ID).s());
            }
            return ids;
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB Query", e);
        }
    }
}
