// GENERATED from the intake form's records by FormReaderCompiler (triage-engine test sources): do not edit.
// IntakeFormValidatorIsCurrentTest fails when this file and the records differ. To regenerate:
//   mvn -B -pl functions/triage-engine test -Dtest=IntakeFormValidatorIsCurrentTest -Dregenerate=true
package io.spineintake.triage.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a document IntakeFormValidator accepted to an {@link IntakeForm}, as Jackson databind
 * would: a property absent or null gives null, which the records' constructors make blank.
 */
final class IntakeFormReader {
    private IntakeFormReader() {
    }

    /** The form in {@code document}, which must have passed IntakeFormValidator. */
    static IntakeForm read(JsonNode document) {
        return readIntakeForm(document);
    }

    private static IntakeForm readIntakeForm(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new IntakeForm(
                readPatient(node.get("patient")),
                readConsent(node.get("consent")),
                readPain(node.get("pain")),
                readTreatments(node.get("treatments")),
                readFindings(node.get("findings")),
                readSafetyScreen(node.get("safety")),
                readProcedureScreen(node.get("procedure")),
                readString(node.get("notes")));
    }

    private static Patient readPatient(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Patient(
                readString(node.get("name")),
                readLocalDate(node.get("dateOfBirth")),
                readString(node.get("phone")),
                readString(node.get("email")),
                readContactChannel(node.get("preferredContact")),
                readString(node.get("postcode")),
                readString(node.get("language")));
    }

    private static Consent readConsent(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Consent(
                readBoolean(node.get("contact")),
                readBoolean(node.get("dataProcessing")));
    }

