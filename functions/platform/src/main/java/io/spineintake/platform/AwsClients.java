package io.spineintake.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients of one function instance, each built once (on first use) and shared by every
 * request. Build the instance in the handler's static initialiser (so SnapStart snapshots it) and
 * touch the clients it needs there.
 *
 * <p>Every client uses the one {@link UrlConnectionHttpClient}, an explicit region and credentials
 * provider, the endpoint overrides of {@link Config} (local backends), connect/socket timeouts of
 * {@value #CONNECT_TIMEOUT_MS} / {@value #SOCKET_TIMEOUT_MS} ms and a standard retry strategy bounded to
 * {@value #MAX_ATTEMPTS} attempts within {@value #API_CALL_TIMEOUT_MS} ms.
 *
 * <p>Nothing is left for the SDK to work out at cold start (issue 14): the endpoint is fixed once
 * (the override, or the service's regional endpoint) and handed over as the client's endpoint
 * override and endpoint provider, so no endpoint rules run, no account-id endpoint is tried and the
 * SDK's table of every service's metadata (300 classes) is never loaded; no profile file is read
 * (an empty one is given: in Lambda there is none, and a developer's ~/.aws settings must not
 * change what a function does); the defaults mode (legacy, the SDK's own default), FIPS and
 * dual-stack (off), DynamoDB endpoint discovery (off) and the SQS MD5 check (on) are set, not
 * looked up. Behaviour is the SDK's defaults for these services, fixed.
 *
 * <p>The SQS client library is only in the jars of functions that send (platform-queue brings
 * it): nothing here refers to an SQS class before {@link #sqs()} is called.
 */
public final class AwsClients implements AutoCloseable {

    public static final long CONNECT_TIMEOUT_MS = 2_000;
    public static final long SOCKET_TIMEOUT_MS = 5_000;
    public static final long API_CALL_ATTEMPT_TIMEOUT_MS = 5_000;
    public static final long API_CALL_TIMEOUT_MS = 10_000;
    public static final int MAX_ATTEMPTS = 3;

    /** The profile file every client is given: none (see the class comment). */
    private static final ProfileFile NO_PROFILE = ProfileFile.aggregator().build();

    private final Config config;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient httpClient;
    private final Memo<DynamoDbClient> dynamoDb = new Memo<>(this::buildDynamoDb);
    private final Memo<DynamoDbEnhancedClient> enhanced =
            new Memo<>(() -> DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb()).build());
    /** An SqsClient once built; typed Object so that no SQS class is needed to build this instance. */
    private final Memo<Object> sqs = new Memo<>(this::buildSqsClient);
    /** An SnsClient once built; typed Object for the same reason (only the alerting functions carry SNS). */
    private final Memo<Object> sns = new Memo<>(this::buildSnsClient);

    private AwsClients(Config config, AwsCredentialsProvider credentials) {
        this.config = Objects.requireNonNull(config, "config");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.httpClient = Priming.offlineCapable(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MS))
                .socketTimeout(Duration.ofMillis(SOCKET_TIMEOUT_MS))
                .build());
    }

    /**
     * Clients for a Lambda function: the execution role's credentials, from the container endpoint
     * when SnapStart is on (Lambda then sets no AWS_ACCESS_KEY_ID), else from the environment.
     * Endpoints: AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SQS of the environment when set, else the regional ones.
     */
    public static AwsClients forLambda(Config config) {
        AwsCredentialsProvider credentials = config.containerCredentials()
                ? ContainerCredentialsProvider.builder().build()
                : EnvironmentVariableCredentialsProvider.create();
        return new AwsClients(config, credentials);
    }

    /**
     * Clients with given credentials and the endpoints of {@code config} (AWS_ENDPOINT_URL_DYNAMODB,
     * AWS_ENDPOINT_URL_SQS): the local runner's and the tests', which run in one JVM and cannot set
     * environment variables.
     */
    public static AwsClients create(Config config, AwsCredentialsProvider credentials) {
        return new AwsClients(config, credentials);
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    public DynamoDbEnhancedClient dynamoDbEnhanced() {
        return enhanced.get();
    }

    /** The SQS client; only where the SQS library is on the class path (platform-queue). */
    public SqsClient sqs() {
        return (SqsClient) sqs.get();
    }

    private Object buildSqsClient() {
        return buildSqs();
    }

    /** The SNS client; only where the SNS library is on the class path (the functions that alert). */
    public SnsClient sns() {
        return (SnsClient) sns.get();
    }

    private Object buildSnsClient() {
        return buildSns();
    }

    private SnsClient buildSns() {
        Endpoint endpoint = endpoint("sns", config.region(), config.snsEndpoint());
        CompletableFuture<Endpoint> fixed = CompletableFuture.completedFuture(endpoint);
        return configured(SnsClient.builder(), endpoint).endpointProvider(params -> fixed).build();
    }

    private DynamoDbClient buildDynamoDb() {
        Endpoint endpoint = endpoint("dynamodb", config.region(), config.dynamoDbEndpoint());
        CompletableFuture<Endpoint> fixed = CompletableFuture.completedFuture(endpoint);
        return configured(DynamoDbClient.builder(), endpoint).endpointProvider(params -> fixed)
                .accountIdEndpointMode(AccountIdEndpointMode.DISABLED)
                .endpointDiscoveryEnabled(false)
                .build();
    }

    private SqsClient buildSqs() {
        Endpoint endpoint = endpoint("sqs", config.region(), config.sqsEndpoint());
        CompletableFuture<Endpoint> fixed = CompletableFuture.completedFuture(endpoint);
        return configured(SqsClient.builder(), endpoint).endpointProvider(params -> fixed)
                .checksumValidationEnabled(true)
                .build();
    }

    /**
     * What every client shares: the one HTTP client, region, credentials, the fixed endpoint, and
     * nothing for the SDK to resolve at cold start (defaults mode, FIPS, dual-stack).
     */
    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configured(B builder, Endpoint endpoint) {
        return builder.httpClient(httpClient)
                .region(config.region())
                .credentialsProvider(credentials)
                .endpointOverride(endpoint.url())
                .defaultsMode(DefaultsMode.LEGACY)
                .fipsEnabled(false)
                .dualstackEnabled(false)
                .overrideConfiguration(overrides());
    }

    /**
     * The service's endpoint: the override when one is given (local backends, AWS_ENDPOINT_URL_*),
     * else its regional endpoint, https://SERVICE.REGION.amazonaws.com (.com.cn in the China regions),
     * which is what the SDK's endpoint rules give for these services without FIPS or dual-stack.
     */
    static Endpoint endpoint(String service, Region region, Optional<URI> override) {
        URI uri = override.orElseGet(() -> URI.create("https://" + service + "." + region.id() + ".amazonaws.com"
                + (region.id().startsWith("cn-") ? ".cn" : "")));
        return Endpoint.builder().url(uri).build();
    }

    /** One retry strategy per client, so one service's throttling does not drain the other's retry tokens. */
    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .defaultProfileFileSupplier(() -> NO_PROFILE)
                .defaultProfileName("default")
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
