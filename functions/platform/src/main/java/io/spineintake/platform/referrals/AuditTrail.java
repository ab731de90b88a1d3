package io.spineintake.platform.referrals;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.triage.Digits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The audit table: one item per audit entry, append-only. Keyed by the referral and an entry key
 * that sorts in time order, so a query reads a referral's trail in order however long it grows,
 * and the referral item itself stays small. Entries are only ever put with a condition that the
 * key is new; the application never updates or deletes one (its IAM role cannot), and the table
 * has no TTL: the trail is kept as long as the table is (at least six years by design).
 *
 * <p>A state change's entry has a key made of its time and the version it produced, so writing it
 * again (after a crash, from the referral's {@code lastEntry}) is a no-op, never a second entry.
 */
public final class AuditTrail {
    public static final String TABLE_NAME_SUFFIX = "audit";
    public static final String REFERRAL_ID = "referralId";
    public static final String ENTRY_KEY = "entryKey";

    /** One stored entry: the referral's id, its entry key, and the entry's fields. */
    public record Item(String referralId, String entryKey, AuditEntry entry) {
    }

    public static final TableSchema<Item> TABLE_SCHEMA =
            StaticImmutableTableSchema.builder(Item.class, ItemBuilder.class)
                    .newItemBuilder(ItemBuilder::new, ItemBuilder::build)
                    .addAttribute(String.class, a -> a.name(REFERRAL_ID).getter(Item::referralId)
                            .setter(ItemBuilder::referralId).tags(primaryPartitionKey()))
                    .addAttribute(String.class, a -> a.name(ENTRY_KEY).getter(Item::entryKey)
                            .setter(ItemBuilder::entryKey).tags(primarySortKey()))
                    .flatten(AuditEntry.SCHEMA, Item::entry, ItemBuilder::entry)
                    .build();

    private static final Expression NEW_ENTRY = Expression.builder()
            .expression("attribute_not_exists(#key)").putExpressionName("#key", ENTRY_KEY).build();

    private final DynamoDbTable<Item> table;

    public AuditTrail(AwsClients clients, String tableName) {
        this.table = clients.dynamoDbEnhanced().table(Objects.requireNonNull(tableName, "tableName"), TABLE_SCHEMA);
    }

    /**
     * The key of an entry: its time, the referral's version, then for the change that made that
     * version "0" (so the same change always has the same key), for anything else (a view, an
     * alert) "1", its action and a random suffix. Entries of the same millisecond so sort as they
     * happened: a change before the views of the version it made.
     */
    public static String keyOf(AuditEntry e, long referralVersion) {
        String at = e.at() + "#" + Digits.zeroPadded(referralVersion, 10);
        return isChange(e) ? at + "#0" : at + "#1#" + e.action() + "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A state change: an entry that records the version it made. */
    public static boolean isChange(AuditEntry e) {
        return e.version() != null && e.action() != AuditAction.VIEWED && e.action() != AuditAction.ALERTED
                && e.action() != AuditAction.ESCALATED;
    }

    /** Appends a state change's entry; one already there under its key (written before) is left as it is. */
    public void append(String referralId, AuditEntry change) {
        if (!isChange(change)) {
            throw new IllegalArgumentException("not a state change: give the referral's version");
        }
        append(referralId, change, change.version());
    }

    /** Appends an entry made while the referral was at {@code referralVersion} (a view, an alert). */
    public void append(String referralId, AuditEntry entry, long referralVersion) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(Item.class)
                    .item(new Item(referralId, keyOf(entry, referralVersion), entry))
                    .conditionExpression(NEW_ENTRY).build());
        } catch (ConditionalCheckFailedException e) {
            // the same change's entry, written before: nothing to add
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB PutItem", e);
        }
    }

    /** The referral's whole trail, oldest first (strongly consistent, every page). */
    public List<AuditEntry> read(String referralId) {
        List<AuditEntry> out = new ArrayList<>();
        try {
            table.query(QueryEnhancedRequest.builder()
                    .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(referralId).build()))
                    .consistentRead(true).build())
                    .items().forEach(item -> out.add(item.entry()));
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB Query", e);
        }
        return out;
    }

    /** Mutable builder for the enhanced client. */
    public static final class ItemBuilder {
        private String referralId;
        private String entryKey;
        private AuditEntry entry;

        public ItemBuilder referralId(String v) { this.referralId = v; return this; }
        public ItemBuilder entryKey(String v) { this.entryKey = v; return this; }
        public ItemBuilder entry(AuditEntry v) { this.entry = v; return this; }

        public Item build() {
            return new Item(referralId, entryKey, entry);
        }
    }
}
