package io.spineintake.local.backends;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.Config;
import io.spineintake.platform.intakes.IntakeRepository;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One test class's view of the local backends: the JVM-wide dynalite and ElasticMQ, plus this
 * class's own freshly provisioned table and queues (names carry a random prefix, so test classes
 * never see each other's data), a {@link Config} and {@link AwsClients} pointing at them.
 * Obtain it through {@link LocalAwsExtension}. Closing it deletes its table and queues.
 */
public final class LocalAws implements AutoCloseable {

    public static final String REGION = "us-east-1";
    /** Dummy credentials: the local backends check none, the SDK needs some to sign. */
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final LocalBackends backends;
    private final Map<String, String> environment;
    private final Config config;
    private final AwsClients clients;
    private final Provisioning.Resources resources;
    private final LocalSns sns;

    static {
        MetricsLog.capture();
    }

    private LocalAws(LocalBackends backends, String prefix) {
        this.backends = backends;
        Map<String, String> env = new HashMap<>();
        env.put(Config.Var.AWS_REGION.name(), REGION);
        env.put(Config.Var.AWS_ENDPOINT_URL_DYNAMODB.name(), backends.dynalite().endpoint().toString());
        env.put(Config.Var.AWS_ENDPOINT_URL_SQS.name(), backends.elasticMq().endpoint().toString());
        // SNS: no emulator here, so each class gets its own small SNS-protocol endpoint and outbox
        this.sns = LocalSns.launch(REGION);
        env.put(Config.Var.AWS_ENDPOINT_URL_SNS.name(), sns.endpoint().toString());
        this.clients = AwsClients.create(Config.of(env), CREDENTIALS);
        try {
            this.resources = Provisioning.provision(clients, prefix);
            env.put(Config.Var.ALERT_TOPIC_ARN.name(),
                    clients.sns().createTopic(r -> r.name(prefix + "-on-call")).topicArn());
            env.put(Config.Var.ESCALATION_TOPIC_ARN.name(),
                    clients.sns().createTopic(r -> r.name(prefix + "-escalation")).topicArn());
        } catch (RuntimeException e) {
            clients.close();
            sns.close();
            throw e;
        }
        env.put(Config.Var.CONSOLE_URL.name(), CONSOLE_URL);
        // the clinic settings at template.yaml's defaults (required at cold start, as in Lambda)
        env.put(Config.Var.REFERRAL_DUE_EMERGENCY.name(), "PT1H");
        env.put(Config.Var.REFERRAL_DUE_URGENT_REVIEW.name(), "P1D");
        env.put(Config.Var.REFERRAL_DUE_CONSULT.name(), "P14D");
        env.put(Config.Var.REFERRAL_DUE_OTHER_PATHWAY.name(), "P14D");
        env.put(Config.Var.ESCALATE_EMERGENCY_AFTER.name(), "PT15M");
        env.put(Config.Var.ESCALATE_URGENT_REVIEW_AFTER.name(), "PT4H");
        env.put(Config.Var.POWERTOOLS_METRICS_NAMESPACE.name(), "SpineIntake");
        env.put(Config.Var.CLINIC_TIME_ZONE.name(), "America/New_York");
        env.put(Config.Var.INTAKES_TABLE.name(), resources.intakesTable());
        env.put(Config.Var.REFERRALS_TABLE.name(), resources.referralsTable());
        env.put(Config.Var.DRAFTS_TABLE.name(), resources.draftsTable());
        env.put(Config.Var.AUDIT_TABLE.name(), resources.auditTable());
        env.put(Config.Var.BLOCKS_TABLE.name(), resources.blocksTable());
        env.put(Config.Var.CONSULT_QUEUE_URL.name(), resources.consultQueueUrl());
        this.environment = Map.copyOf(env);
        this.config = Config.of(env);
    }

    /** The console address alerts link to here. */
    public static final String CONSOLE_URL = "http://127.0.0.1:3000/console/";

    /** This class's SNS endpoint: its topics (on-call, escalation) and what was published to them. */
    public LocalSns sns() {
        return sns;
    }

    public String alertTopicArn() {
        return environment.get(Config.Var.ALERT_TOPIC_ARN.name());
    }

    public String escalationTopicArn() {
        return environment.get(Config.Var.ESCALATION_TOPIC_ARN.name());
    }

    /** Provisions a fresh table and queues named with a random prefix derived from {@code label}. */
    public static LocalAws provision(LocalBackends backends, String label) {
        return new LocalAws(backends, randomPrefix(label));
    }

