package io.spineintake.platform.blocks;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;
import io.spineintake.platform.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * The blocks table ({@link BlocksTable}). Every change is one conditional single-item write (no
 * transactions): an episode, an entry and a link are put only where no item has their key; the
 * episode's current link is replaced or removed only while it is still the one read.
 */
public final class BlockRepository {
    private static final Expression NEW_ITEM = Expression.builder()
            .expression("attribute_not_exists(#k)").putExpressionName("#k", BlocksTable.ITEM_KEY).build();

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DynamoDbTable<EpisodeItem> episodes;
    private final DynamoDbTable<EntryItem> entries;
    private final DynamoDbTable<LinkItem> links;

    public BlockRepository(AwsClients clients, String tableName) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.dynamoDb = clients.dynamoDb();
        this.episodes = clients.dynamoDbEnhanced().table(tableName, EpisodeItem.SCHEMA);
        this.entries = clients.dynamoDbEnhanced().table(tableName, EntryItem.SCHEMA);
        this.links = clients.dynamoDbEnhanced().table(tableName, LinkItem.SCHEMA);
    }

    /** @return false when an episode with this id exists already (nothing written) */
    public boolean putEpisode(EpisodeItem episode) {
        return putNew(() -> episodes.putItem(PutItemEnhancedRequest.builder(EpisodeItem.class).item(episode)
                .conditionExpression(NEW_ITEM).build()));
    }

    /** @return false when the time point is recorded already (nothing written) */
    public boolean putEntry(EntryItem entry) {
        return putNew(() -> entries.putItem(PutItemEnhancedRequest.builder(EntryItem.class).item(entry)
                .conditionExpression(NEW_ITEM).build()));
    }

    /** @return false when a link with this hash exists already (nothing written) */
    public boolean putLink(LinkItem link) {
        return putNew(() -> links.putItem(PutItemEnhancedRequest.builder(LinkItem.class).item(link)
                .conditionExpression(NEW_ITEM).build()));
    }

    public Optional<EpisodeItem> episode(String referralId, String episodeId) {
        return get(episodes, referralId, BlocksTable.episodeKey(episodeId));
    }

    public Optional<EntryItem> entry(String referralId, String episodeId, int minutes) {
        return get(entries, referralId, BlocksTable.entryKey(episodeId, minutes));
    }

    public Optional<LinkItem> link(String capabilityHash) {
        return get(links, BlocksTable.linkPartition(capabilityHash), BlocksTable.LINK_ITEM_KEY);
    }

    /** A referral's episodes (in recorded order of their keys) and every diary entry of them. */
    public record Contents(List<EpisodeItem> episodes, List<EntryItem> entries) {
        public List<EntryItem> entriesOf(String episodeId) {
            return entries.stream().filter(e -> e.episodeId().equals(episodeId)).toList();
        }
    }

    /** Everything stored under a referral: one query, every page, strongly consistent. */
    public Contents contents(String referralId) {
        List<EpisodeItem> eps = new ArrayList<>();
        List<EntryItem> ents = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(referralId, null)) {
            String key = item.get(BlocksTable.ITEM_KEY).s();
            if (key.startsWith(BlocksTable.EPISODE_PREFIX)) {
                eps.add(EpisodeItem.SCHEMA.mapToItem(item));
            } else if (key.startsWith(BlocksTable.ENTRY_PREFIX)) {
                ents.add(EntryItem.SCHEMA.mapToItem(item));
            }
        }
        return new Contents(eps, ents);
    }

    /** One episode's entries, in time-point order. */
    public List<EntryItem> entries(String referralId, String episodeId) {
        return query(referralId, BlocksTable.entriesPrefix(episodeId)).stream().map(EntryItem.SCHEMA::mapToItem).toList();
    }

    /**
     * Makes {@code newHash} the episode's current link, if its current link is still
     * {@code expectedHash} (null: none). @return false when it changed meanwhile (nothing written)
     */
    public boolean replaceCurrentLink(String referralId, String episodeId, String expectedHash, String newHash,
                                      Instant issuedAt, Instant expiresAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":new", AttributeValue.fromS(newHash));
        values.put(":issued", AttributeValue.fromS(Timestamps.of(issuedAt)));
        values.put(":expires", AttributeValue.fromS(Timestamps.of(expiresAt)));
        return updateEpisode(referralId, episodeId, expectedHash, values,
                "SET #h = :new, #i = :issued, #e = :expires REMOVE #r");
    }

    /** Removes the episode's current link if it is still {@code expectedHash}. @return false when it changed meanwhile */
    public boolean removeCurrentLink(String referralId, String episodeId, String expectedHash, Instant revokedAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":revoked", AttributeValue.fromS(Timestamps.of(revokedAt)));
        return updateEpisode(referralId, episodeId, Objects.requireNonNull(expectedHash), values,
                "SET #r = :revoked REMOVE #h");
    }

    /** Marks a link item revoked (bookkeeping: the episode's current link already decides). */
    public void markLinkRevoked(String capabilityHash, Instant at) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(Map.of(BlocksTable.REFERRAL_ID, AttributeValue.fromS(BlocksTable.linkPartition(capabilityHash)),
                            BlocksTable.ITEM_KEY, AttributeValue.fromS(BlocksTable.LINK_ITEM_KEY)))
                    .conditionExpression("attribute_exists(#k) AND #rv = :false")
                    .updateExpression("SET #rv = :true, #ra = :at")
                    .expressionAttributeNames(Map.of("#k", BlocksTable.ITEM_KEY, "#rv", "revoked", "#ra", "revokedAt"))
                    .expressionAttributeValues(Map.of(":false", AttributeValue.fromBool(false),
                            ":true", AttributeValue.fromBool(true), ":at", AttributeValue.fromS(Timestamps.of(at))))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            // revoked before, or never there: nothing to do
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB UpdateItem", e);
        }
    }

    private boolean updateEpisode(String referralId, String episodeId, String expectedHash,
                                  Map<String, AttributeValue> values, String update) {
        Map<String, String> names = new HashMap<>(Map.of("#k", BlocksTable.ITEM_KEY, "#h", EpisodeItem.LINK_HASH,
                "#r", EpisodeItem.LINK_REVOKED_AT));
        if (update.contains("#i")) {
            names.put("#i", EpisodeItem.LINK_ISSUED_AT);
            names.put("#e", EpisodeItem.LINK_EXPIRES_AT);
        }
        String condition;
        if (expectedHash == null) {
            condition = "attribute_exists(#k) AND attribute_not_exists(#h)";
        } else {
            condition = "attribute_exists(#k) AND #h = :expected";
            values.put(":expected", AttributeValue.fromS(expectedHash));
        }
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(Map.of(BlocksTable.REFERRAL_ID, AttributeValue.fromS(referralId),
                            BlocksTable.ITEM_KEY, AttributeValue.fromS(BlocksTable.episodeKey(episodeId))))
                    .conditionExpression(condition)
                    .updateExpression(update)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB UpdateItem", e);
        }
    }

    private List<Map<String, AttributeValue>> query(String partition, String sortPrefix) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, String> names = new HashMap<>(Map.of("#p", BlocksTable.REFERRAL_ID));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", AttributeValue.fromS(partition)));
        String condition = "#p = :p";
        if (sortPrefix != null) {
            names.put("#k", BlocksTable.ITEM_KEY);
            values.put(":prefix", AttributeValue.fromS(sortPrefix));
            condition += " AND begins_with(#k, :prefix)";
        }
        Map<String, AttributeValue> start = null;
        try {
            do {
                QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(tableName)
                        .keyConditionExpression(condition).expressionAttributeNames(names)
                        .expressionAttributeValues(values).consistentRead(true)
                        .exclusiveStartKey(start).build());
                out.addAll(page.items());
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB Query", e);
        }
        return out;
    }

    private static <T> Optional<T> get(DynamoDbTable<T> table, String partition, String sort) {
        try {
            return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(partition).sortValue(sort).build()).consistentRead(true).build()));
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB GetItem", e);
        }
    }

    private static boolean putNew(Runnable put) {
        try {
            put.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB PutItem", e);
        }
    }
}
