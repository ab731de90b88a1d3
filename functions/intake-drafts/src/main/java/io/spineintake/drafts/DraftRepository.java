package io.spineintake.drafts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.platform.drafts.DraftsTable;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The intake drafts table. Every change is one conditional single-item write: a new draft is put
 * only where no item has its key; a wrong try bumps a counter only while it is below the limit.
 */
final class DraftRepository {

    static final String FORM_JSON = "formJson";
    static final String DATE_OF_BIRTH_HASH = "dateOfBirthHash";
    static final String CREATED_AT = "createdAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String FAILED_TRIES = "failedTries";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    DraftRepository(AwsClients clients, String tableName) {
        this.dynamoDb = clients.dynamoDb();
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** @return false when an item with this key exists already (nothing is written) */
    boolean putIfAbsent(Draft draft) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName)
                    .item(Map.of(
                            DraftsTable.DRAFT_KEY, AttributeValue.fromS(draft.draftKey()),
                            FORM_JSON, AttributeValue.fromS(draft.formJson()),
                            DATE_OF_BIRTH_HASH, AttributeValue.fromS(draft.dateOfBirthHash()),
                            CREATED_AT, AttributeValue.fromS(draft.createdAt().toString()),
                            EXPIRES_AT, AttributeValue.fromS(draft.expiresAt().toString()),
                            DraftsTable.TTL, AttributeValue.fromN(Long.toString(draft.expiresAt().getEpochSecond())),
                            FAILED_TRIES, AttributeValue.fromN("0")))
                    .conditionExpression("attribute_not_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", DraftsTable.DRAFT_KEY)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB PutItem", e);
        }
    }

    Optional<Draft> get(String draftKey) {
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).consistentRead(true)
                    .key(Map.of(DraftsTable.DRAFT_KEY, AttributeValue.fromS(draftKey)))).item();
            if (item == null || item.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Draft(draftKey, item.get(FORM_JSON).s(), item.get(DATE_OF_BIRTH_HASH).s(),
                    Instant.parse(item.get(CREATED_AT).s()), Instant.parse(item.get(EXPIRES_AT).s()),
                    Integer.parseInt(item.get(FAILED_TRIES).n())));
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB GetItem", e);
        }
    }

    /**
     * One wrong try: failedTries + 1, only while it is below {@code limit}.
     *
     * @return the new count, or empty when the draft is gone or already at the limit (nothing written)
     */
    Optional<Integer> recordFailedTry(String draftKey, int limit) {
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(Map.of(DraftsTable.DRAFT_KEY, AttributeValue.fromS(draftKey)))
                    .conditionExpression("attribute_exists(#k) AND #f < :limit")
                    .updateExpression("SET #f = #f + :one")
                    .expressionAttributeNames(Map.of("#k", DraftsTable.DRAFT_KEY, "#f", FAILED_TRIES))
                    .expressionAttributeValues(Map.of(
                            ":limit", AttributeValue.fromN(Integer.toString(limit)),
                            ":one", AttributeValue.fromN("1")))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return Optional.of(Integer.parseInt(updated.get(FAILED_TRIES).n()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB UpdateItem", e);
        }
    }
}
