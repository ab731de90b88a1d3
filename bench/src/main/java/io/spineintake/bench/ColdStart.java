package io.spineintake.bench;

import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalBackends;
import io.spineintake.local.backends.Provisioning;
import io.spineintake.local.backends.RepoRoot;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.Config;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cold-start harness: starts dynalite and ElasticMQ on 127.0.0.1, then runs SubmitIntake's
 * shaded jar in N fresh JVMs (as Lambda does on a cold start without SnapStart, with the
 * template's JAVA_TOOL_OPTIONS), each constructing the handler and answering the sample event
 * once, and prints the median and worst of: JVM start to handler ready, first invocation, total.
 *
 * <pre>
 * mvn -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.spineintake.bench.ColdStart [runs]
 * </pre>
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = RepoRoot.find();
        Path jar = root.resolve("functions/submit-intake/target/submit-intake.jar");
        Path event = root.resolve("events/submit-intake/post-intake-base64.json");
        String probe = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        try (LocalBackends backends = LocalBackends.start()) {
            Map<String, String> env = new HashMap<>();
            env.put("AWS_REGION", LocalAws.REGION);
            env.put("AWS_ENDPOINT_URL_DYNAMODB", backends.dynalite().endpoint().toString());
            env.put("AWS_ENDPOINT_URL_SQS", backends.elasticMq().endpoint().toString());
            env.put("AWS_ACCESS_KEY_ID", "local");
            env.put("AWS_SECRET_ACCESS_KEY", "local");
            try (AwsClients clients = AwsClients.create(Config.of(env), LocalAws.CREDENTIALS)) {
                Provisioning.Resources r = Provisioning.provision(clients, "coldstart");
                env.put("INTAKES_TABLE", r.intakesTable());
                env.put("CONSULT_QUEUE_URL", r.consultQueueUrl());
            }
            env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
            env.put("POWERTOOLS_LOG_LEVEL", "WARN");
            List<long[]> results = new ArrayList<>();
            Pattern line = Pattern.compile("COLDSTART init=(\\d+) invoke=(\\d+) total=(\\d+) response=(.*)");
            for (int i = 0; i < runs; i++) {
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m", "-cp", jar + java.io.File.pathSeparator + probe, ColdStartProbe.class.getName(),
                        "io.spineintake.submit.SubmitIntakeHandler", event.toString()).redirectErrorStream(true);
                pb.environment().putAll(env);
                Process p = pb.start();
                String found = null;
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l = out.readLine(); l != null; l = out.readLine()) {
                        Matcher m = line.matcher(l);
                        if (m.find()) {
                            results.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
                            found = m.group(4);
                        }
                    }
                }
                if (p.waitFor() != 0 || found == null) {
                    throw new IllegalStateException("probe run " + i + " failed");
                }
                if (i == 0) {
                    System.out.println("first answer: " + found);
                }
            }
            System.out.printf("SubmitIntake cold start, %d fresh JVMs (%s, %s), ms: %s%n", runs,
                    System.getProperty("java.vm.version"), System.getProperty("os.arch"), summary(results));
        }
    }

    static String summary(List<long[]> results) {
        String[] names = {"handler ready", "first invocation", "total"};
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < names.length; k++) {
            int col = k;
            long[] v = results.stream().mapToLong(r -> r[col]).sorted().toArray();
            b.append(k == 0 ? "" : "; ").append(names[k]).append(" median ").append(v[v.length / 2])
                    .append(" max ").append(v[v.length - 1]);
        }
        return b.toString();
    }

}