    static String randomPrefix(String label) {
        String clean = label.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        if (clean.length() > 24) {
            clean = clean.substring(0, 24);
        }
        return "t-" + clean + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    }

    /** The prefix of this class's resource names. */
    public String prefix() {
        return resources.prefix();
    }

    public String intakesTable() {
        return resources.intakesTable();
    }

    public String referralsTable() {
        return resources.referralsTable();
    }

    public String draftsTable() {
        return resources.draftsTable();
    }

    public String auditTable() {
        return resources.auditTable();
    }

    public String blocksTable() {
        return resources.blocksTable();
    }

    public String consultQueueUrl() {
        return resources.consultQueueUrl();
    }

    public String consultDeadLetterQueueUrl() {
        return resources.consultDeadLetterQueueUrl();
    }

    /**
     * The environment a function gets here: INTAKES_TABLE, REFERRALS_TABLE, DRAFTS_TABLE, CONSULT_QUEUE_URL, AWS_REGION,
     * AWS_ENDPOINT_URL_DYNAMODB and AWS_ENDPOINT_URL_SQS.
     */
    public Config config() {
        return config;
    }

    /** {@link #config()} with some variables replaced (or removed, with a null value). */
    public Config config(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(environment);
        overrides.forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        return Config.of(env);
    }

    /** {@link #config()}'s variables, e.g. to hand a child process (the local runner) its environment. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Clients for this class (built once, static dummy credentials, us-east-1); closed with it. */
    public AwsClients clients() {
        return clients;
    }

    /** A repository on this class's intakes table. */
    public IntakeRepository intakes() {
        return new IntakeRepository(clients, intakesTable());
    }

    public URI dynamoDbEndpoint() {
        return backends.dynalite().endpoint();
    }

    public URI sqsEndpoint() {
        return backends.elasticMq().endpoint();
    }

    /** The JVM-wide dynalite; its data is on disk, so it survives {@link #stopDynamoDb()} and {@link #startDynamoDb()}. */
    public Dynalite dynalite() {
        return backends.dynalite();
    }

    public ElasticMq elasticMq() {
        return backends.elasticMq();
    }

    /** DynamoDB goes away (connection refused) until {@link #startDynamoDb()}; tables and items are kept. */
    public void stopDynamoDb() {
        backends.dynalite().stop();
    }

    /** DynamoDB comes back on the same port with the same data. */
    public void startDynamoDb() {
        backends.dynalite().start();
    }

    /** SQS goes away until {@link #startSqs()}; ElasticMQ keeps queues in memory, so they are lost. */
    public void stopSqs() {
        backends.elasticMq().stop();
    }

    /** SQS comes back on the same port; this class's queues are created again, empty. */
    public void startSqs() {
        backends.elasticMq().start();
        Provisioning.provisionQueues(clients.sqs(), prefix());
    }

    /** Runs {@code action} while DynamoDB is stopped (connection refused), then starts it again. */
    public <T> T withDynamoDbStopped(java.util.function.Supplier<T> action) {
        stopDynamoDb();
        try {
            return action.get();
        } finally {
            startDynamoDb();
        }
    }

    /** How many items {@code table} holds (one scan: for a test's small tables). */
    public int itemCount(String table) {
        return clients.dynamoDb().scan(r -> r.tableName(table)).count();
    }

    /** How many messages the consult queue holds (SQS's approximate count, exact on ElasticMQ). */
    public int consultQueueMessages() {
        return clients.sqs().getQueueAttributes(r -> r.queueUrl(consultQueueUrl())
                .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings().values().stream().mapToInt(Integer::parseInt).sum();
    }

    /** Deletes this class's table and queues (best effort) and closes its clients. */
    @Override
    public void close() {
        try {
            if (backends.dynalite().isRunning()) {
                clients.dynamoDb().deleteTable(r -> r.tableName(intakesTable()));
                clients.dynamoDb().deleteTable(r -> r.tableName(referralsTable()));
                clients.dynamoDb().deleteTable(r -> r.tableName(draftsTable()));
                clients.dynamoDb().deleteTable(r -> r.tableName(auditTable()));
                clients.dynamoDb().deleteTable(r -> r.tableName(blocksTable()));
            }
            if (backends.elasticMq().isRunning()) {
                clients.sqs().deleteQueue(r -> r.queueUrl(consultQueueUrl()));
                clients.sqs().deleteQueue(r -> r.queueUrl(consultDeadLetterQueueUrl()));
            }
        } catch (SdkException ignored) {
            // a test left a backend broken; the JVM-wide backends are discarded at the end anyway
        } finally {
            clients.close();
            sns.close();
        }
    }
}
