package io.spineintake.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.consult.ConsultQueueHandler;
import io.spineintake.local.backends.LambdaContext;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalBackends;
import io.spineintake.platform.Environment;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.intakes.RoutingState;
import io.spineintake.platform.referrals.Band;
import io.spineintake.platform.referrals.Outcome;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.reconcile.RouteReconcilerHandler;
import io.spineintake.submit.SubmitIntakeHandler;
import io.spineintake.triage.FormBuilder;
import io.spineintake.triage.GeneratedForms;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.assess.PatientMessage;
import io.spineintake.triage.rules.RuleSet;
import io.spineintake.triageapi.TriageApiHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Spec section 9 as a property of the whole system: every intake that got 201 is, once the consult
 * queue's consumer and the reconciler have run, on exactly one open list a person works (the band
 * of its disposition, with the due date the patient was told) or closed by a coordinator's
 * decision; none is on no list. Over generated forms, through the real handlers built as Lambda
 * builds them (their Environment constructors, the template's settings) on dynalite and ElasticMQ,
 * with faults: the queue down while some intakes are submitted (they stay PENDING until the
 * reconciler routes them) and messages delivered twice.
 */
class EveryIntakeOnAListTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId CLINIC = ZoneId.of("America/New_York");
    static final Map<String, String> COORDINATOR = Map.of("cognito:username", "invariant.tester",
            "cognito:groups", "[coordinators]");

    static LocalBackends backends;
    static LocalAws aws;
    static Stack stack;

    @BeforeContainer
    static void start() {
        backends = LocalBackends.start();
        aws = LocalAws.provision(backends, "every-intake");
        stack = new Stack(aws, Map.of());
    }

    @AfterContainer
    static void stop() {
        if (aws != null) {
            aws.close();
        }
        if (backends != null) {
            backends.close();
        }
    }

    /** The functions of one stack, built as Lambda builds them, with the template's default settings. */
    static final class Stack {
        final LocalAws aws;
        final SubmitIntakeHandler submit;
        final ConsultQueueHandler consumer;
        final RouteReconcilerHandler reconciler;
        final TriageApiHandler triage;
        final IntakeRepository intakes;
        final ReferralRepository referrals;

        Stack(LocalAws aws, Map<String, String> settings) {
            this.aws = aws;
            Map<String, String> env = new HashMap<>(Map.of(
                    "REFERRAL_DUE_EMERGENCY", "PT1H", "REFERRAL_DUE_URGENT_REVIEW", "P1D", "REFERRAL_DUE_CONSULT", "P14D",
                    "REFERRAL_DUE_OTHER_PATHWAY", "P14D", "EMERGENCY_NUMBER", "911", "CLINIC_TIME_ZONE", CLINIC.getId(),
                    "ROUTE_PENDING_MIN_AGE_SECONDS", "0", "CLAIM_LEASE_MINUTES", "30",
                    "WORKLIST_CURSOR_KEY", UUID.randomUUID() + "-" + UUID.randomUUID()));
            env.putAll(settings);
            Environment environment = new Environment(aws.config(env), aws.clients());
            submit = new SubmitIntakeHandler(environment);
            consumer = new ConsultQueueHandler(environment);
            reconciler = new RouteReconcilerHandler(environment);
            triage = new TriageApiHandler(environment);
            intakes = new IntakeRepository(aws.clients(), aws.intakesTable());
            referrals = new ReferralRepository(aws.clients(), aws.referralsTable(), aws.auditTable());
        }

        Sent post(Case c) {
            return post(c, c.form().json().toString());
        }

        Sent post(Case c, String body) {
            APIGatewayV2HTTPEvent e = event("POST /intakes", "/intakes", null);
            e.getHeaders().put("content-type", "application/json");
            e.getHeaders().put("idempotency-key", UUID.randomUUID().toString());
            e.setBody(body);
            APIGatewayV2HTTPResponse r = submit.handleRequest(e, LambdaContext.invocation("SubmitIntakeFunction", 29));
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
            JsonNode receipt = read(r.getBody());
            return new Sent(receipt.path("intakeId").asText(), c, receipt);
        }

        /** The consumer over everything queued, as the event source runs it; some messages arrive twice. */
        void drain(Set<String> deliveredTwice) {
            int empty = 0;
            while (empty < 2) {
                List<Message> messages = aws.clients().sqs().receiveMessage(r -> r.queueUrl(aws.consultQueueUrl())
                        .maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
                if (messages.isEmpty()) {
                    empty++;
                    continue;
                }
                List<SQSEvent.SQSMessage> batch = new ArrayList<>();
                for (Message m : messages) {
                    SQSEvent.SQSMessage s = new SQSEvent.SQSMessage();
                    s.setMessageId(m.messageId());
                    s.setReceiptHandle(m.receiptHandle());
                    s.setBody(m.body());
                    s.setEventSource("aws:sqs");
                    batch.add(s);
                    if (deliveredTwice.contains(read(m.body()).path("intakeId").asText())) {
                        batch.add(s);
                    }
                }
                SQSEvent event = new SQSEvent();
                event.setRecords(batch);
                SQSBatchResponse response = consumer.handleRequest(event, LambdaContext.invocation("ConsultQueueFunction", 30));
                assertThat(response.getBatchItemFailures()).isEmpty();
                for (Message m : messages) {
                    aws.clients().sqs().deleteMessage(r -> r.queueUrl(aws.consultQueueUrl()).receiptHandle(m.receiptHandle()));
                }
            }
        }

        /** A coordinator claims the referral and closes it as its disposition allows, with a reason. */
        void decide(String id) {
            APIGatewayV2HTTPEvent claim = event(TriageApiHandler.CLAIM, "/referrals/" + id + "/claim", COORDINATOR);
            claim.setPathParameters(new HashMap<>(Map.of("id", id)));
            APIGatewayV2HTTPResponse claimed = triage.handleRequest(claim, LambdaContext.invocation("TriageApiFunction", 10));
            assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(200);
            Disposition d = referrals.get(id).orElseThrow().disposition();
            Outcome closing = Outcome.outcomesFor(d).stream().filter(Outcome::closes).findFirst().orElseThrow();
            APIGatewayV2HTTPEvent decision = event(TriageApiHandler.DECISION, "/referrals/" + id + "/decision", COORDINATOR);
            decision.setPathParameters(new HashMap<>(Map.of("id", id)));
            decision.getHeaders().put("if-match", claimed.getHeaders().get("ETag"));
            decision.getHeaders().put("content-type", "application/json");
            decision.setBody("{\"outcome\":\"" + closing + "\",\"reason\":\"Invariant test: closed as the disposition allows.\"}");
            APIGatewayV2HTTPResponse decided = triage.handleRequest(decision, LambdaContext.invocation("TriageApiFunction", 10));
            assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(200);
        }

        /** Every open referral, through GET /referrals, page by page. */
        List<JsonNode> worklist() {
            List<JsonNode> all = new ArrayList<>();
            String cursor = null;
            do {
                APIGatewayV2HTTPEvent e = event(TriageApiHandler.LIST, "/referrals", COORDINATOR);
                Map<String, String> q = new HashMap<>(Map.of("limit", "100"));
                if (cursor != null) {
                    q.put("cursor", cursor);
                }
                e.setQueryStringParameters(q);
                e.setRawQueryString(ApiFuzzTest.rawQuery(q));
                APIGatewayV2HTTPResponse r = triage.handleRequest(e, LambdaContext.invocation("TriageApiFunction", 10));
                assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
                JsonNode page = read(r.getBody());
                page.path("items").forEach(all::add);
                cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            } while (cursor != null);
            return all;
        }
    }

    /** One patient's intake and what happens around it. */
    record Case(FormBuilder form, boolean queueDown, boolean deliveredTwice, boolean decided) {
        @Override
        public String toString() {
            return "Case[queueDown=" + queueDown + ", deliveredTwice=" + deliveredTwice + ", decided=" + decided
                    + ", form=" + form.json() + "]";
        }
    }

    @Provide
    Arbitrary<List<Case>> days() {
        Arbitrary<Case> one = Combinators.combine(GeneratedForms.forms(), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3))
                .as((form, down, twice, decide) -> new Case(form, down == 0, twice == 0, decide == 0));
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    record Sent(String intakeId, Case c, JsonNode receipt) {
    }

    @Property(tries = 20)
    void everyAcceptedIntakeIsOnExactlyOneOpenListOrClosedByADecision(@ForAll("days") List<Case> day) {
        List<Sent> sent = new ArrayList<>();
        for (Case c : day) {
            if (!c.queueDown()) {
                sent.add(stack.post(c));
            }
        }
        stack.drain(twice(sent));
        List<Case> duringOutage = day.stream().filter(Case::queueDown).toList();
        if (!duringOutage.isEmpty()) {
            aws.stopSqs();
            try {
                for (Case c : duringOutage) {
                    Sent s = stack.post(c);
                    assertThat(stack.intakes.get(s.intakeId()).orElseThrow().routingState())
                            .as("stored, not routed: the queue is down").isEqualTo(RoutingState.PENDING);
                    sent.add(s);
                }
            } finally {
                aws.startSqs();
            }
        }
        stack.reconciler.handleRequest(Map.of("source", "aws.events", "detail-type", "Scheduled Event"), LambdaContext.invocation("RouteReconcilerFunction", 120));
        stack.drain(twice(sent));
        for (Sent s : sent) {
            if (s.c().decided()) {
                stack.decide(s.intakeId());
            }
        }

        Map<String, Integer> listed = new HashMap<>();
        Map<String, JsonNode> items = new HashMap<>();
        stack.worklist().forEach(item -> {
            listed.merge(item.path("referralId").asText(), 1, Integer::sum);
            items.put(item.path("referralId").asText(), item);
        });
        for (Sent s : sent) {
            String id = s.intakeId();
            IntakeRecord intake = stack.intakes.get(id).orElseThrow();
            assertThat(intake.routingState()).as("routed").isEqualTo(RoutingState.ROUTED);
            ReferralRecord referral = stack.referrals.get(id).orElseThrow(() -> new AssertionError("no referral for " + id));
            Band band = Band.of(intake.disposition());
            JsonNode next = s.receipt().path("nextSteps");
            // what the patient was told matches the list the intake went to, and its date
            assertThat(next.path("code").asText()).isEqualTo(PatientMessage.of(band.disposition()).name());
            assertThat(referral.dueAt()).isEqualTo(intake.dueAt());
            if (intake.disposition() == Disposition.EMERGENCY) {
                assertThat(next.path("contactBy").isNull()).isTrue();
            } else {
                assertThat(next.path("contactBy").asText())
                        .isEqualTo(Instant.parse(referral.dueAt()).atZone(CLINIC).toLocalDate().toString());
            }
            if (s.c().decided()) {
                assertThat(referral.status()).isEqualTo(ReferralStatus.DECIDED);
                assertThat(referral.open()).isFalse();
                assertThat(listed.getOrDefault(id, 0)).as("closed: on no open list").isZero();
                assertThat(referral.reason()).isNotBlank();
            } else {
                assertThat(referral.open()).isTrue();
                assertThat(listed.getOrDefault(id, 0)).as("on exactly one open list").isEqualTo(1);
                assertThat(items.get(id).path("band").asText()).isEqualTo(band.name());
            }
        }
        // and across every day so far: no stored intake without a referral
        for (var item : aws.clients().dynamoDb().scanPaginator(r -> r.tableName(aws.intakesTable())
                .projectionExpression(IntakeRecord.INTAKE_ID)).items()) {
            assertThat(stack.referrals.get(item.get(IntakeRecord.INTAKE_ID).s())).isPresent();
        }
    }

    /**
     * The whole worklist, once with the bundled rule set and once with a clinic's file that retunes
     * every facet weight: the emergency and urgent bands list the same patients in the same order
     * (they are ordered by red flags and severity, never by the score), though the scores moved.
     */
    @Example
    void aClinicsOwnWeightsNeverReorderTheEmergencyAndUrgentBands() throws IOException {
        Path file = Files.createTempFile("clinic-rules", ".json");
        try (InputStream in = RuleSet.class.getResourceAsStream(RuleSet.BUNDLED)) {
            ObjectNode rules = (ObjectNode) JSON.readTree(in);
            java.util.Random random = new java.util.Random(20261201);
            for (JsonNode rule : rules.get("scoring")) {
                int p = rule.get("points").asInt();
                ((ObjectNode) rule).put("points", p >= 0 ? random.nextInt(40) : -random.nextInt(40));
                ((ObjectNode) rule).remove("regionPoints");
            }
            rules.put("version", "1.1.0-clinic");
            Files.write(file, JSON.writeValueAsBytes(rules));
        }
        try (LocalAws clinicAws = LocalAws.provision(backends, "clinic-weights");
             LocalAws bundledAws = LocalAws.provision(backends, "bundled-weights")) {
            Stack bundled = new Stack(bundledAws, Map.of());
            Stack clinic = new Stack(clinicAws, Map.of(RuleSet.RULES_FILE_VARIABLE, file.toString()));
            Listing withBundled = list(bundled);
            Listing withClinic = list(clinic);
            assertThat(withClinic.urgentOrder()).isEqualTo(withBundled.urgentOrder())
                    .containsExactlyInAnyOrder("V04", "V05", "V11", "V16", "V17");
            assertThat(withClinic.scores()).as("the clinic's weights did change the scores")
                    .hasSize(18).isNotEqualTo(withBundled.scores());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The vignettes of the emergency and urgent bands in worklist order, and every vignette's score. */
    record Listing(List<String> urgentOrder, Map<String, Integer> scores) {
    }

    /** V01..V18 submitted in order, routed and listed. */
    static Listing list(Stack stack) throws IOException {
        Map<String, String> vignetteOf = new HashMap<>();
        for (int i = 1; i <= 18; i++) {
            String v = String.format("V%02d", i);
            try (InputStream in = EveryIntakeOnAListTest.class.getResourceAsStream("/vignettes/" + v + ".json")) {
                vignetteOf.put(stack.post(null, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .intakeId(), v);
            }
        }
        stack.drain(Set.of());
        List<JsonNode> items = stack.worklist();
        Map<String, Integer> scores = new java.util.TreeMap<>();
        items.forEach(item -> scores.put(vignetteOf.get(item.path("referralId").asText()), item.path("score").asInt()));
        return new Listing(items.stream()
                .filter(item -> Set.of("EMERGENCY", "URGENT_REVIEW").contains(item.path("band").asText()))
                .map(item -> vignetteOf.get(item.path("referralId").asText())).toList(), scores);
    }

    static Set<String> twice(List<Sent> sent) {
        Set<String> ids = new HashSet<>();
        sent.stream().filter(s -> s.c().deliveredTwice()).forEach(s -> ids.add(s.intakeId()));
        return ids;
    }

    static APIGatewayV2HTTPEvent event(String routeKey, String path, Map<String, String> claims) {
        return ApiFuzzTest.event(routeKey, path, claims);
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
