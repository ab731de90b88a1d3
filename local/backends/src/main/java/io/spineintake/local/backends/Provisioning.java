package io.spineintake.local.backends;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.Json;
import io.spineintake.platform.blocks.BlocksTable;
import io.spineintake.platform.consult.ConsultQueue;
import io.spineintake.platform.drafts.DraftsTable;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.referrals.AuditTrail;
import io.spineintake.platform.referrals.ReferralRecord;

import software.amazon.awssdk.enhanced.dynamodb.IndexMetadata;
import software.amazon.awssdk.enhanced.dynamodb.KeyAttributeMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the tables and queues the functions use, from the platform's definitions (the intakes
 * TableSchema, ConsultQueue's constants), so nothing is written twice. The local runner and
 * {@link LocalAwsExtension} use it; a test compares its definitions with template.yaml.
 * Idempotent: re-running it leaves existing resources as they are.
 *
 * <p>Names: with prefix "P" the table is "P-intakes" and the queues "P-consult-queue.fifo" and
 * "P-consult-dlq.fifo" (template.yaml uses the stack name as P); with an empty prefix just
 * "intakes", "consult-queue.fifo", "consult-dlq.fifo".
 */
public final class Provisioning {

    private Provisioning() {
    }

    /** A key attribute: name and scalar type. */
    public record KeyAttribute(String name, ScalarAttributeType type) {
    }

    /** A global secondary index; sortKey may be null. */
    public record Index(String name, KeyAttribute partitionKey, KeyAttribute sortKey, ProjectionType projection) {
    }

    /** A table's keys and indexes; sortKey may be null. */
    public record TableDefinition(String name, KeyAttribute partitionKey, KeyAttribute sortKey,
                                  List<Index> globalSecondaryIndexes, BillingMode billingMode) {

        public TableDefinition {
            globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        }

        /** Every key attribute of the table and its indexes, by name (what AttributeDefinitions must list). */
        public Map<String, ScalarAttributeType> attributeDefinitions() {
            Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
            List<KeyAttribute> keys = new ArrayList<>();
            keys.add(partitionKey);
            keys.add(sortKey);
            for (Index index : globalSecondaryIndexes) {
                keys.add(index.partitionKey());
                keys.add(index.sortKey());
            }
            keys.stream().filter(Objects::nonNull).forEach(k -> attributes.put(k.name(), k.type()));
            return attributes;
        }

        public CreateTableRequest createTableRequest() {
            return CreateTableRequest.builder()
                    .tableName(name)
                    .billingMode(billingMode)
                    .attributeDefinitions(attributeDefinitions().entrySet().stream()
                            .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
                            .toList())
                    .keySchema(keySchema(partitionKey, sortKey))
                    // DynamoDB refuses an empty index list: leave it out for a table without indexes
                    .globalSecondaryIndexes(globalSecondaryIndexes.isEmpty() ? null : globalSecondaryIndexes.stream()
                            .map(i -> GlobalSecondaryIndex.builder()
                                    .indexName(i.name())
                                    .keySchema(keySchema(i.partitionKey(), i.sortKey()))
                                    .projection(p -> p.projectionType(i.projection()))
                                    .build())
                            .toList())
                    .build();
        }

        private static List<KeySchemaElement> keySchema(KeyAttribute hash, KeyAttribute range) {
            List<KeySchemaElement> schema = new ArrayList<>();
            schema.add(KeySchemaElement.builder().attributeName(hash.name()).keyType(KeyType.HASH).build());
            if (range != null) {
                schema.add(KeySchemaElement.builder().attributeName(range.name()).keyType(KeyType.RANGE).build());
            }
            return schema;
        }
    }

