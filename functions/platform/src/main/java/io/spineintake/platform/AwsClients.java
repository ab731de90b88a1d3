package io.spineintake.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The AWS SDK clients of one function instance, each built once (on first use) and shared by every
 * request. Build the instance in the handler's static initialiser (so SnapStart snapshots it) and
 * touch the clients it needs there.
 *
 * <p>Every client uses the one {@link UrlConnectionHttpClient}, an explicit region and credentials
 * provider, the endpoint overrides of {@link Config} (local backends), connect/socket timeouts of
 * {@value #CONNECT_TIMEOUT_MS} / {@value #SOCKET_TIMEOUT_MS} ms and a standard retry strategy bounded to
 * {@value #MAX_ATTEMPTS} attempts within {@value #API_CALL_TIMEOUT_MS} ms.
 */
public final class AwsClients implements AutoCloseable {

    public static final long CONNECT_TIMEOUT_MS = 2_000;
    public static final long SOCKET_TIMEOUT_MS = 5_000;
    public static final long API_CALL_ATTEMPT_TIMEOUT_MS = 5_000;
    public static final long API_CALL_TIMEOUT_MS = 10_000;
    public static final int MAX_ATTEMPTS = 3;

    private final Config config;
    private final boolean endpointsFromConfig;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient httpClient;
    private final Memo<DynamoDbClient> dynamoDb = new Memo<>(this::buildDynamoDb);
    private final Memo<DynamoDbEnhancedClient> enhanced =
            new Memo<>(() -> DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb()).build());
    private final Memo<SqsClient> sqs = new Memo<>(this::buildSqs);
    private final Memo<SnsClient> sns = new Memo<>(this::buildSns);

    private AwsClients(Config config, AwsCredentialsProvider credentials, boolean endpointsFromConfig) {
        this.endpointsFromConfig = endpointsFromConfig;
        this.config = Objects.requireNonNull(config, "config");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MS))
                .socketTimeout(Duration.ofMillis(SOCKET_TIMEOUT_MS))
                .build();
    }

    /**
     * Clients for a Lambda function: the execution role's credentials, from the container endpoint
     * when SnapStart is on (Lambda then sets no AWS_ACCESS_KEY_ID), else from the environment.
     * Endpoints are the SDK's own: it reads any AWS_ENDPOINT_URL_* of the environment itself.
     */
    public static AwsClients forLambda(Config config) {
        AwsCredentialsProvider credentials = config.containerCredentials()
                ? ContainerCredentialsProvider.builder().build()
                : EnvironmentVariableCredentialsProvider.create();
        return new AwsClients(config, credentials, false);
    }

    /**
     * Clients with given credentials and the endpoints of {@code config} (AWS_ENDPOINT_URL_DYNAMODB,
     * AWS_ENDPOINT_URL_SQS): the local runner's and the tests', which run in one JVM and cannot set
     * environment variables.
     */
    public static AwsClients create(Config config, AwsCredentialsProvider credentials) {
        return new AwsClients(config, credentials, true);
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    public DynamoDbEnhancedClient dynamoDbEnhanced() {
        return enhanced.get();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    /** SNS; only the functions that alert carry its library (an optional dependency of platform). */
    public SnsClient sns() {
        return sns.get();
    }

    private SnsClient buildSns() {
        SnsClientBuilder builder = SnsClient.builder()
                .httpClient(httpClient)
                .region(config.region())
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides());
        if (endpointsFromConfig) {
            config.snsEndpoint().ifPresent(builder::endpointOverride);
        }
        return builder.build();
    }

    private DynamoDbClient buildDynamoDb() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(httpClient)
                .region(config.region())
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides());
        if (endpointsFromConfig) {
            config.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        }
        return builder.build();
    }

    private SqsClient buildSqs() {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(httpClient)
                .region(config.region())
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides());
        if (endpointsFromConfig) {
            config.sqsEndpoint().ifPresent(builder::endpointOverride);
        }
        return builder.build();
    }

    /** One retry strategy per client, so one service's throttling does not drain the other's retry tokens. */
    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                .apiCallAttemptTimeout(Duration.ofMillis(API_CALL_ATTEMPT_TIMEOUT_MS))
                .apiCallTimeout(Duration.ofMillis(API_CALL_TIMEOUT_MS))
                .build();
    }

    @Override
    public void close() {
        sqs.closeIfBuilt();
        sns.closeIfBuilt();
        dynamoDb.closeIfBuilt();
        httpClient.close();
    }

    /** Built once on first use; thread-safe. */
    private static final class Memo<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Memo(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = factory.get();
                        value = v;
                    }
                }
            }
            return v;
        }

        void closeIfBuilt() {
            T v = value;
            if (v instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing SDK clients does not fail in practice; nothing to do at shutdown
                }
            }
        }
    }
}
