package io.spineintake.bench;

import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalBackends;
import io.spineintake.local.backends.Provisioning;
import io.spineintake.local.backends.RepoRoot;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.Config;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The side-by-side cold-start harness. Starts dynalite and ElasticMQ on 127.0.0.1, provisions the
 * tables and the queue, then for each function runs, alternately and in fresh JVMs, the function's
 * cold start (Lambda's no-argument constructor, then one request) and the naive program
 * ({@code probe.NaiveBaseline}: plain SDK clients, the same raw calls), both on the function's own
 * jar, with the template's JAVA_TOOL_OPTIONS and the same JVM flags. It prints, per phase (JVM
 * start to handler built; first invocation), the medians of wall and CPU time of each side and
 * the ratio function / naive, as the ratio of the medians and as the median of the pairs' ratios.
 * With {@code --warm N} it also runs each function's warm path in one JVM: N requests through the
 * handler interleaved with the same raw calls, and prints p50 and p99 of the difference.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.spineintake.bench.SideBySide [--pairs 8] [--warm 600]
 *      [--functions submit-intake,triage-api] [--cds | --unpacked] [--classes] [--profile libasyncProfiler.so]
 *      [--jvm-arg ARG] [--java-tool-options "OPTIONS"]
 * </pre>
 *
 * <p>{@code --cds} first runs the function once with -XX:ArchiveClassesAtExit, then gives both
 * sides that AppCDS archive ({@link #cdsFlags}): what an archive would give where the runtime can
 * use one (Lambda's cannot: see README).
 *
 * <p>{@code --unpacked} runs both sides on the jar's contents unpacked into a directory, as Lambda's runtime
 * loads them from /var/task (classes are then read without inflating them).
 *
 * <p>{@code --classes} adds one run of each side with -Xlog:class+load and prints, per package,
 * how many classes each loaded: where the difference in time goes. {@code --profile LIB} adds one
 * run of each side under async-profiler (LIB: its libasyncProfiler.so, e.g. unpacked from Maven
 * Central's tools.profiler:async-profiler:3.0; itimer sampling unless -Dprofile.event=cpu, every
 * thread, 1 ms) and prints the share of samples per library, inclusive (a sample counts for every library on its stack).
 */
public final class SideBySide {
    static final List<String> FUNCTIONS = List.of("submit-intake", "consult-queue", "route-reconciler", "triage-api",
            "intake-drafts");
    /**
     * The functions whose jars the smoke run starts cold: the measured ones (both sides) and, handler only, the sweep
     * and the diary (prior-auth-pdf's request would need a stored referral: its priming draws a PDF instead).
     */
    static final List<String> SMOKED = List.of("submit-intake", "consult-queue", "route-reconciler", "triage-api",
            "intake-drafts", "referral-sweep", "block-diary");
    /** Every function: the smoke run primes each on its jar (prior-auth-pdf's hook draws a PDF). */
    static final List<String> PRIMED = List.of("submit-intake", "consult-queue", "route-reconciler", "triage-api",
            "intake-drafts", "referral-sweep", "block-diary", "prior-auth-pdf");
    private static final Pattern PRIMED_LINE = Pattern.compile("^PRIMED ");
    /** The template's Globals JAVA_TOOL_OPTIONS line: the harness reads it, so it runs what Lambda would. */
    private static final Pattern TEMPLATE_TOOL_OPTIONS = Pattern.compile("^\\s+JAVA_TOOL_OPTIONS: \"([^\"]*)\"\\s*$",
            Pattern.MULTILINE);
    /** What the children get: the template's (read in main), unless --java-tool-options replaces it. */
    static String javaToolOptions;
    private static final Pattern COLD = Pattern.compile(
            "COLD built=(\\d+) start=(\\d+) answered=(\\d+) cpuBuilt=(-?\\d+) cpuStart=(-?\\d+) cpuAnswered=(-?\\d+)");
    private static final Pattern WARM = Pattern.compile("WARM handler=(\\S+) naive=(\\S+) diff=(\\S+) cpuDiff=(\\S+)");

    private SideBySide() {
    }

    /**
     * The jar's entries in a new temporary directory (deleted when this JVM exits): what Lambda's runtime loads
     * from, since it unpacks the deployment package into /var/task. Entries that would land outside it are refused.
     */
    static Path unpack(Path jar) throws IOException {
        Path dir = Files.createTempDirectory(jar.getFileName().toString().replace(".jar", "") + "-task");
        List<Path> written = new ArrayList<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                Path to = dir.resolve(e.getName()).normalize();
                if (!to.startsWith(dir)) {
                    throw new IOException(jar + ": entry " + e.getName() + " is outside the jar's root");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    try (java.io.InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, to);
                    }
                }
                written.add(to);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = written.size() - 1; i >= 0; i--) {
                written.get(i).toFile().delete();
            }
            dir.toFile().delete();
        }));
        return dir;
    }

    /** template.yaml's Globals JAVA_TOOL_OPTIONS; the harness refuses to guess when the line is gone. */
    static String templateToolOptions(Path root) throws IOException {
        Matcher m = TEMPLATE_TOOL_OPTIONS.matcher(Files.readString(root.resolve("template.yaml")));
        if (!m.find()) {
            throw new IllegalStateException("template.yaml sets no JAVA_TOOL_OPTIONS: the harness runs what the template gives");
        }
        return m.group(1);
    }

    public static void main(String[] args) throws Exception {
        int pairs = 8;
        int warm = 0;
        boolean classes = false;
        boolean trainCds = false;
        boolean unpacked = false;
        Path profiler = null;
        List<String> functions = FUNCTIONS;
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pairs" -> pairs = Integer.parseInt(args[++i]);
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                case "--functions" -> functions = List.of(args[++i].split(","));
                case "--classes" -> classes = true;
                case "--jvm-arg" -> jvmArgs.add(args[++i]);
                case "--cds" -> trainCds = true;
                case "--unpacked" -> unpacked = true;
                case "--profile" -> profiler = Path.of(args[++i]);
                case "--java-tool-options" -> javaToolOptions = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--pairs N, --warm N, --functions a,b, --classes, --profile LIB, --cds, --unpacked, --jvm-arg ARG,"
                        + " --java-tool-options OPTIONS)");
            }
        }
        if (unpacked && trainCds) {
            throw new IllegalArgumentException("--cds and --unpacked exclude each other: CDS archives classes from jar files only");
        }
        Path root = RepoRoot.find();
        if (javaToolOptions == null) {
            javaToolOptions = templateToolOptions(root);
        }
        Path probe = probeJar(root);
        System.out.printf("JVM %s %s (%s), %d cores; children: %s, JAVA_TOOL_OPTIONS=\"%s\"%n",
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), String.join(" ", childFlags(jvmArgs)), javaToolOptions);
        try (LocalBackends backends = LocalBackends.start()) {
            List<String> summary = new ArrayList<>();
            for (String function : functions) {
                // tables and queue of its own, so one function's runs leave nothing another one reads
                Map<String, String> env = environment(backends, "sbs-" + function);
                Path jar = root.resolve("functions/" + function + "/target/" + function + ".jar");
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(jar + " is missing: build it first (mvn -B -q -pl bench -am package -DskipTests)");
                }
                Path body = body(root, function);
                // --unpacked: both sides load from the jar's contents in a directory, as Lambda does from /var/task
                Path classPath = unpacked ? unpack(jar) : jar;
                Child child = new Child(classPath, probe, env, body, childFlags(jvmArgs));
                if (trainCds) {
                    Path jsa = Files.createTempFile(function, ".jsa");
                    Files.delete(jsa);
                    child.coldWith("handler", function, List.of("-XX:ArchiveClassesAtExit=" + jsa));
                    List<String> flags = new ArrayList<>(childFlags(jvmArgs));
                    flags.addAll(cdsFlags(jsa));
                    child = new Child(classPath, probe, env, body, flags);
                    System.out.printf("%n%s: both sides with the AppCDS archive of one handler run, %s (%.1f MB)%n", function,
                            jsa, Files.size(jsa) / 1e6);
                }
                summary.add(cold(function, child, pairs, Files.size(jar)));
                if (warm > 0) {
                    // fresh tables: the naive side copies the one item the handler writes first
                    summary.add(warm(function, new Child(classPath, probe, environment(backends, "sbs-warm-" + function), body,
                            child.flags()), warm));
                }
                if (classes) {
                    classLoading(function, child);
                }
                if (profiler != null) {
                    profile(function, child, profiler);
                    profileWarm(function, new Child(classPath, probe, environment(backends, "sbs-profile-" + function), body,
                            child.flags()), profiler, warm > 0 ? warm : 500);
                }
            }
            System.out.println();
            summary.forEach(System.out::println);
        }
    }

    /**
     * The request body a function's measured request carries: submit-intake's priming form (the
     * JMH benchmark's typical form), a small draft for intake-drafts (in a file deleted on exit),
     * none for the others.
     */
    static Path body(Path root, String function) throws IOException {
        return switch (function) {
            case "submit-intake" -> root.resolve("functions/submit-intake/src/main/resources/io/spineintake/submit/priming-form.json");
            case "intake-drafts" -> {
                Path draft = Files.createTempFile("draft-body", ".json");
                draft.toFile().deleteOnExit();
                Files.writeString(draft, "{\"form\":{\"pain\":{\"regions\":[{\"region\":\"LUMBAR\",\"durationMonths\":14}]}},"
                        + "\"dateOfBirth\":\"1971-03-09\"}");
                yield draft;
            }
            default -> null;
        };
    }

    /**
     * One cold start of each side for each function, on its jar against fresh local backends, then each function's
     * SnapStart priming on its jar: the smoke run SideBySideSmokeTest makes in mvn verify (it proves the jars start,
     * answer and prime, and that the harness works; it measures nothing).
     */
    static Smoke smoke() throws Exception {
        Path root = RepoRoot.find();
        javaToolOptions = templateToolOptions(root);
        Path probe = probeJar(root);
        Map<String, List<Cold>> runs = new TreeMap<>();
        Map<String, Primed> primed = new TreeMap<>();
        try (LocalBackends backends = LocalBackends.start()) {
            for (String function : PRIMED) {
                Child child = new Child(root.resolve("functions/" + function + "/target/" + function + ".jar"), probe,
                        environment(backends, "smoke-" + function), body(root, function), childFlags(List.of()));
                if (SMOKED.contains(function)) {
                    runs.put(function, FUNCTIONS.contains(function)
                            ? List.of(child.cold("handler", function), child.cold("naive", function))
                            : List.of(child.cold("handler", function)));
                }
                String line = child.run(List.of("prime", function, UUID.randomUUID().toString()), PRIMED_LINE);
                primed.put(function, new Primed(line, child.output().get()));
            }
        }
        return new Smoke(runs, primed);
    }

    /** The smoke run: cold starts by function (handler, then naive where measured), and each function's priming. */
    record Smoke(Map<String, List<Cold>> cold, Map<String, Primed> primed) {
    }

    /** A priming run: the probe's PRIMED line (the AWS operations answered in the JVM) and everything else it printed. */
    record Primed(String line, List<String> output) {
    }

    /**
     * Using an AppCDS archive, falling back silently: a missing archive, one from another JVM build
     * or one whose jar has changed is ignored without a word (seen with JDK 17's archive on JDK 25).
     */
    static List<String> cdsFlags(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    static List<String> childFlags(List<String> extra) {
        List<String> flags = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));
        flags.addAll(extra);
        return flags;
    }

    private static Map<String, String> environment(LocalBackends backends, String prefix) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", LocalAws.REGION);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", backends.dynalite().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", backends.elasticMq().endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        try (AwsClients clients = AwsClients.create(Config.of(env), LocalAws.CREDENTIALS)) {
            Provisioning.Resources r = Provisioning.provision(clients, prefix);
            env.put("INTAKES_TABLE", r.intakesTable());
            env.put("REFERRALS_TABLE", r.referralsTable());
            env.put("DRAFTS_TABLE", r.draftsTable());
            env.put("AUDIT_TABLE", r.auditTable());
            env.put("BLOCKS_TABLE", r.blocksTable());
            env.put("CONSULT_QUEUE_URL", r.consultQueueUrl());
        }
        env.put("REFERRAL_DUE_EMERGENCY", "PT1H");
        env.put("REFERRAL_DUE_URGENT_REVIEW", "P1D");
        env.put("REFERRAL_DUE_CONSULT", "P14D");
        env.put("REFERRAL_DUE_OTHER_PATHWAY", "P14D");
        env.put("EMERGENCY_NUMBER", "911");
        env.put("CLINIC_TIME_ZONE", "America/New_York");
        env.put("ROUTE_PENDING_MIN_AGE_SECONDS", "120");
        // the alerting functions' settings (the harness's consult message is a CONSULT: nothing is published)
        env.put("ALERT_TOPIC_ARN", "arn:aws:sns:" + LocalAws.REGION + ":000000000000:" + prefix + "-on-call");
        env.put("ESCALATION_TOPIC_ARN", "arn:aws:sns:" + LocalAws.REGION + ":000000000000:" + prefix + "-escalation");
        env.put("CONSOLE_URL", "http://127.0.0.1:3000/console/");
        env.put("ESCALATE_EMERGENCY_AFTER", "PT15M");
        env.put("ESCALATE_URGENT_REVIEW_AFTER", "PT4H");
        env.put("POWERTOOLS_METRICS_NAMESPACE", "SpineIntake");
        env.put("WORKLIST_CURSOR_KEY", "side-by-side-harness-cursor-key-0123456789");
        env.put("POWERTOOLS_SERVICE_NAME", "spine-intake");
        env.put("POWERTOOLS_LOG_LEVEL", "INFO");
        env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        return env;
    }

    /** The probe's own jar (bench/target/bench-*-probe.jar): the probe classes and nothing else. */
    static Path probeJar(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("bench/target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-probe.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("bench/target/*-probe.jar is missing: mvn -B -q -pl bench -am package -DskipTests"));
        }
    }

    // ---- cold -------------------------------------------------------------------------------

    /** One cold run's phases: wall and CPU, ms. */
    record Cold(double builtWall, double invokeWall, long builtCpu, long invokeCpu, List<String> output) {
        double totalWall() {
            return builtWall + invokeWall;
        }

        long totalCpu() {
            return builtCpu + invokeCpu;
        }
    }

    private static String cold(String function, Child child, int pairs, long jarBytes) throws Exception {
        List<Cold> handler = new ArrayList<>();
        List<Cold> naive = new ArrayList<>();
        child.cold("handler", function); // one unmeasured run of each: the page cache holds the jar for both
        child.cold("naive", function);
        for (int i = 0; i < pairs; i++) {
            if (i % 2 == 0) {
                handler.add(child.cold("handler", function));
                naive.add(child.cold("naive", function));
            } else {
                naive.add(child.cold("naive", function));
                handler.add(child.cold("handler", function));
            }
        }
        System.out.printf("%n%s cold start, %d pairs in fresh JVMs (jar %.1f MB), medians in ms:%n", function, pairs,
                jarBytes / 1e6);
        System.out.printf("  %-8s %22s %22s %22s%n", "", "JVM start to built", "first invocation", "total");
        System.out.printf("  %-8s %10s %11s %10s %11s %10s %11s%n", "", "wall", "cpu", "wall", "cpu", "wall", "cpu");
        row("function", handler);
        row("naive", naive);
        double[] ratios = {
            median(handler, Cold::builtWall) / median(naive, Cold::builtWall),
            median(handler, c -> c.builtCpu()) / median(naive, c -> c.builtCpu()),
            median(handler, Cold::invokeWall) / median(naive, Cold::invokeWall),
            median(handler, c -> c.invokeCpu()) / median(naive, c -> c.invokeCpu()),
            median(handler, Cold::totalWall) / median(naive, Cold::totalWall),
            median(handler, c -> c.totalCpu()) / median(naive, c -> c.totalCpu())};
        System.out.printf("  %-8s %10.2fx %10.2fx %10.2fx %10.2fx %10.2fx %10.2fx   (ratio of medians)%n", "ratio",
                ratios[0], ratios[1], ratios[2], ratios[3], ratios[4], ratios[5]);
        double[] wallPairs = new double[pairs];
        double[] cpuPairs = new double[pairs];
        StringBuilder perPair = new StringBuilder();
        for (int i = 0; i < pairs; i++) {
            wallPairs[i] = handler.get(i).totalWall() / naive.get(i).totalWall();
            cpuPairs[i] = (double) handler.get(i).totalCpu() / naive.get(i).totalCpu();
            perPair.append(String.format(" %.2f/%.2f", wallPairs[i], cpuPairs[i]));
        }
        System.out.printf("  total ratio pair by pair (wall/cpu):%s; median of pairs wall %.2fx, cpu %.2fx%n", perPair,
                median(wallPairs), median(cpuPairs));
        return String.format("%-16s cold total: function %4.0f ms wall %4d ms cpu, naive %4.0f ms wall %4d ms cpu;"
                        + " ratio wall %.2fx cpu %.2fx (medians of %d pairs; pairwise medians %.2fx / %.2fx); jar %.1f MB",
                function, median(handler, Cold::totalWall), (long) median(handler, c -> c.totalCpu()),
                median(naive, Cold::totalWall), (long) median(naive, c -> c.totalCpu()), ratios[4], ratios[5], pairs,
                median(wallPairs), median(cpuPairs), jarBytes / 1e6);
    }

    private static void row(String name, List<Cold> runs) {
        System.out.printf("  %-8s %10.0f %11.0f %10.0f %11.0f %10.0f %11.0f%n", name,
                median(runs, Cold::builtWall), median(runs, c -> c.builtCpu()), median(runs, Cold::invokeWall),
                median(runs, c -> c.invokeCpu()), median(runs, Cold::totalWall), median(runs, c -> c.totalCpu()));
    }

    // ---- warm -------------------------------------------------------------------------------

    private static String warm(String function, Child child, int requests) throws Exception {
        String line = child.run(List.of("warm", function, UUID.randomUUID().toString(), child.bodyArg(),
                Integer.toString(Math.max(200, requests / 2)), Integer.toString(requests)), WARM);
        Matcher m = WARM.matcher(line);
        if (!m.find()) {
            throw new IllegalStateException(line);
        }
        long[] h = parse(m.group(1));
        long[] n = parse(m.group(2));
        long[] d = parse(m.group(3));
        long[] c = parse(m.group(4));
        String s = String.format("%-16s warm, %d requests interleaved in one JVM: function p50 %.2f ms, naive calls"
                        + " p50 %.2f ms; difference p50 %.2f ms, p99 %.2f ms (wall); %.2f ms, %.2f ms (the thread's CPU)",
                function, requests, percentile(h, 50) / 1000.0, percentile(n, 50) / 1000.0, percentile(d, 50) / 1000.0,
                percentile(d, 99) / 1000.0, percentile(c, 50) / 1000.0, percentile(c, 99) / 1000.0);
        System.out.println("  " + s.substring(17));
        return s;
    }

    // ---- class loading ----------------------------------------------------------------------

    private static void classLoading(String function, Child child) throws Exception {
        Map<String, int[]> byPackage = new TreeMap<>();
        int[] totals = new int[2];
        String[] sides = {"handler", "naive"};
        for (int s = 0; s < 2; s++) {
            Path log = Files.createTempFile("class-load", ".log");
            try {
                child.coldWith(sides[s], function, List.of("-Xlog:class+load=info:file=" + log));
                for (String l : Files.readAllLines(log)) {
                    int at = l.indexOf("] ");
                    int end = l.indexOf(' ', at + 2);
                    if (at < 0 || end < 0) {
                        continue;
                    }
                    String name = l.substring(at + 2, end);
                    String pkg = packageOf(name);
                    byPackage.computeIfAbsent(pkg, k -> new int[2])[s]++;
                    totals[s]++;
                }
            } finally {
                Files.deleteIfExists(log);
            }
        }
        System.out.printf("  classes loaded: function %d, naive %d; packages where they differ most:%n", totals[0], totals[1]);
        byPackage.entrySet().stream()
                .sorted((a, b) -> Integer.compare(Math.abs(b.getValue()[0] - b.getValue()[1]),
                        Math.abs(a.getValue()[0] - a.getValue()[1])))
                .limit(25)
                .forEach(e -> System.out.printf("    %+5d  %5d %5d  %s%n", e.getValue()[0] - e.getValue()[1],
                        e.getValue()[0], e.getValue()[1], e.getKey()));
    }

    /** Libraries the profile summary counts samples for, by the prefix of a frame's name. */
    static final Map<String, String> LIBRARIES = new java.util.LinkedHashMap<>();

    static {
        LIBRARIES.put("JIT compiler threads", "[C1 CompilerThread");
        LIBRARIES.put("GC and VM threads", "[VM Thread|[GC Thread");
        LIBRARIES.put("class loading, linking, verification", "java/lang/ClassLoader.defineClass|SystemDictionary::|ClassFileParser::|Verifier::");
        LIBRARIES.put("the function's code", "io/spineintake/submit/|io/spineintake/consult/|io/spineintake/reconcile/"
                + "|io/spineintake/triageapi/|io/spineintake/drafts/|io/spineintake/platform/|io/spineintake/triage/");
        LIBRARIES.put("form contract (engine)", "io/spineintake/triage/form/");
        LIBRARIES.put("networknt schema validator", "com/networknt/");
        LIBRARIES.put("Jackson", "com/fasterxml/jackson/");
        LIBRARIES.put("log4j", "org/apache/logging/");
        LIBRARIES.put("Powertools", "software/amazon/lambda/powertools/");
        LIBRARIES.put("AWS SDK", "software/amazon/awssdk/");
        LIBRARIES.put("SDK enhanced client", "software/amazon/awssdk/enhanced/");
        LIBRARIES.put("HTTP (JDK)", "sun/net/www/");
        LIBRARIES.put("  of which: handler constructor", "Handler.<init>");
        LIBRARIES.put("  of which: form contract setup (FormContract.load)", "FormContract.load");
        LIBRARIES.put("  of which: rule set loading", "RuleSet.");
        LIBRARIES.put("  of which: form reading (FormContract.read)", "FormContract.read");
        LIBRARIES.put("  of which: JSON writing (Jackson)", "ObjectMapper.writeValue|ObjectWriter.writeValue");
        LIBRARIES.put("  of which: Jackson mapper building", "MapperBuilder.build|JsonMapper.builder|ObjectMapper.<init>");
        LIBRARIES.put("  of which: log4j start", "LoggerContext.start|LogManager.getContext");
        LIBRARIES.put("  of which: log lines written", "AbstractOutputStreamAppender.append|JsonTemplateLayout.encode");
        LIBRARIES.put("  of which: SDK client building", "ClientBuilder.build");
        LIBRARIES.put("  of which: SDK calls", "DefaultDynamoDbClient.|DefaultSqsClient.");
        LIBRARIES.put("  of which: request signing", "AwsV4HttpSigner|DefaultV4RequestSigner");
        LIBRARIES.put("  of which: HTTP exchange", "UrlConnectionHttpClient");
        LIBRARIES.put("  of which: schema validation", "com/networknt/schema/Schema.validate");
        LIBRARIES.put("  of which: engine (assess)", "TriageEngine.assess");
        LIBRARIES.put("  of which: item mapping (TableSchema)", "TableSchema.itemToMap|StaticImmutableTableSchema.itemToMap");
        LIBRARIES.put("  of which: Powertools context", "PowertoolsLogging.");
    }

    /** The warm loop under the profiler: samples inside the handler's requests and inside the naive calls. */
    private static void profileWarm(String function, Child child, Path library, int requests) throws Exception {
        Path out = Files.createTempFile(function + "-warm", ".collapsed");
        child.run(List.of("-agentpath:" + library.toAbsolutePath() + "=start,event=" + profileEvent() + ",interval=1ms,collapsed,file=" + out,
                "warm", function, UUID.randomUUID().toString(), child.bodyArg(), Integer.toString(requests),
                Integer.toString(requests)), WARM);
        Map<String, long[]> shares = new java.util.LinkedHashMap<>();
        long[] totals = new long[2];
        for (String line : Files.readAllLines(out)) {
            int sp = line.lastIndexOf(' ');
            String stack = line.substring(0, sp);
            int side = stack.contains("Handler.handleRequest") ? 0 : stack.contains("NaiveBaseline.calls") ? 1 : -1;
            if (side < 0) {
                continue;
            }
            long n = Long.parseLong(line.substring(sp + 1));
            totals[side] += n;
            tally(shares, stack, n, side);
        }
        System.out.printf("  warm profile, %d requests of each (%s), samples inside each side's requests:%n", 2 * requests, out);
        printShares("handler", totals, shares);
    }

    /** Counts a stack's samples for every library on it. */
    private static void tally(Map<String, long[]> shares, String stack, long samples, int side) {
        for (Map.Entry<String, String> lib : LIBRARIES.entrySet()) {
            for (String prefix : lib.getValue().split("\\|")) {
                if (stack.contains(prefix)) {
                    shares.computeIfAbsent(lib.getKey(), k -> new long[2])[side] += samples;
                    break;
                }
            }
        }
    }

    private static void printShares(String first, long[] totals, Map<String, long[]> shares) {
        System.out.printf("    %-48s %10s %10s%n", "", first, "naive");
        System.out.printf("    %-48s %7d ms %7d ms%n", "samples", totals[0], totals[1]);
        LIBRARIES.keySet().forEach(k -> {
            long[] v = shares.getOrDefault(k, new long[2]);
            if (v[0] + v[1] > 0) {
                System.out.printf("    %-48s %7d ms %7d ms%n", k, v[0], v[1]);
            }
        });
    }

    /**
     * async-profiler's event: {@code -Dprofile.event=cpu} (perf_events) where the kernel allows it.
     * itimer, the default, works everywhere but on this project's 2-core VM it saw about a quarter
     * of the CPU time that perf and the threads' CPU clocks count (2026-12-02); shares are comparable
     * within one run, absolute milliseconds are not.
     */
    private static String profileEvent() {
        return System.getProperty("profile.event", "itimer");
    }

    private static void profile(String function, Child child, Path library) throws Exception {
        System.out.printf("  profile (async-profiler, %s 1 ms, all threads; %% of samples, inclusive):%n", profileEvent());
        Map<String, long[]> shares = new java.util.LinkedHashMap<>();
        long[] totals = new long[2];
        String[] sides = {"handler", "naive"};
        for (int s = 0; s < 2; s++) {
            Path out = Files.createTempFile(function + "-" + sides[s], ".collapsed");
            child.coldWith(sides[s], function, List.of("-agentpath:" + library.toAbsolutePath()
                    + "=start,event=" + profileEvent() + ",interval=1ms,threads,collapsed,file=" + out));
            for (String line : Files.readAllLines(out)) {
                int sp = line.lastIndexOf(' ');
                if (sp < 0) {
                    continue;
                }
                long n = Long.parseLong(line.substring(sp + 1));
                totals[s] += n;
                tally(shares, line.substring(0, sp), n, s);
            }
            System.out.printf("    %s: %s%n", sides[s], out);
        }
        printShares("function", totals, shares);
    }

    /** The first three or four name parts: software.amazon.awssdk.services.dynamodb, com.fasterxml.jackson.databind. */
    static String packageOf(String className) {
        String[] parts = className.split("\\.");
        int depth = className.startsWith("software.amazon.awssdk.") || className.startsWith("io.spineintake.") ? 4 : 3;
        return String.join(".", Arrays.copyOf(parts, Math.min(depth, parts.length - 1)));
    }

    // ---- child JVMs -------------------------------------------------------------------------

    /** How a function's probe JVM is started. */
    record Child(Path jar, Path probe, Map<String, String> env, Path body, List<String> flags,
                 java.util.concurrent.atomic.AtomicReference<List<String>> output) {
        static final int MAX_OUTPUT_LINES = 400;

        Child(Path jar, Path probe, Map<String, String> env, Path body, List<String> flags) {
            this(jar, probe, env, body, flags, new java.util.concurrent.atomic.AtomicReference<>(List.of()));
        }

        String bodyArg() {
            return body == null ? "" : body.toString();
        }

        Cold cold(String side, String function) throws Exception {
            return coldWith(side, function, List.of());
        }

        Cold coldWith(String side, String function, List<String> extraFlags) throws Exception {
            long started = System.nanoTime();
            List<String> args = new ArrayList<>(extraFlags);
            args.addAll(List.of("cold", function, UUID.randomUUID().toString(), bodyArg(), side));
            Matcher m = COLD.matcher(run(args, COLD));
            List<String> lastOutput = output.get();
            if (!m.find()) {
                throw new IllegalStateException("no COLD line");
            }
            long built = Long.parseLong(m.group(1));
            long start = Long.parseLong(m.group(2));
            long answered = Long.parseLong(m.group(3));
            long cpuBuilt = Long.parseLong(m.group(4));
            long cpuStart = Long.parseLong(m.group(5));
            long cpuAnswered = Long.parseLong(m.group(6));
            return new Cold((built - started) / 1e6, (answered - start) / 1e6, cpuBuilt, cpuAnswered - cpuStart,
                    lastOutput);
        }

        /** Runs the probe with {@code args} (JVM flags first, then the probe's) and returns the line matching {@code wanted}. */
        String run(List<String> args, Pattern wanted) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(flags);
            int split = 0;
            while (split < args.size() && args.get(split).startsWith("-")) {
                command.add(args.get(split++));
            }
            command.addAll(List.of("-cp", jar + File.pathSeparator + probe, "io.spineintake.bench.probe.Probe"));
            command.addAll(args.subList(split, args.size()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String found = null;
            List<String> output = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (wanted.matcher(l).find()) {
                        found = l;
                    } else if (output.size() < MAX_OUTPUT_LINES) {
                        output.add(l);
                    }
                }
            }
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            if (p.exitValue() != 0 || found == null) {
                throw new IllegalStateException("probe " + String.join(" ", args) + " failed (exit " + p.exitValue()
                        + "):\n" + String.join("\n", output.subList(0, Math.min(40, output.size()))));
            }
            this.output.set(List.copyOf(output));
            return found;
        }
    }

    // ---- statistics -------------------------------------------------------------------------

    private static double median(List<Cold> runs, java.util.function.ToDoubleFunction<Cold> f) {
        return median(runs.stream().mapToDouble(f).toArray());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] values, int p) {
        long[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    private static long[] parse(String csv) {
        return Arrays.stream(csv.split(",")).mapToLong(Long::parseLong).toArray();
    }
}
