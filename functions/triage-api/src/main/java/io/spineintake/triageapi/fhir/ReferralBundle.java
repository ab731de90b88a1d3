package io.spineintake.triageapi.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.triage.assess.Disposition;
import io.spineintake.triage.block.BlockEpisode;
import io.spineintake.triage.block.BlockVerdict;
import io.spineintake.triage.block.PointRelief;
import io.spineintake.triage.block.ReliefStandard;
import io.spineintake.triage.block.SpinalLevel;
import io.spineintake.triage.block.ThresholdVerdict;
import io.spineintake.triage.form.Region;
import io.spineintake.triageapi.fhir.Fhir.Address;
import io.spineintake.triageapi.fhir.Fhir.Annotation;
import io.spineintake.triageapi.fhir.Fhir.BundleEntry;
import io.spineintake.triageapi.fhir.Fhir.CodeableConcept;
import io.spineintake.triageapi.fhir.Fhir.Coding;
import io.spineintake.triageapi.fhir.Fhir.Communication;
import io.spineintake.triageapi.fhir.Fhir.ContactPoint;
import io.spineintake.triageapi.fhir.Fhir.HumanName;
import io.spineintake.triageapi.fhir.Fhir.Identifier;
import io.spineintake.triageapi.fhir.Fhir.Period;
import io.spineintake.triageapi.fhir.Fhir.Reference;
import io.spineintake.triageapi.fhir.IntakeQuestionnaire.Definition;
import io.spineintake.triageapi.fhir.IntakeQuestionnaire.Question;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A referral as a FHIR R4 Bundle of type collection: Patient, QuestionnaireResponse, RiskAssessment,
 * a Flag per red flag, the ServiceRequest for the consult, the coordinator's Task, and per recorded
 * block a Procedure with Observations of the baseline, each diary score and both verdicts. Every id
 * is derived from the referral's (or the episode's) id, so the same referral gives the same
 * Bundle; the only times in it are the data's own (no Bundle.timestamp, no meta.lastUpdated).
 */
public final class ReferralBundle {
    static final String LOINC = "http://loinc.org";
    /** LOINC 72514-3: Pain severity - 0-10 verbal numeric rating [Score] - Reported. */
    static final String PAIN_NRS = "72514-3";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";
    static final String RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability";
    static final String LANGUAGES = "urn:ietf:bcp:47";

    static final String INTAKE = Fhir.system("intake");
    static final String REFERRAL = Fhir.system("referral");
    static final String EPISODE = Fhir.system("block-episode");
    static final String COORDINATOR = Fhir.system("coordinator");

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A recorded block: the episode, who recorded it, and the engine's verdict on its diary. */
    public record Block(BlockEpisode episode, String recordedBy, BlockVerdict verdict) {
    }

    /**
     * What the export is made of: the referral, its intake's receipt time, form and assessment (JSON
     * trees; null when the intake is missing), the blocks, and the clinic's relief standard.
     */
    public record Input(ReferralRecord referral, String receivedAt, JsonNode form, JsonNode assessment,
                        List<Block> blocks, ReliefStandard clinicStandard) {
    }

    // ---- the resources ---------------------------------------------------------------------------

    record Patient(String resourceType, String id, List<Identifier> identifier, List<HumanName> name,
                   List<ContactPoint> telecom, String birthDate, List<Address> address,
                   List<Communication> communication) {
    }

    record Prediction(CodeableConcept outcome, CodeableConcept qualitativeRisk, String rationale) {
    }

    record RiskAssessment(String resourceType, String id, String status, CodeableConcept method, Reference subject,
                          String occurrenceDateTime, List<Reference> basis, List<Prediction> prediction,
                          String mitigation, List<Annotation> note) {
    }

    record Flag(String resourceType, String id, String status, List<CodeableConcept> category, CodeableConcept code,
                Reference subject, Period period) {
    }

    record ServiceRequest(String resourceType, String id, List<Identifier> identifier, String status, String intent,
                          String priority, CodeableConcept code, Reference subject, String authoredOn,
                          List<CodeableConcept> reasonCode, List<Reference> supportingInfo,
                          List<CodeableConcept> bodySite, List<Annotation> note) {
    }

