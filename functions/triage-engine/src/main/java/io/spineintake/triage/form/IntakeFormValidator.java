// GENERATED from intake-form.schema.json by SchemaCompiler (triage-engine test sources): do not edit.
// IntakeFormValidatorIsCurrentTest fails when this file and the schema differ. To regenerate:
//   mvn -B -pl functions/triage-engine test -Dtest=IntakeFormValidatorIsCurrentTest -Dregenerate=true
package io.spineintake.triage.form;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.triage.JsonPointer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The intake form schema as code: adds to {@code out} the violations the schema finds in a
 * parsed document (pointers and messages as FormContract reports them), in no particular order.
 */
final class IntakeFormValidator {
    private IntakeFormValidator() {
    }

    private static final Pattern NOTES_PATTERN = Pattern.compile("^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*\\z");
    private static final String[] FORM_PROPERTY_NAMES = {"patient", "consent", "pain", "treatments", "findings", "safety", "procedure", "notes"};
    private static final String[] ANSWER_VALUES = {"YES", "NO", "UNSURE"};
    private static final Pattern NAME_PATTERN = Pattern.compile("^[^\\u0000-\\u001F\\u007F]*[^\\s\\u0000-\\u001F\\u007F][^\\u0000-\\u001F\\u007F]*\\z");
    private static final Pattern PHONE_PATTERN = Pattern.compile("^\\+?[0-9(][0-9 ().-]*[0-9]\\z");
    private static final String[] PATIENT_PREFERRED_CONTACT_VALUES = {"PHONE", "SMS", "EMAIL"};
    private static final Pattern POSTCODE_PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 -]*\\z");
    private static final Pattern LANGUAGE_PATTERN = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\\z");
    private static final String[] PATIENT_PROPERTY_NAMES = {"name", "dateOfBirth", "phone", "email", "preferredContact", "postcode", "language"};
    private static final String[] CONSENT_PROPERTY_NAMES = {"contact", "dataProcessing"};
    private static final String[] PAIN_MAIN_REGION_VALUES = {"CERVICAL", "THORACIC", "LUMBAR"};
    private static final String[] PAIN_PROPERTY_NAMES = {"regions", "mainRegion", "nrs", "peg", "claudicationPattern"};
    private static final String[] PAIN_SCORES_SCORE_PROPERTIES = {"now", "average", "worst"};
    private static final String[] PAIN_SCORES_PROPERTY_NAMES = {"now", "average", "worst"};
    private static final String[] PEG_SCORE_PROPERTIES = {"averagePain", "enjoymentOfLife", "generalActivity"};
    private static final String[] PEG_PROPERTY_NAMES = {"averagePain", "enjoymentOfLife", "generalActivity"};
    private static final String[] REGION_PAIN_ANSWER_PROPERTIES = {"occipitalHeadache", "morningStiffness", "tenderBesideSpine"};
    private static final String[] REGION_PAIN_REGION_VALUES = {"CERVICAL", "THORACIC", "LUMBAR"};
    private static final String[] REGION_PAIN_SIDE_VALUES = {"LEFT", "RIGHT", "BOTH", "CENTRAL"};
    private static final String[] REGION_PAIN_ONSET_VALUES = {"GRADUAL", "AFTER_INJURY", "AFTER_MAJOR_TRAUMA"};
    private static final String[] REGION_PAIN_PATTERN_VALUES = {"MOSTLY_AXIAL", "MOSTLY_LIMB"};
    private static final String[] REGION_PAIN_SPREAD_VALUES = {"SPINE_ONLY", "BUTTOCK", "THIGH_ABOVE_KNEE", "BELOW_KNEE", "FOOT", "SHOULDER", "UPPER_ARM", "BELOW_ELBOW", "HAND", "AROUND_CHEST"};
    private static final String[] REGION_PAIN_PROPERTY_NAMES = {"region", "side", "durationMonths", "onset", "pattern", "spread", "occipitalHeadache", "limbSymptoms", "worseWith", "easedBy", "morningStiffness", "tenderBesideSpine"};
    private static final String[] LIMB_SYMPTOMS_ANSWER_PROPERTIES = {"numbness", "tingling", "weakness"};
    private static final String[] LIMB_SYMPTOMS_PROPERTY_NAMES = {"numbness", "tingling", "weakness"};
    private static final String[] MOVEMENTS_ANSWER_PROPERTIES = {"bendingForward", "bendingBackward", "twisting", "sideBending", "extensionWithRotation", "risingFromBent", "prolongedStanding", "prolongedSitting", "walking", "coughingSneezing", "lookingUp", "turningHead"};
    private static final String[] MOVEMENTS_TWISTING_SIDE_VALUES = {"LEFT", "RIGHT", "BOTH", "CENTRAL"};
    private static final String[] MOVEMENTS_PROPERTY_NAMES = {"bendingForward", "bendingBackward", "twisting", "sideBending", "extensionWithRotation", "risingFromBent", "prolongedStanding", "prolongedSitting", "walking", "coughingSneezing", "lookingUp", "turningHead", "twistingSide"};
    private static final String[] EASING_ANSWER_PROPERTIES = {"lyingDown", "sitting", "bendingForward", "walking"};
    private static final String[] EASING_PROPERTY_NAMES = {"lyingDown", "sitting", "bendingForward", "walking"};
    private static final String[] TREATMENT_OUTCOME_VALUES = {"NOT_TRIED", "HELPED", "DID_NOT_HELP", "COULD_NOT_TOLERATE"};
    private static final String[] TREATMENT_PROPERTY_NAMES = {"outcome", "weeks"};
    private static final String[] PRIOR_PROCEDURE_ANAESTHETIC_VALUES = {"LIDOCAINE", "BUPIVACAINE", "UNKNOWN"};
    private static final String[] PRIOR_PROCEDURE_PROPERTY_NAMES = {"outcome", "reliefPercent", "reliefHours", "monthsAgo", "anaesthetic", "reliefMonths", "painReturned"};
    private static final String[] TREATMENTS_TREATMENT_PROPERTIES = {"physicalTherapy", "homeExercise", "analgesics", "muscleRelaxants", "manualTherapy", "acupuncture", "massage", "spinalInjections", "spineSurgery"};
    private static final String[] TREATMENTS_PROPERTY_NAMES = {"physicalTherapy", "homeExercise", "analgesics", "muscleRelaxants", "manualTherapy", "acupuncture", "massage", "spinalInjections", "priorMedialBranchBlock", "priorRadiofrequencyAblation", "spineSurgery"};
    private static final String[] FINDINGS_ANSWER_PROPERTIES = {"facetArthropathy", "spondylosisOrDegeneration", "fracture", "tumour", "infection", "significantDeformity", "radiculopathy", "stenosisWithClaudication", "osteoporosis"};
    private static final String[] FINDINGS_PROPERTY_NAMES = {"facetArthropathy", "spondylosisOrDegeneration", "fracture", "tumour", "infection", "significantDeformity", "radiculopathy", "stenosisWithClaudication", "osteoporosis"};
    private static final String[] SAFETY_SCREEN_ANSWER_PROPERTIES = {"saddleNumbness", "bladderOrBowelChange", "worseningLegWeakness", "handClumsinessOrGaitTrouble", "suddenNeckPainWithNeuroSymptoms", "historyOfCancer", "unexplainedWeightLoss", "feverOrChills", "immunosuppressionOrSteroids", "injectingDrugUse", "recentSeriousInfection", "majorTrauma", "minorTraumaWithOsteoporosis", "constantNightPain", "nightSweats", "cancerTreatedNowOrSpread"};
    private static final String[] SAFETY_SCREEN_PROPERTY_NAMES = {"saddleNumbness", "bladderOrBowelChange", "worseningLegWeakness", "handClumsinessOrGaitTrouble", "suddenNeckPainWithNeuroSymptoms", "historyOfCancer", "unexplainedWeightLoss", "feverOrChills", "immunosuppressionOrSteroids", "injectingDrugUse", "recentSeriousInfection", "majorTrauma", "minorTraumaWithOsteoporosis", "constantNightPain", "nightSweats", "cancerTreatedNowOrSpread", "injuryDaysAgo"};
    private static final String[] PROCEDURE_SCREEN_ANSWER_PROPERTIES = {"bloodThinners", "contrastOrAnaestheticAllergy", "pregnant", "pacemakerOrStimulator", "diabetes"};
    private static final String[] PROCEDURE_SCREEN_PROPERTY_NAMES = {"bloodThinners", "contrastOrAnaestheticAllergy", "pregnant", "pacemakerOrStimulator", "diabetes"};

    /** Checks a whole document against the schema. */
    static void check(JsonNode document, List<Violation> out) {
        checkForm(document, "", null, out);
    }

    /**
     * The checks for one schema take the value, its parent's pointer and its own reference
     * token (null for the document itself), so a property that passes costs no string work.
     */
    private static String pointer(String parent, String token) {
        return token == null ? parent : parent + "/" + token;
    }

    private static void fail(List<Violation> out, String parent, String token, String message) {
        out.add(new Violation(pointer(parent, token), message));
    }

    private static void checkForm(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            if (!node.has("patient")) {
                fail(out, here, "patient", "is required");
            }
            if (!node.has("consent")) {
                fail(out, here, "consent", "is required");
            }
            if (!node.has("pain")) {
                fail(out, here, "pain", "is required");
            }
            int known1 = 0;
            JsonNode value2 = node.get("notes");
            if (value2 != null) {
                known1++;
                if (!(value2.isTextual() || value2.isNull())) {
                    fail(out, here, "notes", "must be a string");
                }
                if (value2.isTextual()) {
                    String s3 = value2.textValue();
                    int length3 = FormChecks.length(s3);
                    if (length3 > 4000) {
                        fail(out, here, "notes", "must be at most 4000 characters");
                    }
                    if (!NOTES_PATTERN.matcher(s3).find()) {
                        fail(out, here, "notes", "must not contain control characters other than tab and line breaks");
                    }
                }
            }
            JsonNode value4 = node.get("patient");
            if (value4 != null) {
                known1++;
                checkPatient(value4, here, "patient", out);
            }
            JsonNode value5 = node.get("consent");
            if (value5 != null) {
                known1++;
                checkConsent(value5, here, "consent", out);
            }
            JsonNode value6 = node.get("pain");
            if (value6 != null) {
                known1++;
                checkPain(value6, here, "pain", out);
            }
            JsonNode value7 = node.get("treatments");
            if (value7 != null) {
                known1++;
                checkTreatments(value7, here, "treatments", out);
            }
            JsonNode value8 = node.get("findings");
            if (value8 != null) {
                known1++;
                checkFindings(value8, here, "findings", out);
            }
            JsonNode value9 = node.get("safety");
            if (value9 != null) {
                known1++;
                checkSafetyScreen(value9, here, "safety", out);
            }
            JsonNode value10 = node.get("procedure");
            if (value10 != null) {
                known1++;
                checkProcedureScreen(value10, here, "procedure", out);
            }
            if (known1 != node.size()) {
                for (Iterator<String> names11 = node.fieldNames(); names11.hasNext(); ) {
                    String name11 = names11.next();
                    if (!FormChecks.isOneOf(name11, FORM_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name11), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkAnswer(JsonNode node, String at, String name, List<Violation> out) {
        if (!(node.isNull() || FormChecks.isOneOf(node, ANSWER_VALUES))) {
            fail(out, at, name, "must be one of YES, NO, UNSURE");
        }
    }

    private static void checkPatient(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            if (!node.has("name")) {
                fail(out, here, "name", "is required");
            }
            if (!node.has("dateOfBirth")) {
                fail(out, here, "dateOfBirth", "is required");
            }
            int known12 = 0;
            JsonNode value13 = node.get("name");
            if (value13 != null) {
                known12++;
                if (!(value13.isTextual())) {
                    fail(out, here, "name", "must be a string");
                }
                if (value13.isTextual()) {
                    String s14 = value13.textValue();
                    int length14 = FormChecks.length(s14);
                    if (length14 < 1) {
                        fail(out, here, "name", "must not be empty");
                    }
                    if (length14 > 200) {
                        fail(out, here, "name", "must be at most 200 characters");
                    }
                    if (!NAME_PATTERN.matcher(s14).find()) {
                        fail(out, here, "name", "must not be blank or contain control characters");
                    }
                }
            }
            JsonNode value15 = node.get("dateOfBirth");
            if (value15 != null) {
                known12++;
                if (!(value15.isTextual())) {
                    fail(out, here, "dateOfBirth", "must be a string");
                }
                if (value15.isTextual()) {
                    String s16 = value15.textValue();
                    int length16 = FormChecks.length(s16);
                    if (length16 < 10) {
                        fail(out, here, "dateOfBirth", "must be at least 10 characters");
                    }
                    if (length16 > 10) {
                        fail(out, here, "dateOfBirth", "must be at most 10 characters");
                    }
                    if (!FormChecks.isDate(s16)) {
                        fail(out, here, "dateOfBirth", "must be a real calendar date written YYYY-MM-DD");
                    }
                }
            }
            JsonNode value17 = node.get("phone");
            if (value17 != null) {
                known12++;
                if (!(value17.isTextual() || value17.isNull())) {
                    fail(out, here, "phone", "must be a string");
                }
                if (value17.isTextual()) {
                    String s18 = value17.textValue();
                    int length18 = FormChecks.length(s18);
                    if (length18 < 3) {
                        fail(out, here, "phone", "must be at least 3 characters");
                    }
                    if (length18 > 32) {
                        fail(out, here, "phone", "must be at most 32 characters");
                    }
                    if (!PHONE_PATTERN.matcher(s18).find()) {
                        fail(out, here, "phone", "must be a phone number: digits, spaces, brackets, dots or hyphens, optionally starting with +");
                    }
                }
            }
            JsonNode value19 = node.get("email");
            if (value19 != null) {
                known12++;
                if (!(value19.isTextual() || value19.isNull())) {
                    fail(out, here, "email", "must be a string");
                }
                if (value19.isTextual()) {
                    String s20 = value19.textValue();
                    int length20 = FormChecks.length(s20);
                    if (length20 < 3) {
                        fail(out, here, "email", "must be at least 3 characters");
                    }
                    if (length20 > 254) {
                        fail(out, here, "email", "must be at most 254 characters");
                    }
                    if (!FormChecks.isEmail(s20)) {
                        fail(out, here, "email", "must be an email address");
                    }
                }
            }
            JsonNode value21 = node.get("preferredContact");
            if (value21 != null) {
                known12++;
                if (!(value21.isNull() || FormChecks.isOneOf(value21, PATIENT_PREFERRED_CONTACT_VALUES))) {
                    fail(out, here, "preferredContact", "must be one of PHONE, SMS, EMAIL");
                }
            }
            JsonNode value22 = node.get("postcode");
            if (value22 != null) {
                known12++;
                if (!(value22.isTextual() || value22.isNull())) {
                    fail(out, here, "postcode", "must be a string");
                }
                if (value22.isTextual()) {
                    String s23 = value22.textValue();
                    int length23 = FormChecks.length(s23);
                    if (length23 < 1) {
                        fail(out, here, "postcode", "must not be empty");
                    }
                    if (length23 > 16) {
                        fail(out, here, "postcode", "must be at most 16 characters");
                    }
                    if (!POSTCODE_PATTERN.matcher(s23).find()) {
                        fail(out, here, "postcode", "must contain only letters, digits, spaces and hyphens");
                    }
                }
            }
            JsonNode value24 = node.get("language");
            if (value24 != null) {
                known12++;
                if (!(value24.isTextual() || value24.isNull())) {
                    fail(out, here, "language", "must be a string");
                }
                if (value24.isTextual()) {
                    String s25 = value24.textValue();
                    int length25 = FormChecks.length(s25);
                    if (length25 < 2) {
                        fail(out, here, "language", "must be at least 2 characters");
                    }
                    if (length25 > 35) {
                        fail(out, here, "language", "must be at most 35 characters");
                    }
                    if (!LANGUAGE_PATTERN.matcher(s25).find()) {
                        fail(out, here, "language", "must be a language tag such as en or pt-BR");
                    }
                }
            }
            if (known12 != node.size()) {
                for (Iterator<String> names26 = node.fieldNames(); names26.hasNext(); ) {
                    String name26 = names26.next();
                    if (!FormChecks.isOneOf(name26, PATIENT_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name26), "is not allowed here"));
                    }
                }
            }
        }
        List<String> anyOf27 = new ArrayList<>();
        int failedBranches27 = 0;
        int mark28 = anyOf27.size();
        if (node.isObject()) {
            if (!node.has("phone")) {
                anyOf27.add(here);
            }
            JsonNode value30 = node.get("phone");
            if (value30 != null) {
                if (!(value30.isTextual())) {
                    anyOf27.add(Pointers.parent(here + "/phone"));
                }
            }
        }
        if (anyOf27.size() > mark28) {
            failedBranches27++;
        }
        int mark31 = anyOf27.size();
        if (node.isObject()) {
            if (!node.has("email")) {
                anyOf27.add(here);
            }
            JsonNode value33 = node.get("email");
            if (value33 != null) {
                if (!(value33.isTextual())) {
                    anyOf27.add(Pointers.parent(here + "/email"));
                }
            }
        }
        if (anyOf27.size() > mark31) {
            failedBranches27++;
        }
        if (failedBranches27 == 2) {
            for (String owner : anyOf27) {
                out.add(new Violation(owner, anyOfMessage(owner)));
            }
        }
    }

    private static void checkConsent(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            if (!node.has("contact")) {
                fail(out, here, "contact", "is required");
            }
            if (!node.has("dataProcessing")) {
                fail(out, here, "dataProcessing", "is required");
            }
            int known34 = 0;
            JsonNode value35 = node.get("contact");
            if (value35 != null) {
                known34++;
                if (!(value35.isBoolean() && value35.booleanValue())) {
                    fail(out, here, "contact", "must be true");
                }
            }
            JsonNode value36 = node.get("dataProcessing");
            if (value36 != null) {
                known34++;
                if (!(value36.isBoolean() && value36.booleanValue())) {
                    fail(out, here, "dataProcessing", "must be true");
                }
            }
            if (known34 != node.size()) {
                for (Iterator<String> names37 = node.fieldNames(); names37.hasNext(); ) {
                    String name37 = names37.next();
                    if (!FormChecks.isOneOf(name37, CONSENT_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name37), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkPain(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            if (!node.has("regions")) {
                fail(out, here, "regions", "is required");
            }
            int known38 = 0;
            JsonNode value39 = node.get("regions");
            if (value39 != null) {
                known38++;
                if (!(value39.isArray())) {
                    fail(out, here, "regions", "must be an array");
                }
                if (value39.isArray()) {
                    int size40 = value39.size();
                    if (size40 < 1) {
                        fail(out, here, "regions", "must have at least 1 item");
                    }
                    if (size40 > 3) {
                        fail(out, here, "regions", "must have at most 3 items");
                    }
                    for (int i41 = 0; i41 < size40; i41++) {
                        checkRegionPain(value39.get(i41), here + "/regions", Integer.toString(i41), out);
                    }
                }
            }
            JsonNode value42 = node.get("mainRegion");
            if (value42 != null) {
                known38++;
                if (!(value42.isNull() || FormChecks.isOneOf(value42, PAIN_MAIN_REGION_VALUES))) {
                    fail(out, here, "mainRegion", "must be one of CERVICAL, THORACIC, LUMBAR");
                }
            }
            JsonNode value43 = node.get("nrs");
            if (value43 != null) {
                known38++;
                checkPainScores(value43, here, "nrs", out);
            }
            JsonNode value44 = node.get("peg");
            if (value44 != null) {
                known38++;
                checkPeg(value44, here, "peg", out);
            }
            JsonNode value45 = node.get("claudicationPattern");
            if (value45 != null) {
                known38++;
                checkAnswer(value45, here, "claudicationPattern", out);
            }
            if (known38 != node.size()) {
                for (Iterator<String> names46 = node.fieldNames(); names46.hasNext(); ) {
                    String name46 = names46.next();
                    if (!FormChecks.isOneOf(name46, PAIN_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name46), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkScore(JsonNode node, String at, String name, List<Violation> out) {
        if (!(FormChecks.isWholeNumber(node) || node.isNull())) {
            fail(out, at, name, "must be a whole number");
        }
        if (node.isNumber()) {
            if (FormChecks.isBelow(node, 0L)) {
                fail(out, at, name, "must be at least 0");
            }
            if (FormChecks.isAbove(node, 10L)) {
                fail(out, at, name, "must be at most 10");
            }
        }
    }

    private static void checkPainScores(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            int known47 = 0;
            for (String property48 : PAIN_SCORES_SCORE_PROPERTIES) {
                JsonNode value48 = node.get(property48);
                if (value48 != null) {
                    known47++;
                    checkScore(value48, here, property48, out);
                }
            }
            if (known47 != node.size()) {
                for (Iterator<String> names49 = node.fieldNames(); names49.hasNext(); ) {
                    String name49 = names49.next();
                    if (!FormChecks.isOneOf(name49, PAIN_SCORES_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name49), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkPeg(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            int known50 = 0;
            for (String property51 : PEG_SCORE_PROPERTIES) {
                JsonNode value51 = node.get(property51);
                if (value51 != null) {
                    known50++;
                    checkScore(value51, here, property51, out);
                }
            }
            if (known50 != node.size()) {
                for (Iterator<String> names52 = node.fieldNames(); names52.hasNext(); ) {
                    String name52 = names52.next();
                    if (!FormChecks.isOneOf(name52, PEG_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name52), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkRegionPain(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            if (!node.has("region")) {
                fail(out, here, "region", "is required");
            }
            int known53 = 0;
            for (String property54 : REGION_PAIN_ANSWER_PROPERTIES) {
                JsonNode value54 = node.get(property54);
                if (value54 != null) {
                    known53++;
                    checkAnswer(value54, here, property54, out);
                }
            }
            JsonNode value55 = node.get("region");
            if (value55 != null) {
                known53++;
                if (!(FormChecks.isOneOf(value55, REGION_PAIN_REGION_VALUES))) {
                    fail(out, here, "region", "must be one of CERVICAL, THORACIC, LUMBAR");
                }
            }
            JsonNode value56 = node.get("side");
            if (value56 != null) {
                known53++;
                if (!(value56.isNull() || FormChecks.isOneOf(value56, REGION_PAIN_SIDE_VALUES))) {
                    fail(out, here, "side", "must be one of LEFT, RIGHT, BOTH, CENTRAL");
                }
            }
            JsonNode value57 = node.get("durationMonths");
            if (value57 != null) {
                known53++;
                if (!(FormChecks.isWholeNumber(value57) || value57.isNull())) {
                    fail(out, here, "durationMonths", "must be a whole number");
                }
                if (value57.isNumber()) {
                    if (FormChecks.isBelow(value57, 0L)) {
                        fail(out, here, "durationMonths", "must be at least 0");
                    }
                    if (FormChecks.isAbove(value57, 600L)) {
                        fail(out, here, "durationMonths", "must be at most 600");
                    }
                }
            }
            JsonNode value58 = node.get("onset");
            if (value58 != null) {
                known53++;
                if (!(value58.isNull() || FormChecks.isOneOf(value58, REGION_PAIN_ONSET_VALUES))) {
                    fail(out, here, "onset", "must be one of GRADUAL, AFTER_INJURY, AFTER_MAJOR_TRAUMA");
                }
            }
            JsonNode value59 = node.get("pattern");
            if (value59 != null) {
                known53++;
                if (!(value59.isNull() || FormChecks.isOneOf(value59, REGION_PAIN_PATTERN_VALUES))) {
                    fail(out, here, "pattern", "must be one of MOSTLY_AXIAL, MOSTLY_LIMB");
                }
            }
            JsonNode value60 = node.get("spread");
            if (value60 != null) {
                known53++;
                if (!(value60.isNull() || FormChecks.isOneOf(value60, REGION_PAIN_SPREAD_VALUES))) {
                    fail(out, here, "spread", "must be one of SPINE_ONLY, BUTTOCK, THIGH_ABOVE_KNEE, BELOW_KNEE, FOOT, SHOULDER, UPPER_ARM, BELOW_ELBOW, HAND, AROUND_CHEST");
                }
            }
            JsonNode value61 = node.get("limbSymptoms");
            if (value61 != null) {
                known53++;
                checkLimbSymptoms(value61, here, "limbSymptoms", out);
            }
            JsonNode value62 = node.get("worseWith");
            if (value62 != null) {
                known53++;
                checkMovements(value62, here, "worseWith", out);
            }
            JsonNode value63 = node.get("easedBy");
            if (value63 != null) {
                known53++;
                checkEasing(value63, here, "easedBy", out);
            }
            if (known53 != node.size()) {
                for (Iterator<String> names64 = node.fieldNames(); names64.hasNext(); ) {
                    String name64 = names64.next();
                    if (!FormChecks.isOneOf(name64, REGION_PAIN_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name64), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkLimbSymptoms(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            int known65 = 0;
            for (String property66 : LIMB_SYMPTOMS_ANSWER_PROPERTIES) {
                JsonNode value66 = node.get(property66);
                if (value66 != null) {
                    known65++;
                    checkAnswer(value66, here, property66, out);
                }
            }
            if (known65 != node.size()) {
                for (Iterator<String> names67 = node.fieldNames(); names67.hasNext(); ) {
                    String name67 = names67.next();
                    if (!FormChecks.isOneOf(name67, LIMB_SYMPTOMS_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name67), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkMovements(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            int known68 = 0;
            for (String property69 : MOVEMENTS_ANSWER_PROPERTIES) {
                JsonNode value69 = node.get(property69);
                if (value69 != null) {
                    known68++;
                    checkAnswer(value69, here, property69, out);
                }
            }
            JsonNode value70 = node.get("twistingSide");
            if (value70 != null) {
                known68++;
                if (!(value70.isNull() || FormChecks.isOneOf(value70, MOVEMENTS_TWISTING_SIDE_VALUES))) {
                    fail(out, here, "twistingSide", "must be one of LEFT, RIGHT, BOTH, CENTRAL");
                }
            }
            if (known68 != node.size()) {
                for (Iterator<String> names71 = node.fieldNames(); names71.hasNext(); ) {
                    String name71 = names71.next();
                    if (!FormChecks.isOneOf(name71, MOVEMENTS_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name71), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkEasing(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            int known72 = 0;
            for (String property73 : EASING_ANSWER_PROPERTIES) {
                JsonNode value73 = node.get(property73);
                if (value73 != null) {
                    known72++;
                    checkAnswer(value73, here, property73, out);
                }
            }
            if (known72 != node.size()) {
                for (Iterator<String> names74 = node.fieldNames(); names74.hasNext(); ) {
                    String name74 = names74.next();
                    if (!FormChecks.isOneOf(name74, EASING_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name74), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkTreatmentOutcome(JsonNode node, String at, String name, List<Violation> out) {
        if (!(node.isNull() || FormChecks.isOneOf(node, TREATMENT_OUTCOME_VALUES))) {
            fail(out, at, name, "must be one of NOT_TRIED, HELPED, DID_NOT_HELP, COULD_NOT_TOLERATE");
        }
    }

    private static void checkTreatment(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            int known75 = 0;
            JsonNode value76 = node.get("weeks");
            if (value76 != null) {
                known75++;
                if (!(FormChecks.isWholeNumber(value76) || value76.isNull())) {
                    fail(out, here, "weeks", "must be a whole number");
                }
                if (value76.isNumber()) {
                    if (FormChecks.isBelow(value76, 0L)) {
                        fail(out, here, "weeks", "must be at least 0");
                    }
                    if (FormChecks.isAbove(value76, 520L)) {
                        fail(out, here, "weeks", "must be at most 520");
                    }
                }
            }
            JsonNode value77 = node.get("outcome");
            if (value77 != null) {
                known75++;
                checkTreatmentOutcome(value77, here, "outcome", out);
            }
            if (known75 != node.size()) {
                for (Iterator<String> names78 = node.fieldNames(); names78.hasNext(); ) {
                    String name78 = names78.next();
                    if (!FormChecks.isOneOf(name78, TREATMENT_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name78), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkPriorProcedure(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            int known79 = 0;
            JsonNode value80 = node.get("reliefPercent");
            if (value80 != null) {
                known79++;
                if (!(FormChecks.isWholeNumber(value80) || value80.isNull())) {
                    fail(out, here, "reliefPercent", "must be a whole number");
                }
                if (value80.isNumber()) {
                    if (FormChecks.isBelow(value80, 0L)) {
                        fail(out, here, "reliefPercent", "must be at least 0");
                    }
                    if (FormChecks.isAbove(value80, 100L)) {
                        fail(out, here, "reliefPercent", "must be at most 100");
                    }
                }
            }
            JsonNode value81 = node.get("reliefHours");
            if (value81 != null) {
                known79++;
                if (!(value81.isNumber() || value81.isNull())) {
                    fail(out, here, "reliefHours", "must be a number");
                }
                if (value81.isNumber()) {
                    if (FormChecks.isBelow(value81, 0L)) {
                        fail(out, here, "reliefHours", "must be at least 0");
                    }
                    if (FormChecks.isAbove(value81, 8760L)) {
                        fail(out, here, "reliefHours", "must be at most 8760");
                    }
                }
            }
            JsonNode value82 = node.get("monthsAgo");
            if (value82 != null) {
                known79++;
                if (!(FormChecks.isWholeNumber(value82) || value82.isNull())) {
                    fail(out, here, "monthsAgo", "must be a whole number");
                }
                if (value82.isNumber()) {
                    if (FormChecks.isBelow(value82, 0L)) {
                        fail(out, here, "monthsAgo", "must be at least 0");
                    }
                    if (FormChecks.isAbove(value82, 600L)) {
                        fail(out, here, "monthsAgo", "must be at most 600");
                    }
                }
            }
            JsonNode value83 = node.get("anaesthetic");
            if (value83 != null) {
                known79++;
                if (!(value83.isNull() || FormChecks.isOneOf(value83, PRIOR_PROCEDURE_ANAESTHETIC_VALUES))) {
                    fail(out, here, "anaesthetic", "must be one of LIDOCAINE, BUPIVACAINE, UNKNOWN");
                }
            }
            JsonNode value84 = node.get("reliefMonths");
            if (value84 != null) {
                known79++;
                if (!(value84.isNumber() || value84.isNull())) {
                    fail(out, here, "reliefMonths", "must be a number");
                }
                if (value84.isNumber()) {
                    if (FormChecks.isBelow(value84, 0L)) {
                        fail(out, here, "reliefMonths", "must be at least 0");
                    }
                    if (FormChecks.isAbove(value84, 600L)) {
                        fail(out, here, "reliefMonths", "must be at most 600");
                    }
                }
            }
            JsonNode value85 = node.get("outcome");
            if (value85 != null) {
                known79++;
                checkTreatmentOutcome(value85, here, "outcome", out);
            }
            JsonNode value86 = node.get("painReturned");
            if (value86 != null) {
                known79++;
                checkAnswer(value86, here, "painReturned", out);
            }
            if (known79 != node.size()) {
                for (Iterator<String> names87 = node.fieldNames(); names87.hasNext(); ) {
                    String name87 = names87.next();
                    if (!FormChecks.isOneOf(name87, PRIOR_PROCEDURE_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name87), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkTreatments(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            int known88 = 0;
            for (String property89 : TREATMENTS_TREATMENT_PROPERTIES) {
                JsonNode value89 = node.get(property89);
                if (value89 != null) {
                    known88++;
                    checkTreatment(value89, here, property89, out);
                }
            }
            JsonNode value90 = node.get("priorMedialBranchBlock");
            if (value90 != null) {
                known88++;
                checkPriorProcedure(value90, here, "priorMedialBranchBlock", out);
            }
            JsonNode value91 = node.get("priorRadiofrequencyAblation");
            if (value91 != null) {
                known88++;
                checkPriorProcedure(value91, here, "priorRadiofrequencyAblation", out);
            }
            if (known88 != node.size()) {
                for (Iterator<String> names92 = node.fieldNames(); names92.hasNext(); ) {
                    String name92 = names92.next();
                    if (!FormChecks.isOneOf(name92, TREATMENTS_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name92), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkFindings(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            int known93 = 0;
            for (String property94 : FINDINGS_ANSWER_PROPERTIES) {
                JsonNode value94 = node.get(property94);
                if (value94 != null) {
                    known93++;
                    checkAnswer(value94, here, property94, out);
                }
            }
            if (known93 != node.size()) {
                for (Iterator<String> names95 = node.fieldNames(); names95.hasNext(); ) {
                    String name95 = names95.next();
                    if (!FormChecks.isOneOf(name95, FINDINGS_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name95), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkSafetyScreen(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            int known96 = 0;
            for (String property97 : SAFETY_SCREEN_ANSWER_PROPERTIES) {
                JsonNode value97 = node.get(property97);
                if (value97 != null) {
                    known96++;
                    checkAnswer(value97, here, property97, out);
                }
            }
            JsonNode value98 = node.get("injuryDaysAgo");
            if (value98 != null) {
                known96++;
                if (!(FormChecks.isWholeNumber(value98) || value98.isNull())) {
                    fail(out, here, "injuryDaysAgo", "must be a whole number");
                }
                if (value98.isNumber()) {
                    if (FormChecks.isBelow(value98, 0L)) {
                        fail(out, here, "injuryDaysAgo", "must be at least 0");
                    }
                    if (FormChecks.isAbove(value98, 36500L)) {
                        fail(out, here, "injuryDaysAgo", "must be at most 36500");
                    }
                }
            }
            if (known96 != node.size()) {
                for (Iterator<String> names99 = node.fieldNames(); names99.hasNext(); ) {
                    String name99 = names99.next();
                    if (!FormChecks.isOneOf(name99, SAFETY_SCREEN_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name99), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkProcedureScreen(JsonNode node, String at, String name, List<Violation> out) {
        String here = pointer(at, name);
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(here, "must be an object"));
        }
        if (node.isObject()) {
            int known100 = 0;
            for (String property101 : PROCEDURE_SCREEN_ANSWER_PROPERTIES) {
                JsonNode value101 = node.get(property101);
                if (value101 != null) {
                    known100++;
                    checkAnswer(value101, here, property101, out);
                }
            }
            if (known100 != node.size()) {
                for (Iterator<String> names102 = node.fieldNames(); names102.hasNext(); ) {
                    String name102 = names102.next();
                    if (!FormChecks.isOneOf(name102, PROCEDURE_SCREEN_PROPERTY_NAMES)) {
                        out.add(new Violation(JsonPointer.child(here, name102), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static String anyOfMessage(String owner) {
        switch (owner) {
            case "/patient":
                return "must give a phone number or an email address";
            default:
                return "does not match any allowed form";
        }
    }

    /** The top-level domains an email address may end in: the list networknt's validator used. */
    static final class TopLevelDomains {
        private TopLevelDomains() {
        }

        /** Sorted, for binary search; one string rather than an array literal, to keep the class small. */
        static final String[] NAMES = (""
                + "aaa aarp abarth abb abbott abbvie abc able abogado abudhabi ac academy accenture "
                + "accountant accountants aco actor ad ads adult ae aeg aero aetna af afl africa ag agakhan "
                + "agency ai aig airbus airforce airtel akdn al alfaromeo alibaba alipay allfinanz allstate "
                + "ally alsace alstom am amazon americanexpress americanfamily amex amfam amica amsterdam "
                + "analytics android anquan anz ao aol apartments app apple aq aquarelle ar arab aramco archi "
                + "army arpa art arte as asda asia associates at athleta attorney au auction audi audible "
                + "audio auspost author auto autos avianca aw aws ax axa az azure ba baby baidu banamex "
                + "bananarepublic band bank bar barcelona barclaycard barclays barefoot bargains baseball "
                + "basketball bauhaus bayern bb bbc bbt bbva bcg bcn bd be beats beauty beer bentley berlin "
                + "best bestbuy bet bf bg bh bharti bi bible bid bike bing bingo bio biz bj black blackfriday "
                + "blockbuster blog bloomberg blue bm bms bmw bn bnpparibas bo boats boehringer bofa bom bond "
                + "boo book booking bosch bostik boston bot boutique box br bradesco bridgestone broadway "
                + "broker brother brussels bs bt build builders business buy buzz bv bw by bz bzh ca cab cafe "
                + "cal call calvinklein cam camera camp canon capetown capital capitalone car caravan cards "
                + "care career careers cars casa case cash casino cat catering catholic cba cbn cbre cbs cc "
                + "cd center ceo cern cf cfa cfd cg ch chanel channel charity chase chat cheap chintai "
                + "christmas chrome church ci cipriani circle cisco citadel citi citic city cityeats ck cl "
                + "claims cleaning click clinic clinique clothing cloud club clubmed cm cn co coach codes "
                + "coffee college cologne com comcast commbank community company compare computer comsec "
                + "condos construction consulting contact contractors cooking cookingchannel cool coop "
                + "corsica country coupon coupons courses cpa cr credit creditcard creditunion cricket crown "
                + "crs cruise cruises cu cuisinella cv cw cx cy cymru cyou cz dabur dad dance data date "
                + "dating datsun day dclk dds de deal dealer deals degree delivery dell deloitte delta "
                + "democrat dental dentist desi design dev dhl diamonds diet digital direct directory "
                + "discount discover dish diy dj dk dm dnp do docs doctor dog domains dot download drive dtv "
                + "dubai dunlop dupont durban dvag dvr dz earth eat ec eco edeka edu education ee eg email "
                + "emerck energy engineer engineering enterprises epson equipment er ericsson erni es esq "
                + "estate et etisalat eu eurovision eus events exchange expert exposed express extraspace "
                + "fage fail fairwinds faith family fan fans farm farmers fashion fast fedex feedback ferrari "
                + "ferrero fi fiat fidelity fido film final finance financial fire firestone firmdale fish "
                + "fishing fit fitness fj fk flickr flights flir florist flowers fly fm fo foo food "
                + "foodnetwork football ford forex forsale forum foundation fox fr free fresenius frl frogans "
                + "frontdoor frontier ftr fujitsu fun fund furniture futbol fyi ga gal gallery gallo gallup "
                + "game games gap garden gay gb gbiz gd gdn ge gea gent genting george gf gg ggee gh gi gift "
                + "gifts gives giving gl glass gle global globo gm gmail gmbh gmo gmx gn godaddy gold "
                + "goldpoint golf goo goodyear goog google gop got gov gp gq gr grainger graphics gratis "
                + "green gripe grocery group gs gt gu guardian gucci guge guide guitars guru gw gy hair "
                + "hamburg hangout haus hbo hdfc hdfcbank health healthcare help helsinki here hermes hgtv "
                + "hiphop hisamitsu hitachi hiv hk hkt hm hn hockey holdings holiday homedepot homegoods "
                + "homes homesense honda horse hospital host hosting hot hoteles hotels hotmail house how hr "
                + "hsbc ht hu hughes hyatt hyundai ibm icbc ice icu id ie ieee ifm ikano il im imamat imdb "
                + "immo immobilien in inc industries infiniti info ing ink institute insurance insure int "
                + "international intuit investments io ipiranga iq ir irish is ismaili ist istanbul it itau "
                + "itv jaguar java jcb je jeep jetzt jewelry jio jll jm jmp jnj jo jobs joburg jot joy jp "
                + "jpmorgan jprs juegos juniper kaufen kddi ke kerryhotels kerrylogistics kerryproperties kfh "
                + "kg kh ki kia kids kim kinder kindle kitchen kiwi km kn koeln komatsu kosher kp kpmg kpn kr "
                + "krd kred kuokgroup kw ky kyoto kz la lacaixa lamborghini lamer lancaster lancia land "
                + "landrover lanxess lasalle lat latino latrobe law lawyer lb lc lds lease leclerc lefrak "
                + "legal lego lexus lgbt li lidl life lifeinsurance lifestyle lighting like lilly limited "
                + "limo lincoln linde link lipsy live living lk llc llp loan loans localdomain localhost "
                + "locker locus lol london lotte lotto love lpl lplfinancial lr ls lt ltd ltda lu lundbeck "
                + "luxe luxury lv ly ma macys madrid maif maison makeup man management mango map market "
                + "marketing markets marriott marshalls maserati mattel mba mc mckinsey md me med media meet "
                + "melbourne meme memorial men menu merckmsd mg mh miami microsoft mil mini mint mit "
                + "mitsubishi mk ml mlb mls mm mma mn mo mobi mobile moda moe moi mom monash money monster "
                + "mormon mortgage moscow moto motorcycles mov movie mp mq mr ms msd mt mtn mtr mu museum "
                + "music mutual mv mw mx my mz na nab nagoya name natura navy nba nc ne nec net netbank "
                + "netflix network neustar new news next nextdirect nexus nf nfl ng ngo nhk ni nico nike "
                + "nikon ninja nissan nissay nl no nokia northwesternmutual norton now nowruz nowtv np nr nra "
                + "nrw ntt nu nyc nz obi observer office okinawa olayan olayangroup oldnavy ollo om omega one "
                + "ong onl online ooo open oracle orange org organic origins osaka otsuka ott ovh pa page "
                + "panasonic paris pars partners parts party passagens pay pccw pe pet pf pfizer pg ph "
                + "pharmacy phd philips phone photo photography photos physio pics pictet pictures pid pin "
                + "ping pink pioneer pizza pk pl place play playstation plumbing plus pm pn pnc pohl poker "
                + "politie porn post pr pramerica praxi press prime pro prod productions prof progressive "
                + "promo properties property protection pru prudential ps pt pub pw pwc py qa qpon quebec "
                + "quest racing radio re read realestate realtor realty recipes red redstone redumbrella "
                + "rehab reise reisen reit reliance ren rent rentals repair report republican rest restaurant "
                + "review reviews rexroth rich richardli ricoh ril rio rip ro rocher rocks rodeo rogers room "
                + "rs rsvp ru rugby ruhr run rw rwe ryukyu sa saarland safe safety sakura sale salon samsclub "
                + "samsung sandvik sandvikcoromant sanofi sap sarl sas save saxo sb sbi sbs sc sca scb "
                + "schaeffler schmidt scholarships school schule schwarz science scot sd se search seat "
                + "secure security seek select sener services seven sew sex sexy sfr sg sh shangrila sharp "
                + "shaw shell shia shiksha shoes shop shopping shouji show showtime si silk sina singles site "
                + "sj sk ski skin sky skype sl sling sm smart smile sn sncf so soccer social softbank "
                + "software sohu solar solutions song sony soy spa space sport spot sr srl ss st stada "
                + "staples star statebank statefarm stc stcgroup stockholm storage store stream studio study "
                + "style su sucks supplies supply support surf surgery suzuki sv swatch swiss sx sy sydney "
                + "systems sz tab taipei talk taobao target tatamotors tatar tattoo tax taxi tc tci td tdk "
                + "team tech technology tel temasek tennis teva tf tg th thd theater theatre tiaa tickets "
                + "tienda tiffany tips tires tirol tj tjmaxx tjx tk tkmaxx tl tm tmall tn to today tokyo "
                + "tools top toray toshiba total tours town toyota toys tr trade trading training travel "
                + "travelchannel travelers travelersinsurance trust trv tt tube tui tunes tushu tv tvs tw tz "
                + "ua ubank ubs ug uk unicom university uno uol ups us uy uz va vacations vana vanguard vc ve "
                + "vegas ventures verisign versicherung vet vg vi viajes video vig viking villas vin vip "
                + "virgin visa vision viva vivo vlaanderen vn vodka volkswagen volvo vote voting voto voyage "
                + "vu vuelos wales walmart walter wang wanggou watch watches weather weatherchannel webcam "
                + "weber website wed wedding weibo weir wf whoswho wien wiki williamhill win windows wine "
                + "winners wme wolterskluwer woodside work works world wow ws wtc wtf xbox xerox xfinity "
                + "xihuan xin xn--11b4c3d xn--1ck2e1b xn--1qqw23a xn--2scrj9c xn--30rr7y xn--3bst00m "
                + "xn--3ds443g xn--3e0b707e xn--3hcrj9c xn--3pxu8k xn--42c2d9a xn--45br5cyl xn--45brj9c "
                + "xn--45q11c xn--4dbrk0ce xn--4gbrim xn--54b7fta0cc xn--55qw42g xn--55qx5d xn--5su34j936bgsg "
                + "xn--5tzm5g xn--6frz82g xn--6qq986b3xl xn--80adxhks xn--80ao21a xn--80aqecdr1a xn--80asehdb "
                + "xn--80aswg xn--8y0a063a xn--90a3ac xn--90ae xn--90ais xn--9dbq2a xn--9et52u xn--9krt00a "
                + "xn--9t4b11yi5a xn--b4w605ferd xn--bck1b9a5dre4c xn--c1avg xn--c2br7g xn--cck2b3b "
                + "xn--cckwcxetd xn--cg4bki xn--clchc0ea0b2g2a9gcd xn--czr694b xn--czrs0t xn--czru2d "
                + "xn--d1acj3b xn--d1alf xn--e1a4c xn--eckvdtc9d xn--efvy88h xn--fct429k xn--fhbei "
                + "xn--fiq228c5hs xn--fiq64b xn--fiqs8s xn--fiqz9s xn--fjq720a xn--flw351e xn--fpcrj9c3d "
                + "xn--fzc2c9e2c xn--fzys8d69uvgm xn--g2xx48c xn--gckr3f0f xn--gecrj9c xn--gk3at1e "
                + "xn--h2breg3eve xn--h2brj9c xn--h2brj9c8c xn--hxt814e xn--i1b6b1a6a2e xn--imr513n "
                + "xn--io0a7i xn--j1aef xn--j1amh xn--j6w193g xn--jlq480n2rg xn--jvr189m xn--kcrx77d1x4a "
                + "xn--kprw13d xn--kpry57d xn--kput3i xn--l1acc xn--lgbbat1ad8j xn--mgb9awbf xn--mgba3a3ejt "
                + "xn--mgba3a4f16a xn--mgba7c0bbn0a xn--mgbaakc7dvf xn--mgbaam7a8h xn--mgbab2bd "
                + "xn--mgbah1a3hjkrd xn--mgbai9azgqp6j xn--mgbayh7gpa xn--mgbbh1a xn--mgbbh1a71e "
                + "xn--mgbc0a9azcg xn--mgbca7dzdo xn--mgbcpq6gpa1a xn--mgberp4a5d4ar xn--mgbgu82a "
                + "xn--mgbi4ecexp xn--mgbpl2fh xn--mgbt3dhd xn--mgbtx2b xn--mgbx4cd0ab xn--mix891f "
                + "xn--mk1bu44c xn--mxtq1m xn--ngbc5azd xn--ngbe9e0a xn--ngbrx xn--node xn--nqv7f "
                + "xn--nqv7fs00ema xn--nyqy26a xn--o3cw4h xn--ogbpf8fl xn--otu796d xn--p1acf xn--p1ai "
                + "xn--pgbs0dh xn--pssy2u xn--q7ce6a xn--q9jyb4c xn--qcka1pmc xn--qxa6a xn--qxam xn--rhqv96g "
                + "xn--rovu88b xn--rvc1e0am3e xn--s9brj9c xn--ses554g xn--t60b56a xn--tckwe xn--tiq49xqyj "
                + "xn--unup4y xn--vermgensberater-ctb xn--vermgensberatung-pwb xn--vhquv xn--vuq861b "
                + "xn--w4r85el8fhu5dnra xn--w4rs40l xn--wgbh1c xn--wgbl6a xn--xhq521b xn--xkc2al3hye2a "
                + "xn--xkc2dl3a5ee0h xn--y9a3aq xn--yfro4i67o xn--ygbi2ammx xn--zfr164b xxx xyz yachts yahoo "
                + "yamaxun yandex ye yodobashi yoga yokohama you youtube yt yun za zappos zara zero zip zm "
                + "zone zuerich zw").split(" ");
    }
}
