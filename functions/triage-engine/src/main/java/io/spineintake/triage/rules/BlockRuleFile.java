package io.spineintake.triage.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineintake.triage.block.BlockRules;
import io.spineintake.triage.block.RegionGroup;
import io.spineintake.triage.block.ReliefStandard;
import io.spineintake.triage.block.SessionKind;
import io.spineintake.triage.block.TimePoint;
import io.spineintake.triage.form.Anaesthetic;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code block-rules.json}, the clinic-tunable figures of the post-block diary (spec section
 * 7), into {@link BlockRules}, checked in full: a broken file fails at once with a message naming
 * the bad entry ("block rules clinic.json: anaesthetics.LIDOCAINE.minimumMinutes ..."), never at
 * the first diary it would have misjudged. Unknown keys are refused, so a misspelt name is not
 * silently ignored.
 */
public final class BlockRuleFile {
    /** The block rule file shipped with the engine. */
    public static final String BUNDLED = "/io/spineintake/triage/rules/block-rules.json";

    /** Environment variable naming a clinic's own block rule file, replacing the bundled one. */
    public static final String FILE_VARIABLE = "BLOCK_RULES_FILE";

    private BlockRuleFile() {
    }

    /** The bundled block rules. */
    public static BlockRules bundled() {
        return RuleFiles.bundled("block rules", BUNDLED, READER);
    }

    /** A clinic's own file. */
    public static BlockRules fromFile(Path file) {
        return RuleFiles.fromFile("block rules", file, READER);
    }

    /** The file named by {@value #FILE_VARIABLE} when it is set and not blank, else the bundled one. */
    public static BlockRules fromEnvironment(Map<String, String> environment) {
        return RuleFiles.fromEnvironment("block rules", environment, FILE_VARIABLE, BUNDLED, READER);
    }

    public static BlockRules parse(InputStream in, String name) {
        return RuleFiles.parse("block rules", in, name, READER);
    }

    private static final java.util.function.BiFunction<JsonNode, String, BlockRules> READER =
            (root, name) -> new Reader(name).read(root);

    private static final class Reader {
        private final String name;

        Reader(String name) {
            this.name = name;
        }

        RuleSetException bad(String where, String what) {
            return new RuleSetException("block rules " + name + ": " + where + " " + what);
        }

        JsonNode field(JsonNode node, String where, String field) {
            JsonNode v = node == null ? null : node.get(field);
            if (v == null || v.isNull()) {
                throw bad(where.isEmpty() ? field : where + "." + field, "is missing");
            }
            return v;
        }

        JsonNode object(JsonNode node, String where, String field, String... allowed) {
            JsonNode v = field(node, where, field);
            String at = where.isEmpty() ? field : where + "." + field;
            if (!v.isObject()) {
                throw bad(at, "must be an object");
            }
            if (allowed.length > 0) {
                onlyKeys(v, at, List.of(allowed));
            }
            return v;
        }

