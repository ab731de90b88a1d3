package io.spineintake.triageapi.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.triageapi.fhir.Fhir.Coding;
import io.spineintake.triageapi.fhir.Fhir.Identifier;
import io.spineintake.triageapi.fhir.Fhir.Reference;
import io.spineintake.triageapi.fhir.IntakeQuestionnaire.Definition;
import io.spineintake.triageapi.fhir.IntakeQuestionnaire.Page;
import io.spineintake.triageapi.fhir.IntakeQuestionnaire.Question;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A stored intake form as a QuestionnaireResponse to {@link IntakeQuestionnaire}: answers by linkId,
 * in the Questionnaire's order. A blank answer (absent, null or empty) is left out, never written as
 * "no"; "I'm not sure" is the answer UNSURE. An answer the form holds for a question whose
 * condition does not hold (so the form never asked it: an {@code implied} answer, or a value the
 * form did not collect) is left out too, as FHIR requires of a disabled item.
 */
final class IntakeResponse {

    record QuestionnaireResponse(String resourceType, String id, Identifier identifier, String questionnaire,
                                 String status, Reference subject, String authored, Reference source,
                                 String language, List<Item> item) {
    }

    record Item(String linkId, String text, List<Answer> answer, List<Item> item) {
    }

    record Answer(Boolean valueBoolean, BigDecimal valueDecimal, Integer valueInteger, String valueDate,
                  String valueString, Coding valueCoding) {
        static Answer coding(Coding c) {
            return new Answer(null, null, null, null, null, c);
        }
    }

    private IntakeResponse() {
    }

    /** The response's items for the form (a JSON tree of the stored form). */
    static List<Item> items(Definition d, JsonNode form) {
        List<Item> out = new ArrayList<>();
        List<String> regions = regions(form);
        for (Page page : d.pages()) {
            if (!page.repeat()) {
                List<Item> children = new ArrayList<>();
                for (Question q : page.questions()) {
                    answered(d, q, form, -1, regions).ifPresent(children::add);
                }
                if (!children.isEmpty()) {
                    out.add(new Item(page.id(), null, null, children));
                }
                continue;
            }
            Set<String> placed = new HashSet<>();
            for (int i = 0; i < regions.size(); i++) {
                List<Item> children = new ArrayList<>();
                for (Question q : page.questions()) {
                    if (!q.perRegion() && placed.contains(q.id())) {
                        continue; // a question about the whole form, answered in an earlier region's page
                    }
                    var item = answered(d, q, form, i, regions);
                    if (item.isPresent()) {
                        children.add(item.get());
                        if (!q.perRegion()) {
                            placed.add(q.id());
                        }
                    }
                }
                if (!children.isEmpty()) {
                    Question rq = d.question("regions");
                    children.add(0, new Item(page.id() + IntakeQuestionnaire.REGION_ITEM, "Region",
                            List.of(Answer.coding(IntakeQuestionnaire.coding(rq, regions.get(i)))), null));
                    out.add(new Item(page.id(), null, null, children));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The regions of the form in its order (the index '*' of a pointer). */
    static List<String> regions(JsonNode form) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : form.path("pain").path("regions")) {
            String code = r.path("region").asText(null);
            out.add(code == null ? "" : code);
        }
        return out;
    }

    private static java.util.Optional<Item> answered(Definition d, Question q, JsonNode form, int region, List<String> regions) {
        if (q.perRegion() && region < 0) {
            return java.util.Optional.empty();
        }
        if (!holds(d, q.when(), form, region, regions)) {
            return java.util.Optional.empty();
        }
        List<Answer> answers = answers(q, value(q, form, region));
        return answers.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Item(q.id(), q.en(), answers, null));
    }

    static JsonNode value(Question q, JsonNode form, int region) {
        String pointer = q.perRegion() ? q.pointer().replace("*", String.valueOf(region)) : q.pointer();
        return form.at(pointer);
    }

    /** The FHIR answers of a value: none for a blank. */
    static List<Answer> answers(Question q, JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return List.of();
        }
        switch (q.fhirType()) {
            case "choice":
                if (v.isArray()) {
                    List<Answer> out = new ArrayList<>();
                    for (JsonNode e : v) {
                        String code = e.isObject() ? e.path("region").asText(null) : e.asText(null);
                        if (code != null && !code.isBlank()) {
                            out.add(Answer.coding(IntakeQuestionnaire.coding(q, code)));
                        }
                    }
                    return out;
                }
                return List.of(Answer.coding(IntakeQuestionnaire.coding(q, v.asText())));
            case "boolean":
                return v.isBoolean() ? List.of(new Answer(v.booleanValue(), null, null, null, null, null)) : List.of();
            case "integer":
                if (v.isIntegralNumber()) {
                    return List.of(new Answer(null, null, v.intValue(), null, null, null));
                }
                return v.isNumber() ? List.of(new Answer(null, v.decimalValue(), null, null, null, null)) : List.of();
            case "decimal":
                return v.isNumber() ? List.of(new Answer(null, v.decimalValue(), null, null, null, null)) : List.of();
            case "date":
                return List.of(new Answer(null, null, null, v.asText(), null, null));
            default:
                return List.of(new Answer(null, null, null, null, v.asText(), null));
        }
    }

    /**
     * Whether a question's condition holds for the form, as the web form decides it
     * ({@code web/src/app/form-model.js} holds()): {@code region} the repeated page's region index, or -1.
     */
    static boolean holds(Definition d, JsonNode when, JsonNode form, int region, List<String> regions) {
        if (when == null || when.isNull()) {
            return true;
        }
        if (when.has("any")) {
            for (JsonNode w : when.get("any")) {
                if (holds(d, w, form, region, regions)) {
                    return true;
                }
            }
            return false;
        }
        if (when.has("region")) {
            List<String> wanted = new ArrayList<>();
            when.get("region").forEach(r -> wanted.add(r.asText()));
            return region >= 0 ? wanted.contains(regions.get(region)) : regions.stream().anyMatch(wanted::contains);
        }
        if (when.has("regionCount")) {
            return regions.size() >= when.get("regionCount").asInt();
        }
        if (when.has("selected")) {
            return regions.contains(when.get("selected").asText());
        }
        if (when.has("answer")) {
            Question other = d.question(when.get("answer").asText());
            if (other == null) {
                return false;
            }
            JsonNode v = value(other, form, other.perRegion() ? Math.max(region, 0) : -1);
            if (v.isMissingNode() || v.isNull()) {
                return false;
            }
            for (JsonNode allowed : when.path("in")) {
                if (allowed.asText().equals(v.asText())) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
