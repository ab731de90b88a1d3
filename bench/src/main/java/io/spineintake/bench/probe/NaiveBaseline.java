package io.spineintake.bench.probe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The naive program a function is measured against: the AWS SDK as its guide shows it, nothing
 * tuned (region, credentials and endpoints from the environment through the SDK's default chains,
 * default retry and checksum settings), each client with its own {@link UrlConnectionHttpClient},
 * making the raw calls the function makes for the same request. It runs on the function's own jar,
 * so it pays the same JVM, SDK and logging binding. It knows the tables' layout but none of the
 * function's code: no validation, no engine, no Jackson, no Powertools.
 *
 * <p>In the warm comparison the naive program puts the very item the handler stored (read back
 * once, {@link #copyItemsOf}), under a new key, so both sides send the same bytes; cold, it puts an
 * item of the same attributes with the request body standing in for the form and the assessment.
 *
 * <p>Raw calls per function (cold: the first answer; warm: one request, as the handler makes it):
 * <ul>
 *   <li>submit-intake: PutItem (intakes) + SendMessage (consult queue); warm adds the UpdateItem
 *       (PENDING to ROUTED) the handler makes after sending</li>
 *   <li>consult-queue: one conditional PutItem (referrals) and one of its creation entry (audit)</li>
 *   <li>route-reconciler: one Query per pending-index shard (16), none finding anything</li>
 *   <li>triage-api (GET /referrals on an empty worklist): one Query per worklist segment (5 bands,
 *       overdue or not: 10)</li>
 *   <li>intake-drafts (save): one conditional PutItem (drafts)</li>
 * </ul>
 */
final class NaiveBaseline {
    private final String function;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    /** The handler's own item, once read back ({@link #copyItemsOf}); null: the cold stand-in. */
    private Map<String, AttributeValue> template;

    private NaiveBaseline(String function, DynamoDbClient dynamoDb, SqsClient sqs) {
        this.function = function;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
    }

    /** Builds the clients the function's calls need (SQS only where it sends). */
    static NaiveBaseline build(String function) {
        DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        SqsClient sqs = function.equals("submit-intake")
                ? SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()
                : null;
        return new NaiveBaseline(function, dynamoDb, sqs);
    }

    /** The table a function's request writes (null: it only reads) and its key attribute. */
    static String[] writtenTable(String function) {
        return switch (function) {
            case "submit-intake" -> new String[] {"INTAKES_TABLE", "intakeId"};
            case "consult-queue" -> new String[] {"REFERRALS_TABLE", "referralId"};
            case "intake-drafts" -> new String[] {"DRAFTS_TABLE", "draftKey"};
            default -> null;
        };
    }

    /**
     * From now on, put a copy of the one item the handler has written to the (fresh) table, with
     * only its key changed (and, for an intake, PENDING again, as it is first stored).
     */
    void copyItemsOf(String function) {
        String[] table = writtenTable(function);
        if (table != null) {
            template = dynamoDb.scan(r -> r.tableName(env(table[0])).limit(1)).items().get(0);
        }
    }

    private Map<String, AttributeValue> item(String keyAttribute, String id, Map<String, AttributeValue> standIn) {
        if (template == null) {
            return standIn;
        }
        Map<String, AttributeValue> item = new HashMap<>(template);
        item.put(keyAttribute, AttributeValue.fromS(id));
        if (keyAttribute.equals("intakeId")) {
            item.put("routingState", AttributeValue.fromS("PENDING"));
            item.put("pendingShard", AttributeValue.fromS("P07"));
            item.put("version", AttributeValue.fromN("1"));
        }
        return item;
    }

    /**
     * The function's raw calls for one request.
     *
     * @param id a fresh id for what is written (the parent's, so neither side seeds a SecureRandom for it)
     * @param body the request body the handler would get, as an item attribute of the same size
     */
    void calls(String id, String body, boolean warm) {
        switch (function) {
            case "submit-intake" -> {
                Map<String, AttributeValue> item = strings("intakeId", id, "receivedAt", "2026-12-01T10:00:00.000Z",
                        "updatedAt", "2026-12-01T10:00:00.000Z", "requestHash", "0".repeat(64), "formJson", body,
                        "assessmentJson", body, "responseJson", "{\"intakeId\":\"" + id + "\"}", "ruleSetVersion", "facet-2026.1",
                        "disposition", "CONSULT", "tier", "HIGH", "priorityKey", "2-9-012-1795770000000",
                        "patientMessage", "CONSULT_TEAM_WILL_CONTACT", "routingState", "PENDING", "pendingShard", "P07",
                        "regions", "LUMBAR", "dueAt", "2026-12-15T10:00:00.000Z");
                item.put("redFlags", AttributeValue.fromL(List.of()));
                item.put("repeatRfaCandidate", AttributeValue.fromBool(false));
                item.put("score", AttributeValue.fromN("88"));
                item.put("version", AttributeValue.fromN("1"));
                putNew("INTAKES_TABLE", "intakeId", id, item);
                sqs.sendMessage(r -> r.queueUrl(env("CONSULT_QUEUE_URL")).messageGroupId(id).messageDeduplicationId(id)
                        .messageBody("{\"intakeId\":\"" + id + "\",\"regions\":[\"LUMBAR\"],\"disposition\":\"CONSULT\","
                                + "\"tier\":\"HIGH\",\"score\":88,\"priorityKey\":\"2-9-012-1795770000000\","
                                + "\"submittedAt\":\"2026-12-01T10:00:00.000Z\",\"dueAt\":\"2026-12-15T10:00:00.000Z\","
                                + "\"redFlags\":[],\"repeatRfaCandidate\":false}"));
                if (warm) {
                    // the same update as the handler's (IntakeRepository.markRouted)
                    dynamoDb.updateItem(r -> r.tableName(env("INTAKES_TABLE"))
                            .key(Map.of("intakeId", AttributeValue.fromS(id)))
                            .conditionExpression("#rs = :pending")
                            .updateExpression("SET #rs = :routed, #ua = :now, #v = if_not_exists(#v, :zero) + :one REMOVE #ps")
                            .expressionAttributeNames(Map.of("#rs", "routingState", "#ps", "pendingShard",
                                    "#ua", "updatedAt", "#v", "version"))
                            .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS("PENDING"),
                                    ":routed", AttributeValue.fromS("ROUTED"),
                                    ":now", AttributeValue.fromS("2026-12-01T10:00:00.001Z"),
                                    ":zero", AttributeValue.fromN("0"), ":one", AttributeValue.fromN("1"))));
                }
            }
            case "consult-queue" -> {
                Map<String, AttributeValue> item = strings("referralId", id, "intakeId", id, "status", "NEW",
                        "worklist", "OPEN", "disposition", "CONSULT", "tier", "HIGH", "regions", "LUMBAR",
                        "priorityKey", "2-9-012-1795770000000", "submittedAt", "2026-12-01T10:00:00.000Z",
                        "createdAt", "2026-12-01T10:00:01.000Z", "dueAt", "2026-12-15T10:00:00.000Z");
                item.put("score", AttributeValue.fromN("88"));
                item.put("version", AttributeValue.fromN("1"));
                putNew("REFERRALS_TABLE", "referralId", id, item);
                // its creation entry, as the repository appends it (a change's key: time, version, 0)
                Map<String, AttributeValue> entry = strings("referralId", id,
                        "entryKey", "2026-12-01T10:00:01.000Z#0000000001#0", "at", "2026-12-01T10:00:01.000Z",
                        "actor", "system", "action", "CREATED", "status", "NEW", "disposition", "CONSULT");
                entry.put("version", AttributeValue.fromN("1"));
                dynamoDb.putItem(r -> r.tableName(env("AUDIT_TABLE")).item(entry)
                        .conditionExpression("attribute_not_exists(#key)").expressionAttributeNames(Map.of("#key", "entryKey")));
            }
            case "route-reconciler" -> {
                for (int shard = 0; shard < 16; shard++) {
                    String s = String.format("P%02d", shard);
                    dynamoDb.query(r -> r.tableName(env("INTAKES_TABLE")).indexName("pending-by-shard")
                            .keyConditionExpression("pendingShard = :s AND receivedAt <= :c")
                            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(s),
                                    ":c", AttributeValue.fromS("2026-12-01T09:58:00.000Z")))
                            .limit(250));
                }
            }
            case "triage-api" -> {
                String[] bands = {"0", "1", "2", "8", "9"}; // the bands' priority-key prefixes, in worklist order
                for (int segment = 0; segment < 2 * bands.length; segment++) {
                    String band = bands[segment / 2];
                    String due = segment % 2 == 0 ? "dueAt <= :asOf" : "dueAt > :asOf";
                    dynamoDb.query(r -> r.tableName(env("REFERRALS_TABLE")).indexName("worklist-by-priority")
                            .keyConditionExpression("worklist = :open AND begins_with(priorityKey, :band)")
                            .filterExpression(due)
                            .expressionAttributeValues(Map.of(":open", AttributeValue.fromS("OPEN"),
                                    ":band", AttributeValue.fromS(band),
                                    ":asOf", AttributeValue.fromS("2026-12-01T10:00:00.000Z")))
                            .limit(100));
                }
            }
            case "intake-drafts" -> {
                Map<String, AttributeValue> item = strings("draftKey", id, "formJson", body, "dateOfBirthHash", "0".repeat(64),
                        "createdAt", "2026-12-01T10:00:00Z", "expiresAt", "2026-12-08T10:00:00Z");
                item.put("ttl", AttributeValue.fromN("1796724000"));
                item.put("failedTries", AttributeValue.fromN("0"));
                putNew("DRAFTS_TABLE", "draftKey", id, item);
            }
            default -> throw new IllegalArgumentException("no raw calls for " + function);
        }
    }

    /** A conditional put of a new item (the handler's own, once read back, else {@code standIn}). */
    private void putNew(String tableVariable, String keyAttribute, String id, Map<String, AttributeValue> standIn) {
        dynamoDb.putItem(r -> r.tableName(env(tableVariable)).item(item(keyAttribute, id, standIn))
                .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", keyAttribute)));
    }

    /** String attributes from name, value pairs. */
    private static Map<String, AttributeValue> strings(String... nameValue) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            item.put(nameValue[i], AttributeValue.fromS(nameValue[i + 1]));
        }
        return item;
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null) {
            throw new IllegalStateException(name + " is not set");
        }
        return v;
    }
}
