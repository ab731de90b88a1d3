package io.spineintake.local.backends.template;

import static io.spineintake.local.backends.template.Template.list;
import static io.spineintake.local.backends.template.Template.map;
import static io.spineintake.local.backends.template.Template.properties;
import static io.spineintake.local.backends.template.Template.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.spineintake.local.backends.Provisioning;
import io.spineintake.local.backends.Provisioning.Index;
import io.spineintake.local.backends.Provisioning.QueueDefinition;
import io.spineintake.local.backends.Provisioning.TableDefinition;
import io.spineintake.local.backends.RepoRoot;

/** template.yaml (repository root) against the code and the project's deployment rules. */
class TemplateTest {

    /** Provisioning's names with this prefix are the template's (!Sub "${AWS::StackName}-..."). */
    private static final String STACK = "${AWS::StackName}";

    private static Path repoRoot;
    private static Template template;

    @BeforeAll
    static void load() throws IOException {
        repoRoot = RepoRoot.find();
        template = new Template(CfnYaml.load(repoRoot.resolve("template.yaml")));
    }

    @Test
    void isASamTemplate() {
        assertThat(template.root.get("Transform")).isEqualTo("AWS::Serverless-2016-10-31");
        assertThat(template.globalFunction())
                .containsEntry("Runtime", "java21")
                .containsEntry("Architectures", List.of("arm64"))
                .containsEntry("AutoPublishAlias", "live");
        assertThat(map(template.root.get("Outputs"))).containsKeys("ApiUrl", "IntakesTableName", "ConsultQueueUrl", "DataKeyArn");
    }

    // (1)
    @Test
    void everyTableMatchesProvisioning() {
        assertThat(Provisioning.tables(STACK)).hasSize(5);
        for (TableDefinition expected : Provisioning.tables(STACK)) {
            tableMatches(expected);
        }
    }

