package io.spineintake.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.spineintake.platform.Priming;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One measured JVM, started by the harness ({@code io.spineintake.bench.SideBySide}) with a
 * function's jar and this probe's own small jar as its class path (never the benchmarks jar, which
 * holds every library and would hide a class missing from a function's jar).
 *
 * <pre>
 * cold handler|naive FUNCTION ID BODY_FILE   one cold start: build, answer once; prints COLD ...
 * warm FUNCTION ID BODY_FILE WARMUP PAIRS     in one JVM: handler and naive calls interleaved; prints WARM ...
 * prime FUNCTION ID                           Lambda's constructor, then SnapStart's beforeCheckpoint; prints PRIMED ...
 *                                             (on fresh tables: the naive side copies the handler's first item)
 * </pre>
 *
 * <p>Cold, times are System.nanoTime() readings (the parent subtracts its own reading taken just before
 * starting this JVM); CPU is this process's user + system time ({@link ProbeClock}). Warm, each
 * request is timed on its own (nanoTime), and the calling thread's CPU time is read around it
 * (java.lang.management is fine there: startup is over).
 */
public final class Probe {
    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String function = args[1];
        String id = args[2];
        String body = args.length > 3 && !args[3].isEmpty()
                ? new String(Files.readAllBytes(Path.of(args[3])), StandardCharsets.UTF_8) : null;
        switch (mode) {
            case "cold" -> cold(args[4], function, id, body);
            case "warm" -> warm(function, id, body, Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "prime" -> prime(function);
            default -> throw new IllegalArgumentException("mode " + mode);
        }
    }

    private static void cold(String side, String function, String id, String body) throws Exception {
        String result;
        long built;
        long cpuBuilt;
        long start;
        long cpuStart;
        if (side.equals("handler")) {
            RequestHandler<Object, Object> handler = newHandler(function);
            built = System.nanoTime();
            cpuBuilt = ProbeClock.cpuMillis();
            Object event = Events.event(function, id, body);
            start = System.nanoTime();
            cpuStart = ProbeClock.cpuMillis();
            result = String.valueOf(handler.handleRequest(event, Priming.context(function, id)));
        } else {
            NaiveBaseline naive = NaiveBaseline.build(function);
            built = System.nanoTime();
            cpuBuilt = ProbeClock.cpuMillis();
            start = System.nanoTime();
            cpuStart = ProbeClock.cpuMillis();
            naive.calls(id, body, false);
            result = Events.expected(function);
        }
        long answered = System.nanoTime();
        long cpuAnswered = ProbeClock.cpuMillis();
        if (!result.contains(Events.expected(function))) {
            System.out.println("UNEXPECTED " + result.replaceAll("\\s+", " "));
            System.exit(3);
        }
        System.out.printf("COLD built=%d start=%d answered=%d cpuBuilt=%d cpuStart=%d cpuAnswered=%d%n",
                built, start, answered, cpuBuilt, cpuStart, cpuAnswered);
        System.out.flush();
        // Lambda freezes the environment here; the harness only needs the numbers: no shutdown hooks timed
        Runtime.getRuntime().halt(0);
    }

    /**
     * SnapStart's priming, as the snapshot would run it: Lambda's constructor registers the hook (and keeps it in its
     * {@code priming} field, since CRaC holds hooks weakly), then the hook's beforeCheckpoint runs, as CRaC calls it.
     * Prints the AWS operations the hook had answered in the JVM.
     */
    private static void prime(String function) throws Exception {
        RequestHandler<Object, Object> handler = newHandler(function);
        java.lang.reflect.Field field = handler.getClass().getDeclaredField("priming");
        field.setAccessible(true);
        ((org.crac.Resource) field.get(handler)).beforeCheckpoint(null);
        System.out.println("PRIMED " + handler.getClass().getSimpleName() + " answered=" + Priming.answered());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /**
     * The warm path: after {@code warmup} rounds of each, {@code pairs} rounds of one handler
     * request and the same raw calls, alternating which goes first. Prints the handler's and the
     * raw calls' times and their difference per round, in microseconds.
     */
    private static void warm(String function, String id, String body, int warmup, int pairs) throws Exception {
        RequestHandler<Object, Object> handler = newHandler(function);
        NaiveBaseline naive = NaiveBaseline.build(function);
        Context context = Priming.context(function, id);
        timeHandler(handler, Events.event(function, id + "-first", body), context, function);
        naive.copyItemsOf(function);
        long[] handlerMicros = new long[pairs];
        long[] naiveMicros = new long[pairs];
        long[] diff = new long[pairs];
        long[] cpuDiff = new long[pairs];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = -warmup; i < pairs; i++) {
            String hid = id + "-h" + (i + warmup);
            String nid = id + "-n" + (i + warmup);
            Object event = Events.event(function, hid, body);
            long h;
            long n;
            long hCpu;
            long nCpu;
            long c0 = threads.getCurrentThreadCpuTime();
            if ((i & 1) == 0) {
                h = timeHandler(handler, event, context, function);
                long c1 = threads.getCurrentThreadCpuTime();
                n = timeNaive(naive, nid, body);
                hCpu = c1 - c0;
                nCpu = threads.getCurrentThreadCpuTime() - c1;
            } else {
                n = timeNaive(naive, nid, body);
                long c1 = threads.getCurrentThreadCpuTime();
                h = timeHandler(handler, event, context, function);
                nCpu = c1 - c0;
                hCpu = threads.getCurrentThreadCpuTime() - c1;
            }
            if (i >= 0) {
                handlerMicros[i] = h / 1000;
                naiveMicros[i] = n / 1000;
                diff[i] = (h - n) / 1000;
                cpuDiff[i] = (hCpu - nCpu) / 1000;
            }
        }
        System.out.printf("WARM handler=%s naive=%s diff=%s cpuDiff=%s%n", join(handlerMicros), join(naiveMicros), join(diff),
                join(cpuDiff));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static long timeHandler(RequestHandler<Object, Object> handler, Object event, Context context,
                                    String function) {
        long t = System.nanoTime();
        String result = String.valueOf(handler.handleRequest(event, context));
        t = System.nanoTime() - t;
        if (!result.contains(Events.expected(function))) {
            throw new IllegalStateException("unexpected answer " + result.replaceAll("\\s+", " "));
        }
        return t;
    }

    private static long timeNaive(NaiveBaseline naive, String id, String body) {
        long t = System.nanoTime();
        naive.calls(id, body, true);
        return System.nanoTime() - t;
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<Object, Object> newHandler(String function) throws ReflectiveOperationException {
        return (RequestHandler<Object, Object>) Class.forName(Events.handlerClass(function))
                .getDeclaredConstructor().newInstance();
    }

    private static String join(long[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(Long::toString).toArray(String[]::new));
    }
}
