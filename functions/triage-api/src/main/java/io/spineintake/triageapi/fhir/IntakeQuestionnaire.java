package io.spineintake.triageapi.fhir;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineintake.triageapi.fhir.Fhir.Coding;
import io.spineintake.triageapi.fhir.Fhir.Element;
import io.spineintake.triageapi.fhir.Fhir.Extension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake form's FHIR R4 Questionnaire, generated from the questionnaire definition the web form
 * is built from ({@code web/questionnaire/intake.json}, bundled into this function's jar at build
 * time). One group per page (linkId: the page's id), one item per question (linkId: the question's
 * own id, so reordering or moving questions never changes one); a page repeated per painful region
 * is a repeating group whose first item names the region. Texts in English with the Spanish as the
 * core translation extension.
 */
public final class IntakeQuestionnaire {
    /** The canonical URL of the Questionnaire (a URN: the project has no web address of its own). */
    public static final String URL = Fhir.SYSTEM_PREFIX + "Questionnaire:intake";
    public static final String ID = "intake";
    static final String RESOURCE = "intake.json";
    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    /** The linkId of the item that names a repeated page's region: the page's id and this. */
    static final String REGION_ITEM = ".region";
    /** What a repeated page's title says for its region ({region} in the definition). */
    static final Map<String, String> THIS_REGION = Map.of("en", "this area's", "es", "esta zona");

    // ---- the definition, as read ----------------------------------------------------------------

    /** An answer option: the code the form sends and its label. */
    record Option(String code, String en, String es) {
    }

    /** A question of the definition: its id, JSON pointer into the form, kind, label, options, condition. */
    record Question(String id, String pointer, String kind, String en, String es, boolean decimal, String system,
                    List<Option> options, JsonNode when, Page page) {
        boolean perRegion() {
            return pointer.contains("*");
        }

        String fhirType() {
            return switch (kind) {
                case "radio", "regions" -> "choice";
                case "consent" -> "boolean";
                case "date" -> "date";
                case "textarea" -> "text";
                case "scale" -> "integer";
                case "number" -> decimal ? "decimal" : "integer";
                default -> "string"; // text, tel, email
            };
        }

        Option option(String code) {
            for (Option o : options) {
                if (o.code().equals(code)) {
                    return o;
                }
            }
            return null;
        }
    }

    record Page(String id, String en, String es, boolean repeat, List<Question> questions) {
    }

    /** The definition: its version, the form's name and the pages that ask something. */
    record Definition(String version, String en, String es, List<Page> pages, Map<String, Question> byId) {
        Question question(String id) {
            return byId.get(id);
        }
    }

    private static final class Bundled {
        static final Definition DEFINITION = read(load());
        static final Questionnaire QUESTIONNAIRE = of(DEFINITION);
        static final String JSON = Fhir.write(QUESTIONNAIRE);
    }

    private IntakeQuestionnaire() {
    }

    /** The bundled definition. */
    static Definition definition() {
        return Bundled.DEFINITION;
    }

    /** The Questionnaire of the bundled definition, as FHIR JSON (built once). */
    public static String json() {
        return Bundled.JSON;
    }

    static Questionnaire questionnaire() {
        return Bundled.QUESTIONNAIRE;
    }

