package io.spineintake.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM whose class path is one function's jar (plus this class): what Lambda does
 * on a cold start, without SnapStart. Prints one line: JVM start to handler constructed, the
 * first invocation, and the total, in milliseconds. Started by {@link ColdStart}.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayV2HTTPEvent, Object> handler = (RequestHandler<APIGatewayV2HTTPEvent, Object>)
                Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long constructed = System.currentTimeMillis();
        // read the sample as the runtime would: its own mapper, not the function's
        APIGatewayV2HTTPEvent event = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(Files.readAllBytes(Path.of(args[1])), APIGatewayV2HTTPEvent.class);
        long read = System.currentTimeMillis();
        Object response = handler.handleRequest(event, new ProbeContext());
        long answered = System.currentTimeMillis();
        System.out.printf("COLDSTART init=%d invoke=%d total=%d response=%s%n", constructed - jvmStart,
                answered - read, answered - jvmStart - (read - constructed), String.valueOf(response).replaceAll("\\s+", " ")
                        .substring(0, Math.min(60, String.valueOf(response).length())));
    }

    static final class ProbeContext implements Context {
        public String getAwsRequestId() { return "cold-start-probe"; }
        public String getLogGroupName() { return "/aws/lambda/probe"; }
        public String getLogStreamName() { return "probe"; }
        public String getFunctionName() { return "probe"; }
        public String getFunctionVersion() { return "$LATEST"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:probe"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 29_000; }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) { }
                public void log(byte[] message) { }
            };
        }
    }

}
