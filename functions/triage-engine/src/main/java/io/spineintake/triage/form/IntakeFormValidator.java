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
    private static final Pattern NAME_PATTERN = Pattern.compile("^[^\\u0000-\\u001F\\u007F]*[^\\s\\u0000-\\u001F\\u007F][^\\u0000-\\u001F\\u007F]*\\z");
    private static final Pattern PHONE_PATTERN = Pattern.compile("^\\+?[0-9(][0-9 ().-]*[0-9]\\z");
    private static final Pattern POSTCODE_PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 -]*\\z");
    private static final Pattern LANGUAGE_PATTERN = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\\z");

    /** Checks a whole document against the schema. */
    static void check(JsonNode document, List<Violation> out) {
        checkForm(document, "", out);
    }

    private static void checkForm(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            if (!node.has("patient")) {
                out.add(new Violation(at + "/patient", "is required"));
            }
            if (!node.has("consent")) {
                out.add(new Violation(at + "/consent", "is required"));
            }
            if (!node.has("pain")) {
                out.add(new Violation(at + "/pain", "is required"));
            }
            int known1 = 0;
            JsonNode value2 = node.get("patient");
            if (value2 != null) {
                known1++;
                checkPatient(value2, at + "/patient", out);
            }
            JsonNode value3 = node.get("consent");
            if (value3 != null) {
                known1++;
                checkConsent(value3, at + "/consent", out);
            }
            JsonNode value4 = node.get("pain");
            if (value4 != null) {
                known1++;
                checkPain(value4, at + "/pain", out);
            }
            JsonNode value5 = node.get("treatments");
            if (value5 != null) {
                known1++;
                checkTreatments(value5, at + "/treatments", out);
            }
            JsonNode value6 = node.get("findings");
            if (value6 != null) {
                known1++;
                checkFindings(value6, at + "/findings", out);
            }
            JsonNode value7 = node.get("safety");
            if (value7 != null) {
                known1++;
                checkSafetyScreen(value7, at + "/safety", out);
            }
            JsonNode value8 = node.get("procedure");
            if (value8 != null) {
                known1++;
                checkProcedureScreen(value8, at + "/procedure", out);
            }
            JsonNode value9 = node.get("notes");
            if (value9 != null) {
                known1++;
                if (!(value9.isTextual() || value9.isNull())) {
                    out.add(new Violation(at + "/notes", "must be a string"));
                }
                if (value9.isTextual()) {
                    String s10 = value9.textValue();
                    int length10 = FormChecks.length(s10);
                    if (length10 > 4000) {
                        out.add(new Violation(at + "/notes", "must be at most 4000 characters"));
                    }
                    if (!NOTES_PATTERN.matcher(s10).find()) {
                        out.add(new Violation(at + "/notes", "must not contain control characters other than tab and line breaks"));
                    }
                }
            }
            if (known1 != node.size()) {
                for (Iterator<String> names11 = node.fieldNames(); names11.hasNext(); ) {
                    String name11 = names11.next();
                    switch (name11) {
                        case "patient", "consent", "pain", "treatments", "findings", "safety", "procedure", "notes":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name11), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkAnswer(JsonNode node, String at, List<Violation> out) {
        if (!(node.isNull() || (node.isTextual() && switch (node.textValue()) {
                case "YES", "NO", "UNSURE" -> true;
                default -> false;
            }))) {
            out.add(new Violation(at, "must be one of YES, NO, UNSURE"));
        }
    }

    private static void checkPatient(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            if (!node.has("name")) {
                out.add(new Violation(at + "/name", "is required"));
            }
            if (!node.has("dateOfBirth")) {
                out.add(new Violation(at + "/dateOfBirth", "is required"));
            }
            int known12 = 0;
            JsonNode value13 = node.get("name");
            if (value13 != null) {
                known12++;
                if (!(value13.isTextual())) {
                    out.add(new Violation(at + "/name", "must be a string"));
                }
                if (value13.isTextual()) {
                    String s14 = value13.textValue();
                    int length14 = FormChecks.length(s14);
                    if (length14 < 1) {
                        out.add(new Violation(at + "/name", "must not be empty"));
                    }
                    if (length14 > 200) {
                        out.add(new Violation(at + "/name", "must be at most 200 characters"));
                    }
                    if (!NAME_PATTERN.matcher(s14).find()) {
                        out.add(new Violation(at + "/name", "must not be blank or contain control characters"));
                    }
                }
            }
            JsonNode value15 = node.get("dateOfBirth");
            if (value15 != null) {
                known12++;
                if (!(value15.isTextual())) {
                    out.add(new Violation(at + "/dateOfBirth", "must be a string"));
                }
                if (value15.isTextual()) {
                    String s16 = value15.textValue();
                    int length16 = FormChecks.length(s16);
                    if (length16 < 10) {
                        out.add(new Violation(at + "/dateOfBirth", "must be at least 10 characters"));
                    }
                    if (length16 > 10) {
                        out.add(new Violation(at + "/dateOfBirth", "must be at most 10 characters"));
                    }
                    if (!FormChecks.isDate(s16)) {
                        out.add(new Violation(at + "/dateOfBirth", "must be a real calendar date written YYYY-MM-DD"));
                    }
                }
            }
            JsonNode value17 = node.get("phone");
            if (value17 != null) {
                known12++;
                if (!(value17.isTextual() || value17.isNull())) {
                    out.add(new Violation(at + "/phone", "must be a string"));
                }
                if (value17.isTextual()) {
                    String s18 = value17.textValue();
                    int length18 = FormChecks.length(s18);
                    if (length18 < 3) {
                        out.add(new Violation(at + "/phone", "must be at least 3 characters"));
                    }
                    if (length18 > 32) {
                        out.add(new Violation(at + "/phone", "must be at most 32 characters"));
                    }
                    if (!PHONE_PATTERN.matcher(s18).find()) {
                        out.add(new Violation(at + "/phone", "must be a phone number: digits, spaces, brackets, dots or hyphens, optionally starting with +"));
                    }
                }
            }
            JsonNode value19 = node.get("email");
            if (value19 != null) {
                known12++;
                if (!(value19.isTextual() || value19.isNull())) {
                    out.add(new Violation(at + "/email", "must be a string"));
                }
                if (value19.isTextual()) {
                    String s20 = value19.textValue();
                    int length20 = FormChecks.length(s20);
                    if (length20 < 3) {
                        out.add(new Violation(at + "/email", "must be at least 3 characters"));
                    }
                    if (length20 > 254) {
                        out.add(new Violation(at + "/email", "must be at most 254 characters"));
                    }
                    if (!FormChecks.isEmail(s20)) {
                        out.add(new Violation(at + "/email", "must be an email address"));
                    }
                }
            }
            JsonNode value21 = node.get("preferredContact");
            if (value21 != null) {
                known12++;
                if (!(value21.isNull() || (value21.isTextual() && switch (value21.textValue()) {
                        case "PHONE", "SMS", "EMAIL" -> true;
                        default -> false;
                    }))) {
                    out.add(new Violation(at + "/preferredContact", "must be one of PHONE, SMS, EMAIL"));
                }
            }
            JsonNode value22 = node.get("postcode");
            if (value22 != null) {
                known12++;
                if (!(value22.isTextual() || value22.isNull())) {
                    out.add(new Violation(at + "/postcode", "must be a string"));
                }
                if (value22.isTextual()) {
                    String s23 = value22.textValue();
                    int length23 = FormChecks.length(s23);
                    if (length23 < 1) {
                        out.add(new Violation(at + "/postcode", "must not be empty"));
                    }
                    if (length23 > 16) {
                        out.add(new Violation(at + "/postcode", "must be at most 16 characters"));
                    }
                    if (!POSTCODE_PATTERN.matcher(s23).find()) {
                        out.add(new Violation(at + "/postcode", "must contain only letters, digits, spaces and hyphens"));
                    }
                }
            }
            JsonNode value24 = node.get("language");
            if (value24 != null) {
                known12++;
                if (!(value24.isTextual() || value24.isNull())) {
                    out.add(new Violation(at + "/language", "must be a string"));
                }
                if (value24.isTextual()) {
                    String s25 = value24.textValue();
                    int length25 = FormChecks.length(s25);
                    if (length25 < 2) {
                        out.add(new Violation(at + "/language", "must be at least 2 characters"));
                    }
                    if (length25 > 35) {
                        out.add(new Violation(at + "/language", "must be at most 35 characters"));
                    }
                    if (!LANGUAGE_PATTERN.matcher(s25).find()) {
                        out.add(new Violation(at + "/language", "must be a language tag such as en or pt-BR"));
                    }
                }
            }
            if (known12 != node.size()) {
                for (Iterator<String> names26 = node.fieldNames(); names26.hasNext(); ) {
                    String name26 = names26.next();
                    switch (name26) {
                        case "name", "dateOfBirth", "phone", "email", "preferredContact", "postcode", "language":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name26), "is not allowed here"));
                    }
                }
            }
        }
        List<String> anyOf27 = new ArrayList<>();
        int failedBranches27 = 0;
        int mark28 = anyOf27.size();
        if (node.isObject()) {
            if (!node.has("phone")) {
                anyOf27.add(at);
            }
            JsonNode value30 = node.get("phone");
            if (value30 != null) {
                if (!(value30.isTextual())) {
                    anyOf27.add(Pointers.parent(at + "/phone"));
                }
            }
        }
        if (anyOf27.size() > mark28) {
            failedBranches27++;
        }
        int mark31 = anyOf27.size();
        if (node.isObject()) {
            if (!node.has("email")) {
                anyOf27.add(at);
            }
            JsonNode value33 = node.get("email");
            if (value33 != null) {
                if (!(value33.isTextual())) {
                    anyOf27.add(Pointers.parent(at + "/email"));
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

    private static void checkConsent(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            if (!node.has("contact")) {
                out.add(new Violation(at + "/contact", "is required"));
            }
            if (!node.has("dataProcessing")) {
                out.add(new Violation(at + "/dataProcessing", "is required"));
            }
            int known34 = 0;
            JsonNode value35 = node.get("contact");
            if (value35 != null) {
                known34++;
                if (!(value35.isBoolean() && value35.booleanValue())) {
                    out.add(new Violation(at + "/contact", "must be true"));
                }
            }
            JsonNode value36 = node.get("dataProcessing");
            if (value36 != null) {
                known34++;
                if (!(value36.isBoolean() && value36.booleanValue())) {
                    out.add(new Violation(at + "/dataProcessing", "must be true"));
                }
            }
            if (known34 != node.size()) {
                for (Iterator<String> names37 = node.fieldNames(); names37.hasNext(); ) {
                    String name37 = names37.next();
                    switch (name37) {
                        case "contact", "dataProcessing":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name37), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkPain(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            if (!node.has("regions")) {
                out.add(new Violation(at + "/regions", "is required"));
            }
            int known38 = 0;
            JsonNode value39 = node.get("regions");
            if (value39 != null) {
                known38++;
                if (!(value39.isArray())) {
                    out.add(new Violation(at + "/regions", "must be an array"));
                }
                if (value39.isArray()) {
                    int size40 = value39.size();
                    if (size40 < 1) {
                        out.add(new Violation(at + "/regions", "must have at least 1 item"));
                    }
                    if (size40 > 3) {
                        out.add(new Violation(at + "/regions", "must have at most 3 items"));
                    }
                    for (int i41 = 0; i41 < size40; i41++) {
                        checkRegionPain(value39.get(i41), at + "/regions" + "/" + i41, out);
                    }
                }
            }
            JsonNode value42 = node.get("mainRegion");
            if (value42 != null) {
                known38++;
                if (!(value42.isNull() || (value42.isTextual() && switch (value42.textValue()) {
                        case "CERVICAL", "THORACIC", "LUMBAR" -> true;
                        default -> false;
                    }))) {
                    out.add(new Violation(at + "/mainRegion", "must be one of CERVICAL, THORACIC, LUMBAR"));
                }
            }
            JsonNode value43 = node.get("nrs");
            if (value43 != null) {
                known38++;
                checkPainScores(value43, at + "/nrs", out);
            }
            JsonNode value44 = node.get("peg");
            if (value44 != null) {
                known38++;
                checkPeg(value44, at + "/peg", out);
            }
            JsonNode value45 = node.get("claudicationPattern");
            if (value45 != null) {
                known38++;
                checkAnswer(value45, at + "/claudicationPattern", out);
            }
            if (known38 != node.size()) {
                for (Iterator<String> names46 = node.fieldNames(); names46.hasNext(); ) {
                    String name46 = names46.next();
                    switch (name46) {
                        case "regions", "mainRegion", "nrs", "peg", "claudicationPattern":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name46), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkScore(JsonNode node, String at, List<Violation> out) {
        if (!(FormChecks.isWholeNumber(node) || node.isNull())) {
            out.add(new Violation(at, "must be a whole number"));
        }
        if (node.isNumber()) {
            if (FormChecks.isBelow(node, 0L)) {
                out.add(new Violation(at, "must be at least 0"));
            }
            if (FormChecks.isAbove(node, 10L)) {
                out.add(new Violation(at, "must be at most 10"));
            }
        }
    }

    private static void checkPainScores(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            int known47 = 0;
            JsonNode value48 = node.get("now");
            if (value48 != null) {
                known47++;
                checkScore(value48, at + "/now", out);
            }
            JsonNode value49 = node.get("average");
            if (value49 != null) {
                known47++;
                checkScore(value49, at + "/average", out);
            }
            JsonNode value50 = node.get("worst");
            if (value50 != null) {
                known47++;
                checkScore(value50, at + "/worst", out);
            }
            if (known47 != node.size()) {
                for (Iterator<String> names51 = node.fieldNames(); names51.hasNext(); ) {
                    String name51 = names51.next();
                    switch (name51) {
                        case "now", "average", "worst":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name51), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkPeg(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            int known52 = 0;
            JsonNode value53 = node.get("averagePain");
            if (value53 != null) {
                known52++;
                checkScore(value53, at + "/averagePain", out);
            }
            JsonNode value54 = node.get("enjoymentOfLife");
            if (value54 != null) {
                known52++;
                checkScore(value54, at + "/enjoymentOfLife", out);
            }
            JsonNode value55 = node.get("generalActivity");
            if (value55 != null) {
                known52++;
                checkScore(value55, at + "/generalActivity", out);
            }
            if (known52 != node.size()) {
                for (Iterator<String> names56 = node.fieldNames(); names56.hasNext(); ) {
                    String name56 = names56.next();
                    switch (name56) {
                        case "averagePain", "enjoymentOfLife", "generalActivity":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name56), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkRegionPain(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            if (!node.has("region")) {
                out.add(new Violation(at + "/region", "is required"));
            }
            int known57 = 0;
            JsonNode value58 = node.get("region");
            if (value58 != null) {
                known57++;
                if (!((value58.isTextual() && switch (value58.textValue()) {
                        case "CERVICAL", "THORACIC", "LUMBAR" -> true;
                        default -> false;
                    }))) {
                    out.add(new Violation(at + "/region", "must be one of CERVICAL, THORACIC, LUMBAR"));
                }
            }
            JsonNode value59 = node.get("side");
            if (value59 != null) {
                known57++;
                if (!(value59.isNull() || (value59.isTextual() && switch (value59.textValue()) {
                        case "LEFT", "RIGHT", "BOTH", "CENTRAL" -> true;
                        default -> false;
                    }))) {
                    out.add(new Violation(at + "/side", "must be one of LEFT, RIGHT, BOTH, CENTRAL"));
                }
            }
            JsonNode value60 = node.get("durationMonths");
            if (value60 != null) {
                known57++;
                if (!(FormChecks.isWholeNumber(value60) || value60.isNull())) {
                    out.add(new Violation(at + "/durationMonths", "must be a whole number"));
                }
                if (value60.isNumber()) {
                    if (FormChecks.isBelow(value60, 0L)) {
                        out.add(new Violation(at + "/durationMonths", "must be at least 0"));
                    }
                    if (FormChecks.isAbove(value60, 600L)) {
                        out.add(new Violation(at + "/durationMonths", "must be at most 600"));
                    }
                }
            }
            JsonNode value61 = node.get("onset");
            if (value61 != null) {
                known57++;
                if (!(value61.isNull() || (value61.isTextual() && switch (value61.textValue()) {
                        case "GRADUAL", "AFTER_INJURY", "AFTER_MAJOR_TRAUMA" -> true;
                        default -> false;
                    }))) {
                    out.add(new Violation(at + "/onset", "must be one of GRADUAL, AFTER_INJURY, AFTER_MAJOR_TRAUMA"));
                }
            }
            JsonNode value62 = node.get("pattern");
            if (value62 != null) {
                known57++;
                if (!(value62.isNull() || (value62.isTextual() && switch (value62.textValue()) {
                        case "MOSTLY_AXIAL", "MOSTLY_LIMB" -> true;
                        default -> false;
                    }))) {
                    out.add(new Violation(at + "/pattern", "must be one of MOSTLY_AXIAL, MOSTLY_LIMB"));
                }
            }
            JsonNode value63 = node.get("spread");
            if (value63 != null) {
                known57++;
                if (!(value63.isNull() || (value63.isTextual() && switch (value63.textValue()) {
                        case "SPINE_ONLY", "BUTTOCK", "THIGH_ABOVE_KNEE", "BELOW_KNEE", "FOOT", "SHOULDER", "UPPER_ARM", "BELOW_ELBOW", "HAND", "AROUND_CHEST" -> true;
                        default -> false;
                    }))) {
                    out.add(new Violation(at + "/spread", "must be one of SPINE_ONLY, BUTTOCK, THIGH_ABOVE_KNEE, BELOW_KNEE, FOOT, SHOULDER, UPPER_ARM, BELOW_ELBOW, HAND, AROUND_CHEST"));
                }
            }
            JsonNode value64 = node.get("occipitalHeadache");
            if (value64 != null) {
                known57++;
                checkAnswer(value64, at + "/occipitalHeadache", out);
            }
            JsonNode value65 = node.get("limbSymptoms");
            if (value65 != null) {
                known57++;
                checkLimbSymptoms(value65, at + "/limbSymptoms", out);
            }
            JsonNode value66 = node.get("worseWith");
            if (value66 != null) {
                known57++;
                checkMovements(value66, at + "/worseWith", out);
            }
            JsonNode value67 = node.get("easedBy");
            if (value67 != null) {
                known57++;
                checkEasing(value67, at + "/easedBy", out);
            }
            JsonNode value68 = node.get("morningStiffness");
            if (value68 != null) {
                known57++;
                checkAnswer(value68, at + "/morningStiffness", out);
            }
            JsonNode value69 = node.get("tenderBesideSpine");
            if (value69 != null) {
                known57++;
                checkAnswer(value69, at + "/tenderBesideSpine", out);
            }
            if (known57 != node.size()) {
                for (Iterator<String> names70 = node.fieldNames(); names70.hasNext(); ) {
                    String name70 = names70.next();
                    switch (name70) {
                        case "region", "side", "durationMonths", "onset", "pattern", "spread", "occipitalHeadache", "limbSymptoms", "worseWith", "easedBy", "morningStiffness", "tenderBesideSpine":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name70), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkLimbSymptoms(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            int known71 = 0;
            JsonNode value72 = node.get("numbness");
            if (value72 != null) {
                known71++;
                checkAnswer(value72, at + "/numbness", out);
            }
            JsonNode value73 = node.get("tingling");
            if (value73 != null) {
                known71++;
                checkAnswer(value73, at + "/tingling", out);
            }
            JsonNode value74 = node.get("weakness");
            if (value74 != null) {
                known71++;
                checkAnswer(value74, at + "/weakness", out);
            }
            if (known71 != node.size()) {
                for (Iterator<String> names75 = node.fieldNames(); names75.hasNext(); ) {
                    String name75 = names75.next();
                    switch (name75) {
                        case "numbness", "tingling", "weakness":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name75), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkMovements(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            int known76 = 0;
            JsonNode value77 = node.get("bendingForward");
            if (value77 != null) {
                known76++;
                checkAnswer(value77, at + "/bendingForward", out);
            }
            JsonNode value78 = node.get("bendingBackward");
            if (value78 != null) {
                known76++;
                checkAnswer(value78, at + "/bendingBackward", out);
            }
            JsonNode value79 = node.get("twisting");
            if (value79 != null) {
                known76++;
                checkAnswer(value79, at + "/twisting", out);
            }
            JsonNode value80 = node.get("sideBending");
            if (value80 != null) {
                known76++;
                checkAnswer(value80, at + "/sideBending", out);
            }
            JsonNode value81 = node.get("extensionWithRotation");
            if (value81 != null) {
                known76++;
                checkAnswer(value81, at + "/extensionWithRotation", out);
            }
            JsonNode value82 = node.get("risingFromBent");
            if (value82 != null) {
                known76++;
                checkAnswer(value82, at + "/risingFromBent", out);
            }
            JsonNode value83 = node.get("prolongedStanding");
            if (value83 != null) {
                known76++;
                checkAnswer(value83, at + "/prolongedStanding", out);
            }
            JsonNode value84 = node.get("prolongedSitting");
            if (value84 != null) {
                known76++;
                checkAnswer(value84, at + "/prolongedSitting", out);
            }
            JsonNode value85 = node.get("walking");
            if (value85 != null) {
                known76++;
                checkAnswer(value85, at + "/walking", out);
            }
            JsonNode value86 = node.get("coughingSneezing");
            if (value86 != null) {
                known76++;
                checkAnswer(value86, at + "/coughingSneezing", out);
            }
            JsonNode value87 = node.get("lookingUp");
            if (value87 != null) {
                known76++;
                checkAnswer(value87, at + "/lookingUp", out);
            }
            JsonNode value88 = node.get("turningHead");
            if (value88 != null) {
                known76++;
                checkAnswer(value88, at + "/turningHead", out);
            }
            JsonNode value89 = node.get("twistingSide");
            if (value89 != null) {
                known76++;
                if (!(value89.isNull() || (value89.isTextual() && switch (value89.textValue()) {
                        case "LEFT", "RIGHT", "BOTH", "CENTRAL" -> true;
                        default -> false;
                    }))) {
                    out.add(new Violation(at + "/twistingSide", "must be one of LEFT, RIGHT, BOTH, CENTRAL"));
                }
            }
            if (known76 != node.size()) {
                for (Iterator<String> names90 = node.fieldNames(); names90.hasNext(); ) {
                    String name90 = names90.next();
                    switch (name90) {
                        case "bendingForward", "bendingBackward", "twisting", "sideBending", "extensionWithRotation", "risingFromBent", "prolongedStanding", "prolongedSitting", "walking", "coughingSneezing", "lookingUp", "turningHead", "twistingSide":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name90), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkEasing(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            int known91 = 0;
            JsonNode value92 = node.get("lyingDown");
            if (value92 != null) {
                known91++;
                checkAnswer(value92, at + "/lyingDown", out);
            }
            JsonNode value93 = node.get("sitting");
            if (value93 != null) {
                known91++;
                checkAnswer(value93, at + "/sitting", out);
            }
            JsonNode value94 = node.get("bendingForward");
            if (value94 != null) {
                known91++;
                checkAnswer(value94, at + "/bendingForward", out);
            }
            JsonNode value95 = node.get("walking");
            if (value95 != null) {
                known91++;
                checkAnswer(value95, at + "/walking", out);
            }
            if (known91 != node.size()) {
                for (Iterator<String> names96 = node.fieldNames(); names96.hasNext(); ) {
                    String name96 = names96.next();
                    switch (name96) {
                        case "lyingDown", "sitting", "bendingForward", "walking":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name96), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkTreatmentOutcome(JsonNode node, String at, List<Violation> out) {
        if (!(node.isNull() || (node.isTextual() && switch (node.textValue()) {
                case "NOT_TRIED", "HELPED", "DID_NOT_HELP", "COULD_NOT_TOLERATE" -> true;
                default -> false;
            }))) {
            out.add(new Violation(at, "must be one of NOT_TRIED, HELPED, DID_NOT_HELP, COULD_NOT_TOLERATE"));
        }
    }

    private static void checkTreatment(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            int known97 = 0;
            JsonNode value98 = node.get("outcome");
            if (value98 != null) {
                known97++;
                checkTreatmentOutcome(value98, at + "/outcome", out);
            }
            JsonNode value99 = node.get("weeks");
            if (value99 != null) {
                known97++;
                if (!(FormChecks.isWholeNumber(value99) || value99.isNull())) {
                    out.add(new Violation(at + "/weeks", "must be a whole number"));
                }
                if (value99.isNumber()) {
                    if (FormChecks.isBelow(value99, 0L)) {
                        out.add(new Violation(at + "/weeks", "must be at least 0"));
                    }
                    if (FormChecks.isAbove(value99, 520L)) {
                        out.add(new Violation(at + "/weeks", "must be at most 520"));
                    }
                }
            }
            if (known97 != node.size()) {
                for (Iterator<String> names100 = node.fieldNames(); names100.hasNext(); ) {
                    String name100 = names100.next();
                    switch (name100) {
                        case "outcome", "weeks":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name100), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkPriorProcedure(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            int known101 = 0;
            JsonNode value102 = node.get("outcome");
            if (value102 != null) {
                known101++;
                checkTreatmentOutcome(value102, at + "/outcome", out);
            }
            JsonNode value103 = node.get("reliefPercent");
            if (value103 != null) {
                known101++;
                if (!(FormChecks.isWholeNumber(value103) || value103.isNull())) {
                    out.add(new Violation(at + "/reliefPercent", "must be a whole number"));
                }
                if (value103.isNumber()) {
                    if (FormChecks.isBelow(value103, 0L)) {
                        out.add(new Violation(at + "/reliefPercent", "must be at least 0"));
                    }
                    if (FormChecks.isAbove(value103, 100L)) {
                        out.add(new Violation(at + "/reliefPercent", "must be at most 100"));
                    }
                }
            }
            JsonNode value104 = node.get("reliefHours");
            if (value104 != null) {
                known101++;
                if (!(value104.isNumber() || value104.isNull())) {
                    out.add(new Violation(at + "/reliefHours", "must be a number"));
                }
                if (value104.isNumber()) {
                    if (FormChecks.isBelow(value104, 0L)) {
                        out.add(new Violation(at + "/reliefHours", "must be at least 0"));
                    }
                    if (FormChecks.isAbove(value104, 8760L)) {
                        out.add(new Violation(at + "/reliefHours", "must be at most 8760"));
                    }
                }
            }
            JsonNode value105 = node.get("monthsAgo");
            if (value105 != null) {
                known101++;
                if (!(FormChecks.isWholeNumber(value105) || value105.isNull())) {
                    out.add(new Violation(at + "/monthsAgo", "must be a whole number"));
                }
                if (value105.isNumber()) {
                    if (FormChecks.isBelow(value105, 0L)) {
                        out.add(new Violation(at + "/monthsAgo", "must be at least 0"));
                    }
                    if (FormChecks.isAbove(value105, 600L)) {
                        out.add(new Violation(at + "/monthsAgo", "must be at most 600"));
                    }
                }
            }
            JsonNode value106 = node.get("anaesthetic");
            if (value106 != null) {
                known101++;
                if (!(value106.isNull() || (value106.isTextual() && switch (value106.textValue()) {
                        case "LIDOCAINE", "BUPIVACAINE", "UNKNOWN" -> true;
                        default -> false;
                    }))) {
                    out.add(new Violation(at + "/anaesthetic", "must be one of LIDOCAINE, BUPIVACAINE, UNKNOWN"));
                }
            }
            JsonNode value107 = node.get("reliefMonths");
            if (value107 != null) {
                known101++;
                if (!(value107.isNumber() || value107.isNull())) {
                    out.add(new Violation(at + "/reliefMonths", "must be a number"));
                }
                if (value107.isNumber()) {
                    if (FormChecks.isBelow(value107, 0L)) {
                        out.add(new Violation(at + "/reliefMonths", "must be at least 0"));
                    }
                    if (FormChecks.isAbove(value107, 600L)) {
                        out.add(new Violation(at + "/reliefMonths", "must be at most 600"));
                    }
                }
            }
            JsonNode value108 = node.get("painReturned");
            if (value108 != null) {
                known101++;
                checkAnswer(value108, at + "/painReturned", out);
            }
            if (known101 != node.size()) {
                for (Iterator<String> names109 = node.fieldNames(); names109.hasNext(); ) {
                    String name109 = names109.next();
                    switch (name109) {
                        case "outcome", "reliefPercent", "reliefHours", "monthsAgo", "anaesthetic", "reliefMonths", "painReturned":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name109), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkTreatments(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            int known110 = 0;
            JsonNode value111 = node.get("physicalTherapy");
            if (value111 != null) {
                known110++;
                checkTreatment(value111, at + "/physicalTherapy", out);
            }
            JsonNode value112 = node.get("homeExercise");
            if (value112 != null) {
                known110++;
                checkTreatment(value112, at + "/homeExercise", out);
            }
            JsonNode value113 = node.get("analgesics");
            if (value113 != null) {
                known110++;
                checkTreatment(value113, at + "/analgesics", out);
            }
            JsonNode value114 = node.get("muscleRelaxants");
            if (value114 != null) {
                known110++;
                checkTreatment(value114, at + "/muscleRelaxants", out);
            }
            JsonNode value115 = node.get("manualTherapy");
            if (value115 != null) {
                known110++;
                checkTreatment(value115, at + "/manualTherapy", out);
            }
            JsonNode value116 = node.get("acupuncture");
            if (value116 != null) {
                known110++;
                checkTreatment(value116, at + "/acupuncture", out);
            }
            JsonNode value117 = node.get("massage");
            if (value117 != null) {
                known110++;
                checkTreatment(value117, at + "/massage", out);
            }
            JsonNode value118 = node.get("spinalInjections");
            if (value118 != null) {
                known110++;
                checkTreatment(value118, at + "/spinalInjections", out);
            }
            JsonNode value119 = node.get("priorMedialBranchBlock");
            if (value119 != null) {
                known110++;
                checkPriorProcedure(value119, at + "/priorMedialBranchBlock", out);
            }
            JsonNode value120 = node.get("priorRadiofrequencyAblation");
            if (value120 != null) {
                known110++;
                checkPriorProcedure(value120, at + "/priorRadiofrequencyAblation", out);
            }
            JsonNode value121 = node.get("spineSurgery");
            if (value121 != null) {
                known110++;
                checkTreatment(value121, at + "/spineSurgery", out);
            }
            if (known110 != node.size()) {
                for (Iterator<String> names122 = node.fieldNames(); names122.hasNext(); ) {
                    String name122 = names122.next();
                    switch (name122) {
                        case "physicalTherapy", "homeExercise", "analgesics", "muscleRelaxants", "manualTherapy", "acupuncture", "massage", "spinalInjections", "priorMedialBranchBlock", "priorRadiofrequencyAblation", "spineSurgery":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name122), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkFindings(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            int known123 = 0;
            JsonNode value124 = node.get("facetArthropathy");
            if (value124 != null) {
                known123++;
                checkAnswer(value124, at + "/facetArthropathy", out);
            }
            JsonNode value125 = node.get("spondylosisOrDegeneration");
            if (value125 != null) {
                known123++;
                checkAnswer(value125, at + "/spondylosisOrDegeneration", out);
            }
            JsonNode value126 = node.get("fracture");
            if (value126 != null) {
                known123++;
                checkAnswer(value126, at + "/fracture", out);
            }
            JsonNode value127 = node.get("tumour");
            if (value127 != null) {
                known123++;
                checkAnswer(value127, at + "/tumour", out);
            }
            JsonNode value128 = node.get("infection");
            if (value128 != null) {
                known123++;
                checkAnswer(value128, at + "/infection", out);
            }
            JsonNode value129 = node.get("significantDeformity");
            if (value129 != null) {
                known123++;
                checkAnswer(value129, at + "/significantDeformity", out);
            }
            JsonNode value130 = node.get("radiculopathy");
            if (value130 != null) {
                known123++;
                checkAnswer(value130, at + "/radiculopathy", out);
            }
            JsonNode value131 = node.get("stenosisWithClaudication");
            if (value131 != null) {
                known123++;
                checkAnswer(value131, at + "/stenosisWithClaudication", out);
            }
            JsonNode value132 = node.get("osteoporosis");
            if (value132 != null) {
                known123++;
                checkAnswer(value132, at + "/osteoporosis", out);
            }
            if (known123 != node.size()) {
                for (Iterator<String> names133 = node.fieldNames(); names133.hasNext(); ) {
                    String name133 = names133.next();
                    switch (name133) {
                        case "facetArthropathy", "spondylosisOrDegeneration", "fracture", "tumour", "infection", "significantDeformity", "radiculopathy", "stenosisWithClaudication", "osteoporosis":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name133), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkSafetyScreen(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            int known134 = 0;
            JsonNode value135 = node.get("saddleNumbness");
            if (value135 != null) {
                known134++;
                checkAnswer(value135, at + "/saddleNumbness", out);
            }
            JsonNode value136 = node.get("bladderOrBowelChange");
            if (value136 != null) {
                known134++;
                checkAnswer(value136, at + "/bladderOrBowelChange", out);
            }
            JsonNode value137 = node.get("worseningLegWeakness");
            if (value137 != null) {
                known134++;
                checkAnswer(value137, at + "/worseningLegWeakness", out);
            }
            JsonNode value138 = node.get("handClumsinessOrGaitTrouble");
            if (value138 != null) {
                known134++;
                checkAnswer(value138, at + "/handClumsinessOrGaitTrouble", out);
            }
            JsonNode value139 = node.get("suddenNeckPainWithNeuroSymptoms");
            if (value139 != null) {
                known134++;
                checkAnswer(value139, at + "/suddenNeckPainWithNeuroSymptoms", out);
            }
            JsonNode value140 = node.get("historyOfCancer");
            if (value140 != null) {
                known134++;
                checkAnswer(value140, at + "/historyOfCancer", out);
            }
            JsonNode value141 = node.get("unexplainedWeightLoss");
            if (value141 != null) {
                known134++;
                checkAnswer(value141, at + "/unexplainedWeightLoss", out);
            }
            JsonNode value142 = node.get("feverOrChills");
            if (value142 != null) {
                known134++;
                checkAnswer(value142, at + "/feverOrChills", out);
            }
            JsonNode value143 = node.get("immunosuppressionOrSteroids");
            if (value143 != null) {
                known134++;
                checkAnswer(value143, at + "/immunosuppressionOrSteroids", out);
            }
            JsonNode value144 = node.get("injectingDrugUse");
            if (value144 != null) {
                known134++;
                checkAnswer(value144, at + "/injectingDrugUse", out);
            }
            JsonNode value145 = node.get("recentSeriousInfection");
            if (value145 != null) {
                known134++;
                checkAnswer(value145, at + "/recentSeriousInfection", out);
            }
            JsonNode value146 = node.get("majorTrauma");
            if (value146 != null) {
                known134++;
                checkAnswer(value146, at + "/majorTrauma", out);
            }
            JsonNode value147 = node.get("minorTraumaWithOsteoporosis");
            if (value147 != null) {
                known134++;
                checkAnswer(value147, at + "/minorTraumaWithOsteoporosis", out);
            }
            JsonNode value148 = node.get("constantNightPain");
            if (value148 != null) {
                known134++;
                checkAnswer(value148, at + "/constantNightPain", out);
            }
            JsonNode value149 = node.get("nightSweats");
            if (value149 != null) {
                known134++;
                checkAnswer(value149, at + "/nightSweats", out);
            }
            JsonNode value150 = node.get("cancerTreatedNowOrSpread");
            if (value150 != null) {
                known134++;
                checkAnswer(value150, at + "/cancerTreatedNowOrSpread", out);
            }
            JsonNode value151 = node.get("injuryDaysAgo");
            if (value151 != null) {
                known134++;
                if (!(FormChecks.isWholeNumber(value151) || value151.isNull())) {
                    out.add(new Violation(at + "/injuryDaysAgo", "must be a whole number"));
                }
                if (value151.isNumber()) {
                    if (FormChecks.isBelow(value151, 0L)) {
                        out.add(new Violation(at + "/injuryDaysAgo", "must be at least 0"));
                    }
                    if (FormChecks.isAbove(value151, 36500L)) {
                        out.add(new Violation(at + "/injuryDaysAgo", "must be at most 36500"));
                    }
                }
            }
            if (known134 != node.size()) {
                for (Iterator<String> names152 = node.fieldNames(); names152.hasNext(); ) {
                    String name152 = names152.next();
                    switch (name152) {
                        case "saddleNumbness", "bladderOrBowelChange", "worseningLegWeakness", "handClumsinessOrGaitTrouble", "suddenNeckPainWithNeuroSymptoms", "historyOfCancer", "unexplainedWeightLoss", "feverOrChills", "immunosuppressionOrSteroids", "injectingDrugUse", "recentSeriousInfection", "majorTrauma", "minorTraumaWithOsteoporosis", "constantNightPain", "nightSweats", "cancerTreatedNowOrSpread", "injuryDaysAgo":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name152), "is not allowed here"));
                    }
                }
            }
        }
    }

    private static void checkProcedureScreen(JsonNode node, String at, List<Violation> out) {
        if (!(node.isObject() || node.isNull())) {
            out.add(new Violation(at, "must be an object"));
        }
        if (node.isObject()) {
            int known153 = 0;
            JsonNode value154 = node.get("bloodThinners");
            if (value154 != null) {
                known153++;
                checkAnswer(value154, at + "/bloodThinners", out);
            }
            JsonNode value155 = node.get("contrastOrAnaestheticAllergy");
            if (value155 != null) {
                known153++;
                checkAnswer(value155, at + "/contrastOrAnaestheticAllergy", out);
            }
            JsonNode value156 = node.get("pregnant");
            if (value156 != null) {
                known153++;
                checkAnswer(value156, at + "/pregnant", out);
            }
            JsonNode value157 = node.get("pacemakerOrStimulator");
            if (value157 != null) {
                known153++;
                checkAnswer(value157, at + "/pacemakerOrStimulator", out);
            }
            JsonNode value158 = node.get("diabetes");
            if (value158 != null) {
                known153++;
                checkAnswer(value158, at + "/diabetes", out);
            }
            if (known153 != node.size()) {
                for (Iterator<String> names159 = node.fieldNames(); names159.hasNext(); ) {
                    String name159 = names159.next();
                    switch (name159) {
                        case "bloodThinners", "contrastOrAnaestheticAllergy", "pregnant", "pacemakerOrStimulator", "diabetes":
                            break;
                        default:
                            out.add(new Violation(JsonPointer.child(at, name159), "is not allowed here"));
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

        static final String[] NAMES = {
            "aaa", "aarp", "abarth", "abb", "abbott", "abbvie", "abc", "able", "abogado", "abudhabi", "ac",
            "academy", "accenture", "accountant", "accountants", "aco", "actor", "ad", "ads", "adult", "ae",
            "aeg", "aero", "aetna", "af", "afl", "africa", "ag", "agakhan", "agency", "ai", "aig", "airbus",
            "airforce", "airtel", "akdn", "al", "alfaromeo", "alibaba", "alipay", "allfinanz", "allstate",
            "ally", "alsace", "alstom", "am", "amazon", "americanexpress", "americanfamily", "amex", "amfam",
            "amica", "amsterdam", "analytics", "android", "anquan", "anz", "ao", "aol", "apartments", "app",
            "apple", "aq", "aquarelle", "ar", "arab", "aramco", "archi", "army", "arpa", "art", "arte", "as",
            "asda", "asia", "associates", "at", "athleta", "attorney", "au", "auction", "audi", "audible",
            "audio", "auspost", "author", "auto", "autos", "avianca", "aw", "aws", "ax", "axa", "az", "azure",
            "ba", "baby", "baidu", "banamex", "bananarepublic", "band", "bank", "bar", "barcelona",
            "barclaycard", "barclays", "barefoot", "bargains", "baseball", "basketball", "bauhaus", "bayern",
            "bb", "bbc", "bbt", "bbva", "bcg", "bcn", "bd", "be", "beats", "beauty", "beer", "bentley",
            "berlin", "best", "bestbuy", "bet", "bf", "bg", "bh", "bharti", "bi", "bible", "bid", "bike",
            "bing", "bingo", "bio", "biz", "bj", "black", "blackfriday", "blockbuster", "blog", "bloomberg",
            "blue", "bm", "bms", "bmw", "bn", "bnpparibas", "bo", "boats", "boehringer", "bofa", "bom",
            "bond", "boo", "book", "booking", "bosch", "bostik", "boston", "bot", "boutique", "box", "br",
            "bradesco", "bridgestone", "broadway", "broker", "brother", "brussels", "bs", "bt", "build",
            "builders", "business", "buy", "buzz", "bv", "bw", "by", "bz", "bzh", "ca", "cab", "cafe", "cal",
            "call", "calvinklein", "cam", "camera", "camp", "canon", "capetown", "capital", "capitalone",
            "car", "caravan", "cards", "care", "career", "careers", "cars", "casa", "case", "cash", "casino",
            "cat", "catering", "catholic", "cba", "cbn", "cbre", "cbs", "cc", "cd", "center", "ceo", "cern",
            "cf", "cfa", "cfd", "cg", "ch", "chanel", "channel", "charity", "chase", "chat", "cheap",
            "chintai", "christmas", "chrome", "church", "ci", "cipriani", "circle", "cisco", "citadel",
            "citi", "citic", "city", "cityeats", "ck", "cl", "claims", "cleaning", "click", "clinic",
            "clinique", "clothing", "cloud", "club", "clubmed", "cm", "cn", "co", "coach", "codes", "coffee",
            "college", "cologne", "com", "comcast", "commbank", "community", "company", "compare", "computer",
            "comsec", "condos", "construction", "consulting", "contact", "contractors", "cooking",
            "cookingchannel", "cool", "coop", "corsica", "country", "coupon", "coupons", "courses", "cpa",
            "cr", "credit", "creditcard", "creditunion", "cricket", "crown", "crs", "cruise", "cruises", "cu",
            "cuisinella", "cv", "cw", "cx", "cy", "cymru", "cyou", "cz", "dabur", "dad", "dance", "data",
            "date", "dating", "datsun", "day", "dclk", "dds", "de", "deal", "dealer", "deals", "degree",
            "delivery", "dell", "deloitte", "delta", "democrat", "dental", "dentist", "desi", "design", "dev",
            "dhl", "diamonds", "diet", "digital", "direct", "directory", "discount", "discover", "dish",
            "diy", "dj", "dk", "dm", "dnp", "do", "docs", "doctor", "dog", "domains", "dot", "download",
            "drive", "dtv", "dubai", "dunlop", "dupont", "durban", "dvag", "dvr", "dz", "earth", "eat", "ec",
            "eco", "edeka", "edu", "education", "ee", "eg", "email", "emerck", "energy", "engineer",
            "engineering", "enterprises", "epson", "equipment", "er", "ericsson", "erni", "es", "esq",
            "estate", "et", "etisalat", "eu", "eurovision", "eus", "events", "exchange", "expert", "exposed",
            "express", "extraspace", "fage", "fail", "fairwinds", "faith", "family", "fan", "fans", "farm",
            "farmers", "fashion", "fast", "fedex", "feedback", "ferrari", "ferrero", "fi", "fiat", "fidelity",
            "fido", "film", "final", "finance", "financial", "fire", "firestone", "firmdale", "fish",
            "fishing", "fit", "fitness", "fj", "fk", "flickr", "flights", "flir", "florist", "flowers", "fly",
            "fm", "fo", "foo", "food", "foodnetwork", "football", "ford", "forex", "forsale", "forum",
            "foundation", "fox", "fr", "free", "fresenius", "frl", "frogans", "frontdoor", "frontier", "ftr",
            "fujitsu", "fun", "fund", "furniture", "futbol", "fyi", "ga", "gal", "gallery", "gallo", "gallup",
            "game", "games", "gap", "garden", "gay", "gb", "gbiz", "gd", "gdn", "ge", "gea", "gent",
            "genting", "george", "gf", "gg", "ggee", "gh", "gi", "gift", "gifts", "gives", "giving", "gl",
            "glass", "gle", "global", "globo", "gm", "gmail", "gmbh", "gmo", "gmx", "gn", "godaddy", "gold",
            "goldpoint", "golf", "goo", "goodyear", "goog", "google", "gop", "got", "gov", "gp", "gq", "gr",
            "grainger", "graphics", "gratis", "green", "gripe", "grocery", "group", "gs", "gt", "gu",
            "guardian", "gucci", "guge", "guide", "guitars", "guru", "gw", "gy", "hair", "hamburg", "hangout",
            "haus", "hbo", "hdfc", "hdfcbank", "health", "healthcare", "help", "helsinki", "here", "hermes",
            "hgtv", "hiphop", "hisamitsu", "hitachi", "hiv", "hk", "hkt", "hm", "hn", "hockey", "holdings",
            "holiday", "homedepot", "homegoods", "homes", "homesense", "honda", "horse", "hospital", "host",
            "hosting", "hot", "hoteles", "hotels", "hotmail", "house", "how", "hr", "hsbc", "ht", "hu",
            "hughes", "hyatt", "hyundai", "ibm", "icbc", "ice", "icu", "id", "ie", "ieee", "ifm", "ikano",
            "il", "im", "imamat", "imdb", "immo", "immobilien", "in", "inc", "industries", "infiniti", "info",
            "ing", "ink", "institute", "insurance", "insure", "int", "international", "intuit", "investments",
            "io", "ipiranga", "iq", "ir", "irish", "is", "ismaili", "ist", "istanbul", "it", "itau", "itv",
            "jaguar", "java", "jcb", "je", "jeep", "jetzt", "jewelry", "jio", "jll", "jm", "jmp", "jnj", "jo",
            "jobs", "joburg", "jot", "joy", "jp", "jpmorgan", "jprs", "juegos", "juniper", "kaufen", "kddi",
            "ke", "kerryhotels", "kerrylogistics", "kerryproperties", "kfh", "kg", "kh", "ki", "kia", "kids",
            "kim", "kinder", "kindle", "kitchen", "kiwi", "km", "kn", "koeln", "komatsu", "kosher", "kp",
            "kpmg", "kpn", "kr", "krd", "kred", "kuokgroup", "kw", "ky", "kyoto", "kz", "la", "lacaixa",
            "lamborghini", "lamer", "lancaster", "lancia", "land", "landrover", "lanxess", "lasalle", "lat",
            "latino", "latrobe", "law", "lawyer", "lb", "lc", "lds", "lease", "leclerc", "lefrak", "legal",
            "lego", "lexus", "lgbt", "li", "lidl", "life", "lifeinsurance", "lifestyle", "lighting", "like",
            "lilly", "limited", "limo", "lincoln", "linde", "link", "lipsy", "live", "living", "lk", "llc",
            "llp", "loan", "loans", "localdomain", "localhost", "locker", "locus", "lol", "london", "lotte",
            "lotto", "love", "lpl", "lplfinancial", "lr", "ls", "lt", "ltd", "ltda", "lu", "lundbeck", "luxe",
            "luxury", "lv", "ly", "ma", "macys", "madrid", "maif", "maison", "makeup", "man", "management",
            "mango", "map", "market", "marketing", "markets", "marriott", "marshalls", "maserati", "mattel",
            "mba", "mc", "mckinsey", "md", "me", "med", "media", "meet", "melbourne", "meme", "memorial",
            "men", "menu", "merckmsd", "mg", "mh", "miami", "microsoft", "mil", "mini", "mint", "mit",
            "mitsubishi", "mk", "ml", "mlb", "mls", "mm", "mma", "mn", "mo", "mobi", "mobile", "moda", "moe",
            "moi", "mom", "monash", "money", "monster", "mormon", "mortgage", "moscow", "moto", "motorcycles",
            "mov", "movie", "mp", "mq", "mr", "ms", "msd", "mt", "mtn", "mtr", "mu", "museum", "music",
            "mutual", "mv", "mw", "mx", "my", "mz", "na", "nab", "nagoya", "name", "natura", "navy", "nba",
            "nc", "ne", "nec", "net", "netbank", "netflix", "network", "neustar", "new", "news", "next",
            "nextdirect", "nexus", "nf", "nfl", "ng", "ngo", "nhk", "ni", "nico", "nike", "nikon", "ninja",
            "nissan", "nissay", "nl", "no", "nokia", "northwesternmutual", "norton", "now", "nowruz", "nowtv",
            "np", "nr", "nra", "nrw", "ntt", "nu", "nyc", "nz", "obi", "observer", "office", "okinawa",
            "olayan", "olayangroup", "oldnavy", "ollo", "om", "omega", "one", "ong", "onl", "online", "ooo",
            "open", "oracle", "orange", "org", "organic", "origins", "osaka", "otsuka", "ott", "ovh", "pa",
            "page", "panasonic", "paris", "pars", "partners", "parts", "party", "passagens", "pay", "pccw",
            "pe", "pet", "pf", "pfizer", "pg", "ph", "pharmacy", "phd", "philips", "phone", "photo",
            "photography", "photos", "physio", "pics", "pictet", "pictures", "pid", "pin", "ping", "pink",
            "pioneer", "pizza", "pk", "pl", "place", "play", "playstation", "plumbing", "plus", "pm", "pn",
            "pnc", "pohl", "poker", "politie", "porn", "post", "pr", "pramerica", "praxi", "press", "prime",
            "pro", "prod", "productions", "prof", "progressive", "promo", "properties", "property",
            "protection", "pru", "prudential", "ps", "pt", "pub", "pw", "pwc", "py", "qa", "qpon", "quebec",
            "quest", "racing", "radio", "re", "read", "realestate", "realtor", "realty", "recipes", "red",
            "redstone", "redumbrella", "rehab", "reise", "reisen", "reit", "reliance", "ren", "rent",
            "rentals", "repair", "report", "republican", "rest", "restaurant", "review", "reviews", "rexroth",
            "rich", "richardli", "ricoh", "ril", "rio", "rip", "ro", "rocher", "rocks", "rodeo", "rogers",
            "room", "rs", "rsvp", "ru", "rugby", "ruhr", "run", "rw", "rwe", "ryukyu", "sa", "saarland",
            "safe", "safety", "sakura", "sale", "salon", "samsclub", "samsung", "sandvik", "sandvikcoromant",
            "sanofi", "sap", "sarl", "sas", "save", "saxo", "sb", "sbi", "sbs", "sc", "sca", "scb",
            "schaeffler", "schmidt", "scholarships", "school", "schule", "schwarz", "science", "scot", "sd",
            "se", "search", "seat", "secure", "security", "seek", "select", "sener", "services", "seven",
            "sew", "sex", "sexy", "sfr", "sg", "sh", "shangrila", "sharp", "shaw", "shell", "shia", "shiksha",
            "shoes", "shop", "shopping", "shouji", "show", "showtime", "si", "silk", "sina", "singles",
            "site", "sj", "sk", "ski", "skin", "sky", "skype", "sl", "sling", "sm", "smart", "smile", "sn",
            "sncf", "so", "soccer", "social", "softbank", "software", "sohu", "solar", "solutions", "song",
            "sony", "soy", "spa", "space", "sport", "spot", "sr", "srl", "ss", "st", "stada", "staples",
            "star", "statebank", "statefarm", "stc", "stcgroup", "stockholm", "storage", "store", "stream",
            "studio", "study", "style", "su", "sucks", "supplies", "supply", "support", "surf", "surgery",
            "suzuki", "sv", "swatch", "swiss", "sx", "sy", "sydney", "systems", "sz", "tab", "taipei", "talk",
            "taobao", "target", "tatamotors", "tatar", "tattoo", "tax", "taxi", "tc", "tci", "td", "tdk",
            "team", "tech", "technology", "tel", "temasek", "tennis", "teva", "tf", "tg", "th", "thd",
            "theater", "theatre", "tiaa", "tickets", "tienda", "tiffany", "tips", "tires", "tirol", "tj",
            "tjmaxx", "tjx", "tk", "tkmaxx", "tl", "tm", "tmall", "tn", "to", "today", "tokyo", "tools",
            "top", "toray", "toshiba", "total", "tours", "town", "toyota", "toys", "tr", "trade", "trading",
            "training", "travel", "travelchannel", "travelers", "travelersinsurance", "trust", "trv", "tt",
            "tube", "tui", "tunes", "tushu", "tv", "tvs", "tw", "tz", "ua", "ubank", "ubs", "ug", "uk",
            "unicom", "university", "uno", "uol", "ups", "us", "uy", "uz", "va", "vacations", "vana",
            "vanguard", "vc", "ve", "vegas", "ventures", "verisign", "versicherung", "vet", "vg", "vi",
            "viajes", "video", "vig", "viking", "villas", "vin", "vip", "virgin", "visa", "vision", "viva",
            "vivo", "vlaanderen", "vn", "vodka", "volkswagen", "volvo", "vote", "voting", "voto", "voyage",
            "vu", "vuelos", "wales", "walmart", "walter", "wang", "wanggou", "watch", "watches", "weather",
            "weatherchannel", "webcam", "weber", "website", "wed", "wedding", "weibo", "weir", "wf",
            "whoswho", "wien", "wiki", "williamhill", "win", "windows", "wine", "winners", "wme",
            "wolterskluwer", "woodside", "work", "works", "world", "wow", "ws", "wtc", "wtf", "xbox", "xerox",
            "xfinity", "xihuan", "xin", "xn--11b4c3d", "xn--1ck2e1b", "xn--1qqw23a", "xn--2scrj9c",
            "xn--30rr7y", "xn--3bst00m", "xn--3ds443g", "xn--3e0b707e", "xn--3hcrj9c", "xn--3pxu8k",
            "xn--42c2d9a", "xn--45br5cyl", "xn--45brj9c", "xn--45q11c", "xn--4dbrk0ce", "xn--4gbrim",
            "xn--54b7fta0cc", "xn--55qw42g", "xn--55qx5d", "xn--5su34j936bgsg", "xn--5tzm5g", "xn--6frz82g",
            "xn--6qq986b3xl", "xn--80adxhks", "xn--80ao21a", "xn--80aqecdr1a", "xn--80asehdb", "xn--80aswg",
            "xn--8y0a063a", "xn--90a3ac", "xn--90ae", "xn--90ais", "xn--9dbq2a", "xn--9et52u", "xn--9krt00a",
            "xn--9t4b11yi5a", "xn--b4w605ferd", "xn--bck1b9a5dre4c", "xn--c1avg", "xn--c2br7g", "xn--cck2b3b",
            "xn--cckwcxetd", "xn--cg4bki", "xn--clchc0ea0b2g2a9gcd", "xn--czr694b", "xn--czrs0t",
            "xn--czru2d", "xn--d1acj3b", "xn--d1alf", "xn--e1a4c", "xn--eckvdtc9d", "xn--efvy88h",
            "xn--fct429k", "xn--fhbei", "xn--fiq228c5hs", "xn--fiq64b", "xn--fiqs8s", "xn--fiqz9s",
            "xn--fjq720a", "xn--flw351e", "xn--fpcrj9c3d", "xn--fzc2c9e2c", "xn--fzys8d69uvgm", "xn--g2xx48c",
            "xn--gckr3f0f", "xn--gecrj9c", "xn--gk3at1e", "xn--h2breg3eve", "xn--h2brj9c", "xn--h2brj9c8c",
            "xn--hxt814e", "xn--i1b6b1a6a2e", "xn--imr513n", "xn--io0a7i", "xn--j1aef", "xn--j1amh",
            "xn--j6w193g", "xn--jlq480n2rg", "xn--jvr189m", "xn--kcrx77d1x4a", "xn--kprw13d", "xn--kpry57d",
            "xn--kput3i", "xn--l1acc", "xn--lgbbat1ad8j", "xn--mgb9awbf", "xn--mgba3a3ejt", "xn--mgba3a4f16a",
            "xn--mgba7c0bbn0a", "xn--mgbaakc7dvf", "xn--mgbaam7a8h", "xn--mgbab2bd", "xn--mgbah1a3hjkrd",
            "xn--mgbai9azgqp6j", "xn--mgbayh7gpa", "xn--mgbbh1a", "xn--mgbbh1a71e", "xn--mgbc0a9azcg",
            "xn--mgbca7dzdo", "xn--mgbcpq6gpa1a", "xn--mgberp4a5d4ar", "xn--mgbgu82a", "xn--mgbi4ecexp",
            "xn--mgbpl2fh", "xn--mgbt3dhd", "xn--mgbtx2b", "xn--mgbx4cd0ab", "xn--mix891f", "xn--mk1bu44c",
            "xn--mxtq1m", "xn--ngbc5azd", "xn--ngbe9e0a", "xn--ngbrx", "xn--node", "xn--nqv7f",
            "xn--nqv7fs00ema", "xn--nyqy26a", "xn--o3cw4h", "xn--ogbpf8fl", "xn--otu796d", "xn--p1acf",
            "xn--p1ai", "xn--pgbs0dh", "xn--pssy2u", "xn--q7ce6a", "xn--q9jyb4c", "xn--qcka1pmc", "xn--qxa6a",
            "xn--qxam", "xn--rhqv96g", "xn--rovu88b", "xn--rvc1e0am3e", "xn--s9brj9c", "xn--ses554g",
            "xn--t60b56a", "xn--tckwe", "xn--tiq49xqyj", "xn--unup4y", "xn--vermgensberater-ctb",
            "xn--vermgensberatung-pwb", "xn--vhquv", "xn--vuq861b", "xn--w4r85el8fhu5dnra", "xn--w4rs40l",
            "xn--wgbh1c", "xn--wgbl6a", "xn--xhq521b", "xn--xkc2al3hye2a", "xn--xkc2dl3a5ee0h", "xn--y9a3aq",
            "xn--yfro4i67o", "xn--ygbi2ammx", "xn--zfr164b", "xxx", "xyz", "yachts", "yahoo", "yamaxun",
            "yandex", "ye", "yodobashi", "yoga", "yokohama", "you", "youtube", "yt", "yun", "za", "zappos",
            "zara", "zero", "zip", "zm", "zone", "zuerich", "zw",
        };
    }
}