    record Restriction(Period period) {
    }

    record TaskOutput(CodeableConcept type, CodeableConcept valueCodeableConcept) {
    }

    record Task(String resourceType, String id, List<Identifier> identifier, String status,
                CodeableConcept businessStatus, String intent, String priority, CodeableConcept code,
                String description, Reference focus, @com.fasterxml.jackson.annotation.JsonProperty("for") Reference forPatient,
                Period executionPeriod, String authoredOn, String lastModified, Reference owner,
                List<Annotation> note, Restriction restriction, List<TaskOutput> output) {
    }

    record Procedure(String resourceType, String id, List<Identifier> identifier, List<Reference> basedOn,
                     String status, CodeableConcept code, Reference subject, String performedDateTime,
                     Reference recorder, List<CodeableConcept> bodySite, CodeableConcept outcome,
                     List<Annotation> note, List<CodeableConcept> usedCode) {
    }

    record Observation(String resourceType, String id, List<Reference> partOf, String status,
                       List<CodeableConcept> category, CodeableConcept code, Reference subject,
                       String effectiveDateTime, String issued, Integer valueInteger,
                       CodeableConcept valueCodeableConcept, List<Annotation> note, CodeableConcept method,
                       List<Reference> derivedFrom) {
    }

    private ReferralBundle() {
    }

    /** The Bundle of a referral, as FHIR JSON. */
    public static String json(Input in) {
        return Fhir.write(of(in, IntakeQuestionnaire.definition()));
    }

    static Fhir.Bundle of(Input in, Definition definition) {
        ReferralRecord r = in.referral();
        String rid = r.referralId();
        List<BundleEntry> entries = new ArrayList<>();
        Ids ids = new Ids(rid);
        Reference patient = Reference.to(ids.url("Patient"), "Patient");
        JsonNode form = in.form();
        JsonNode assessment = in.assessment();

        entries.add(ids.entry("Patient", patient(ids.id("Patient"), r, form)));

        List<Reference> supporting = new ArrayList<>();
        if (form != null) {
            String qrUrl = ids.url("QuestionnaireResponse");
            entries.add(new BundleEntry(qrUrl, new IntakeResponse.QuestionnaireResponse("QuestionnaireResponse",
                    ids.id("QuestionnaireResponse"), new Identifier(INTAKE, r.intakeId()),
                    IntakeQuestionnaire.URL + "|" + definition.version(), "completed", patient, in.receivedAt(), patient,
                    language(form), IntakeResponse.items(definition, form))));
            supporting.add(Reference.to(qrUrl, "QuestionnaireResponse"));
        }
        if (assessment != null) {
            String raUrl = ids.url("RiskAssessment");
            entries.add(new BundleEntry(raUrl, risk(ids.id("RiskAssessment"), patient, in.receivedAt(), assessment,
                    supporting.isEmpty() ? null : supporting.get(0))));
            supporting.add(Reference.to(raUrl, "RiskAssessment"));
            for (Flagged f : flags(assessment)) {
                String key = "Flag/" + f.flag().path("id").asText();
                entries.add(ids.entry(key, new Flag("Flag", ids.id(key), "active",
                        List.of(new CodeableConcept(List.of(Coding.of(FLAG_CATEGORY, "clinical", "Clinical")), f.kind())),
                        CodeableConcept.of(Coding.of(Fhir.system("red-flag"), f.flag().path("id").asText(),
                                f.flag().path("text").asText(null)), f.flag().path("text").asText(null)),
                        patient, new Period(in.receivedAt(), null))));
                supporting.add(Reference.to(ids.url(key), "Flag"));
            }
        }
        String srUrl = ids.url("ServiceRequest");
        entries.add(new BundleEntry(srUrl, serviceRequest(ids.id("ServiceRequest"), r, patient, assessment, supporting)));
        entries.add(ids.entry("Task", task(ids.id("Task"), r, patient, Reference.to(srUrl, "ServiceRequest"),
                assessment, definition)));

        for (Block b : in.blocks()) {
            blocks(entries, b, patient, Reference.to(srUrl, "ServiceRequest"), in.clinicStandard());
        }
        return new Fhir.Bundle(ids.id("Bundle"), new Identifier(REFERRAL, rid), List.copyOf(entries));
    }

