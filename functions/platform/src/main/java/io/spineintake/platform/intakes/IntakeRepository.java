package io.spineintake.platform.intakes;

import io.spineintake.platform.Timestamps;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The intakes table. Every state change is ONE conditional single-item write (no transactions).
 * Items are mapped by {@link IntakeRecord#TABLE_SCHEMA} and sent by the plain client (the enhanced
 * client's operations would add a cold-start cost and nothing else for this schema).
 * Failures to reach DynamoDB (no connection, timeout, throttling, 5xx) surface as
 * {@link BackendUnavailableException}; other SDK errors (a missing table, a bad request) pass through.
 */
public final class IntakeRepository {

    private static final String ID_NOT_TAKEN = "attribute_not_exists(#id)";
    private static final Map<String, String> ID_NAME = Map.of("#id", IntakeRecord.INTAKE_ID);

    private static final Map<String, String> MARK_ROUTED_NAMES = Map.of(
            "#rs", IntakeRecord.ROUTING_STATE,
            "#ps", IntakeRecord.PENDING_SHARD,
            "#ua", IntakeRecord.UPDATED_AT,
            "#v", IntakeRecord.VERSION);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public IntakeRepository(AwsClients clients, String tableName) {
        this(clients, tableName, Clock.systemUTC());
    }

    public IntakeRepository(AwsClients clients, String tableName, Clock clock) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.dynamoDb = clients.dynamoDb();
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
            // the item as the enhanced client's putItem would write it (nulls left out), without its
            // operation machinery: no extension applies to this schema (no version or counter attribute)
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(tableName)
                    .item(IntakeRecord.TABLE_SCHEMA.itemToMap(intake, true))
                    .conditionExpression(ID_NOT_TAKEN)
                    .expressionAttributeNames(ID_NAME)
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
            Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of(IntakeRecord.INTAKE_ID, AttributeValue.fromS(intakeId)))
                    .consistentRead(true)
                    .build()).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(IntakeRecord.TABLE_SCHEMA.mapToItem(item));
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
                            ":now", AttributeValue.fromS(Timestamps.of(clock.instant())),
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
                            ":cutoff", AttributeValue.fromS(Timestamps.of(receivedAtOrBefore))))
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