    static JsonNode load() {
        try (InputStream in = IntakeQuestionnaire.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the questionnaire definition is not bundled: " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a definition (the bundled one, or a test's). */
    static Definition read(JsonNode d) {
        Map<String, Question> byId = new LinkedHashMap<>();
        List<Page> pages = new ArrayList<>();
        for (JsonNode p : d.path("pages")) {
            if (!p.has("questions") || p.path("questions").isEmpty()) {
                continue; // advice pages ask nothing
            }
            List<Question> questions = new ArrayList<>();
            Page page = new Page(p.path("id").asText(), text(p.path("title"), "en"), text(p.path("title"), "es"),
                    "region".equals(p.path("repeat").asText(null)), questions);
            for (JsonNode q : p.path("questions")) {
                String id = q.path("id").asText();
                JsonNode opts = q.path("options");
                String system = Fhir.system("intake:" + (opts.isTextual() ? opts.asText() : id));
                JsonNode list = opts.isTextual() ? d.path("optionSets").path(opts.asText()) : opts;
                List<Option> options = new ArrayList<>();
                for (JsonNode o : list) {
                    options.add(new Option(o.path("value").asText(), text(o.path("label"), "en"), text(o.path("label"), "es")));
                }
                Question question = new Question(id, q.path("pointer").asText(), q.path("type").asText(),
                        text(q.path("label"), "en"), text(q.path("label"), "es"), q.path("decimal").asBoolean(false),
                        system, List.copyOf(options), q.has("when") ? q.get("when") : null, page);
                if (byId.put(id, question) != null) {
                    throw new IllegalStateException("two questions with the id " + id);
                }
                questions.add(question);
            }
            pages.add(page);
        }
        return new Definition(d.path("version").asText(), text(d.path("text").path("serviceName"), "en"),
                text(d.path("text").path("serviceName"), "es"), List.copyOf(pages), byId);
    }

    private static String text(JsonNode node, String lang) {
        String t = node.path(lang).asText(null);
        return t == null || t.isBlank() ? null : t;
    }

    // ---- the FHIR Questionnaire -----------------------------------------------------------------

    record Questionnaire(String resourceType, String id, String url, String version, String name, String title,
                         @JsonProperty("_title") Element titleTranslations, String status, List<String> subjectType,
                         String language, String description, List<Item> item) {
    }

    record Item(List<Extension> extension, String linkId, String text, @JsonProperty("_text") Element textTranslations,
                String type, List<EnableWhen> enableWhen, String enableBehavior, Boolean required, Boolean repeats,
                Boolean readOnly, List<AnswerOption> answerOption, List<Item> item) {
    }

    record EnableWhen(String question, String operator, Coding answerCoding) {
    }

    record OptionCoding(String system, String code, String display, @JsonProperty("_display") Element displayTranslations) {
    }

    record AnswerOption(OptionCoding valueCoding) {
    }

    /** The Questionnaire of a definition. */
    static Questionnaire of(Definition d) {
        List<Item> items = new ArrayList<>();
        for (Page page : d.pages()) {
            List<Item> children = new ArrayList<>();
            if (page.repeat()) {
                Question regions = d.question("regions");
                children.add(new Item(null, page.id() + REGION_ITEM, "Region", Element.translations("Zona"), "choice",
                        null, null, true, null, true, options(regions), null));
            }
            for (Question q : page.questions()) {
                children.add(item(d, q));
            }
            items.add(new Item(null, page.id(), title(page, "en"), Element.translations(title(page, "es")), "group",
                    null, null, null, page.repeat() ? true : null, null, null, children));
        }
        return new Questionnaire("Questionnaire", ID, URL, d.version(), "SpineIntake", d.en(), Element.translations(d.es()),
                "active", List.of("Patient"), "en",
                "The patient intake form of spine-intake, generated from its questionnaire definition (version "
                        + d.version() + "). Pages repeated per painful region are repeating groups whose first item names the region.",
                List.copyOf(items));
    }

    private static String title(Page page, String lang) {
        String t = "en".equals(lang) ? page.en() : page.es();
        return t == null ? null : t.replace("{region}", THIS_REGION.get(lang));
    }

    private static Item item(Definition d, Question q) {
        List<Extension> ext = null;
        if (q.kind().equals("scale")) {
            ext = List.of(Extension.integer(MIN_VALUE, 0), Extension.integer(MAX_VALUE, 10));
        }
        List<EnableWhen> when = enableWhen(d, q, q.when());
        return new Item(ext, q.id(), q.en(), Element.translations(q.es()), q.fhirType(), when,
                when.size() > 1 ? "any" : null, null, q.kind().equals("regions") ? true : null, null,
                q.fhirType().equals("choice") ? options(q) : null, null);
    }

    private static List<AnswerOption> options(Question q) {
        return q.options().stream().map(o -> new AnswerOption(new OptionCoding(q.system(), o.code(), o.en(),
                Element.translations(o.es())))).toList();
    }

    /**
     * A {@code when} as enableWhen: an answer in a set (one condition per value, any of them), any of
     * several conditions, a region (the repeated page's own region item, or the regions question).
     * {@code regionCount} has no enableWhen form (FHIR R4 cannot count answers): such a question is
     * always enabled. An option's own condition (which regions a spread may reach) is not carried.
     */
    static List<EnableWhen> enableWhen(Definition d, Question q, JsonNode when) {
        List<EnableWhen> out = new ArrayList<>();
        if (when == null) {
            return out;
        }
        if (when.has("any")) {
            for (JsonNode w : when.get("any")) {
                out.addAll(enableWhen(d, q, w));
            }
        } else if (when.has("region")) {
            Question regions = d.question("regions");
            String linkId = q.page().repeat() ? q.page().id() + REGION_ITEM : regions.id();
            for (JsonNode r : when.get("region")) {
                out.add(new EnableWhen(linkId, "=", coding(regions, r.asText())));
            }
        } else if (when.has("answer")) {
            Question other = d.question(when.get("answer").asText());
            if (other == null) {
                throw new IllegalStateException("question " + q.id() + " depends on an unknown question");
            }
            for (JsonNode v : when.path("in")) {
                out.add(new EnableWhen(other.id(), "=", coding(other, v.asText())));
            }
        }
        return out;
    }

    static Coding coding(Question q, String code) {
        Option o = q.option(code);
        return Coding.of(q.system(), code, o == null ? null : o.en());
    }
}