    /** A queue's attributes; deadLetterQueueName and maxReceiveCount are null for a queue without redrive. */
    public record QueueDefinition(String name, boolean fifo, boolean contentBasedDeduplication,
                                  int visibilityTimeoutSeconds, int messageRetentionSeconds,
                                  String deadLetterQueueName, Integer maxReceiveCount) {

        /** CreateQueue attributes; {@code deadLetterQueueArn} is needed exactly when the queue has a DLQ. */
        public Map<QueueAttributeName, String> attributes(String deadLetterQueueArn) {
            Map<QueueAttributeName, String> attributes = new EnumMap<>(QueueAttributeName.class);
            if (fifo) {
                attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
                attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, Boolean.toString(contentBasedDeduplication));
            }
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds));
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(messageRetentionSeconds));
            if (deadLetterQueueName != null) {
                Objects.requireNonNull(deadLetterQueueArn, "deadLetterQueueArn");
                try {
                    attributes.put(QueueAttributeName.REDRIVE_POLICY, Json.mapper().writeValueAsString(Map.of(
                            "deadLetterTargetArn", deadLetterQueueArn,
                            "maxReceiveCount", maxReceiveCount)));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return attributes;
        }
    }

    /** What {@link #provision} created or found. */
    public record Resources(String prefix, String intakesTable, String referralsTable, String draftsTable,
                            String auditTable, String blocksTable, String consultQueueUrl, String consultDeadLetterQueueUrl) {
    }

    /** "prefix-suffix", or the suffix alone for an empty prefix. */
    public static String name(String prefix, String suffix) {
        return prefix == null || prefix.isEmpty() ? suffix : prefix + "-" + suffix;
    }

    /** The intakes table, read off IntakeRecord.TABLE_SCHEMA: keys, index keys and types; projections from IntakeRecord. */
    public static TableDefinition intakesTable(String prefix) {
        return table(IntakeRecord.TABLE_SCHEMA.tableMetadata(), name(prefix, IntakeRecord.TABLE_NAME_SUFFIX));
    }

    /** The referrals table, read off ReferralRecord.TABLE_SCHEMA. */
    public static TableDefinition referralsTable(String prefix) {
        return table(ReferralRecord.TABLE_SCHEMA.tableMetadata(), name(prefix, ReferralRecord.TABLE_NAME_SUFFIX));
    }

    /** The intake drafts table: one string key, no index (DraftsTable's constants). */
    public static TableDefinition draftsTable(String prefix) {
        return new TableDefinition(name(prefix, DraftsTable.TABLE_NAME_SUFFIX),
                new KeyAttribute(DraftsTable.DRAFT_KEY, ScalarAttributeType.S), null, List.of(), BillingMode.PAY_PER_REQUEST);
    }

    /** The audit table, read off AuditTrail.TABLE_SCHEMA: referral id and entry key. */
    public static TableDefinition auditTable(String prefix) {
        return table(AuditTrail.TABLE_SCHEMA.tableMetadata(), name(prefix, AuditTrail.TABLE_NAME_SUFFIX));
    }

    /** The blocks table: referral id and item key, no index (BlocksTable's constants). */
    public static TableDefinition blocksTable(String prefix) {
        return new TableDefinition(name(prefix, BlocksTable.TABLE_NAME_SUFFIX),
                new KeyAttribute(BlocksTable.REFERRAL_ID, ScalarAttributeType.S),
                new KeyAttribute(BlocksTable.ITEM_KEY, ScalarAttributeType.S), List.of(), BillingMode.PAY_PER_REQUEST);
    }

    /** Every table the functions use, in creation order. */
    public static List<TableDefinition> tables(String prefix) {
        return List.of(intakesTable(prefix), referralsTable(prefix), draftsTable(prefix), auditTable(prefix),
                blocksTable(prefix));
    }

    private static TableDefinition table(TableMetadata meta, String tableName) {
        KeyAttribute partitionKey = key(meta, meta.primaryPartitionKey());
        KeyAttribute sortKey = meta.primarySortKey().map(k -> key(meta, k)).orElse(null);
        List<Index> indexes = new ArrayList<>();
        Collection<IndexMetadata> all = meta.indices();
        all.stream()
                .filter(i -> !TableMetadata.primaryIndexName().equals(i.name()))
                .sorted(Comparator.comparing(IndexMetadata::name))
                .forEach(i -> indexes.add(new Index(
                        i.name(),
                        key(meta, single(i.name(), i.partitionKeys()).orElseThrow()),
                        single(i.name(), i.sortKeys()).map(k -> key(meta, k)).orElse(null),
                        projectionOf(i.name()))));
        return new TableDefinition(tableName, partitionKey, sortKey, indexes, BillingMode.PAY_PER_REQUEST);
    }

    public static QueueDefinition consultQueue(String prefix) {
        return new QueueDefinition(name(prefix, ConsultQueue.QUEUE_NAME_SUFFIX), ConsultQueue.FIFO,
                ConsultQueue.CONTENT_BASED_DEDUPLICATION, ConsultQueue.VISIBILITY_TIMEOUT_SECONDS,
                ConsultQueue.QUEUE_RETENTION_SECONDS, name(prefix, ConsultQueue.DLQ_NAME_SUFFIX),
                ConsultQueue.MAX_RECEIVE_COUNT);
    }

    public static QueueDefinition consultDeadLetterQueue(String prefix) {
        return new QueueDefinition(name(prefix, ConsultQueue.DLQ_NAME_SUFFIX), ConsultQueue.FIFO,
                ConsultQueue.CONTENT_BASED_DEDUPLICATION, ConsultQueue.VISIBILITY_TIMEOUT_SECONDS,
                ConsultQueue.DLQ_RETENTION_SECONDS, null, null);
    }

    /** The consult queue's and its DLQ's URLs. */
    public record QueueUrls(String consultQueueUrl, String consultDeadLetterQueueUrl) {
    }

    /** Creates every table and queue with this prefix (those that exist are kept). */
    public static Resources provision(AwsClients clients, String prefix) {
        provisionTables(clients.dynamoDb(), prefix);
        QueueUrls queues = provisionQueues(clients.sqs(), prefix);
        return new Resources(prefix, intakesTable(prefix).name(), referralsTable(prefix).name(),
                draftsTable(prefix).name(), auditTable(prefix).name(), blocksTable(prefix).name(), queues.consultQueueUrl(),
                queues.consultDeadLetterQueueUrl());
    }

    /** Creates every table (those that exist are kept). */
    public static void provisionTables(DynamoDbClient dynamoDb, String prefix) {
        for (TableDefinition table : tables(prefix)) {
            createTable(dynamoDb, table);
        }
    }

    /** Creates the DLQ, then the queue redriving to it. */
    public static QueueUrls provisionQueues(SqsClient sqs, String prefix) {
        String dlqUrl = createQueue(sqs, consultDeadLetterQueue(prefix), null);
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = createQueue(sqs, consultQueue(prefix), dlqArn);
        return new QueueUrls(queueUrl, dlqUrl);
    }

    /** Creates the table unless it exists, and waits until it is ACTIVE; returns its name. */
    public static String createTable(DynamoDbClient dynamoDb, TableDefinition table) {
        try {
            dynamoDb.createTable(table.createTableRequest());
        } catch (ResourceInUseException alreadyThere) {
            // idempotent
        }
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table.name()));
        return table.name();
    }

    /** Creates the queue (CreateQueue returns the existing queue when the attributes match); returns its URL. */
    public static String createQueue(SqsClient sqs, QueueDefinition queue, String deadLetterQueueArn) {
        return sqs.createQueue(r -> r.queueName(queue.name()).attributes(queue.attributes(deadLetterQueueArn))).queueUrl();
    }

    private static KeyAttribute key(TableMetadata meta, String name) {
        ScalarAttributeType type = meta.scalarAttributeType(name)
                .orElseThrow(() -> new IllegalStateException("Key attribute " + name + " has no scalar type"));
        return new KeyAttribute(name, type);
    }

    /** The one key attribute of an index part (composite multi-attribute keys are not used here). */
    private static Optional<String> single(String index, List<KeyAttributeMetadata> keys) {
        if (keys.size() > 1) {
            throw new IllegalStateException("Index " + index + " has a multi-attribute key; Provisioning supports one attribute per key");
        }
        return keys.stream().map(KeyAttributeMetadata::name).findFirst();
    }

    private static ProjectionType projectionOf(String indexName) {
        if (IntakeRecord.PENDING_INDEX.equals(indexName)) {
            return IntakeRecord.PENDING_INDEX_PROJECTION;
        }
        if (ReferralRecord.WORKLIST_INDEX.equals(indexName)) {
            return ReferralRecord.WORKLIST_INDEX_PROJECTION;
        }
        throw new IllegalStateException("No projection defined for index " + indexName);
    }
}
