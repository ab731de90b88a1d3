package io.spineintake.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;

/** The production log4j2.properties (platform's main resources) writes one JSON object per line with our keys. */
class LogTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogTest.class);

    private final StringWriter out = new StringWriter();
    private Appender capture;

    @BeforeEach
    void captureWithTheProductionLayout() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        assertThat(config.getConfigurationSource().getLocation()).as("platform's own log4j2.properties is in use")
                .endsWith("log4j2.properties");
        Appender production = config.getAppender("JsonAppender");
        assertThat(production).as("JsonAppender from log4j2.properties").isNotNull();
        Layout<?> layout = production.getLayout();
        assertThat(layout.getClass().getSimpleName()).isEqualTo("JsonTemplateLayout");

        capture = WriterAppender.newBuilder().setName("capture").setTarget(out).setLayout(layout).build();
        capture.start();
        config.addAppender(capture);
        // write to the capture only, not to the build's console
        config.getRootLogger().removeAppender("JsonAppender");
        config.getRootLogger().addAppender(capture, null, null);
        ctx.updateLoggers();
    }

    @AfterEach
    void stopCapture() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        config.getRootLogger().removeAppender("capture");
        config.getRootLogger().addAppender(config.getAppender("JsonAppender"), null, null);
        ctx.updateLoggers();
        capture.stop();
        Log.clear();
    }

    @Test
    void oneJsonLinePerEventWithRequestAndIntakeIds() throws Exception {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("api-req-1").build())
                .build();

        Log.withRequest(new FakeContext("lambda-req-1"), event);
        Log.putIntakeId("0b6c1c1e-5d2f-4c36-9a59-6d0b3c1f2a10");
        LOG.info("intake stored");
        Log.clear();
        LOG.info("after clear");

        List<String> lines = Arrays.asList(out.toString().strip().split("\n"));
        assertThat(lines).hasSize(2);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.get("message").asText()).isEqualTo("intake stored");
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("function_request_id").asText()).isEqualTo("lambda-req-1");
        assertThat(first.get("correlation_id").asText()).isEqualTo("api-req-1");
        assertThat(first.get(Log.INTAKE_ID).asText()).isEqualTo("0b6c1c1e-5d2f-4c36-9a59-6d0b3c1f2a10");
        assertThat(first.has("timestamp")).isTrue();
        assertThat(first.has("service")).isTrue();

        JsonNode second = Json.mapper().readTree(lines.get(1));
        assertThat(second.has(Log.INTAKE_ID)).isFalse();
        // the template's fixed fields stay, empty
        assertThat(second.path("function_request_id").isNull()).isTrue();
    }

    @Test
    void exceptionsStayOnOneLine() throws Exception {
        LOG.error("failed", new IllegalStateException("boom"));

        List<String> lines = Arrays.asList(out.toString().strip().split("\n"));
        assertThat(lines).hasSize(1);
        JsonNode json = Json.mapper().readTree(lines.get(0));
        assertThat(json.get("error").get("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("error").get("stack").asText()).contains("LogTest");
    }

    private record FakeContext(String requestId) implements Context {
        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/aws/lambda/test"; }
        @Override public String getLogStreamName() { return "stream"; }
        @Override public String getFunctionName() { return "test-function"; }
        @Override public String getFunctionVersion() { return "1"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:test-function"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 29_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() { return null; }
    }
}
