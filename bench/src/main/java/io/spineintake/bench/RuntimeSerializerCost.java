package io.spineintake.bench;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Lambda's Java runtime spends, before a cold handler sees its event, on the serializer it
 * picks for the event's class (its event serializers for SQSEvent, its plain Jackson for
 * APIGatewayV2HTTPEvent: both a shaded Jackson of the runtime's own) and on the first read. The
 * runtime builds the serializer when it loads the handler, in the init phase (so a SnapStart
 * snapshot holds it). SideBySide calls the handler with an event object, so its figures leave this
 * out. One measurement per JVM:
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp bench/target/benchmarks.jar io.spineintake.bench.RuntimeSerializerCost \
 *      functions/consult-queue/target/consult-queue.jar SQSEvent events/consult-queue/sqs-batch.json
 * </pre>
 */
public final class RuntimeSerializerCost {
    private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";
    private RuntimeSerializerCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: RuntimeSerializerCost FUNCTION_JAR EVENT_CLASS (SQSEvent,"
                    + " APIGatewayV2HTTPEvent) SAMPLE_EVENT_FILE (events/...)");
        }
        String sample = Files.readString(Path.of(args[2]));
        // the jar alone, as the runtime's customer class loader sees /var/task
        try (URLClassLoader jar = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> type = Class.forName(EVENTS + args[1], true, jar);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            PojoSerializer<?> serializer = LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                    ? LambdaEventSerializers.serializerFor(type, jar) : JacksonFactory.getInstance().getSerializer(type);
            long builtCpu = threads.getCurrentThreadCpuTime();
            Object event = serializer.fromJson(sample);
            long readCpu = threads.getCurrentThreadCpuTime();
            System.out.printf("%s, %s: the runtime's serializer built in %.0f ms CPU, the first event read in %.0f ms CPU"
                            + " (%.0f ms wall in all)%n", Path.of(args[0]).getFileName(), event.getClass().getSimpleName(),
                    (builtCpu - cpu) / 1e6, (readCpu - builtCpu) / 1e6, (System.nanoTime() - wall) / 1e6);
        }
    }
}
