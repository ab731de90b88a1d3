package io.spineintake.local.backends.template;

import io.spineintake.platform.ClinicMetrics;
import static io.spineintake.local.backends.template.Template.list;
import static io.spineintake.local.backends.template.Template.map;
import static io.spineintake.local.backends.template.Template.properties;
import static io.spineintake.local.backends.template.Template.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.RequestHandler;

import io.spineintake.platform.Config;

/**
 * Checks of template.yaml against the code and the project's rules. Each returns a list of
 * violations (empty when all is well), so tests can also feed them broken templates.
 */
final class TemplateChecks {

    /** SAM policy templates whose resources are named by their parameters (so never "*" when the parameter is specific). */
    static final Set<String> SCOPED_SAM_POLICY_TEMPLATES = Set.of(
            "DynamoDBReadPolicy", "DynamoDBWritePolicy", "DynamoDBCrudPolicy", "DynamoDBStreamReadPolicy",
            "SQSSendMessagePolicy", "SQSPollerPolicy", "KMSDecryptPolicy", "KMSEncryptPolicy",
            "SSMParameterReadPolicy", "LambdaInvokePolicy", "S3ReadPolicy", "S3WritePolicy", "S3CrudPolicy",
            "SNSPublishMessagePolicy", "AWSSecretsManagerGetSecretValuePolicy", "EventBridgePutEventsPolicy",
            "StepFunctionsExecutionPolicy");

    private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(\\s*\"([A-Z0-9_]+)\"\\s*\\)");

    private TemplateChecks() {
    }

    // ---- (2) handlers -----------------------------------------------------------------------

