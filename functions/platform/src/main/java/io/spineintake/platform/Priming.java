package io.spineintake.platform;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.http.SdkHttpClient;

/**
 * SnapStart priming (issue 14). Before Lambda snapshots a published version it runs each registered
 * CRaC {@link Resource}'s beforeCheckpoint; a function's priming class runs its own request path
 * there on a synthetic event through {@link #offline}, so that the classes, the JIT's first tiers
 * and Jackson's and the SDK's caches of that path are in the snapshot, and the first real request
 * after a restore pays none of it.
 *
 * <p>Offline means every AWS call is answered inside this JVM (an empty item, an empty page, a sent
 * message) by the HTTP client every {@link AwsClients} is built with: marshalling, signing,
 * interceptors and unmarshalling all run, and no request leaves the process, so priming never
 * writes anything, reaches no real table or queue, opens no connection, and so seeds no TLS
 * SecureRandom. Priming events hold no patient data and need nothing random: the ids in them are
 * fixed, and a path that would draw a random value (a new resume code) is not primed. Nothing
 * time-based is cached either: clocks are read per request, as ever.
 *
 * <p>Outside Lambda (tests, the local runner, plain JVMs) org.crac's global context accepts the
 * registration and never calls it.
 */
public final class Priming {
    /** The request id the priming invocation carries, so its log lines are told from real ones. */
    public static final String REQUEST_ID = "snapstart-priming";

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    private static volatile boolean offline;
    private static final List<String> answered = new CopyOnWriteArrayList<>();

    private Priming() {
    }

    /**
     * Registers a function's priming with CRaC's global context: a hook whose beforeCheckpoint runs
     * {@code priming} (which runs its request through {@link #offline}). Keep the returned hook in
     * the handler: the context holds its resources weakly.
     */
    public static Resource register(Supplier<?> priming) {
        Resource hook = new Hook(priming);
        Core.getGlobalContext().register(hook);
        return hook;
    }

    /** The CRaC resource: priming before the snapshot, nothing to renew after a restore. */
    private static final class Hook implements Resource {
        private final Supplier<?> priming;

        Hook(Supplier<?> priming) {
            this.priming = priming;
        }

        @Override
        public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
            priming.get();
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) {
            // the priming run cached no id, clock or random state: nothing to renew
        }
    }

    /**
     * Runs {@code request} with every AWS call answered in this JVM. Priming never fails a
     * snapshot: an exception is logged (its class only) and null returned. (Powertools' cold_start
     * field is not disturbed: with SnapStart, AWS_LAMBDA_INITIALIZATION_TYPE is snap-start, for
     * which it logs false whether or not a request ran before the snapshot.)
     *
     * @return what the request returned
     */
    public static <T> T offline(Supplier<T> request) {
        offline = true;
        try {
            return request.get();
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming failed ({}): the snapshot is taken without it", e.getClass().getName());
            return null;
        } finally {
            offline = false;
        }
    }

    /** The AWS operations answered offline so far ("DynamoDB_20120810.PutItem", "AmazonSQS.SendMessage"), in order. */
    public static List<String> answered() {
        return List.copyOf(answered);
    }

    /**
     * A synthetic HTTP API request (payload format 2.0) for a priming run: route, headers, body,
     * query and, for the coordinators' routes, JWT claims (null when none). Its request id is
     * {@value #REQUEST_ID}.
     */
    public static APIGatewayV2HTTPEvent httpEvent(String routeKey, Map<String, String> headers, String body,
                                                  Map<String, String> query, Map<String, String> claims) {
        String[] route = routeKey.split(" ", 2);
        APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(REQUEST_ID)
                .withRouteKey(routeKey)
                .withStage("$default")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(route[0]).withPath(route[1])
                        .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build());
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
        }
        StringBuilder rawQuery = new StringBuilder();
        if (query != null) {
            query.forEach((k, v) -> rawQuery.append(rawQuery.length() == 0 ? "" : "&").append(k).append('=').append(v));
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(route[1])
                .withRawQueryString(rawQuery.toString())
                .withHeaders(headers)
                .withQueryStringParameters(query)
                .withRequestContext(context.build())
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    /** A Lambda context for the priming invocation: function name from the environment, request id {@value #REQUEST_ID}. */
    public static Context context() {
        return context(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "priming"), REQUEST_ID);
    }

    /** A Lambda context for a synthetic invocation (priming, the cold-start harness): no logger output, 60 s left. */
    public static Context context(String function, String requestId) {
        return new SyntheticContext(function, requestId);
    }

    static boolean isOffline() {
        return offline;
    }

    static void recordAnswer(String operation) {
        answered.add(operation);
    }

    /** The HTTP client AwsClients builds its clients on: {@code delegate}, except while {@link #offline} runs. */
    static SdkHttpClient offlineCapable(SdkHttpClient delegate) {
        return new OfflineHttpClient(delegate);
    }

    private static final class SyntheticContext implements Context {
        private final String function;
        private final String requestId;

        SyntheticContext(String function, String requestId) {
            this.function = function;
            this.requestId = requestId;
        }

        public String getAwsRequestId() { return requestId; }
        public String getLogGroupName() { return "/aws/lambda/" + function; }
        public String getLogStreamName() { return requestId; }
        public String getFunctionName() { return function; }
        public String getFunctionVersion() { return System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", ""); }
        public String getInvokedFunctionArn() { return ""; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 60_000; }
        public int getMemoryLimitInMB() { return 0; }
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) { }
                public void log(byte[] message) { }
            };
        }
    }
}
