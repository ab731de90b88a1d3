package io.spineintake.platform.referrals;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.platform.Timestamps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
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
 * The referrals table, and the only code that knows DynamoDB's expression syntax for it. A state
 * change is ONE conditional single-item write (no transactions): a {@link Referral.Change} becomes
 * an UpdateItem of exactly the attributes that changed, conditioned on the version it was decided
 * from, its audit entry among them as {@code lastEntry}. The entry then goes to the audit table
 * ({@link AuditTrail}) under a key it always has, so writing it twice is harmless: before a change
 * is written the previous one's entry is written too (a crash between the two writes loses
 * nothing), and a trail is read with the referral's last entry. Views go to the audit table only.
 */
public final class ReferralRepository {
    private static final Expression NEW_REFERRAL = Expression.builder()
            .expression("attribute_not_exists(#id)")
            .putExpressionName("#id", ReferralRecord.REFERRAL_ID)
            .build();
    private static final String VERSION = "version";
    /** Written only by the notice updates below, never by a state change (a stale snapshot cannot undo them). */
    private static final java.util.Set<String> NOTICE_ATTRIBUTES = java.util.Arrays.stream(Notices.Kind.values())
            .flatMap(k -> java.util.stream.Stream.of(k.sentAttribute(), k.claimAttribute()))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final DynamoDbTable<ReferralRecord> table;
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final AuditTrail audit;

