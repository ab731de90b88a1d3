package io.spineintake.platform.referrals;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The referrals table. Every state change is ONE conditional UpdateItem that also appends its
 * audit entry (no transactions), so the state and its trail cannot disagree.
 */
public final class ReferralRepository {
    private static final Expression NEW_REFERRAL = Expression.builder()
            .expression("attribute_not_exists(#id)")
            .putExpressionName("#id", ReferralRecord.REFERRAL_ID)
            .build();

    private final DynamoDbTable<ReferralRecord> table;
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public ReferralRepository(AwsClients clients, String tableName) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.table = clients.dynamoDbEnhanced().table(tableName, ReferralRecord.TABLE_SCHEMA);
        this.dynamoDb = clients.dynamoDb();
    }

    /** @return false when the referral already exists (a redelivered message): nothing is written */
    public boolean createIfAbsent(ReferralRecord referral) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(ReferralRecord.class).item(referral)
                    .conditionExpression(NEW_REFERRAL).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB PutItem", e);
        }
    }

    public Optional<ReferralRecord> get(String referralId) {
        try {
            return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(referralId).build()).consistentRead(true).build()));
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB GetItem", e);
        }
    }

    /**
     * One conditional UpdateItem: {@code set} and {@code remove} clauses (attribute names as
     * #placeholders in {@code names}), the audit entry appended, and {@code condition} checked
     * together with the referral's existence.
     *
     * @return the referral as written, or empty when the condition failed (nothing written)
     */
    public Optional<ReferralRecord> update(String referralId, String condition, String set, String remove,
                                           Map<String, String> names, Map<String, AttributeValue> values, AuditEntry entry) {
        Map<String, String> n = new HashMap<>(names);
        n.put("#id", ReferralRecord.REFERRAL_ID);
        n.put("#audit", "audit");
        Map<String, AttributeValue> v = new HashMap<>(values);
        v.put(":entry", AttributeValue.fromL(List.of(AttributeValue.fromM(AuditEntry.SCHEMA.itemToMap(entry, true)))));
        v.put(":noAudit", AttributeValue.fromL(List.of()));
        String update = "SET #audit = list_append(if_not_exists(#audit, :noAudit), :entry)"
                + (set == null || set.isEmpty() ? "" : ", " + set)
                + (remove == null || remove.isEmpty() ? "" : " REMOVE " + remove);
        try {
            return Optional.of(ReferralRecord.TABLE_SCHEMA.mapToItem(dynamoDb.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of(ReferralRecord.REFERRAL_ID, AttributeValue.fromS(referralId)))
                    .conditionExpression("attribute_exists(#id)" + (condition == null ? "" : " AND (" + condition + ")"))
                    .updateExpression(update)
                    .expressionAttributeNames(n)
                    .expressionAttributeValues(v)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build()).attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB UpdateItem", e);
        }
    }

    /** One page of a worklist segment: its items in priority order and where the next page starts. */
    public record Segment(List<ReferralRecord> items, Map<String, AttributeValue> lastEvaluatedKey) {
    }

    /**
     * Open referrals whose priority key starts with {@code band}, overdue ({@code dueAt <= asOf})
     * or not, in priority-key order, filtered; from {@code startKey} (exclusive) when given.
     * DynamoDB applies the limit before the filter, so a page may hold fewer than {@code limit}.
     */
    public Segment worklistSegment(String band, boolean overdue, String asOf, WorklistFilter filter,
                                   Map<String, AttributeValue> startKey, int limit) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#wl", ReferralRecord.WORKLIST);
        names.put("#pk", ReferralRecord.PRIORITY_KEY);
        names.put("#due", "dueAt");
        values.put(":open", AttributeValue.fromS(ReferralRecord.OPEN));
        values.put(":band", AttributeValue.fromS(band));
        values.put(":asOf", AttributeValue.fromS(asOf));
        List<String> filters = new ArrayList<>();
        filters.add(overdue ? "#due <= :asOf" : "#due > :asOf");
        equalsFilter(filters, names, values, "status", filter.status());
        equalsFilter(filters, names, values, "disposition", filter.disposition());
        equalsFilter(filters, names, values, "tier", filter.tier());
        equalsFilter(filters, names, values, "assignee", filter.assignee());
        if (filter.region() != null) {
            names.put("#regions", "regions");
            values.put(":region", AttributeValue.fromS(filter.region()));
            filters.add("contains(#regions, :region)");
        }
        try {
            QueryResponse page = dynamoDb.query(QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(ReferralRecord.WORKLIST_INDEX)
                    .keyConditionExpression("#wl = :open AND begins_with(#pk, :band)")
                    .filterExpression(String.join(" AND ", filters))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .exclusiveStartKey(startKey == null || startKey.isEmpty() ? null : startKey)
                    .limit(limit)
                    .build());
            List<ReferralRecord> items = new ArrayList<>(page.count());
            page.items().forEach(i -> items.add(ReferralRecord.TABLE_SCHEMA.mapToItem(i)));
            return new Segment(items, page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null);
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB Query", e);
        }
    }

    /** Every referral, page by page (for statistics: a full read, fine at a clinic's scale). */
    public void forEach(Consumer<ReferralRecord> action) {
        try {
            dynamoDb.scanPaginator(ScanRequest.builder().tableName(tableName).build())
                    .items().forEach(i -> action.accept(ReferralRecord.TABLE_SCHEMA.mapToItem(i)));
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB Scan", e);
        }
    }

    private static void equalsFilter(List<String> filters, Map<String, String> names, Map<String, AttributeValue> values,
                                     String attribute, String value) {
        if (value != null) {
            names.put("#f_" + attribute, attribute);
            values.put(":f_" + attribute, AttributeValue.fromS(value));
            filters.add("#f_" + attribute + " = :f_" + attribute);
        }
    }
}