    /** Stable ids: the name-based UUID of the referral's id and the resource's key. */
    record Ids(String referralId) {
        String id(String key) {
            return Fhir.uuid(referralId + "/" + key);
        }

        String url(String key) {
            return "urn:uuid:" + id(key);
        }

        BundleEntry entry(String key, Object resource) {
            return new BundleEntry(url(key), resource);
        }
    }

    // ---- Patient ----------------------------------------------------------------------------------

    static Patient patient(String id, ReferralRecord r, JsonNode form) {
        List<Identifier> identifier = r.intakeId() == null ? null : List.of(new Identifier(INTAKE, r.intakeId()));
        if (form == null) {
            return new Patient("Patient", id, identifier, null, null, null, null, null);
        }
        JsonNode p = form.path("patient");
        String preferred = p.path("preferredContact").asText("");
        List<ContactPoint> telecom = new ArrayList<>();
        String phone = text(p.path("phone"));
        if (phone != null) {
            telecom.add(new ContactPoint("phone", phone, null, preferred.equals("PHONE") ? 1 : null));
            if (preferred.equals("SMS")) {
                telecom.add(new ContactPoint("sms", phone, null, 1));
            }
        }
        String email = text(p.path("email"));
        if (email != null) {
            telecom.add(new ContactPoint("email", email, null, preferred.equals("EMAIL") ? 1 : null));
        }
        String name = text(p.path("name"));
        String postcode = text(p.path("postcode"));
        String lang = language(form);
        return new Patient("Patient", id, identifier, name == null ? null : List.of(new HumanName(name)), telecom,
                text(p.path("dateOfBirth")), postcode == null ? null : List.of(new Address(postcode)),
                lang == null ? null : List.of(new Communication(CodeableConcept.of(Coding.of(LANGUAGES, lang,
                        lang.equals("es") ? "Spanish" : "English"), null), true)));
    }

    static String language(JsonNode form) {
        String lang = text(form.path("patient").path("language"));
        return "en".equals(lang) || "es".equals(lang) ? lang : null;
    }

    // ---- RiskAssessment and Flags ------------------------------------------------------------------

    static RiskAssessment risk(String id, Reference patient, String receivedAt, JsonNode a, Reference basis) {
        String version = text(a.path("ruleSetVersion"));
        List<Prediction> predictions = new ArrayList<>();
        for (JsonNode region : a.path("regions")) {
            String tier = region.path("tier").asText("");
            StringBuilder why = new StringBuilder("Facet-likelihood score ").append(region.path("score").asInt())
                    .append(" of 100, tier ").append(tier).append(" (rule set ").append(version).append(").");
            for (JsonNode c : region.path("contributions")) {
                int points = c.path("points").asInt();
                why.append(' ').append(points >= 0 ? "+" : "").append(points).append(' ')
                        .append(c.path("ruleId").asText()).append(": ").append(c.path("text").asText());
                String source = text(c.path("source"));
                List<String> questions = new ArrayList<>();
                c.path("questions").forEach(q -> questions.add(q.asText()));
                if (source != null || !questions.isEmpty()) {
                    why.append(" (");
                    if (source != null) {
                        why.append(source);
                    }
                    if (!questions.isEmpty()) {
                        why.append(source != null ? "; " : "").append("answers ").append(String.join(", ", questions));
                    }
                    why.append(')');
                }
                why.append('.');
            }
            String regionName = region.path("region").asText();
            predictions.add(new Prediction(
                    CodeableConcept.of(Coding.of(Fhir.system("facet-pain-region"), regionName, null),
                            "Facet joint pain, " + regionWords(regionName)
                                    + (region.path("main").asBoolean() ? " (main region)" : "")),
                    riskTier(tier), why.toString()));
        }
        List<Annotation> note = new ArrayList<>();
        String reason = text(a.path("dispositionReason"));
        if (reason != null) {
            note.add(new Annotation("Disposition " + a.path("disposition").asText() + ": " + reason));
        }
        for (JsonNode n : a.path("redFlags").path("noted")) {
            note.add(new Annotation("Noted, counts only alongside another flag: " + n.path("text").asText()
                    + " (" + n.path("id").asText() + ")"));
        }
        note.add(new Annotation("Decision support for intake coordinators, not a diagnosis."));
        return new RiskAssessment("RiskAssessment", id, "final",
                new CodeableConcept(List.of(new Coding(Fhir.system("facet-rules"), version, "facet-likelihood",
                        "spine-intake facet-likelihood score")), "spine-intake facet rules, rule set " + version),
                patient, receivedAt, basis == null ? null : List.of(basis), predictions, null, note);
    }