    private void tableMatches(TableDefinition expected) {
        Map<String, Object> table = resourceNamed("AWS::DynamoDB::Table", "TableName", expected.name());
        Map<String, Object> props = properties(table);

        assertThat(props.get("BillingMode")).isEqualTo(expected.billingMode().toString());
        Map<String, String> attributes = list(props.get("AttributeDefinitions")).stream().map(Template::map)
                .collect(Collectors.toMap(a -> a.get("AttributeName").toString(), a -> a.get("AttributeType").toString()));
        assertThat(attributes).isEqualTo(expected.attributeDefinitions().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString())));
        assertThat(keySchema(props.get("KeySchema")))
                .isEqualTo(keySchema(expected.partitionKey(), expected.sortKey()));

        Map<String, Map<String, Object>> indexes = new LinkedHashMap<>();
        list(props.get("GlobalSecondaryIndexes")).forEach(i -> indexes.put(map(i).get("IndexName").toString(), map(i)));
        assertThat(indexes.keySet()).containsExactlyInAnyOrderElementsOf(
                expected.globalSecondaryIndexes().stream().map(Index::name).toList());
        for (Index index : expected.globalSecondaryIndexes()) {
            Map<String, Object> actual = indexes.get(index.name());
            assertThat(keySchema(actual.get("KeySchema"))).as(index.name())
                    .isEqualTo(keySchema(index.partitionKey(), index.sortKey()));
            assertThat(map(actual.get("Projection")).get("ProjectionType")).as(index.name())
                    .isEqualTo(index.projection().toString());
        }
    }

    // (1)
    @Test
    void consultQueuesMatchProvisioning() {
        QueueDefinition queue = Provisioning.consultQueue(STACK);
        QueueDefinition dlq = Provisioning.consultDeadLetterQueue(STACK);
        Map<String, Object> queueProps = properties(resourceNamed("AWS::SQS::Queue", "QueueName", queue.name()));
        Map<String, Object> dlqResource = resourceNamed("AWS::SQS::Queue", "QueueName", dlq.name());

        assertQueue(queueProps, queue);
        assertQueue(properties(dlqResource), dlq);
        Map<String, Object> redrive = map(queueProps.get("RedrivePolicy"));
        assertThat(Integer.parseInt(redrive.get("maxReceiveCount").toString())).isEqualTo(queue.maxReceiveCount());
        String dlqId = template.referencedResource(redrive.get("deadLetterTargetArn")).orElseThrow();
        assertThat(template.resource(dlqId)).isSameAs(dlqResource);
        assertThat(properties(dlqResource)).doesNotContainKey("RedrivePolicy");
        assertThat(template.referencedResource(queueProps.get("KmsMasterKeyId"))).contains("DataKey");
        assertThat(template.referencedResource(properties(dlqResource).get("KmsMasterKeyId"))).contains("DataKey");
    }

    private static void assertQueue(Map<String, Object> props, QueueDefinition expected) {
        assertThat(TemplateChecks.isTrue(props.get("FifoQueue"))).as(expected.name() + " FifoQueue").isEqualTo(expected.fifo());
        assertThat(TemplateChecks.isTrue(props.get("ContentBasedDeduplication"))).as(expected.name() + " ContentBasedDeduplication")
                .isEqualTo(expected.contentBasedDeduplication());
        assertThat(props.get("VisibilityTimeout").toString()).as(expected.name() + " VisibilityTimeout")
                .isEqualTo(Integer.toString(expected.visibilityTimeoutSeconds()));
        assertThat(props.get("MessageRetentionPeriod").toString()).as(expected.name() + " MessageRetentionPeriod")
                .isEqualTo(Integer.toString(expected.messageRetentionSeconds()));
    }

    // (2)
    @Test
    void everyHandlerIsARequestHandlerInItsModule() {
        assertThat(template.resourcesOfType("AWS::Serverless::Function")).isNotEmpty();
        assertThat(TemplateChecks.handlers(template, repoRoot)).isEmpty();
    }

    // (3)
    @Test
    void everyVariableTheCodeReadsIsSet() {
        assertThat(TemplateChecks.environment(template, repoRoot)).isEmpty();
    }

    // (4)
    @Test
    void iamIsScopedAndPerFunction() {
        assertThat(TemplateChecks.iam(template)).isEmpty();
    }

    // (5)
    @Test
    void dataTablesAreRetainedRecoverableAndEncrypted() {
        assertThat(template.resourcesOfType("AWS::DynamoDB::Table")).isNotEmpty();
        assertThat(TemplateChecks.dataTables(template)).isEmpty();
    }

    // (5b)
    @Test
    void topicsAreEncryptedAndAlarmsWatchMetricsTheCodeWrites() {
        assertThat(template.resourcesOfType("AWS::SNS::Topic")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(template.resourcesOfType("AWS::CloudWatch::Alarm")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(TemplateChecks.alertsAndAlarms(template)).isEmpty();
    }

    // (6)
    @Test
    void sqsConsumersReportBatchFailuresAndOutlastTheirTimeout() {
        assertThat(TemplateChecks.sqsConsumers(template)).isEmpty();
    }

    // (7)
    @Test
    void noResourcePolicyOrCorsRuleGrantsToAWildcard() {
        assertThat(template.resourcesOfType("AWS::KMS::Key")).isNotEmpty();
        assertThat(template.resourcesOfType("AWS::SQS::QueuePolicy")).isNotEmpty();
        assertThat(TemplateChecks.noWildcardGrants(template)).isEmpty();
    }

    // (8)
    @Test
    void theFormsSiteIsPrivateBehindCloudFrontWithSecurityHeaders() {
        assertThat(template.resourcesOfType("AWS::CloudFront::Distribution")).hasSize(1);
        assertThat(template.resourcesOfType("AWS::S3::Bucket")).hasSize(1);
        assertThat(TemplateChecks.site(template)).isEmpty();
    }

    // (9)
    @Test
    void theDraftsAndDiaryRoutesAreThrottledMoreTightlyThanTheDefault() {
        Map<String, Object> api = properties(template.resourcesOfType("AWS::Serverless::HttpApi").values().iterator().next());
        Map<String, Object> routes = map(api.get("RouteSettings"));
        for (String route : List.of("POST /intake-drafts", "POST /intake-drafts/resume", "GET /diary", "POST /diary/entries")) {
            assertThat(routes).as(route).containsKey(route);
            assertThat(Integer.parseInt(map(routes.get(route)).get("ThrottlingRateLimit").toString())).as(route).isLessThan(20);
        }
    }

    private static Map<String, Object> resourceNamed(String type, String nameProperty, String name) {
        List<Map<String, Object>> found = template.resourcesOfType(type).values().stream()
                .filter(r -> text(properties(r).get(nameProperty)).equals(name))
                .toList();
        assertThat(found).as(type + " with " + nameProperty + " " + name).hasSize(1);
        return found.get(0);
    }

    private static List<String> keySchema(Object schema) {
        return list(schema).stream().map(Template::map)
                .map(k -> k.get("AttributeName") + " " + k.get("KeyType")).toList();
    }

    private static List<String> keySchema(Provisioning.KeyAttribute hash, Provisioning.KeyAttribute range) {
        return range == null ? List.of(hash.name() + " HASH") : List.of(hash.name() + " HASH", range.name() + " RANGE");
    }

    /** The checks fail on templates that break the rules (so the green checks above mean something). */
    @Nested
    class ChecksCatchViolations {

        @Test
        void shortFormTagsBecomeLongForm() {
            Template t = Template.parse("""
                    Resources:
                      A:
                        Type: X
                        Properties:
                          R: !Ref B
                          G: !GetAtt B.Arn
                          S: !Sub "${AWS::StackName}-x"
                          J: !Join [":", [a, !Ref B]]
                          I: !If [Cond, 1, 2]
                      B:
                        Type: Y
                    """);
            Map<String, Object> props = properties(t.resource("A"));

            assertThat(props.get("R")).isEqualTo(Map.of("Ref", "B"));
            assertThat(props.get("G")).isEqualTo(Map.of("Fn::GetAtt", List.of("B", "Arn")));
            assertThat(text(props.get("S"))).isEqualTo("${AWS::StackName}-x");
            assertThat(text(props.get("J"))).isEqualTo("a:${B}");
            assertThat(props.get("I")).isEqualTo(Map.of("Fn::If", List.of("Cond", 1, 2)));
        }

        @Test
        void wildcardGrantsInResourcePoliciesAndCors() {
            Template t = Template.parse("""
                    Resources:
                      Public:
                        Type: AWS::SQS::QueuePolicy
                        Properties:
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                Principal: "*"
                                Action: sqs:SendMessage
                                Resource: !GetAtt Q.Arn
                              - Effect: Allow
                                Principal: {AWS: "arn:aws:iam::*:root"}
                                Action: sqs:*
                                Resource: "*"
                              - Effect: Deny
                                Principal: "*"
                                Action: "sqs:*"
                                Resource: !GetAtt Q.Arn
                      Key:
                        Type: AWS::KMS::Key
                        Properties:
                          KeyPolicy:
                            Statement:
                              - Effect: Allow
                                Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
                                Action: "kms:*"
                                Resource: "*"
                              - Effect: Allow
                                Principal: {Service: logs.amazonaws.com}
                                Action: "kms:*"
                                Resource: "*"
                              - Effect: Allow
                                NotPrincipal: {AWS: "arn:aws:iam::111122223333:root"}
                                Action: kms:Decrypt
                                Resource: "*"
                      Api:
                        Type: AWS::Serverless::HttpApi
                        Properties:
                          CorsConfiguration:
                            AllowOrigins: ["*"]
                            AllowHeaders: [content-type]
                      Bucket:
                        Type: AWS::S3::Bucket
                        Properties:
                          CorsConfiguration:
                            CorsRules:
                              - AllowedOrigins: [https://clinic.example]
                                AllowedMethods: [GET]
                                AllowedHeaders: ["*"]
                      Invoke:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Principal: "*"
                    """);
            List<String> violations = TemplateChecks.noWildcardGrants(t);
            assertThat(violations).anyMatch(v -> v.startsWith("Public.PolicyDocument.Statement[0]") && v.contains("principal"));
            assertThat(violations).anyMatch(v -> v.startsWith("Public.PolicyDocument.Statement[1]") && v.contains("principal"));
            assertThat(violations).anyMatch(v -> v.startsWith("Public.PolicyDocument.Statement[1]") && v.contains("sqs:*"));
            assertThat(violations).anyMatch(v -> v.startsWith("Public.PolicyDocument.Statement[1]") && v.contains("Resource"));
            assertThat(violations).noneMatch(v -> v.startsWith("Public.PolicyDocument.Statement[2]"));
            assertThat(violations).noneMatch(v -> v.startsWith("Key.KeyPolicy.Statement[0]"));
            assertThat(violations).anyMatch(v -> v.startsWith("Key.KeyPolicy.Statement[1]") && v.contains("kms:*"));
            assertThat(violations).anyMatch(v -> v.startsWith("Key.KeyPolicy.Statement[2]") && v.contains("NotPrincipal"));
            assertThat(violations).contains("Api: a CORS rule with a wildcard", "Bucket: a CORS rule with a wildcard");
            assertThat(violations).anyMatch(v -> v.startsWith("Invoke:"));
        }

        @Test
        void wildcardResourcesAndSharedOrBroadPolicies() {
            Template t = Template.parse("""
                    Resources:
                      Broad:
                        Type: AWS::IAM::Policy
                        Properties:
                          PolicyDocument:
                            Statement:
                              - Sid: Star
                                Effect: Allow
                                Action: dynamodb:*
                                Resource: "*"
                              - Sid: AllTables
                                Effect: Allow
                                Action: dynamodb:GetItem
                                Resource: !Sub "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*"
                              - Sid: AllLogs
                                Effect: Allow
                                Action: logs:PutLogEvents
                                Resource: !Sub "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:*"
                              - Sid: Fine
                                Effect: Allow
                                Action: dynamodb:Query
                                Resource:
                                  - !GetAtt T.Arn
                                  - !Sub "${T.Arn}/index/*"
                                  - !Sub "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/f:*"
                      T:
                        Type: AWS::DynamoDB::Table
                      F1:
                        Type: AWS::Serverless::Function
                        Properties:
                          Policies:
                            - AmazonDynamoDBFullAccess
                            - CloudWatchPutMetricPolicy: {}
                            - DynamoDBReadPolicy:
                                TableName: "*"
                      F2:
                        Type: AWS::Serverless::Function
                        Properties:
                          Role: !GetAtt SharedRole.Arn
                      F3:
                        Type: AWS::Serverless::Function
                        Properties:
                          Role: !GetAtt SharedRole.Arn
                      F4:
                        Type: AWS::Serverless::Function
                        Properties: {}
                    """);

            assertThat(String.join("\n", TemplateChecks.iam(t)))
                    .contains("Star: unscoped Resource *")
                    .contains("AllTables: unscoped")
                    .contains("AllLogs: unscoped")
                    .doesNotContain("Fine")
                    .contains("managed policy AmazonDynamoDBFullAccess")
                    .contains("CloudWatchPutMetricPolicy is not known to be resource-scoped")
                    .contains("DynamoDBReadPolicy.TableName has a wildcard")
                    .contains("share role")
                    .contains("F4: no Policies");
        }

        @Test
        void unretainedUnencryptedTables() {
            Template t = Template.parse("""
                    Resources:
                      T:
                        Type: AWS::DynamoDB::Table
                        Properties:
                          SSESpecification:
                            SSEEnabled: true
                      S:
                        Type: AWS::Serverless::SimpleTable
                    """);

            assertThat(String.join("\n", TemplateChecks.dataTables(t)))
                    .contains("SimpleTable")
                    .contains("T: DeletionPolicy must be Retain")
                    .contains("T: UpdateReplacePolicy must be Retain")
                    .contains("T: point-in-time recovery")
                    .contains("T: DeletionProtectionEnabled")
                    .contains("T: SSE must be enabled with SSEType KMS")
                    .contains("T: KMSMasterKeyId");
        }

        @Test
        void unencryptedTopicsSilentAlarmsAndAlarmsOnMetricsNobodyWrites() {
            Template t = Template.parse("""
                    Resources:
                      Topic:
                        Type: AWS::SNS::Topic
                      Silent:
                        Type: AWS::CloudWatch::Alarm
                        Properties:
                          Namespace: AWS/SQS
                          MetricName: ApproximateNumberOfMessagesVisible
                      Typo:
                        Type: AWS::CloudWatch::Alarm
                        Properties:
                          Namespace: SpineIntake
                          MetricName: UnclaimedPastEscalations
                          Dimensions:
                            - Name: Bnd
                              Value: EMERGENCY
                          AlarmActions:
                            - !Ref Topic
                    """);

            assertThat(String.join("\n", TemplateChecks.alertsAndAlarms(t)))
                    .contains("Topic: KmsMasterKeyId")
                    .contains("Silent: AlarmActions")
                    .contains("Typo: metric UnclaimedPastEscalations")
                    .contains("Typo: dimension Bnd");
        }

        @Test
        void sqsConsumerWithoutPartialFailuresOrWithTooShortVisibility() {
            Template t = Template.parse("""
                    Globals:
                      Function:
                        Timeout: 40
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                        Properties:
                          VisibilityTimeout: 180
                      Consumer:
                        Type: AWS::Serverless::Function
                        Properties:
                          Events:
                            Jobs:
                              Type: SQS
                              Properties:
                                Queue: !GetAtt Q.Arn
                      GoodConsumer:
                        Type: AWS::Serverless::Function
                        Properties:
                          Timeout: 30
                          Events:
                            Jobs:
                              Type: SQS
                              Properties:
                                Queue: !GetAtt Q.Arn
                                FunctionResponseTypes: [ReportBatchItemFailures]
                    """);

            assertThat(TemplateChecks.sqsConsumers(t)).containsExactlyInAnyOrder(
                    "Consumer.Jobs: FunctionResponseTypes must include ReportBatchItemFailures",
                    "Consumer.Jobs: Q VisibilityTimeout 180 < 6 x function Timeout 40");
        }

        @Test
        void variablesTheCodeReadsButTheTemplateDoesNotSet(@TempDir Path repo) throws IOException {
            Path source = repo.resolve("functions/demo/src/main/java/demo/DemoHandler.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, """
                    package demo;
                    class DemoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
                        static final Config CONFIG = Config.fromEnvironment().require(Config.Var.CONSULT_QUEUE_URL);
                        String table = CONFIG.intakesTable();
                        String region = CONFIG.region().id();
                        String other = System.getenv("FEATURE_FLAG");
                        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent e, Context c) { return null; }
                    }
                    """);
            Template t = Template.parse("""
                    Globals:
                      Function:
                        Environment:
                          Variables:
                            FEATURE_FLAG: "on"
                    Resources:
                      Demo:
                        Type: AWS::Serverless::Function
                        Properties:
                          CodeUri: functions/demo/target/demo.jar
                          Handler: demo.DemoHandler::handleRequest
                          Environment:
                            Variables:
                              INTAKES_TABLE: x
                          Events:
                            Api:
                              Type: HttpApi
                      Missing:
                        Type: AWS::Serverless::Function
                        Properties:
                          CodeUri: functions/demo/target/demo.jar
                          Handler: demo.NoSuchHandler::handleRequest
                    """);

            assertThat(TemplateChecks.variablesReadBy(repo.resolve("functions/demo")))
                    .containsExactlyInAnyOrder("INTAKES_TABLE", "CONSULT_QUEUE_URL", "FEATURE_FLAG");
            assertThat(TemplateChecks.environment(t, repo)).contains(
                    "Demo: code reads CONSULT_QUEUE_URL but the template does not set it");
            assertThat(TemplateChecks.environment(t, repo)).noneMatch(v -> v.startsWith("Demo") && v.contains("INTAKES_TABLE"));
            assertThat(TemplateChecks.handlers(t, repo)).containsExactly(
                    "Missing: handler class demo.NoSuchHandler not found at functions/demo/src/main/java/demo/NoSuchHandler.java");
        }

        @Test
        void aPublicBucketAndASiteWithoutHeadersOrHttps() {
            Template t = Template.parse("""
                    Resources:
                      Bucket:
                        Type: AWS::S3::Bucket
                        Properties:
                          PublicAccessBlockConfiguration:
                            BlockPublicAcls: true
                      Headers:
                        Type: AWS::CloudFront::ResponseHeadersPolicy
                        Properties:
                          ResponseHeadersPolicyConfig:
                            SecurityHeadersConfig:
                              ContentSecurityPolicy:
                                ContentSecurityPolicy: "default-src 'self' 'unsafe-inline'"
                      Site:
                        Type: AWS::CloudFront::Distribution
                        Properties:
                          DistributionConfig:
                            Origins:
                              - Id: s3
                                DomainName: !GetAtt Bucket.RegionalDomainName
                            DefaultCacheBehavior:
                              ViewerProtocolPolicy: allow-all
                              ResponseHeadersPolicyId: !Ref Headers
                      Api:
                        Type: AWS::Serverless::HttpApi
                        Properties:
                          CorsConfiguration:
                            AllowOrigins: ["*"]
                    """);

            assertThat(String.join("\n", TemplateChecks.site(t)))
                    .contains("Bucket: BlockPublicPolicy must be true")
                    .contains("Bucket: no default encryption")
                    .contains("Bucket: versioning must be Enabled")
                    .contains("reads a bucket without Origin Access Control")
                    .contains("allows plain HTTP")
                    .contains("Headers: CSP missing or allows unsafe-inline")
                    .contains("frame-ancestors 'none'")
                    .contains("Headers: no HSTS")
                    .contains("Referrer-Policy must be no-referrer")
                    .contains("Api: CORS AllowOrigins must name the site's distribution")
                    .contains("Api: CORS AllowOrigins has a wildcard");
        }

        @Test
        void scopedArns() {
            assertThat(TemplateChecks.isScoped("*")).isFalse();
            assertThat(TemplateChecks.isScoped("arn:aws:s3:::*")).isFalse();
            assertThat(TemplateChecks.isScoped("arn:aws:s3:::my-bucket/*")).isTrue();
            assertThat(TemplateChecks.isScoped("arn:aws:kms:eu-west-2:*:key/abc")).isFalse();
            assertThat(TemplateChecks.isScoped("arn:aws:kms:eu-west-2:123456789012:key/*")).isFalse();
            assertThat(TemplateChecks.isScoped("arn:aws:kms:eu-west-2:123456789012:key/abc")).isTrue();
            assertThat(TemplateChecks.isScoped("${AWS::AccountId}*")).isFalse();
        }
    }
}
