package io.spineintake.bench.probe;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda context for one probe invocation (the runtime's own is not on a function's class path). */
final class ProbeContext implements Context {
    private final String function;
    private final String requestId;

    ProbeContext(String function, String requestId) {
        this.function = function;
        this.requestId = requestId;
    }

    public String getAwsRequestId() { return requestId; }
    public String getLogGroupName() { return "/aws/lambda/" + function; }
    public String getLogStreamName() { return "probe"; }
    public String getFunctionName() { return function; }
    public String getFunctionVersion() { return "1"; }
    public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:" + function; }
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