        void onlyKeys(JsonNode node, String where, List<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw bad(where.isEmpty() ? key : where + "." + key, "is not a known entry; known: " + allowed);
                }
            }
        }

        String text(JsonNode node, String where, String field) {
            JsonNode v = field(node, where, field);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw bad(where + "." + field, "must be non-blank text");
            }
            return v.asText();
        }

        int integer(JsonNode v, String where, int min, int max) {
            if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
                throw bad(where, "must be a whole number from " + min + " to " + max);
            }
            return v.asInt();
        }

        <E extends Enum<E>> E constant(Class<E> type, String key, String where) {
            try {
                return Enum.valueOf(type, key);
            } catch (IllegalArgumentException e) {
                throw bad(where, "names no " + type.getSimpleName() + " the engine knows: '" + key + "'; known: "
                        + List.of(type.getEnumConstants()));
            }
        }

        BlockRules read(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw bad("document", "must be a JSON object");
            }
            onlyKeys(root, "", List.of("version", "timePointsMinutes", "thresholds", "clinicStandard", "anaesthetics",
                    "frequency"));
            JsonNode versionNode = field(root, "", "version");
            if (!versionNode.isTextual() || versionNode.asText().isBlank()) {
                throw bad("version", "must be non-blank text");
            }

            JsonNode points = field(root, "", "timePointsMinutes");
            if (!points.isArray()) {
                throw bad("timePointsMinutes", "must be a list of minutes after the block");
            }
            List<TimePoint> timePoints = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                timePoints.add(new TimePoint(integer(points.get(i), "timePointsMinutes[" + i + "]", 1,
                        BlockRules.LAST_POSSIBLE_MINUTE)));
            }

            JsonNode thresholdsNode = object(root, "", "thresholds");
            Map<ReliefStandard, BlockRules.Threshold> thresholds = new EnumMap<>(ReliefStandard.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = thresholdsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = "thresholds." + e.getKey();
                ReliefStandard standard = constant(ReliefStandard.class, e.getKey(), at);
                onlyKeys(e.getValue(), at, List.of("percent", "source"));
                thresholds.put(standard, new BlockRules.Threshold(
                        integer(e.getValue().get("percent"), at + ".percent", 1, 100), text(e.getValue(), at, "source")));
            }
            for (ReliefStandard s : ReliefStandard.values()) {
                if (!thresholds.containsKey(s)) {
                    throw bad("thresholds." + s, "is missing: both verdicts are always computed");
                }
            }
            JsonNode clinic = field(root, "", "clinicStandard");
            ReliefStandard clinicStandard = constant(ReliefStandard.class, clinic.asText(), "clinicStandard");

            JsonNode anaestheticsNode = object(root, "", "anaesthetics");
            Map<Anaesthetic, BlockRules.ExpectedRelief> anaesthetics = new EnumMap<>(Anaesthetic.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = anaestheticsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = "anaesthetics." + e.getKey();
                Anaesthetic a = constant(Anaesthetic.class, e.getKey(), at);
                if (a == Anaesthetic.UNKNOWN) {
                    throw bad(at, "is not allowed: a block records the anaesthetic it used");
                }
                onlyKeys(e.getValue(), at, List.of("minimumMinutes", "source"));
                int minutes = integer(e.getValue().get("minimumMinutes"), at + ".minimumMinutes", 1,
                        BlockRules.LAST_POSSIBLE_MINUTE);
                anaesthetics.put(a, new BlockRules.ExpectedRelief(Duration.ofMinutes(minutes), text(e.getValue(), at, "source")));
            }
            for (Anaesthetic a : Anaesthetic.values()) {
                if (a != Anaesthetic.UNKNOWN && !anaesthetics.containsKey(a)) {
                    throw bad("anaesthetics." + a, "is missing");
                }
            }

            JsonNode frequency = object(root, "", "frequency", "windowMonths", "source", "limits");
            int windowMonths = integer(frequency.get("windowMonths"), "frequency.windowMonths", 1, 36);
            text(frequency, "frequency", "source");
            JsonNode limitsNode = object(frequency, "frequency", "limits");
            Map<RegionGroup, Map<SessionKind, Integer>> limits = new EnumMap<>(RegionGroup.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = limitsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = "frequency.limits." + e.getKey();
                RegionGroup group = constant(RegionGroup.class, e.getKey(), at);
                if (!e.getValue().isObject()) {
                    throw bad(at, "must be an object of limits per session kind");
                }
                Map<SessionKind, Integer> perKind = new EnumMap<>(SessionKind.class);
                for (Iterator<Map.Entry<String, JsonNode>> k = e.getValue().fields(); k.hasNext(); ) {
                    Map.Entry<String, JsonNode> l = k.next();
                    String lat = at + "." + l.getKey();
                    perKind.put(constant(SessionKind.class, l.getKey(), lat), integer(l.getValue(), lat, 1, 100));
                }
                for (SessionKind kind : SessionKind.values()) {
                    if (!perKind.containsKey(kind)) {
                        throw bad(at + "." + kind, "is missing");
                    }
                }
                limits.put(group, perKind);
            }
            for (RegionGroup g : RegionGroup.values()) {
                if (!limits.containsKey(g)) {
                    throw bad("frequency.limits." + g, "is missing");
                }
            }
            try {
                return new BlockRules(versionNode.asText(), timePoints, thresholds, clinicStandard, anaesthetics,
                        windowMonths, limits);
            } catch (IllegalArgumentException e) {
                throw new RuleSetException("block rules " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
