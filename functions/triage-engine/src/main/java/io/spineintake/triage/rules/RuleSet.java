package io.spineintake.triage.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.triage.assess.PatientAdvice;
import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A versioned rule set: tier thresholds, readiness thresholds, red flags and scoring weights,
 * read from a JSON file and checked in full when loaded. A broken file fails at once with a
 * message naming the bad entry, never at the first patient it would have mis-scored.
 */
public record RuleSet(
        String version,
        int highThreshold,
        int moderateThreshold,
        int minimumPain,
        int minimumInterference,
        int minimumMonths,
        int minimumExerciseWeeks,
        int blockMinimumReliefPercent,
        Map<Anaesthetic, Double> blockMinimumHours,
        int onsetOver,
        int onsetUnder,
        String onsetText,
        String onsetSource,
        List<FlagRule> hardStops,
        List<FlagRule> urgentFlags,
        List<SeverityGroup> severity,
        RepeatRfa repeatRfa,
        Recontact recontact,
        Map<Signal, ScoringRule> scoring) {

    /** A prior ablation that makes a repeat-RFA candidate: at least this relief for at least this long. */
    public record RepeatRfa(int minimumReliefPercent, int minimumMonths, String text, String source) {
    }

    /** When a conservative-care patient is re-contacted: the later of the pain's mark and the weeks after the advice. */
    public record Recontact(int painMonths, int adviceWeeks, String source) {
    }

    /** The rule file shipped with the engine. */
    public static final String BUNDLED = "/io/spineintake/triage/rules/facet-rules.json";

    /** Environment variable naming a clinic's own rule file, replacing the bundled one. */
    public static final String RULES_FILE_VARIABLE = "TRIAGE_RULES_FILE";

    public RuleSet {
        blockMinimumHours = Map.copyOf(blockMinimumHours);
        hardStops = List.copyOf(hardStops);
        urgentFlags = List.copyOf(urgentFlags);
        severity = List.copyOf(severity);
        scoring = Map.copyOf(scoring);
    }

    public ScoringRule rule(Signal signal) {
        return scoring.get(signal);
    }

    /** The bundled rule set. */
    public static RuleSet bundled() {
        return RuleFiles.bundled("rule set", BUNDLED, READER);
    }

    /** A clinic's own file. */
    public static RuleSet fromFile(Path file) {
        return RuleFiles.fromFile("rule set", file, READER);
    }

    /** The file named by {@value #RULES_FILE_VARIABLE} when it is set and not blank, else the bundled one. */
    public static RuleSet fromEnvironment(Map<String, String> environment) {
        return RuleFiles.fromEnvironment("rule set", environment, RULES_FILE_VARIABLE, BUNDLED, READER);
    }

    public static RuleSet parse(InputStream in, String name) {
        return RuleFiles.parse("rule set", in, name, READER);
    }

    private static final java.util.function.BiFunction<JsonNode, String, RuleSet> READER =
            (root, name) -> new Reader(name).read(root);

    /** Reads and checks one file, naming the entry at fault in every message. */
    private static final class Reader {
        private final String name;

        Reader(String name) {
            this.name = name;
        }

        RuleSetException bad(String where, String what) {
            return new RuleSetException("rule set " + name + ": " + where + " " + what);
        }

        JsonNode field(JsonNode node, String where, String field) {
            JsonNode v = node == null ? null : node.get(field);
            if (v == null || v.isNull()) {
                throw bad(where + "." + field, "is missing");
            }
            return v;
        }

        String text(JsonNode node, String where, String field) {
            JsonNode v = field(node, where, field);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw bad(where + "." + field, "must be non-blank text");
            }
            return v.asText();
        }

        int integer(JsonNode node, String where, String field, int min, int max) {
            JsonNode v = field(node, where, field);
            return checkedInt(v, where + "." + field, min, max);
        }

        int checkedInt(JsonNode v, String where, int min, int max) {
            if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
                throw bad(where, "must be a whole number from " + min + " to " + max);
            }
            return v.asInt();
        }

        Region region(String key, String where) {
            try {
                return Region.valueOf(key);
            } catch (IllegalArgumentException e) {
                throw bad(where, "names an unknown region '" + key + "'");
            }
        }

        RuleSet read(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw bad("document", "must be a JSON object");
            }
            String version = text(root, "", "version");
            JsonNode tiers = field(root, "", "tiers");
            int high = integer(tiers, "tiers", "high", 1, 100);
            int moderate = integer(tiers, "tiers", "moderate", 1, 100);
            if (moderate >= high) {
                throw bad("tiers.moderate", "must be below tiers.high");
            }
            JsonNode readiness = field(root, "", "readiness");
            int minPain = integer(readiness, "readiness", "minimumPain", 0, 10);
            int minInterference = integer(readiness, "readiness", "minimumInterference", 0, 10);
            int minMonths = integer(readiness, "readiness", "minimumMonths", 0, 600);
            int minWeeks = integer(readiness, "readiness", "minimumExerciseWeeks", 0, 520);

            JsonNode block = field(root, "", "priorBlock");
            int minRelief = integer(block, "priorBlock", "minimumReliefPercent", 1, 100);
            JsonNode hoursNode = field(block, "priorBlock", "minimumHours");
            Map<Anaesthetic, Double> hours = new EnumMap<>(Anaesthetic.class);
            for (Anaesthetic a : Anaesthetic.values()) {
                JsonNode h = field(hoursNode, "priorBlock.minimumHours", a.name());
                if (!h.isNumber() || h.asDouble() <= 0 || h.asDouble() > 72) {
                    throw bad("priorBlock.minimumHours." + a.name(), "must be a number of hours above 0 and at most 72");
                }
                hours.put(a, h.asDouble());
            }

            JsonNode onset = field(root, "", "ageAtOnset");
            int over = integer(onset, "ageAtOnset", "over", 1, 120);
            int under = integer(onset, "ageAtOnset", "under", 0, 120);
            if (under >= over) {
                throw bad("ageAtOnset.under", "must be below ageAtOnset.over");
            }

            JsonNode rfa = field(root, "", "repeatRfa");
            RepeatRfa repeatRfa = new RepeatRfa(integer(rfa, "repeatRfa", "minimumReliefPercent", 1, 100),
                    integer(rfa, "repeatRfa", "minimumMonths", 0, 600), text(rfa, "repeatRfa", "text"),
                    text(rfa, "repeatRfa", "source"));
            JsonNode recontactNode = field(root, "", "recontact");
            Recontact recontact = new Recontact(integer(recontactNode, "recontact", "painMonths", 0, 120),
                    integer(recontactNode, "recontact", "adviceWeeks", 0, 520), text(recontactNode, "recontact", "source"));

            Set<String> ids = new HashSet<>();
            List<FlagRule> hardStops = flags(field(root, "", "hardStops"), "hardStops", ids, true);
            List<FlagRule> urgent = flags(field(root, "", "urgentFlags"), "urgentFlags", ids, false);
            List<SeverityGroup> severity = severity(field(root, "", "severity"), ids);
            Map<Signal, ScoringRule> scoring = scoring(field(root, "", "scoring"), ids);

            return new RuleSet(version, high, moderate, minPain, minInterference, minMonths, minWeeks,
                    minRelief, hours, over, under, text(onset, "ageAtOnset", "text"),
                    text(onset, "ageAtOnset", "source"), hardStops, urgent, severity, repeatRfa, recontact, scoring);
        }

        /** The severity order: groups of flag ids already defined above, each id once. */
        List<SeverityGroup> severity(JsonNode array, Set<String> flagIds) {
            if (!array.isArray()) {
                throw bad("severity", "must be a list");
            }
            List<SeverityGroup> out = new ArrayList<>();
            Set<String> groupIds = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode n = array.get(i);
                String at = "severity[" + i + "]";
                String id = text(n, at, "id");
                at = at + " (" + id + ")";
                if (!groupIds.add(id) || flagIds.contains(id)) {
                    throw bad(at, "repeats an id used earlier");
                }
                List<String> all = flagList(n.path("all"), at + ".all", flagIds);
                List<String> any = flagList(n.path("any"), at + ".any", flagIds);
                if (all.isEmpty() && any.isEmpty()) {
                    throw bad(at, "must name flags under all or any");
                }
                out.add(new SeverityGroup(id, text(n, at, "text"), all, any));
            }
            return out;
        }

        List<String> flagList(JsonNode array, String where, Set<String> flagIds) {
            List<String> out = new ArrayList<>();
            if (array.isMissingNode()) {
                return out;
            }
            if (!array.isArray()) {
                throw bad(where, "must be a list of flag ids");
            }
            for (JsonNode f : array) {
                if (!f.isTextual() || !flagIds.contains(f.asText())) {
                    throw bad(where, "names no red flag of this rule set: '" + f.asText() + "'");
                }
                out.add(f.asText());
            }
            return out;
        }

        List<FlagRule> flags(JsonNode array, String where, Set<String> ids, boolean hard) {
            if (!array.isArray() || array.isEmpty()) {
                throw bad(where, "must be a non-empty list");
            }
            List<FlagRule> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode n = array.get(i);
                String at = where + "[" + i + "]";
                String id = text(n, at, "id");
                at = at + " (" + id + ")";
                if (!ids.add(id)) {
                    throw bad(at, "repeats an id used earlier");
                }
                String question = text(n, at, "question");
                if (!SafetyQuestions.exists(question)) {
                    throw bad(at + ".question", "names no safety question of the form: '" + question + "'");
                }
                boolean cervicalOnly = hard && n.path("cervicalOnly").asBoolean(false);
                PatientAdvice advice = null;
                if (hard) {
                    String code = text(n, at, "advice");
                    try {
                        advice = PatientAdvice.valueOf(code);
                    } catch (IllegalArgumentException e) {
                        throw bad(at + ".advice", "names no patient advice the engine knows: '" + code + "'");
                    }
                }
                out.add(new FlagRule(id, question, text(n, at, "text"), text(n, at, "source"), cervicalOnly, advice));
            }
            return out;
        }

        Map<Signal, ScoringRule> scoring(JsonNode array, Set<String> ids) {
            if (!array.isArray()) {
                throw bad("scoring", "must be a list");
            }
            Map<Signal, ScoringRule> out = new EnumMap<>(Signal.class);
            for (int i = 0; i < array.size(); i++) {
                JsonNode n = array.get(i);
                String at = "scoring[" + i + "]";
                String id = text(n, at, "id");
                at = at + " (" + id + ")";
                Signal signal = Signal.byId(id);
                if (signal == null) {
                    throw bad(at, "is not a rule the engine knows; known ids: " + knownIds());
                }
                if (!ids.add(id)) {
                    throw bad(at, "repeats an id used earlier");
                }
                RuleKind kind;
                try {
                    kind = RuleKind.valueOf(text(n, at, "kind"));
                } catch (IllegalArgumentException e) {
                    throw bad(at + ".kind", "must be FACET or RADICULAR");
                }
                if (kind != signal.kind()) {
                    throw bad(at + ".kind", "must be " + signal.kind() + " for this rule");
                }
                int points = signedPoints(field(n, at, "points"), at + ".points", kind);
                Map<Region, Integer> regionPoints = new EnumMap<>(Region.class);
                for (Iterator<Map.Entry<String, JsonNode>> it = n.path("regionPoints").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String w = at + ".regionPoints." + e.getKey();
                    regionPoints.put(region(e.getKey(), w), signedPoints(e.getValue(), w, kind));
                }
                Map<Region, String> regionText = new EnumMap<>(Region.class);
                for (Iterator<Map.Entry<String, JsonNode>> it = n.path("regionText").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String w = at + ".regionText." + e.getKey();
                    if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                        throw bad(w, "must be non-blank text");
                    }
                    regionText.put(region(e.getKey(), w), e.getValue().asText());
                }
                Set<Region> regions = EnumSet.noneOf(Region.class);
                if (n.has("regions")) {
                    for (JsonNode r : n.get("regions")) {
                        regions.add(region(r.asText(), at + ".regions"));
                    }
                    if (regions.isEmpty()) {
                        throw bad(at + ".regions", "must name at least one region when given");
                    }
                } else {
                    regions.addAll(EnumSet.allOf(Region.class));
                }
                Map<Region, Integer> params = new EnumMap<>(Region.class);
                for (Iterator<Map.Entry<String, JsonNode>> it = n.path("params").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String w = at + ".params." + e.getKey();
                    params.put(region(e.getKey(), w), checkedInt(e.getValue(), w, 0, 120));
                }
                if (signal == Signal.AGE) {
                    for (Region r : regions) {
                        if (!params.containsKey(r)) {
                            throw bad(at + ".params", "must give an age for " + r);
                        }
                    }
                }
                Integer floor = null;
                String floorText = null;
                if (n.hasNonNull("floor")) {
                    if (kind != RuleKind.FACET) {
                        throw bad(at + ".floor", "is only allowed on a FACET rule");
                    }
                    floor = checkedInt(n.get("floor"), at + ".floor", 0, 100);
                    floorText = text(n, at, "floorText");
                }
                out.put(signal, new ScoringRule(id, kind, points, regionPoints, text(n, at, "text"), regionText,
                        text(n, at, "source"), regions, params, floor, floorText));
            }
            for (Signal s : Signal.values()) {
                if (!out.containsKey(s)) {
                    throw bad("scoring", "has no entry for " + s.id() + " (set its points to 0 to switch it off)");
                }
            }
            return out;
        }

        int signedPoints(JsonNode v, String where, RuleKind kind) {
            int p = checkedInt(v, where, -100, 100);
            if (kind == RuleKind.FACET && p < 0) {
                throw bad(where, "must be 0 or more: a facet-loading sign may never lower the score");
            }
            if (kind == RuleKind.RADICULAR && p > 0) {
                throw bad(where, "must be 0 or less: a radicular feature may never raise the score");
            }
            return p;
        }

        String knownIds() {
            StringBuilder b = new StringBuilder();
            for (Signal s : Signal.values()) {
                b.append(b.length() == 0 ? "" : ", ").append(s.id());
            }
            return b.toString();
        }
    }
}
