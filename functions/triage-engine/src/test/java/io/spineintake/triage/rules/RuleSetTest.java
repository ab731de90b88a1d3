package io.spineintake.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.triage.FormBuilder;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static ObjectNode bundledJson() throws Exception {
        try (InputStream in = RuleSet.class.getResourceAsStream(RuleSet.BUNDLED)) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    static RuleSet load(JsonNode json) throws Exception {
        return RuleSet.parse(new ByteArrayInputStream(MAPPER.writeValueAsBytes(json)), "clinic.json");
    }

    static void assertRejected(Consumer<ObjectNode> breakIt, String... messageParts) throws Exception {
        ObjectNode json = bundledJson();
        breakIt.accept(json);
        assertThatThrownBy(() -> load(json)).isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith("rule set clinic.json: ")
                .hasMessageContainingAll(messageParts);
    }

    static ObjectNode scoring(ObjectNode root, String id) {
        for (JsonNode n : root.get("scoring")) {
            if (n.get("id").asText().equals(id)) {
                return (ObjectNode) n;
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void theBundledRuleSetCarriesTheSpecsStartingWeights() {
        RuleSet rules = RuleSet.bundled();
        assertThat(rules.version()).isEqualTo("1.1.0");
        assertThat(rules.highThreshold()).isEqualTo(60);
        assertThat(rules.moderateThreshold()).isEqualTo(35);
        assertThat(rules.scoring()).hasSize(Signal.values().length);
        assertThat(rules.rule(Signal.IMAGING).pointsFor(Region.CERVICAL)).isEqualTo(5);
        assertThat(rules.rule(Signal.IMAGING).pointsFor(Region.LUMBAR)).isEqualTo(10);
        assertThat(rules.rule(Signal.AGE).paramFor(Region.CERVICAL)).isEqualTo(55);
        assertThat(rules.rule(Signal.OCCIPITAL_HEADACHE).appliesTo(Region.LUMBAR)).isFalse();
        assertThat(rules.hardStops()).hasSize(5);
        assertThat(rules.urgentFlags()).hasSize(11);
        assertThat(rules.rule(Signal.REGION_PREVALENCE).pointsFor(Region.CERVICAL)).isEqualTo(10);
        assertThat(rules.rule(Signal.REGION_PREVALENCE).pointsFor(Region.THORACIC)).isEqualTo(5);
        assertThat(rules.rule(Signal.REGION_PREVALENCE).pointsFor(Region.LUMBAR)).isZero();
        assertThat(rules.severity()).extracting(SeverityGroup::id).containsExactly("SUSPECTED_ARTERIAL_INJURY",
                "SUSPECTED_CAUDA_EQUINA", "PROGRESSIVE_DEFICIT", "SUSPECTED_INFECTION", "SUSPECTED_MALIGNANCY", "FRACTURE_RISK");
        assertThat(rules.repeatRfa().minimumReliefPercent()).isEqualTo(50);
        assertThat(rules.repeatRfa().minimumMonths()).isEqualTo(6);
        assertThat(rules.recontact().painMonths()).isEqualTo(3);
        assertThat(rules.recontact().adviceWeeks()).isEqualTo(6);
        assertThat(rules.hardStops()).allSatisfy(f -> assertThat(f.advice()).as(f.id()).isNotNull());
        for (ScoringRule r : rules.scoring().values()) {
            assertThat(r.text()).as(r.id()).isNotBlank();
            assertThat(r.source()).as(r.id()).isNotBlank();
        }
    }

    @Test
    void aBrokenFileFailsFastNamingTheBadEntry() throws Exception {
        assertRejected(r -> scoring(r, "S_TENDERNESS").put("points", -10), "S_TENDERNESS", "points", "facet");
        assertRejected(r -> scoring(r, "S_LIMB_NEURO").put("points", 10), "S_LIMB_NEURO", "radicular");
        assertRejected(r -> scoring(r, "S_AXIAL").put("id", "S_MADE_UP"), "S_MADE_UP", "not a rule the engine knows");
        assertRejected(r -> ((ArrayNode) r.get("scoring")).add(scoring(r, "S_AGE").deepCopy()), "S_AGE", "repeats");
        assertRejected(r -> ((ArrayNode) r.get("scoring")).remove(1), "S_EXTENSION", "no entry");
        assertRejected(r -> ((ObjectNode) r.get("hardStops").get(0)).put("advice", "DO_NOTHING"), "H_SADDLE_NUMBNESS", "advice");
        assertRejected(r -> ((ObjectNode) r.get("severity").get(0)).putArray("any").add("U_MADE_UP"), "severity[0]", "U_MADE_UP");
        assertRejected(r -> ((ObjectNode) r.get("severity").get(0)).remove(java.util.List.of("all", "any")), "severity[0]",
                "all or any");
        assertRejected(r -> ((ObjectNode) r.get("severity").get(1)).put("id", "H_VASCULAR"), "severity[1]", "repeats");
        assertRejected(r -> r.remove("repeatRfa"), "repeatRfa", "missing");
        assertRejected(r -> scoring(r, "S_AXIAL").remove("source"), "S_AXIAL", "source", "missing");
        assertRejected(r -> scoring(r, "S_AXIAL").put("text", " "), "S_AXIAL", "text", "non-blank");
        assertRejected(r -> scoring(r, "S_AXIAL").put("kind", "RADICULAR"), "S_AXIAL", "kind");
        assertRejected(r -> scoring(r, "S_IMAGING").putObject("regionPoints").put("NECK", 5), "S_IMAGING", "NECK");
        assertRejected(r -> scoring(r, "S_AGE").remove("params"), "S_AGE", "params");
        assertRejected(r -> scoring(r, "S_AGE").put("points", 2.5), "S_AGE", "points", "whole number");
        assertRejected(r -> ((ObjectNode) r.get("tiers")).put("moderate", 70), "tiers.moderate", "below");
        assertRejected(r -> ((ObjectNode) r.get("tiers")).put("high", 101), "tiers.high");
        assertRejected(r -> ((ObjectNode) r.get("hardStops").get(0)).put("question", "saddle"), "hardStops[0]",
                "H_SADDLE_NUMBNESS", "saddle");
        assertRejected(r -> ((ObjectNode) r.get("urgentFlags").get(1)).put("id", "U_CANCER"), "urgentFlags[1]", "repeats");
        assertRejected(r -> r.remove("version"), "version", "missing");
        assertRejected(r -> ((ObjectNode) r.get("priorBlock").get("minimumHours")).put("LIDOCAINE", 0), "LIDOCAINE");
        assertRejected(r -> ((ObjectNode) r.get("readiness")).put("minimumPain", 11), "readiness.minimumPain");
        assertRejected(r -> ((ObjectNode) r.get("ageAtOnset")).put("under", 60), "ageAtOnset.under");
        assertRejected(r -> scoring(r, "S_LIMB_NEURO").put("floor", 10).put("floorText", "x"), "S_LIMB_NEURO", "floor");
    }

    @Test
    void notJsonIsRefusedWithTheFileName() {
        assertThatThrownBy(() -> RuleSet.parse(new ByteArrayInputStream("{ not json".getBytes(StandardCharsets.UTF_8)), "x.json"))
                .isInstanceOf(RuleSetException.class).hasMessageStartingWith("rule set x.json: not valid JSON");
        assertThatThrownBy(() -> RuleSet.parse(new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8)), "x.json"))
                .isInstanceOf(RuleSetException.class).hasMessageContaining("JSON object");
    }

    @Test
    void aClinicsOwnFileReplacesTheBundledOneThroughConfiguration(@TempDir Path dir) throws Exception {
        ObjectNode json = bundledJson();
        json.put("version", "clinic-7");
        scoring(json, "S_TENDERNESS").put("points", 30);
        Path file = dir.resolve("our-rules.json");
        Files.write(file, MAPPER.writeValueAsBytes(json));

        TriageEngine ours = TriageEngine.fromEnvironment(Map.of(RuleSet.RULES_FILE_VARIABLE, file.toString()));
        TriageEngine bundled = TriageEngine.fromEnvironment(Map.of());
        var form = FormBuilder.blank().safetyClear().set("/pain/regions/0/tenderBesideSpine", "YES").form();
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(ours.assess(form, now).score()).isEqualTo(30);
        assertThat(ours.assess(form, now).ruleSetVersion()).isEqualTo("clinic-7");
        assertThat(bundled.assess(form, now).score()).isEqualTo(10);
        assertThat(bundled.ruleSetVersion()).isEqualTo("1.1.0");
    }

    @Test
    void aMissingClinicFileFailsAtStartNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> TriageEngine.fromEnvironment(Map.of(RuleSet.RULES_FILE_VARIABLE, missing.toString())))
                .isInstanceOf(RuleSetException.class).hasMessageContaining("nope.json");
    }

    @Test
    void aZeroWeightSwitchesARuleOff() throws Exception {
        ObjectNode json = bundledJson();
        scoring(json, "S_TENDERNESS").put("points", 0);
        TriageEngine engine = new TriageEngine(load(json));
        var a = engine.assess(FormBuilder.blank().set("/pain/regions/0/tenderBesideSpine", "YES").form(),
                Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(a.score()).isZero();
        assertThat(a.regions().get(0).contributions()).isEmpty();
    }

    @Test
    void limitsNamedInTheMessagesAreInclusive() throws Exception {
        // "must be a whole number from 1 to 100": both ends are allowed
        ObjectNode json = bundledJson();
        ((ObjectNode) json.get("tiers")).put("high", 100).put("moderate", 1);
        ((ObjectNode) json.get("priorBlock").get("minimumHours")).put("BUPIVACAINE", 72);
        RuleSet rules = load(json);
        assertThat(rules.highThreshold()).isEqualTo(100);
        assertThat(rules.moderateThreshold()).isEqualTo(1);
        assertThat(rules.blockMinimumHours()).containsEntry(Anaesthetic.BUPIVACAINE, 72.0);
        assertRejected(r -> ((ObjectNode) r.get("tiers")).put("moderate", 0), "tiers.moderate", "from 1 to 100");
        assertRejected(r -> ((ObjectNode) r.get("priorBlock").get("minimumHours")).put("BUPIVACAINE", 72.5),
                "priorBlock.minimumHours.BUPIVACAINE", "at most 72");
    }

    @Test
    void thresholdsThatWouldMeetAreRefused() throws Exception {
        assertRejected(r -> ((ObjectNode) r.get("tiers")).put("moderate", 60),
                "tiers.moderate must be below tiers.high");
        assertRejected(r -> ((ObjectNode) r.get("ageAtOnset")).put("under", 50),
                "ageAtOnset.under must be below ageAtOnset.over");
    }

    @Test
    void aRadicularRuleSetToZeroIsSwitchedOff() throws Exception {
        ObjectNode json = bundledJson();
        scoring(json, "S_COUGH_PAIN").put("points", 0);
        TriageEngine engine = new TriageEngine(load(json));
        var a = engine.assess(FormBuilder.blank().set("/pain/regions/0/worseWith/coughingSneezing", "YES")
                .set("/pain/regions/0/tenderBesideSpine", "YES").form(), Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(a.score()).isEqualTo(10);
        assertThat(a.regions().get(0).contributions()).extracting(c -> c.ruleId()).containsExactly("S_TENDERNESS");
    }

    @Test
    void anUnknownRuleIdIsRefusedListingTheKnownOnes() throws Exception {
        ObjectNode json = bundledJson();
        scoring(json, "S_AXIAL").put("id", "S_MADE_UP");
        assertThatThrownBy(() -> load(json)).isInstanceOf(RuleSetException.class).hasMessage(
                "rule set clinic.json: scoring[3] (S_MADE_UP) is not a rule the engine knows; known ids: "
                        + "S_REGION_PREVALENCE, S_EXTENSION, S_ROTATION, S_AXIAL, S_TENDERNESS, S_EASED_LYING, S_NO_COUGH_PAIN, "
                        + "S_FORWARD_BENDING, S_MORNING_STIFFNESS, S_AGE, S_IMAGING, S_OCCIPITAL_HEADACHE, "
                        + "S_PRIOR_POSITIVE_BLOCK, S_DISTAL_SPREAD, S_LIMB_NEURO, S_COUGH_PAIN, S_LIMB_DOMINANT");
    }
}