    private static Pain readPain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Pain(
                listRegionPain(node.get("regions")),
                readRegion(node.get("mainRegion")),
                readPainScores(node.get("nrs")),
                readPeg(node.get("peg")),
                readAnswer(node.get("claudicationPattern")));
    }

    private static Treatments readTreatments(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Treatments(
                readTreatment(node.get("physicalTherapy")),
                readTreatment(node.get("homeExercise")),
                readTreatment(node.get("analgesics")),
                readTreatment(node.get("muscleRelaxants")),
                readTreatment(node.get("manualTherapy")),
                readTreatment(node.get("acupuncture")),
                readTreatment(node.get("massage")),
                readTreatment(node.get("spinalInjections")),
                readPriorProcedure(node.get("priorMedialBranchBlock")),
                readPriorProcedure(node.get("priorRadiofrequencyAblation")),
                readTreatment(node.get("spineSurgery")));
    }

    private static Findings readFindings(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Findings(
                readAnswer(node.get("facetArthropathy")),
                readAnswer(node.get("spondylosisOrDegeneration")),
                readAnswer(node.get("fracture")),
                readAnswer(node.get("tumour")),
                readAnswer(node.get("infection")),
                readAnswer(node.get("significantDeformity")),
                readAnswer(node.get("radiculopathy")),
                readAnswer(node.get("stenosisWithClaudication")),
                readAnswer(node.get("osteoporosis")));
    }

    private static SafetyScreen readSafetyScreen(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new SafetyScreen(
                readAnswer(node.get("saddleNumbness")),
                readAnswer(node.get("bladderOrBowelChange")),
                readAnswer(node.get("worseningLegWeakness")),
                readAnswer(node.get("handClumsinessOrGaitTrouble")),
                readAnswer(node.get("suddenNeckPainWithNeuroSymptoms")),
                readAnswer(node.get("historyOfCancer")),
                readAnswer(node.get("unexplainedWeightLoss")),
                readAnswer(node.get("feverOrChills")),
                readAnswer(node.get("immunosuppressionOrSteroids")),
                readAnswer(node.get("injectingDrugUse")),
                readAnswer(node.get("recentSeriousInfection")),
                readAnswer(node.get("majorTrauma")),
                readAnswer(node.get("minorTraumaWithOsteoporosis")),
                readAnswer(node.get("constantNightPain")),
                readAnswer(node.get("nightSweats")),
                readAnswer(node.get("cancerTreatedNowOrSpread")),
                readInteger(node.get("injuryDaysAgo")));
    }

    private static ProcedureScreen readProcedureScreen(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new ProcedureScreen(
                readAnswer(node.get("bloodThinners")),
                readAnswer(node.get("contrastOrAnaestheticAllergy")),
                readAnswer(node.get("pregnant")),
                readAnswer(node.get("pacemakerOrStimulator")),
                readAnswer(node.get("diabetes")));
    }

    private static RegionPain readRegionPain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new RegionPain(
                readRegion(node.get("region")),
                readSide(node.get("side")),
                readInteger(node.get("durationMonths")),
                readOnset(node.get("onset")),
                readPainPattern(node.get("pattern")),
                readSpread(node.get("spread")),
                readAnswer(node.get("occipitalHeadache")),
                readLimbSymptoms(node.get("limbSymptoms")),
                readMovements(node.get("worseWith")),
                readEasing(node.get("easedBy")),
                readAnswer(node.get("morningStiffness")),
                readAnswer(node.get("tenderBesideSpine")));
    }

    private static PainScores readPainScores(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new PainScores(
                readInteger(node.get("now")),
                readInteger(node.get("average")),
                readInteger(node.get("worst")));
    }

    private static Peg readPeg(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Peg(
                readInteger(node.get("averagePain")),
                readInteger(node.get("enjoymentOfLife")),
                readInteger(node.get("generalActivity")));
    }

    private static Treatment readTreatment(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Treatment(
                readTreatmentOutcome(node.get("outcome")),
                readInteger(node.get("weeks")));
    }

    private static PriorProcedure readPriorProcedure(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new PriorProcedure(
                readTreatmentOutcome(node.get("outcome")),
                readInteger(node.get("reliefPercent")),
                readDouble(node.get("reliefHours")),
                readInteger(node.get("monthsAgo")),
                readAnaesthetic(node.get("anaesthetic")),
                readDouble(node.get("reliefMonths")),
                readAnswer(node.get("painReturned")));
    }

    private static LimbSymptoms readLimbSymptoms(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new LimbSymptoms(
                readAnswer(node.get("numbness")),
                readAnswer(node.get("tingling")),
                readAnswer(node.get("weakness")));
    }

    private static Movements readMovements(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Movements(
                readAnswer(node.get("bendingForward")),
                readAnswer(node.get("bendingBackward")),
                readAnswer(node.get("twisting")),
                readAnswer(node.get("sideBending")),
                readAnswer(node.get("extensionWithRotation")),
                readAnswer(node.get("risingFromBent")),
                readAnswer(node.get("prolongedStanding")),
                readAnswer(node.get("prolongedSitting")),
                readAnswer(node.get("walking")),
                readAnswer(node.get("coughingSneezing")),
                readAnswer(node.get("lookingUp")),
                readAnswer(node.get("turningHead")),
                readSide(node.get("twistingSide")));
    }

    private static Easing readEasing(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Easing(
                readAnswer(node.get("lyingDown")),
                readAnswer(node.get("sitting")),
                readAnswer(node.get("bendingForward")),
                readAnswer(node.get("walking")));
    }

    private static List<RegionPain> listRegionPain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<RegionPain> out = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            out.add(readRegionPain(item));
        }
        return out;
    }

    private static ContactChannel readContactChannel(JsonNode node) {
        return node == null || node.isNull() ? null : ContactChannel.valueOf(node.textValue());
    }

    private static Region readRegion(JsonNode node) {
        return node == null || node.isNull() ? null : Region.valueOf(node.textValue());
    }

    private static Answer readAnswer(JsonNode node) {
        return node == null || node.isNull() ? null : Answer.valueOf(node.textValue());
    }

    private static Side readSide(JsonNode node) {
        return node == null || node.isNull() ? null : Side.valueOf(node.textValue());
    }

    private static Onset readOnset(JsonNode node) {
        return node == null || node.isNull() ? null : Onset.valueOf(node.textValue());
    }

    private static PainPattern readPainPattern(JsonNode node) {
        return node == null || node.isNull() ? null : PainPattern.valueOf(node.textValue());
    }

    private static Spread readSpread(JsonNode node) {
        return node == null || node.isNull() ? null : Spread.valueOf(node.textValue());
    }

    private static TreatmentOutcome readTreatmentOutcome(JsonNode node) {
        return node == null || node.isNull() ? null : TreatmentOutcome.valueOf(node.textValue());
    }

    private static Anaesthetic readAnaesthetic(JsonNode node) {
        return node == null || node.isNull() ? null : Anaesthetic.valueOf(node.textValue());
    }

    private static String readString(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }

    private static Boolean readBoolean(JsonNode node) {
        return node == null || node.isNull() ? null : node.booleanValue();
    }

    /** A whole number: the schema allows 3.0 for 3, which databind reads as 3 too. */
    private static Integer readInteger(JsonNode node) {
        return node == null || node.isNull() ? null : node.intValue();
    }

    private static Double readDouble(JsonNode node) {
        return node == null || node.isNull() ? null : node.doubleValue();
    }

    /** A date the schema's "date" format accepted: exactly YYYY-MM-DD. */
    private static LocalDate readLocalDate(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.textValue());
    }
}
