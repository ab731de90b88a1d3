package io.spineintake.triageapi.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Questionnaire generated from web/questionnaire/intake.json: valid R4, stable linkIds, types, conditions, Spanish. */
class FhirQuestionnaireTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode questionnaire() throws Exception {
        return JSON.readTree(IntakeQuestionnaire.json());
    }

    @Test
    void theQuestionnaireIsValidR4WithNoErrors() {
        assertThat(FhirValidation.errors("Questionnaire/intake", IntakeQuestionnaire.json())).isEmpty();
    }

    @Test
    void theValidatorChecksAResponseAgainstTheQuestionnaire() {
        String qr = """
                {"resourceType":"QuestionnaireResponse","questionnaire":"%s|%s","status":"completed","item":[
                 {"linkId":"health","item":[
                  {"linkId":"historyOfCancer","answer":[{"valueCoding":{"system":"%s","code":"MAYBE"}}]},
                  {"linkId":"noSuchQuestion","answer":[{"valueString":"x"}]}]}]}
                """.formatted(IntakeQuestionnaire.URL, IntakeQuestionnaire.definition().version(),
                Fhir.system("intake:yesNoUnsure"));
        // an answer code the question does not offer and an unknown linkId are errors: the QuestionnaireResponses
        // of the export tests are checked against this Questionnaire, not only against R4 base
        assertThat(FhirValidation.errors("negative control", qr)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void everyQuestionOfTheDefinitionIsAnItemWithItsOwnIdAsLinkId() throws Exception {
        Map<String, JsonNode> items = items(questionnaire());
        JsonNode definition = IntakeQuestionnaire.load();
        int asked = 0;
        for (JsonNode page : definition.path("pages")) {
            for (JsonNode q : page.path("questions")) {
                asked++;
                assertThat(items).containsKey(q.path("id").asText());
                assertThat(items.get(q.path("id").asText()).path("text").asText()).isEqualTo(q.path("label").path("en").asText());
            }
        }
        assertThat(asked).isGreaterThan(90);
        JsonNode q = questionnaire();
        assertThat(q.path("resourceType").asText()).isEqualTo("Questionnaire");
        assertThat(q.path("url").asText()).isEqualTo(IntakeQuestionnaire.URL);
        assertThat(q.path("version").asText()).isEqualTo(definition.path("version").asText());
    }

    @Test
    void typesFollowTheAnswerKind() throws Exception {
        Map<String, JsonNode> items = items(questionnaire());
        assertThat(items.get("name").path("type").asText()).isEqualTo("string");
        assertThat(items.get("dateOfBirth").path("type").asText()).isEqualTo("date");
        assertThat(items.get("consentContact").path("type").asText()).isEqualTo("boolean");
        assertThat(items.get("nrsNow").path("type").asText()).isEqualTo("integer");
        assertThat(items.get("durationMonths").path("type").asText()).isEqualTo("integer");
        assertThat(items.get("priorMedialBranchBlockRelief").path("type").asText()).isEqualTo("decimal");
        assertThat(items.get("notes").path("type").asText()).isEqualTo("text");
        assertThat(items.get("regions").path("type").asText()).isEqualTo("choice");
        assertThat(items.get("regions").path("repeats").asBoolean()).isTrue();
        JsonNode saddle = items.get("saddleNumbness");
        assertThat(saddle.path("type").asText()).isEqualTo("choice");
        assertThat(saddle.path("answerOption").findValuesAsText("code")).containsExactly("YES", "NO", "UNSURE");
        assertThat(saddle.path("answerOption").get(2).path("valueCoding").path("display").asText()).isEqualTo("I'm not sure");
        assertThat(items.get("region-pain").path("repeats").asBoolean()).isTrue();
        assertThat(items.get("region-pain").path("item").get(0).path("linkId").asText()).isEqualTo("region-pain.region");
    }

    @Test
    void conditionsBecomeEnableWhen() throws Exception {
        Map<String, JsonNode> items = items(questionnaire());
        JsonNode side = items.get("worse-twistingSide").path("enableWhen");
        assertThat(side).hasSize(1);
        assertThat(side.get(0).path("question").asText()).isEqualTo("worse-twisting");
        assertThat(side.get(0).path("operator").asText()).isEqualTo("=");
        assertThat(side.get(0).path("answerCoding").path("code").asText()).isEqualTo("YES");
        JsonNode days = items.get("injuryDaysAgo");
        assertThat(days.path("enableWhen").findValuesAsText("question")).containsExactly("majorTrauma", "minorTraumaWithOsteoporosis");
        assertThat(days.path("enableBehavior").asText()).isEqualTo("any");
        // a region condition: the regions question outside a repeated page, the page's own region inside one
        assertThat(items.get("handClumsinessOrGaitTrouble").path("enableWhen").get(0).path("question").asText()).isEqualTo("regions");
        assertThat(items.get("occipitalHeadache").path("enableWhen").get(0).path("question").asText()).isEqualTo("region-spread.region");
        assertThat(items.get("occipitalHeadache").path("enableWhen").get(0).path("answerCoding").path("code").asText()).isEqualTo("CERVICAL");
        JsonNode cancer = items.get("cancerTreatedNowOrSpread");
        assertThat(cancer.path("enableWhen").findValuesAsText("code")).containsExactly("YES", "UNSURE");
    }

    @Test
    void spanishTextsAreTranslations() throws Exception {
        Map<String, JsonNode> items = items(questionnaire());
        JsonNode ext = items.get("nrsNow").path("_text").path("extension").get(0);
        assertThat(ext.path("url").asText()).isEqualTo("http://hl7.org/fhir/StructureDefinition/translation");
        assertThat(ext.path("extension").findValuesAsText("valueCode")).containsExactly("es");
        assertThat(ext.path("extension").findValuesAsText("valueString")).containsExactly("¿Qué tan fuerte es su dolor ahora mismo?");
        assertThat(questionnaire().path("_title").path("extension")).hasSize(1);
    }

    @Test
    void linkIdsStayTheSameWhenQuestionsAndPagesAreReordered() throws Exception {
        JsonNode original = IntakeQuestionnaire.load();
        ObjectNode moved = original.deepCopy();
        ArrayNode pages = (ArrayNode) moved.path("pages");
        // swap two questions on a page, and two pages
        for (JsonNode page : pages) {
            if (page.path("id").asText().equals("how-much")) {
                ArrayNode qs = (ArrayNode) page.path("questions");
                JsonNode first = qs.get(0);
                qs.set(0, qs.get(1));
                qs.set(1, first);
            }
        }
        JsonNode p0 = pages.get(0);
        pages.set(0, pages.get(1));
        pages.set(1, p0);
        Map<String, JsonNode> before = items(JSON.readTree(Fhir.write(IntakeQuestionnaire.of(IntakeQuestionnaire.read(original)))));
        Map<String, JsonNode> after = items(JSON.readTree(Fhir.write(IntakeQuestionnaire.of(IntakeQuestionnaire.read(moved)))));
        assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
        for (String linkId : before.keySet()) {
            // the item itself is the same; a group's children the same set (in the new order)
            assertThat(withoutChildren(after.get(linkId))).as(linkId).isEqualTo(withoutChildren(before.get(linkId)));
            assertThat(after.get(linkId).path("item").findValuesAsText("linkId"))
                    .containsExactlyInAnyOrderElementsOf(before.get(linkId).path("item").findValuesAsText("linkId"));
        }
        List<String> order = new ArrayList<>(after.keySet());
        assertThat(order.indexOf("nrsAverage")).isLessThan(order.indexOf("nrsNow"));
    }

    static JsonNode withoutChildren(JsonNode item) {
        ObjectNode copy = item.deepCopy();
        copy.remove("item");
        return copy;
    }

    /** Every item by linkId, depth first. */
    static Map<String, JsonNode> items(JsonNode q) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect(q.path("item"), out);
        return out;
    }

    private static void collect(JsonNode items, Map<String, JsonNode> out) {
        for (JsonNode i : items) {
            assertThat(out.put(i.path("linkId").asText(), i)).as("linkId %s is unique", i.path("linkId").asText()).isNull();
            collect(i.path("item"), out);
        }
    }
}
