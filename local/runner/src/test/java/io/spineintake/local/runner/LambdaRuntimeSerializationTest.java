package io.spineintake.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.amazonaws.services.lambda.runtime.serialization.util.SerializeUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.local.backends.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What Lambda's Java runtime does with a function's jar before its first request: it loads the
 * handler from the jar alone and reads the event and writes the answer with the serializer it picks
 * (aws-lambda-java-serialization, which the runtime carries): for the event classes that library
 * lists (SQSEvent among them, not APIGatewayV2HTTPEvent), its event serializers, which load
 * org.joda.time.DateTime from the function's jar. A jar without it (a minimized one: nothing of
 * the function's code refers to joda-time) fails every invocation in AWS, though it passes every
 * test on the module's class path. The events read are the function's samples in events/.
 */
class LambdaRuntimeSerializationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyHandlerTakingAnEventReadsItsSampleEventsAndAnswersThroughTheRuntimesSerializersFromItsJarAlone()
            throws Exception {
        Path root = RepoRoot.find();
        Path functions = root.resolve("functions");
        assumeTrue(LambdaJarsTest.FUNCTIONS.stream().anyMatch(f -> Files.isRegularFile(LambdaJarsTest.jar(functions, f))),
                "no function jar built yet (mvn verify builds them first)");
        List<String> eventTyped = new ArrayList<>();
        for (LambdaJarsTest.Function f : LambdaJarsTest.FUNCTIONS) {
            forgetCustomerClasses();
            // the jar alone, as Lambda's customer class loader sees /var/task: nothing of this test's class path
            try (URLClassLoader loader = new URLClassLoader(new URL[] {LambdaJarsTest.jar(functions, f).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                Class<?> handler = Class.forName(f.classes().replace('/', '.') + "Handler", false, loader);
                Type[] types = requestHandlerTypes(handler);
                Class<?> input = raw(types[0]);
                Class<?> output = raw(types[1]);
                if (!input.getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
                    continue;
                }
                eventTyped.add(f.module());
                List<Path> samples;
                try (Stream<Path> files = Files.list(root.resolve("events").resolve(f.module()))) {
                    samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
                }
                assertThat(samples).as("%s: sample events in events/%s", f.module(), f.module()).isNotEmpty();
                for (Path sample : samples) {
                    String json = Files.readString(sample);
                    Object event = runtimeSerializer(input, loader).fromJson(json);
                    assertThat(event).as("%s", sample).isInstanceOf(input);
                    assertReadAsSent(sample, JSON.readTree(json), event);
                }
                // what API Gateway and SQS read back: the names Lambda documents, written from the jar's classes
                assertThat(readBack(output, loader, answer(output, loader))).as("%s: its answer written", f.module())
                        .contains(output.getSimpleName().equals("SQSBatchResponse")
                                ? List.of("\"batchItemFailures\":[{\"itemIdentifier\":\"m-1\"}]")
                                : List.of("\"statusCode\":201", "\"body\":\"{}\"", "\"isBase64Encoded\":false"));
            }
        }
        assertThat(eventTyped).as("the functions API Gateway or SQS invoke")
                .containsExactlyInAnyOrder("submit-intake", "consult-queue", "triage-api", "intake-drafts", "block-diary",
                        "prior-auth-pdf");
    }

    /** The fields the handlers read came through: each message's id and body; the path, body and JWT claims. */
    private static void assertReadAsSent(Path sample, JsonNode sent, Object event) throws ReflectiveOperationException {
        if (sent.has("Records")) {
            List<?> records = (List<?>) get(event, "getRecords");
            assertThat(records).as("%s: its messages", sample).hasSize(sent.path("Records").size());
            for (int i = 0; i < records.size(); i++) {
                assertThat(get(records.get(i), "getMessageId")).isEqualTo(sent.path("Records").path(i).path("messageId").asText());
                assertThat(get(records.get(i), "getBody")).isEqualTo(sent.path("Records").path(i).path("body").asText());
            }
            return;
        }
        assertThat(get(event, "getRawPath")).as("%s: rawPath", sample).isEqualTo(sent.path("rawPath").asText());
        assertThat(get(event, "getBody")).as("%s: body", sample).isEqualTo(sent.path("body").textValue());
        JsonNode claims = sent.path("requestContext").path("authorizer").path("jwt").path("claims");
        if (!claims.isMissingNode()) {
            Object jwt = get(get(get(event, "getRequestContext"), "getAuthorizer"), "getJwt");
            assertThat((Map<?, ?>) get(jwt, "getClaims")).as("%s: the coordinator's claims", sample)
                    .isEqualTo(JSON.convertValue(claims, Map.class));
        }
    }

    private static Object get(Object target, String getter) throws ReflectiveOperationException {
        return target.getClass().getMethod(getter).invoke(target);
    }

    /** An answer of the jar's own class: a batch with one failed message, or a 201 with a body. */
    private static Object answer(Class<?> type, ClassLoader loader) throws ReflectiveOperationException {
        if (type.getSimpleName().equals("SQSBatchResponse")) {
            Class<?> failure = Class.forName(type.getName() + "$BatchItemFailure", true, loader);
            return type.getConstructor(List.class).newInstance(List.of(failure.getConstructor(String.class).newInstance("m-1")));
        }
        Object response = type.getConstructor().newInstance();
        type.getMethod("setStatusCode", int.class).invoke(response, 201);
        type.getMethod("setBody", String.class).invoke(response, "{}");
        return response;
    }

    /**
     * The serializers cache the customer classes they load (org.joda.time.DateTime among them) by name, for the
     * process: one function per process in Lambda. Each jar here is checked as a fresh runtime would check it.
     */
    private static void forgetCustomerClasses() throws ReflectiveOperationException {
        Field cache = SerializeUtil.class.getDeclaredField("cachedClasses");
        cache.setAccessible(true);
        ((Map<?, ?>) cache.get(null)).clear();
    }

    /**
     * The serializer Lambda's runtime picks for {@code type} (its EventHandlerLoader): the event serializers for
     * the event classes they list (SQSEvent, ScheduledEvent...; not APIGatewayV2HTTPEvent), else its plain Jackson.
     */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> runtimeSerializer(Class<?> type, ClassLoader loader) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader)
                : (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }

    private static String readBack(Class<?> type, ClassLoader loader, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runtimeSerializer(type, loader).toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Map&lt;String, Object&gt; as Map (the scheduled functions'): never an event class. */
    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    /** The I and O of the RequestHandler&lt;I, O&gt; the handler class implements. */
    private static Type[] requestHandlerTypes(Class<?> handler) {
        for (Type t : handler.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p
                    && p.getRawType().getTypeName().equals("com.amazonaws.services.lambda.runtime.RequestHandler")) {
                return p.getActualTypeArguments();
            }
        }
        throw new AssertionError(handler.getName() + " implements no RequestHandler<I, O>");
    }
}