    public ReferralRepository(AwsClients clients, String tableName, String auditTableName) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.table = clients.dynamoDbEnhanced().table(tableName, ReferralRecord.TABLE_SCHEMA);
        this.dynamoDb = clients.dynamoDb();
        this.audit = new AuditTrail(clients, auditTableName);
    }

    /**
     * @return false when the referral already exists (a redelivered message): nothing new is
     *         written, but its creation entry is made sure of
     */
    public boolean createIfAbsent(ReferralRecord referral) {
        boolean created;
        try {
            table.putItem(PutItemEnhancedRequest.builder(ReferralRecord.class).item(referral)
                    .conditionExpression(NEW_REFERRAL).build());
            created = true;
        } catch (ConditionalCheckFailedException e) {
            created = false;
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB PutItem", e);
        }
        if (created) {
            audit.append(referral.referralId(), referral.lastEntry());
        } else {
            get(referral.referralId()).map(ReferralRecord::lastEntry)
                    .ifPresent(entry -> audit.append(referral.referralId(), entry));
        }
        return created;
    }

    /** The referral's audit trail, oldest first, its last change's entry included. */
    public List<AuditEntry> trail(ReferralRecord referral) {
        List<AuditEntry> entries = new ArrayList<>(audit.read(referral.referralId()));
        AuditEntry last = referral.lastEntry();
        if (last != null && AuditTrail.isChange(last)
                && entries.stream().noneMatch(e -> AuditTrail.isChange(e) && last.version().equals(e.version()))) {
            entries.add(last); // its own write has not happened yet (or was cut short): it is still part of the trail
        }
        return entries;
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
     * Writes {@code change}: SET the attributes that differ, REMOVE the ones that are gone, append
     * its audit entry, if the stored version is still the one the change was decided from.
     *
     * @return the referral as written, or empty when it changed meanwhile (nothing written)
     */
    public Optional<ReferralRecord> apply(Referral.Change change) {
        Map<String, AttributeValue> before = ReferralRecord.TABLE_SCHEMA.itemToMap(change.before(), true);
        Map<String, AttributeValue> after = ReferralRecord.TABLE_SCHEMA.itemToMap(change.after(), true);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringJoiner set = new StringJoiner(", ");
        StringJoiner remove = new StringJoiner(", ");
        names.put("#v", VERSION);
        int n = 0;
        for (String attribute : ReferralRecord.TABLE_SCHEMA.attributeNames()) {
            if (attribute.equals(ReferralRecord.REFERRAL_ID) || NOTICE_ATTRIBUTES.contains(attribute)
                    || Objects.equals(before.get(attribute), after.get(attribute))) {
                continue;
            }
            String name = attribute.equals(VERSION) ? "#v" : "#a" + n;
            names.put(name, attribute);
            if (after.containsKey(attribute)) {
                values.put(":a" + n, after.get(attribute));
                set.add(name + " = :a" + n);
            } else {
                remove.add(name);
            }
            n++;
        }
        values.put(":expected", AttributeValue.fromN(Long.toString(change.before().version())));
        if (change.before().lastEntry() != null) {
            audit.append(change.before().referralId(), change.before().lastEntry());
        }
        Optional<ReferralRecord> written = update(change.before().referralId(), "#v = :expected", set.toString(),
                remove.toString(), names, values);
        written.ifPresent(r -> audit.append(r.referralId(), change.entry()));
        return written;
    }

    // ---- notices (alerts and escalations): their own conditional updates; the version stays ----

    /**
     * Takes the claim on sending {@code kind} for {@code referralId} until {@code until}: only when
     * it has not been sent and no live claim exists. @return whether this caller may send it now
     */
    public boolean claimNotice(String referralId, Notices.Kind kind, java.time.Instant now, java.time.Instant until) {
        return noticeUpdate(referralId, "SET #claim = :until",
                "attribute_not_exists(#sent) AND (attribute_not_exists(#claim) OR #claim <= :now)", kind,
                Map.of(":until", AttributeValue.fromS(Timestamps.of(until)),
                        ":now", AttributeValue.fromS(Timestamps.of(now))));
    }

    /** Records {@code kind} as sent at {@code at} and drops the claim. @return false when it was already recorded */
    public boolean markNoticeSent(String referralId, Notices.Kind kind, java.time.Instant at) {
        return noticeUpdate(referralId, "SET #sent = :at REMOVE #claim", "attribute_not_exists(#sent)", kind,
                Map.of(":at", AttributeValue.fromS(Timestamps.of(at))));
    }

    /** Gives a claim back after a failed send, so the next sweep may send at once. */
    public void releaseNotice(String referralId, Notices.Kind kind) {
        noticeUpdate(referralId, "REMOVE #claim", "attribute_not_exists(#sent)", kind, Map.of());
    }

    private boolean noticeUpdate(String referralId, String update, String condition, Notices.Kind kind,
                                 Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>(Map.of("#id", ReferralRecord.REFERRAL_ID,
                "#sent", kind.sentAttribute(), "#claim", kind.claimAttribute()));
        try {
            UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(tableName)
                    .key(Map.of(ReferralRecord.REFERRAL_ID, AttributeValue.fromS(referralId)))
                    .conditionExpression("attribute_exists(#id) AND " + condition)
                    .updateExpression(update).expressionAttributeNames(names);
            if (!values.isEmpty()) {
                request.expressionAttributeValues(values);
            }
            dynamoDb.updateItem(request.build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB UpdateItem", e);
        }
    }

    /** Appends an entry that changes nothing (a view, an alert sent): the referral item is not written. */
    public void appendAudit(ReferralRecord referral, AuditEntry entry) {
        audit.append(referral.referralId(), entry, referral.version());
    }

    private Optional<ReferralRecord> update(String referralId, String condition, String set, String remove,
                                            Map<String, String> names, Map<String, AttributeValue> values) {
        names.put("#id", ReferralRecord.REFERRAL_ID);
        String update = "SET " + set + (remove.isEmpty() ? "" : " REMOVE " + remove);
        try {
            return Optional.of(ReferralRecord.TABLE_SCHEMA.mapToItem(dynamoDb.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of(ReferralRecord.REFERRAL_ID, AttributeValue.fromS(referralId)))
                    .conditionExpression("attribute_exists(#id) AND (" + condition + ")")
                    .updateExpression(update)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
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
     * Open referrals of {@code band}, overdue ({@code dueAt <= asOf}) or not, in priority-key order,
     * filtered; from {@code startKey} (exclusive) when given. DynamoDB applies the limit before the
     * filter, so a page may hold fewer than {@code limit}.
     */
    public Segment worklistSegment(Band band, boolean overdue, String asOf, WorklistFilter filter,
                                   Map<String, AttributeValue> startKey, int limit) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#due", "dueAt");
        values.put(":asOf", AttributeValue.fromS(asOf));
        List<String> filters = new ArrayList<>();
        filters.add(overdue ? "#due <= :asOf" : "#due > :asOf");
        equalsFilter(filters, names, values, "status", filter.status() == null ? null : filter.status().name());
        equalsFilter(filters, names, values, "disposition", filter.disposition() == null ? null : filter.disposition().name());
        equalsFilter(filters, names, values, "tier", filter.tier() == null ? null : filter.tier().name());
        equalsFilter(filters, names, values, "assignee", filter.assignee());
        if (filter.region() != null) {
            names.put("#regions", "regions");
            values.put(":region", AttributeValue.fromS(filter.region().name()));
            filters.add("contains(#regions, :region)");
        }
        return bandPage(band, String.join(" AND ", filters), names, values, startKey, limit);
    }

    /** Every open referral of {@code band}, in priority order (the sweep's read: a band's worklist, every page). */
    public List<ReferralRecord> openInBand(Band band) {
        List<ReferralRecord> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Segment page = bandPage(band, null, new HashMap<>(), new HashMap<>(), start, null);
            out.addAll(page.items());
            start = page.lastEvaluatedKey();
        } while (start != null);
        return out;
    }

    /** One page of the worklist index for {@code band}, filtered when {@code filter} is given. */
    private Segment bandPage(Band band, String filter, Map<String, String> names, Map<String, AttributeValue> values,
                             Map<String, AttributeValue> startKey, Integer limit) {
        names.put("#wl", ReferralRecord.WORKLIST);
        names.put("#pk", ReferralRecord.PRIORITY_KEY);
        values.put(":open", AttributeValue.fromS(ReferralRecord.OPEN));
        values.put(":band", AttributeValue.fromS(String.valueOf(band.prefix())));
        try {
            QueryResponse page = dynamoDb.query(QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(ReferralRecord.WORKLIST_INDEX)
                    .keyConditionExpression("#wl = :open AND begins_with(#pk, :band)")
                    .filterExpression(filter)
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

    /** The worklist index key of an open referral (where a page that ends on it continues). */
    public static Map<String, AttributeValue> indexKey(String referralId, String priorityKey) {
        return Map.of(ReferralRecord.REFERRAL_ID, AttributeValue.fromS(referralId),
                ReferralRecord.WORKLIST, AttributeValue.fromS(ReferralRecord.OPEN),
                ReferralRecord.PRIORITY_KEY, AttributeValue.fromS(priorityKey));
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
