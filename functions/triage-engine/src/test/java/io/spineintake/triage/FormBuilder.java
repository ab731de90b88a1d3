package io.spineintake.triage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.spineintake.triage.form.IntakeForm;

/**
 * Builds intake forms for engine tests by setting JSON pointers on a minimal form: one lumbar
 * region, every question blank. Mapping skips the form contract on purpose, so a test states
 * exactly the answers it means.
 */
public final class FormBuilder {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ObjectNode root;

    private FormBuilder(ObjectNode root) {
        this.root = root;
    }

    /** One lumbar region, patient born 1980-06-15, consent given, everything else blank. */
    public static FormBuilder blank() {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("patient").put("name", "Test Patient").put("dateOfBirth", "1980-06-15").put("phone", "+1 555 0100");
        root.putObject("consent").put("contact", true).put("dataProcessing", true);
        root.putObject("pain").putArray("regions").addObject().put("region", "LUMBAR");
        return new FormBuilder(root);
    }

    /** Every safety question answered NO: the screen is clear. */
    public FormBuilder safetyClear() {
        for (String q : new String[] {"saddleNumbness", "bladderOrBowelChange", "worseningLegWeakness",
                "handClumsinessOrGaitTrouble", "suddenNeckPainWithNeuroSymptoms", "historyOfCancer",
                "unexplainedWeightLoss", "feverOrChills", "immunosuppressionOrSteroids", "injectingDrugUse",
                "recentSeriousInfection", "majorTrauma", "minorTraumaWithOsteoporosis", "constantNightPain",
                "nightSweats", "cancerTreatedNowOrSpread"}) {
            set("/safety/" + q, "NO");
        }
        return this;
    }

    /** An independent copy, to vary one form in several ways. */
    public FormBuilder copy() {
        return new FormBuilder(root.deepCopy());
    }

    public static FormBuilder of(JsonNode json) {
        return new FormBuilder(json.deepCopy());
    }

    /** Sets a value at a JSON pointer, creating objects (and array slots) on the way. */
    public FormBuilder set(String pointer, Object value) {
        String[] parts = pointer.substring(1).split("/");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = child(node, parts[i], parts[i + 1]);
        }
        String last = parts[parts.length - 1];
        JsonNode v = MAPPER.valueToTree(value);
        if (node instanceof ArrayNode a) {
            int idx = Integer.parseInt(last);
            while (a.size() <= idx) {
                a.addNull();
            }
            a.set(idx, v);
        } else {
            ((ObjectNode) node).set(last, v);
        }
        return this;
    }

    public FormBuilder remove(String pointer) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        if (parent instanceof ObjectNode o) {
            o.remove(pointer.substring(cut + 1));
        }
        return this;
    }

    private static JsonNode child(JsonNode node, String name, String next) {
        boolean nextIsIndex = next.chars().allMatch(Character::isDigit);
        if (node instanceof ArrayNode a) {
            int idx = Integer.parseInt(name);
            while (a.size() <= idx) {
                a.addObject();
            }
            return a.get(idx);
        }
        ObjectNode o = (ObjectNode) node;
        JsonNode c = o.get(name);
        if (c == null || c.isNull()) {
            c = nextIsIndex ? o.putArray(name) : o.putObject(name);
        }
        return c;
    }

    public JsonNode json() {
        return root.deepCopy();
    }

    public IntakeForm form() {
        try {
            return MAPPER.treeToValue(root, IntakeForm.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static IntakeForm read(JsonNode json) {
        return of(json).form();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
