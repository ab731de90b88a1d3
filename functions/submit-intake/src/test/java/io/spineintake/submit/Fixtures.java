package io.spineintake.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.local.backends.RepoRoot;
import io.spineintake.triage.TestForms;
import io.spineintake.triage.form.FormContract;
import io.spineintake.triage.form.FormReading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The forms these tests send, and every distinctive (fictitious) personal value in them, which
 * {@link PhiLogScanTest} looks for in the test logs. A test that sends a new personal value puts it
 * here, in {@link #distinctiveValues()}.
 */
final class Fixtures {

    /** One contract for the helpers here (the handlers under test build their own). */
    static final FormContract CONTRACT = FormContract.load();

    // The fictitious patient of most tests. Obviously fake: example.com, 555-01xx, no real postcode.
    static final String NAME = "Ottoline Verbruggen-Testcase";
    static final String DATE_OF_BIRTH = "1963-04-19";
    static final String PHONE = "+1 555 0147";
    static final String EMAIL = "ottoline.verbruggen@example.com";
    static final String POSTCODE = "QX4 7LB";
    static final String NOTES = "Aches after repotting geraniums; synthetic test note 7f3c.";
    /** Notes of a second body sent with an already used Idempotency-Key. */
    static final String OTHER_NOTES = "A different body for the same key; synthetic test note 91be.";

    // Text that must be stored verbatim.
    static final String EMOJI_NAME = "Zoë Þórunn-Ñúñez 🦴🧪 Ågård";
    /** Arabic and Hebrew, with a right-to-left override (U+202E) and a pop (U+202C). */
    static final String RTL_NAME = "مريم الاختبارية \u202Eשרה טסט\u202C";
    static final String SCRIPT_NOTES = "<script>alert(1)</script><img src=x onerror=alert(document.cookie)>";
    static final String SQL_NOTES = "'; DROP TABLE intakes; -- \" OR 1=1 /*";
    static final String CONTROL_NOTES = "line one\nline two\ttabbed \\ backslash \"quoted\"\r\nCRLF";

    /** Name prefix of the concurrency test's forms: "Quillon Parallelby 000".."Quillon Parallelby 149". */
    static final String PARALLEL_NAME = "Quillon Parallelby";
    /** Repeated to make an over-long name. */
    static final String LONG_NAME_UNIT = "Ysolde Overlongname ";
    /** The outage test's patient name prefix. */
    static final String OUTAGE_NAME = "Brannoch Outagewell";

    private Fixtures() {
    }

    /** Every distinctive personal value a test here sends (besides the event files and vignettes). */
    static List<String> distinctiveValues() {
        return List.of(NAME, DATE_OF_BIRTH, PHONE, EMAIL, POSTCODE, NOTES, OTHER_NOTES,
                EMOJI_NAME, RTL_NAME, SCRIPT_NOTES, SQL_NOTES, CONTROL_NOTES,
                PARALLEL_NAME, LONG_NAME_UNIT.strip(), OUTAGE_NAME);
    }

    /** The personal values of one form: patient name, date of birth, phone, email, postcode, and the notes. */
    static List<String> personalValues(JsonNode form) {
        List<String> values = new ArrayList<>();
        JsonNode patient = form.path("patient");
        for (String field : List.of("name", "dateOfBirth", "phone", "email", "postcode")) {
            if (patient.path(field).isTextual()) {
                values.add(patient.path(field).textValue());
            }
        }
        if (form.path("notes").isTextual()) {
            values.add(form.path("notes").textValue());
        }
        return values;
    }

    /** Where the triage engine's form fixtures live (its test resources: not on this module's classpath). */
    static Path triageFixtures() {
        return RepoRoot.find().resolve("functions/triage-engine/src/test/resources");
    }

    static Path eventsDir() {
        return RepoRoot.find().resolve("events/submit-intake");
    }

    /** The typical lumbar form (forms/typical.json: a CONSULT) with this suite's fictitious patient. */
    static ObjectNode typical() {
        ObjectNode form = read(triageFixtures().resolve("forms/typical.json"));
        form.set("patient", patient(NAME));
        form.put("notes", NOTES);
        return form;
    }

    /** A reference vignette V01..V12 as it is (patient "Test Patient Vnn"). */
    static ObjectNode vignette(String id) {
        return read(triageFixtures().resolve("vignettes/" + id + ".json"));
    }

    /** The typical form for patient n of the concurrency test. */
    static ObjectNode parallel(int n) {
        ObjectNode form = typical();
        ((ObjectNode) form.get("patient")).put("name", String.format("%s %03d", PARALLEL_NAME, n));
        return form;
    }

    static ObjectNode patient(String name) {
        return TestForms.NODES.objectNode()
                .put("name", name)
                .put("dateOfBirth", DATE_OF_BIRTH)
                .put("phone", PHONE)
                .put("email", EMAIL)
                .put("preferredContact", "PHONE")
                .put("postcode", POSTCODE)
                .put("language", "en");
    }

    static ObjectNode read(Path file) {
        try {
            return (ObjectNode) TestForms.PLAIN.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The form as the contract writes it (what the intake stores as formJson). */
    static String canonical(byte[] body) {
        FormReading reading = CONTRACT.read(body);
        if (!reading.isValid()) {
            throw new IllegalArgumentException("not a valid form: " + reading.violations());
        }
        return CONTRACT.toJson(reading.form());
    }

    /** The typical form as text with the JSON at {@code pointer} replaced by {@code rawJson} (for what a tree cannot hold). */
    static String typicalWithRaw(String pointer, String rawJson) {
        return TestForms.withRaw(typical(), pointer, rawJson);
    }

    static List<String> lines(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
