package io.spineintake.local.backends;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lambda {@link Context} as the runtime gives each invocation, for tests and the local runner
 * (aws-lambda-java-tests ships none): a fresh request id, the function's name and timeout.
 */
public record LambdaContext(String functionName, String awsRequestId, long deadlineMillis, int memoryLimitInMB)
        implements Context {
    private static final Logger LAMBDA_LOGGER = LoggerFactory.getLogger("lambda-context-logger");

    /** A context for one invocation of {@code functionName} with {@code timeoutSeconds} to run. */
    public static LambdaContext invocation(String functionName, int timeoutSeconds) {
        return new LambdaContext(functionName, UUID.randomUUID().toString(),
                System.currentTimeMillis() + timeoutSeconds * 1000L, 1024);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + awsRequestId.replace("-", "");
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMB;
    }

    @Override
    public LambdaLogger getLogger() {
        // into the same appenders as everything else, so PHI log scans see it too
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                LAMBDA_LOGGER.info(message);
            }

            @Override
            public void log(byte[] message) {
                LAMBDA_LOGGER.info(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