    private static CodeableConcept riskTier(String tier) {
        return switch (tier) {
            case "HIGH" -> CodeableConcept.of(Coding.of(RISK_PROBABILITY, "high", "High likelihood"), tier);
            case "MODERATE" -> CodeableConcept.of(Coding.of(RISK_PROBABILITY, "moderate", "Moderate likelihood"), tier);
            case "LOW" -> CodeableConcept.of(Coding.of(RISK_PROBABILITY, "low", "Low likelihood"), tier);
            default -> null;
        };
    }

    record Flagged(JsonNode flag, String kind) {
    }

    /**
     * The red flags raised: hard stops, then urgent ones (each rule once). The weak ones the engine
     * only notes (they count alongside another, and the age at onset is never a flag) are the
     * RiskAssessment's notes instead.
     */
    static List<Flagged> flags(JsonNode a) {
        List<Flagged> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String[] group : new String[][] {{"hardStops", "Red flag: hard stop"}, {"urgent", "Red flag: urgent review"}}) {
            for (JsonNode f : a.path("redFlags").path(group[0])) {
                if (seen.add(f.path("id").asText())) {
                    out.add(new Flagged(f, group[1]));
                }
            }
        }
        return out;
    }

    // ---- ServiceRequest and Task ----------------------------------------------------------------

    /** EMERGENCY: stat; URGENT_REVIEW: asap; every other disposition: routine. */
    public static String priority(Disposition d) {
        if (d == null) {
            return "routine";
        }
        return switch (d) {
            case EMERGENCY -> "stat";
            case URGENT_REVIEW -> "asap";
            default -> "routine";
        };
    }

    /** The Task's status for the referral's. */
    public static String taskStatus(ReferralStatus s) {
        if (s == null) {
            return "requested";
        }
        return switch (s) {
            case NEW -> "requested";
            case IN_REVIEW -> "in-progress";
            case WAITING_FOR_PATIENT -> "on-hold";
            case DECIDED -> "completed";
        };
    }

    static String service(Disposition d) {
        if (d == null) {
            return "Spine intake review";
        }
        return switch (d) {
            case EMERGENCY -> "Emergency assessment: a hard-stop red flag was reported";
            case URGENT_REVIEW -> "Urgent clinical review of red flags";
            case CONSULT -> "Facet joint pain consult (diagnostic medial branch block pathway)";
            case OTHER_PATHWAY -> "General spine consult";
            case CONSERVATIVE_CARE_FIRST -> "Conservative care first; contact the patient again";
        };
    }

    static ServiceRequest serviceRequest(String id, ReferralRecord r, Reference patient, JsonNode a,
                                         List<Reference> supporting) {
        Disposition d = r.disposition();
        String status = r.open() ? "active"
                : r.outcome() != null && r.outcome().name().equals("DECLINED") ? "revoked" : "completed";
        List<CodeableConcept> reason = new ArrayList<>();
        if (r.tier() != null && r.score() != null) {
            reason.add(CodeableConcept.text("Facet likelihood " + r.tier() + " (score " + r.score() + " of 100)"));
        }
        List<CodeableConcept> bodySite = r.regions() == null ? List.of()
                : r.regions().stream().map(g -> CodeableConcept.text(regionWords(g.name()))).toList();
        List<Annotation> note = new ArrayList<>();
        if (a != null && text(a.path("dispositionReason")) != null) {
            note.add(new Annotation(a.path("dispositionReason").asText()));
        }
        return new ServiceRequest("ServiceRequest", id, List.of(new Identifier(REFERRAL, r.referralId())), status,
                "proposal", priority(d),
                CodeableConcept.of(Coding.of(Fhir.system("disposition"), d == null ? "UNKNOWN" : d.name(), null), service(d)),
                patient, r.submittedAt(), reason, supporting, bodySite, note);
    }

    static Task task(String id, ReferralRecord r, Reference patient, Reference focus, JsonNode a, Definition d) {
        String owner = r.assignee() != null ? r.assignee() : r.decidedBy();
        List<String> confirm = new ArrayList<>();
        if (a != null) {
            a.path("toConfirm").forEach(p -> confirm.add(label(d, p.asText())));
        }
        List<Annotation> note = r.note() == null || r.note().isBlank() ? List.of() : List.of(new Annotation(r.note()));
        List<TaskOutput> output = r.outcome() == null ? List.of() : List.of(new TaskOutput(
                CodeableConcept.text("Coordinator's decision"),
                CodeableConcept.of(Coding.of(Fhir.system("outcome"), r.outcome().name(), null),
                        r.reason() == null ? null : "Reason: " + r.reason())));
        return new Task("Task", id, List.of(new Identifier(REFERRAL, r.referralId())), taskStatus(r.status()),
                r.status() == null ? null : CodeableConcept.of(Coding.of(Fhir.system("referral-status"), r.status().name(), null), null),
                "order", priority(r.disposition()),
                CodeableConcept.text("Intake coordinator: review the referral and decide the next step"),
                confirm.isEmpty() ? null : "Confirm with the patient: " + String.join("; ", confirm),
                focus, patient, r.decidedAt() == null ? null : new Period(null, r.decidedAt()), r.createdAt(),
                r.lastEntry() == null ? null : r.lastEntry().at(),
                owner == null ? null : new Reference(null, null, new Identifier(COORDINATOR, owner), owner),
                note, r.dueAt() == null ? null : new Restriction(new Period(null, r.dueAt())), output);
    }

    /** A form pointer (or a readiness criterion's id) in words: the question's label and linkId when one asks it. */
    static String label(Definition d, String pointer) {
        String generic = pointer.replaceAll("^/pain/regions/\\d+/", "/pain/regions/*/");
        for (Question q : d.byId().values()) {
            if (q.pointer().equals(generic)) {
                return q.en() + " (" + q.id() + ")";
            }
        }
        return pointer;
    }

    // ---- blocks ---------------------------------------------------------------------------------

    static void blocks(List<BundleEntry> entries, Block b, Reference patient, Reference serviceRequest,
                       ReliefStandard clinicStandard) {
        BlockEpisode e = b.episode();
        Ids ids = new Ids(e.episodeId());
        String procUrl = ids.url("Procedure");
        Reference procedure = Reference.to(procUrl, "Procedure");
        BlockVerdict v = b.verdict();
        String ended = ts(e.injectionEnded());
        String levels = e.levels().stream().map(SpinalLevel::label).collect(Collectors.joining(", "));
        ThresholdVerdict counts = v == null ? null : v.verdict(clinicStandard);
        entries.add(new BundleEntry(procUrl, new Procedure("Procedure", ids.id("Procedure"),
                List.of(new Identifier(EPISODE, e.episodeId())), List.of(serviceRequest), "completed",
                CodeableConcept.of(Coding.of(Fhir.system("block"), "MEDIAL_BRANCH_BLOCK_" + e.diagnosticBlock().name(), null),
                        "Diagnostic medial branch block (" + e.diagnosticBlock().name().toLowerCase(Locale.ROOT) + ")"),
                patient, ended,
                b.recordedBy() == null ? null : new Reference(null, null, new Identifier(COORDINATOR, b.recordedBy()), b.recordedBy()),
                List.of(CodeableConcept.text(levels + ", " + side(e) + " (" + regionWords(e.region().name()) + ")")),
                counts == null ? null : CodeableConcept.of(Coding.of(Fhir.system("block-result"), counts.result().name(), null),
                        counts.explanation()),
                List.of(new Annotation("Baseline NRS " + e.baselineNrs() + " of 10 just before the block; "
                        + "the clinic's relief standard is " + clinicStandard + ".")),
                List.of(CodeableConcept.of(Coding.of(Fhir.system("anaesthetic"), e.anaesthetic().name(), null),
                        capitalised(e.anaesthetic().name()))))));

        List<CodeableConcept> survey = List.of(CodeableConcept.of(Coding.of(OBSERVATION_CATEGORY, "survey", "Survey"), null));
        String baselineKey = "Observation/baseline";
        entries.add(ids.entry(baselineKey, new Observation("Observation", ids.id(baselineKey), List.of(procedure), "final",
                survey, nrs("Pain severity just before the block (baseline)"), patient, ended, null, e.baselineNrs(), null,
                null, null, null)));
        List<Reference> points = new ArrayList<>();
        if (v == null) {
            return;
        }
        for (PointRelief p : v.points()) {
            if (p.missing()) {
                continue; // a missed point stays missing: no Observation, never filled in
            }
            String key = "Observation/diary/" + p.point().minutesAfter();
            String note = p.relief().describe() + " against the baseline" + (p.late() ? "; recorded late" : "");
            entries.add(ids.entry(key, new Observation("Observation", ids.id(key), List.of(procedure), "final", survey,
                    nrs("Pain severity " + p.point().label() + " after the block (diary)"), patient,
                    ts(e.injectionEnded().plus(p.point().after())), ts(p.entry().receivedAt()), p.entry().nrs(), null,
                    List.of(new Annotation(note)), null, null)));
            points.add(Reference.to(ids.url(key), "Observation"));
        }
        for (ThresholdVerdict t : v.verdicts()) {
            String key = "Observation/verdict/" + t.standard().name();
            entries.add(ids.entry(key, new Observation("Observation", ids.id(key), List.of(procedure), "final", null,
                    CodeableConcept.of(Coding.of(Fhir.system("block-verdict"), t.standard().name(), null),
                            "Medial branch block response at " + t.standard() + " (at least " + t.thresholdPercent()
                                    + "% relief)" + (t.standard() == clinicStandard ? ", the clinic's standard" : "")),
                    patient, ended, null, null,
                    CodeableConcept.of(Coding.of(Fhir.system("block-result"), t.result().name(), null), t.result().name()),
                    List.of(new Annotation(t.explanation())),
                    new CodeableConcept(List.of(new Coding(Fhir.system("block-rules"), v.rulesVersion(), "diary-verdict", null)),
                            "spine-intake block rules " + v.rulesVersion()),
                    points)));
        }
    }

    private static CodeableConcept nrs(String text) {
        return CodeableConcept.of(Coding.of(LOINC, PAIN_NRS, "Pain severity - 0-10 verbal numeric rating [Score] - Reported"), text);
    }

    private static String side(BlockEpisode e) {
        return switch (e.side()) {
            case LEFT -> "left";
            case RIGHT -> "right";
            default -> "both sides";
        };
    }

    static String regionWords(String region) {
        try {
            return switch (Region.valueOf(region)) {
                case CERVICAL -> "neck (cervical)";
                case THORACIC -> "mid back (thoracic)";
                case LUMBAR -> "lower back (lumbar)";
            };
        } catch (IllegalArgumentException e) {
            return region;
        }
    }

    private static String capitalised(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    static String ts(Instant at) {
        return at == null ? null : TIMESTAMP.format(at);
    }

    private static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        String t = n.asText();
        return t.isBlank() ? null : t;
    }
}
