package io.spineintake.local.runner;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.spineintake.local.backends.Dynalite;
import io.spineintake.local.backends.ElasticMq;
import io.spineintake.local.backends.LocalSns;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.Provisioning;
import io.spineintake.local.backends.RepoRoot;
import io.spineintake.local.backends.SqsEventSource;
import io.spineintake.local.backends.template.CfnYaml;
import io.spineintake.local.backends.template.Template;
import io.spineintake.platform.AwsClients;
import io.spineintake.platform.Config;
import io.spineintake.platform.Environment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Runs the whole system on this machine, as AWS would: dynalite and ElasticMQ on 127.0.0.1, every
 * table and queue created by the same code the tests use, the HTTP API of template.yaml on
 * http://127.0.0.1:3000 calling the real handlers, the consult queue's event source, and the
 * reconciler on the template's schedule. Ctrl-C stops everything it started.
 *
 * <pre>
 * java -jar local/runner/target/local-runner.jar [--port 3000] [--seed] [--data-dir DIR] [--aws]
 * </pre>
 */
public final class LocalRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRunner.class);
    /** The default stack name: resources are local-intakes, local-consult-queue.fifo, ... */
    static final String STACK = "local";

    record Options(int port, boolean seed, Path dataDir, boolean aws, Long scheduleSeconds, String stack, boolean provision,
                   Path site) {
        static Options parse(String[] args) {
            int port = 3000;
            boolean seed = false;
            Path dataDir = null;
            boolean aws = false;
            Long schedule = null;
            String stack = STACK;
            boolean provision = true;
            Path site = RepoRoot.find().resolve("web/target/site");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = true;
                    case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                    case "--aws" -> aws = true;
                    case "--schedule-seconds" -> schedule = Long.parseLong(args[++i]);
                    case "--stack" -> stack = args[++i];
                    case "--no-provision" -> provision = false;
                    case "--site" -> site = Path.of(args[++i]).toAbsolutePath();
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
            }
            if (!stack.matches("[A-Za-z][A-Za-z0-9-]{0,63}")) {
                throw new IllegalArgumentException("--stack must be a stack name (letters, digits, hyphens)");
            }
            return new Options(port, seed, dataDir, aws, schedule, stack, provision, site);
        }
    }

    static final String USAGE = """
            usage: local-runner [--port 3000] [--seed] [--data-dir DIR] [--aws [--stack NAME] [--no-provision]]
                                [--schedule-seconds N]
              --port N             serve the HTTP API on http://127.0.0.1:N (0: any free port)
              --seed               submit the reference vignettes through the API once it is up
              --data-dir DIR       keep DynamoDB data in DIR across restarts (dynalite on disk)
              --aws                use LocalStack or AWS instead of the embedded backends: endpoint,
                                   region and credentials from AWS_ENDPOINT_URL, AWS_REGION,
                                   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY; tables and queues are
                                   created with the prefix "local-" when missing
              --stack NAME         name resources as the SAM stack NAME does (NAME-intakes, ...)
              --no-provision       create nothing: use the stack's existing tables and queues
              --schedule-seconds N run scheduled functions every N seconds instead of the template's rate
              --site DIR           serve the web form (/) and the coordinators' console (/console/) from DIR
                                   (default web/target/site, built by mvn)""";

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final HttpApiGateway gateway;
    private final Map<String, String> environment;
    private final boolean siteBuilt;

    private LocalRunner(Options options, Clock clock) throws IOException {
        Path root = RepoRoot.find();
        TemplateFunctions template = new TemplateFunctions(new Template(CfnYaml.load(root.resolve("template.yaml"))));

        Map<String, String> base = new LinkedHashMap<>();
        AwsClients clients;
        if (options.aws()) {
            Config fromEnv = Config.fromEnvironment();
            base.put("AWS_REGION", fromEnv.region().id());
            clients = AwsClients.forLambda(fromEnv);
        } else {
            Dynalite dynalite = options.dataDir() == null ? Dynalite.launch() : Dynalite.launch(options.dataDir());
            resources.add(dynalite);
            ElasticMq sqs = ElasticMq.launch();
            resources.add(sqs);
            base.put("AWS_REGION", ElasticMq.REGION);
            base.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
            base.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString());
            // no SNS emulator here: a small SNS-protocol endpoint; what it is sent is logged, as a subscriber would read it
            LocalSns sns = LocalSns.launch(ElasticMq.REGION);
            resources.add(sns);
            sns.onPublish(p -> LOG.info("SNS {} <- {}: {}", p.topicArn().substring(p.topicArn().lastIndexOf(':') + 1),
                    p.subject(), p.message()));
            base.put("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString());
            clients = AwsClients.create(Config.of(base), StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        resources.add(clients);
        String stack = options.stack();
        if (options.provision()) {
            Provisioning.provision(clients, stack);
        }

        // each function's environment as the template sets it, its references made local; every
        // handler is built through its Environment constructor with that configuration
        Map<String, Environment> environments = new LinkedHashMap<>();
        String origin = "http://127.0.0.1:" + options.port();
        Map<String, String> all = new LinkedHashMap<>(base);
        for (TemplateFunctions.Function f : template.functions.values()) {
            Map<String, String> env = new LinkedHashMap<>(base);
            f.environment().forEach((name, value) -> env.put(name, resolve(template, clients, value, stack, origin)));
            environments.put(f.id(), new Environment(Config.of(env), clients, clock));
            all.putAll(env);
        }
        environment = Map.copyOf(all);

        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> http = new LinkedHashMap<>();
        for (TemplateFunctions.Route r : template.routes) {
            http.computeIfAbsent(r.functionId(), id -> instantiate(template.functions.get(id), environments.get(id)));
        }
        LocalJwt jwt = new LocalJwt("http://127.0.0.1:" + options.port() + LocalJwt.ISSUER_PATH, Clock.systemUTC());
        siteBuilt = Files.isRegularFile(options.site().resolve("index.html"));
        gateway = new HttpApiGateway(options.port(), template.routes, http, template.functions, jwt,
                new StaticSite(options.site()));
        resources.add(0, gateway);

        for (TemplateFunctions.QueueSource q : template.queues) {
            RequestHandler<SQSEvent, SQSBatchResponse> consumer = instantiate(template.functions.get(q.functionId()),
                    environments.get(q.functionId()));
            String url = clients.sqs().getQueueUrl(r -> r.queueName(
                    template.resourceName(q.queueLogicalId(), "QueueName", stack))).queueUrl();
            int timeout = template.functions.get(q.functionId()).timeoutSeconds();
            SqsEventSource source = new SqsEventSource(clients.sqs(), url, base.get("AWS_REGION"),
                    event -> consumer.handleRequest(event, LambdaContext.invocation(q.functionId(), timeout)));
            Thread poller = new Thread(() -> poll(source, q.batchSize()), "sqs-event-source-" + q.functionId());
            poller.setDaemon(true);
            poller.start();
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "schedule");
            t.setDaemon(true);
            return t;
        });
        resources.add(0, scheduler::shutdownNow);
        for (TemplateFunctions.Schedule s : template.schedules) {
            RequestHandler<Map<String, Object>, Object> function = instantiate(template.functions.get(s.functionId()),
                    environments.get(s.functionId()));
            long every = options.scheduleSeconds() != null ? options.scheduleSeconds() : s.everySeconds();
            int timeout = template.functions.get(s.functionId()).timeoutSeconds();
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    function.handleRequest(Map.of("source", "aws.events", "detail-type", "Scheduled Event"), LambdaContext.invocation(s.functionId(), timeout));
                } catch (RuntimeException e) {
                    LOG.warn("{} failed: {}", s.functionId(), e.getClass().getSimpleName());
                }
            }, every, every, TimeUnit.SECONDS);
        }
        LOG.info("resources of stack {} ({})", stack, options.provision() ? "created when missing" : "as they are");
    }

    /** Starts everything; the HTTP API is up when this returns. */
    public static LocalRunner start(String... args) throws IOException {
        return start(Clock.systemUTC(), args);
    }

    /**
     * Starts everything with the functions on {@code clock} (for tests: a clock the test moves, so
     * receipts, due times, waiting times and leases are what the test says). Tokens of the
     * development login keep the system clock. The command line always runs on the system clock.
     */
    public static LocalRunner start(Clock clock, String... args) throws IOException {
        return new LocalRunner(Options.parse(args), clock);
    }

    public int port() {
        return gateway.port();
    }

    /** The functions' environment as the runner set it (table names, endpoints), e.g. for a test to read the tables. */
    public Map<String, String> environment() {
        return environment;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.port() != 0) {
            // before the backends' own start-up lines: where to point the browser
            System.out.println("spine-intake: the patient form will be at http://127.0.0.1:" + options.port() + "/ (starting...)");
            System.out.flush();
        }
        LocalRunner runner = new LocalRunner(options, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            stopped.countDown();
        }, "local-runner-shutdown"));
        String base = "http://127.0.0.1:" + runner.port();
        // the first line a script or test waits for: the patient form's address (the API is on the same origin)
        System.out.println("spine-intake is running on " + base + "/  (the patient form; the API on the same origin; Ctrl-C stops it)");
        System.out.println("the coordinators' console: " + base + "/console/ (development sign-in: any username)");
        if (!runner.siteBuilt) {
            System.out.println("the web form is not built: ./local/run.sh builds it (or: cd web && npm ci && npm run build); the API works without it");
        }
        System.out.flush();
        if (options.seed()) {
            System.out.println("seeded " + seed(base) + " reference vignettes");
        }
        stopped.await();
    }

    /** Submits the reference vignettes through the HTTP API; returns how many got 201. */
    static int seed(String base) throws IOException, InterruptedException {
        Path dir = RepoRoot.find().resolve("functions/triage-engine/src/test/resources/vignettes");
        HttpClient client = HttpClient.newHttpClient();
        int created = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+\\.json")).sorted().toList()) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/intakes"))
                        .header("content-type", "application/json")
                        .header("idempotency-key", "seed-" + file.getFileName())
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    created++;
                }
            }
        }
        return created;
    }

    private void poll(SqsEventSource source, int batchSize) {
        while (running.get()) {
            try {
                source.pollOnce(batchSize, 1, false);
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.warn("event source poll failed: {}", e.getClass().getSimpleName());
                    sleep(1000);
                }
            }
        }
    }

    private static String resolve(TemplateFunctions template, AwsClients clients, Object value, String stack, String origin) {
        if (Template.text(value).startsWith("{{resolve:secretsmanager:")) {
            // a generated secret (the worklist cursor key): a fresh random one for this run
            byte[] key = new byte[48];
            new SecureRandom().nextBytes(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        }
        return template.resource(value).map(id -> {
            String type = String.valueOf(Template.map(template.template.resource(id)).get("Type"));
            return switch (type) {
                case "AWS::DynamoDB::Table" -> template.resourceName(id, "TableName", stack);
                case "AWS::SQS::Queue" -> clients.sqs().getQueueUrl(r -> r.queueName(
                        template.resourceName(id, "QueueName", stack))).queueUrl();
                // CreateTopic is idempotent: the topic's ARN, made here when missing
                case "AWS::SNS::Topic" -> clients.sns().createTopic(r -> r.name(
                        template.resourceName(id, "TopicName", stack))).topicArn();
                default -> throw new IllegalStateException("no local stand-in for " + type + " " + id);
            };
        }).orElseGet(() -> template.resolveParameter(value)
                // the two !Sub values the functions read: the metrics namespace and the console's address
                .replace("${AWS::StackName}", stack)
                .replace("https://${SiteDistribution.DomainName}", origin));
    }

    /** The template's handler class, built with its Environment constructor (as Lambda would with its environment). */
    @SuppressWarnings("unchecked")
    private static <T> T instantiate(TemplateFunctions.Function function, Environment environment) {
        try {
            return (T) Class.forName(function.handlerClass()).getConstructor(Environment.class).newInstance(environment);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create handler " + function.handlerClass() + " of " + function.id(), e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.getClass().getSimpleName());
            }
        }
    }

}