    /**
     * Every function's Handler names a class in the module its CodeUri points at
     * (functions/&lt;module&gt;/target/&lt;jar&gt;), that class implements RequestHandler (for HttpApi events:
     * RequestHandler&lt;APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse&gt;), and has the handler method.
     */
    static List<String> handlers(Template template, Path repoRoot) {
        List<String> violations = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            String codeUri = text(properties(function).get("CodeUri"));
            String handler = text(template.functionProperty(function, "Handler").orElse(""));
            int target = codeUri.indexOf("/target/");
            if (target < 0 || !handler.contains("::")) {
                violations.add(id + ": CodeUri must be <module>/target/<jar> and Handler <class>::<method>, got "
                        + codeUri + " and " + handler);
                return;
            }
            Path module = repoRoot.resolve(codeUri.substring(0, target));
            String className = handler.substring(0, handler.indexOf("::"));
            String method = handler.substring(handler.indexOf("::") + 2);
            Path source = module.resolve("src/main/java").resolve(className.replace('.', '/') + ".java");
            if (!Files.isRegularFile(source)) {
                violations.add(id + ": handler class " + className + " not found at " + repoRoot.relativize(source));
                return;
            }
            String code = read(source);
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            boolean httpApi = map(properties(function).get("Events")).values().stream()
                    .anyMatch(e -> "HttpApi".equals(map(e).get("Type")));
            String expected = httpApi
                    ? "class\\s+" + simpleName + "\\b[^{]*implements[^{]*\\bRequestHandler\\s*<\\s*APIGatewayV2HTTPEvent\\s*,\\s*APIGatewayV2HTTPResponse\\s*>"
                    : "class\\s+" + simpleName + "\\b[^{]*implements[^{]*\\bRequestHandler\\s*<";
            if (!Pattern.compile(expected).matcher(code).find()) {
                violations.add(id + ": " + className + " does not implement "
                        + (httpApi ? "RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>" : "RequestHandler"));
            }
            if (!Pattern.compile("\\b" + Pattern.quote(method) + "\\s*\\(").matcher(code).find()) {
                violations.add(id + ": " + className + " has no method " + method);
            }
            // when the module is compiled, also check the class itself
            Path classes = module.resolve("target/classes");
            if (Files.isRegularFile(classes.resolve(className.replace('.', '/') + ".class"))) {
                try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                        TemplateChecks.class.getClassLoader())) {
                    Class<?> type = Class.forName(className, false, loader);
                    if (!RequestHandler.class.isAssignableFrom(type)) {
                        violations.add(id + ": compiled " + className + " is not a RequestHandler");
                    }
                } catch (IOException | ClassNotFoundException | LinkageError e) {
                    violations.add(id + ": cannot load compiled " + className + ": " + e);
                }
            }
        });
        return violations;
    }

    // ---- (3) environment ---------------------------------------------------------------------

    /**
     * The environment variables a module's main code reads: System.getenv("X") literals,
     * Config.Var.X constants and Config accessor calls. Variables that Lambda sets itself, or that
     * only local backends use, are left out: they never belong in template.yaml.
     */
    static Set<String> variablesReadBy(Path module) {
        Set<String> names = new LinkedHashSet<>();
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = read(file);
                Matcher m = GETENV.matcher(code);
                while (m.find()) {
                    names.add(m.group(1));
                }
                for (Config.Var v : Config.Var.values()) {
                    if (Pattern.compile("\\bVar\\." + v.name() + "\\b").matcher(code).find()
                            || Pattern.compile("\\." + v.accessor() + "\\s*\\(\\s*\\)").matcher(code).find()) {
                        names.add(v.name());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Config.Var v : Config.Var.values()) {
            if (v.source() != Config.Source.TEMPLATE) {
                names.remove(v.name());
            }
        }
        names.removeIf(n -> n.startsWith("AWS_") || n.startsWith("_") || n.startsWith("LAMBDA_"));
        return names;
    }

    /** Every variable each function's module reads is set in its Environment (Globals included). */
    static List<String> environment(Template template, Path repoRoot) {
        List<String> violations = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            String codeUri = text(properties(function).get("CodeUri"));
            int target = codeUri.indexOf("/target/");
            if (target < 0) {
                violations.add(id + ": CodeUri does not point into a module's target/");
                return;
            }
            Map<String, Object> env = template.functionEnvironment(function);
            for (String name : variablesReadBy(repoRoot.resolve(codeUri.substring(0, target)))) {
                if (!env.containsKey(name)) {
                    violations.add(id + ": code reads " + name + " but the template does not set it");
                }
            }
        });
        return violations;
    }

    // ---- (4) IAM ------------------------------------------------------------------------------

    /**
     * No Allow statement anywhere grants "*" or an unscoped wildcard ARN (KMS key policies excepted:
     * there "*" means the key itself); function Policies use only resource-scoped SAM templates or
     * scoped inline statements; every function gets its own role.
     */
    static List<String> iam(Template template) {
        List<String> violations = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            Map<String, Object> resource = map(r);
            boolean keyPolicy = "AWS::KMS::Key".equals(resource.get("Type"));
            if (!keyPolicy) {
                statements(resource, id, violations);
            }
        });
        Map<String, Object> globals = template.globalFunction();
        if (globals.containsKey("Policies") || globals.containsKey("Role")) {
            violations.add("Globals.Function: Policies/Role must be per function");
        }
        Map<String, List<String>> roles = new java.util.HashMap<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            Map<String, Object> props = properties(function);
            if (props.containsKey("Role")) {
                roles.computeIfAbsent(text(props.get("Role")), k -> new ArrayList<>()).add(id);
            } else if (!props.containsKey("Policies")) {
                violations.add(id + ": no Policies (each function needs its own least-privilege role)");
            }
            for (Object policy : list(props.get("Policies"))) {
                if (policy instanceof String managed) {
                    violations.add(id + ": managed policy " + managed + " is not resource-scoped");
                } else if (map(policy).containsKey("Statement")) {
                    // inline statements were checked above with every other Statement
                    continue;
                } else {
                    map(policy).forEach((name, parameters) -> {
                        if (!SCOPED_SAM_POLICY_TEMPLATES.contains(name)) {
                            violations.add(id + ": SAM policy template " + name + " is not known to be resource-scoped");
                        }
                        map(parameters).forEach((param, value) -> {
                            if (text(value).contains("*")) {
                                violations.add(id + ": " + name + "." + param + " has a wildcard");
                            }
                        });
                    });
                }
            }
        });
        roles.forEach((role, functions) -> {
            if (functions.size() > 1) {
                violations.add("functions " + functions + " share role " + role);
            }
        });
        return violations;
    }

    private static void statements(Object node, String where, List<String> violations) {
        if (node instanceof Map<?, ?> m) {
            Object statement = m.get("Statement");
            if (statement != null) {
                for (Object s : list(statement)) {
                    checkStatement(map(s), where, violations);
                }
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!"Statement".equals(e.getKey())) {
                    statements(e.getValue(), where, violations);
                }
            }
        } else if (node instanceof List<?> l) {
            l.forEach(item -> statements(item, where, violations));
        }
    }

    private static void checkStatement(Map<String, Object> statement, String where, List<String> violations) {
        if ("Deny".equals(statement.get("Effect"))) {
            return; // a broad Deny only restricts
        }
        String sid = statement.getOrDefault("Sid", "(no Sid)").toString();
        if (statement.containsKey("NotResource") || statement.containsKey("NotAction")) {
            violations.add(where + " " + sid + ": Allow with NotResource/NotAction");
        }
        if (!statement.containsKey("Resource") && !statement.containsKey("Principal")) {
            violations.add(where + " " + sid + ": Allow without Resource");
        }
        for (Object resource : list(statement.get("Resource"))) {
            String arn = text(resource);
            if (!isScoped(arn)) {
                violations.add(where + " " + sid + ": unscoped Resource " + arn);
            }
        }
    }

    /**
     * Whether an ARN (or ${Ref}/${X.Arn}-based string) names specific resources: not "*", not a
     * wildcard account, and when it ends in ":*" or "/*", something specific precedes the wildcard.
     */
    static boolean isScoped(String arn) {
        if (arn.isBlank() || arn.equals("*")) {
            return false;
        }
        if (arn.startsWith("${") && !arn.startsWith("${AWS::")) {
            return true; // built on a template resource's Ref/Arn
        }
        // placeholders such as ${AWS::Region} contain colons: neutralise them before splitting the ARN
        String[] parts = arn.replaceAll("\\$\\{[^}]*}", "ref").split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            return !arn.contains("*");
        }
        if (parts[4].equals("*")) {
            return false;
        }
        String resource = parts[5];
        if (resource.endsWith("/*") || resource.endsWith(":*")) {
            resource = resource.substring(0, resource.length() - 2);
        }
        if (resource.isEmpty() || resource.contains("*")) {
            return false;
        }
        if (parts[2].equals("s3")) {
            return true; // S3 ARNs are bucket[/key]: a named bucket is specific
        }
        // type/name or type:name: the type alone (table/*, key/*, log-group:*) is not specific
        int separator = indexOfSeparator(resource);
        return separator > 0 && separator < resource.length() - 1;
    }

    private static int indexOfSeparator(String resource) {
        int slash = resource.indexOf('/');
        int colon = resource.indexOf(':');
        if (slash < 0) {
            return colon;
        }
        return colon < 0 ? slash : Math.min(slash, colon);
    }

    // ---- (5b) alerts and alarms -----------------------------------------------------------------

    /**
     * SNS topics are encrypted with the template's key; every alarm tells a topic; an alarm on the
     * functions' own metrics names a metric and dimensions the code writes ({@link ClinicMetrics}),
     * so a renamed metric cannot leave an alarm watching nothing.
     */
    static List<String> alertsAndAlarms(Template template) {
        List<String> violations = new ArrayList<>();
        template.resourcesOfType("AWS::SNS::Topic").forEach((id, topic) -> {
            String key = template.referencedResource(properties(topic).get("KmsMasterKeyId")).orElse(null);
            if (key == null || !"AWS::KMS::Key".equals(template.resource(key).get("Type"))) {
                violations.add(id + ": KmsMasterKeyId must reference the template's customer-managed key");
            }
        });
        java.util.Set<String> metrics = java.util.Arrays.stream(ClinicMetrics.Metric.values())
                .map(ClinicMetrics.Metric::metricName).collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> dimensions = java.util.Set.of(ClinicMetrics.BAND, ClinicMetrics.DISPOSITION, ClinicMetrics.NOTICE);
        template.resourcesOfType("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            Map<String, Object> props = properties(alarm);
            if (list(props.get("AlarmActions")).isEmpty()) {
                violations.add(id + ": AlarmActions must name a topic");
            }
            if (text(props.get("Namespace")).startsWith("AWS/")) {
                return;
            }
            if (!metrics.contains(text(props.get("MetricName")))) {
                violations.add(id + ": metric " + text(props.get("MetricName")) + " is not one the functions write");
            }
            for (Object d : list(props.get("Dimensions"))) {
                if (!dimensions.contains(text(map(d).get("Name")))) {
                    violations.add(id + ": dimension " + text(map(d).get("Name")) + " is not one the functions write");
                }
            }
        });
        return violations;
    }

    // ---- (5) data retention --------------------------------------------------------------------

    /** Data tables: Retain on delete and replace, point-in-time recovery, deletion protection, SSE with a template KMS key. */
    static List<String> dataTables(Template template) {
        List<String> violations = new ArrayList<>();
        if (!template.resourcesOfType("AWS::Serverless::SimpleTable").isEmpty()) {
            violations.add("AWS::Serverless::SimpleTable cannot be retained or KMS-encrypted with our key: use AWS::DynamoDB::Table");
        }
        template.resourcesOfType("AWS::DynamoDB::Table").forEach((id, table) -> {
            Map<String, Object> props = properties(table);
            if (!"Retain".equals(table.get("DeletionPolicy"))) {
                violations.add(id + ": DeletionPolicy must be Retain");
            }
            if (!"Retain".equals(table.get("UpdateReplacePolicy"))) {
                violations.add(id + ": UpdateReplacePolicy must be Retain");
            }
            if (!isTrue(map(props.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"))) {
                violations.add(id + ": point-in-time recovery must be enabled");
            }
            if (!isTrue(props.get("DeletionProtectionEnabled"))) {
                violations.add(id + ": DeletionProtectionEnabled must be true");
            }
            Map<String, Object> sse = map(props.get("SSESpecification"));
            if (!isTrue(sse.get("SSEEnabled")) || !"KMS".equals(sse.get("SSEType"))) {
                violations.add(id + ": SSE must be enabled with SSEType KMS");
            }
            String key = template.referencedResource(sse.get("KMSMasterKeyId")).orElse(null);
            if (key == null || !"AWS::KMS::Key".equals(template.resource(key).get("Type"))) {
                violations.add(id + ": KMSMasterKeyId must reference the template's customer-managed key");
            }
        });
        return violations;
    }

    // ---- (6) SQS consumers ---------------------------------------------------------------------

    /**
     * Every SQS event source reports batch item failures, and its queue's visibility timeout is at
     * least 6 times the function's timeout (AWS's guidance, so retries of a slow batch do not overlap).
     */
    static List<String> sqsConsumers(Template template) {
        List<String> violations = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            map(properties(function).get("Events")).forEach((eventName, e) -> {
                Map<String, Object> event = map(e);
                if (!"SQS".equals(event.get("Type"))) {
                    return;
                }
                Map<String, Object> props = properties(event);
                if (!list(props.get("FunctionResponseTypes")).contains("ReportBatchItemFailures")) {
                    violations.add(id + "." + eventName + ": FunctionResponseTypes must include ReportBatchItemFailures");
                }
                String queue = template.referencedResource(props.get("Queue")).orElse(null);
                if (queue == null || !"AWS::SQS::Queue".equals(template.resource(queue).get("Type"))) {
                    violations.add(id + "." + eventName + ": Queue must be a GetAtt of a queue in this template");
                    return;
                }
                Object visibility = properties(template.resource(queue)).getOrDefault("VisibilityTimeout", 30);
                int timeout = template.functionTimeout(function);
                if (Integer.parseInt(visibility.toString()) < 6 * timeout) {
                    violations.add(id + "." + eventName + ": " + queue + " VisibilityTimeout " + visibility
                            + " < 6 x function Timeout " + timeout);
                }
            });
        });
        return violations;
    }

    // ---- (7) resource policies and CORS -------------------------------------------------------

    /** Properties that hold a resource policy, by resource type. */
    static final Map<String, String> RESOURCE_POLICY_PROPERTIES = Map.of(
            "AWS::KMS::Key", "KeyPolicy",
            "AWS::SQS::QueuePolicy", "PolicyDocument",
            "AWS::SNS::TopicPolicy", "PolicyDocument",
            "AWS::S3::BucketPolicy", "PolicyDocument",
            "AWS::SecretsManager::ResourcePolicy", "ResourcePolicy",
            "AWS::Logs::ResourcePolicy", "PolicyDocument");

    /**
     * No resource policy grants to a wildcard: every Allow statement names its principals (no "*",
     * no principal ARN with a wildcard), its actions (no bare "*") and its resources (no "*", except
     * in a KMS key policy, where "*" means the key itself). The one service-wide action allowed is
     * a key policy's "kms:*" to this account's root, AWS's default key policy, without which the key
     * could not be managed. Deny statements may use "*": they only take access away. No CORS rule
     * (HTTP API, S3, CloudFront) allows a wildcard origin, method or header.
     */
    static List<String> noWildcardGrants(Template template) {
        List<String> violations = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            Map<String, Object> resource = map(r);
            String type = String.valueOf(resource.get("Type"));
            String property = RESOURCE_POLICY_PROPERTIES.get(type);
            if (property != null) {
                boolean keyPolicy = type.equals("AWS::KMS::Key");
                List<Object> statements = list(map(properties(resource).get(property)).get("Statement"));
                for (int i = 0; i < statements.size(); i++) {
                    violations.addAll(allowStatement(id + "." + property + ".Statement[" + i + "]", map(statements.get(i)), keyPolicy));
                }
            }
            if (type.equals("AWS::Lambda::Permission") && "*".equals(text(properties(resource).get("Principal")))) {
                violations.add(id + ": a Lambda permission for Principal \"*\"");
            }
            violations.addAll(corsWildcards(id, type, properties(resource)));
        });
        return violations;
    }

    private static List<String> allowStatement(String where, Map<String, Object> statement, boolean keyPolicy) {
        List<String> violations = new ArrayList<>();
        if (!"Allow".equals(text(statement.get("Effect")))) {
            return violations;
        }
        if (statement.containsKey("NotPrincipal") || statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
            violations.add(where + ": an Allow with NotPrincipal/NotAction/NotResource grants everything else");
        }
        Object principal = statement.get("Principal");
        List<String> principals = new ArrayList<>();
        if (principal instanceof Map<?, ?> m) {
            m.values().forEach(v -> (v instanceof List<?> l ? l : List.of(v)).forEach(p -> principals.add(text(p))));
        } else {
            principals.add(text(principal));
        }
        if (principals.isEmpty() || principals.stream().anyMatch(p -> p.isBlank() || p.contains("*"))) {
            violations.add(where + ": an Allow to a wildcard or missing principal");
        }
        boolean accountRoot = principal instanceof Map<?, ?> m && m.size() == 1 && principals.size() == 1
                && principals.get(0).matches("arn:\\$\\{AWS::Partition}:iam::\\$\\{AWS::AccountId}:root");
        for (Object a : list(statement.get("Action") instanceof List<?> ? statement.get("Action") : List.of(text(statement.get("Action"))))) {
            String action = text(a);
            if (action.equals("*") || (action.endsWith(":*") && !(keyPolicy && accountRoot && action.equals("kms:*")))) {
                violations.add(where + ": Action " + action + " grants every action");
            }
        }
        Object resources = statement.get("Resource");
        for (Object res : resources instanceof List<?> l ? l : List.of(resources == null ? "" : resources)) {
            if (text(res).equals("*") && !keyPolicy) {
                violations.add(where + ": Resource \"*\"");
            }
        }
        return violations;
    }

    private static List<String> corsWildcards(String id, String type, Map<String, Object> props) {
        List<Object> values = new ArrayList<>();
        switch (type) {
            case "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api" -> {
                Map<String, Object> cors = map(props.get("CorsConfiguration"));
                for (String k : List.of("AllowOrigins", "AllowMethods", "AllowHeaders", "ExposeHeaders")) {
                    values.addAll(list(cors.get(k)));
                }
            }
            case "AWS::S3::Bucket" -> list(map(props.get("CorsConfiguration")).get("CorsRules")).forEach(rule -> {
                for (String k : List.of("AllowedOrigins", "AllowedMethods", "AllowedHeaders", "ExposedHeaders")) {
                    values.addAll(list(map(rule).get(k)));
                }
            });
            case "AWS::CloudFront::ResponseHeadersPolicy" -> {
                Map<String, Object> cors = map(map(map(props.get("ResponseHeadersPolicyConfig")).get("CorsConfig")));
                for (String k : List.of("AccessControlAllowOrigins", "AccessControlAllowMethods",
                        "AccessControlAllowHeaders", "AccessControlExposeHeaders")) {
                    values.addAll(list(map(cors.get(k)).get("Items")));
                }
            }
            default -> { }
        }
        List<String> violations = new ArrayList<>();
        if (values.stream().map(Template::text).anyMatch(v -> v.contains("*"))) {
            violations.add(id + ": a CORS rule with a wildcard");
        }
        return violations;
    }

    static boolean isTrue(Object value) {
        return value != null && Boolean.parseBoolean(value.toString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- (7) the patient form's site ------------------------------------------------------------

    /**
     * Every S3 bucket is private (all four public-access blocks), encrypted and versioned; every
     * CloudFront origin on a bucket reads it through Origin Access Control and every behaviour
     * forces HTTPS and sends a response headers policy with a CSP without unsafe-inline/eval, HSTS,
     * frame-ancestors 'none' and Referrer-Policy no-referrer; the HTTP API's CORS names the site.
     */
    static List<String> site(Template template) {
        List<String> violations = new ArrayList<>();
        template.resourcesOfType("AWS::S3::Bucket").forEach((id, bucket) -> {
            Map<String, Object> props = properties(bucket);
            Map<String, Object> block = map(props.get("PublicAccessBlockConfiguration"));
            for (String b : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                if (!isTrue(block.get(b))) {
                    violations.add(id + ": " + b + " must be true");
                }
            }
            if (list(map(props.get("BucketEncryption")).get("ServerSideEncryptionConfiguration")).isEmpty()) {
                violations.add(id + ": no default encryption");
            }
            if (!"Enabled".equals(map(props.get("VersioningConfiguration")).get("Status"))) {
                violations.add(id + ": versioning must be Enabled");
            }
        });
        Set<String> distributions = template.resourcesOfType("AWS::CloudFront::Distribution").keySet();
        template.resourcesOfType("AWS::CloudFront::Distribution").forEach((id, distribution) -> {
            Map<String, Object> config = map(properties(distribution).get("DistributionConfig"));
            for (Object o : list(config.get("Origins"))) {
                Map<String, Object> origin = map(o);
                if (text(origin.get("DomainName")).contains("Bucket") && !origin.containsKey("OriginAccessControlId")) {
                    violations.add(id + ": origin " + origin.get("Id") + " reads a bucket without Origin Access Control");
                }
            }
            List<Object> behaviours = new ArrayList<>(list(config.get("CacheBehaviors")));
            behaviours.add(config.get("DefaultCacheBehavior"));
            for (Object b : behaviours) {
                Map<String, Object> behaviour = map(b);
                if (!"redirect-to-https".equals(behaviour.get("ViewerProtocolPolicy")) && !"https-only".equals(behaviour.get("ViewerProtocolPolicy"))) {
                    violations.add(id + ": a behaviour allows plain HTTP");
                }
                String policy = template.referencedResource(behaviour.get("ResponseHeadersPolicyId")).orElse(null);
                if (policy == null) {
                    violations.add(id + ": a behaviour has no response headers policy of this template");
                    continue;
                }
                Map<String, Object> headers = map(map(properties(template.resource(policy)).get("ResponseHeadersPolicyConfig"))
                        .get("SecurityHeadersConfig"));
                String csp = text(map(headers.get("ContentSecurityPolicy")).get("ContentSecurityPolicy"));
                if (csp.isEmpty() || csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
                    violations.add(policy + ": CSP missing or allows unsafe-inline/unsafe-eval");
                }
                if (!csp.contains("frame-ancestors 'none'")) {
                    violations.add(policy + ": CSP must say frame-ancestors 'none'");
                }
                if (map(headers.get("StrictTransportSecurity")).get("AccessControlMaxAgeSec") == null) {
                    violations.add(policy + ": no HSTS");
                }
                if (!"no-referrer".equals(map(headers.get("ReferrerPolicy")).get("ReferrerPolicy"))) {
                    violations.add(policy + ": Referrer-Policy must be no-referrer");
                }
            }
        });
        template.resourcesOfType("AWS::Serverless::HttpApi").forEach((id, api) -> {
            List<Object> origins = list(map(properties(api).get("CorsConfiguration")).get("AllowOrigins"));
            boolean namesSite = origins.stream().anyMatch(o -> distributions.stream()
                    .anyMatch(d -> text(o).contains("${" + d + ".DomainName}")));
            if (!distributions.isEmpty() && !namesSite) {
                violations.add(id + ": CORS AllowOrigins must name the site's distribution");
            }
            if (origins.stream().anyMatch(o -> text(o).contains("*"))) {
                violations.add(id + ": CORS AllowOrigins has a wildcard");
            }
        });
        return violations;
    }
}
