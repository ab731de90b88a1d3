package io.spineintake.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineintake.triage.block.BlockRules;
import io.spineintake.triage.block.RegionGroup;
import io.spineintake.triage.block.ReliefStandard;
import io.spineintake.triage.block.SessionKind;
import io.spineintake.triage.block.TimePoint;
import io.spineintake.triage.form.Anaesthetic;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockRuleFileTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static ObjectNode bundledJson() throws Exception {
        try (InputStream in = BlockRuleFile.class.getResourceAsStream(BlockRuleFile.BUNDLED)) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    static BlockRules load(JsonNode json) throws Exception {
        return BlockRuleFile.parse(new ByteArrayInputStream(MAPPER.writeValueAsBytes(json)), "clinic.json");
    }

    static void assertRejected(Consumer<ObjectNode> breakIt, String... messageParts) throws Exception {
        ObjectNode json = bundledJson();
        breakIt.accept(json);
        assertThatThrownBy(() -> load(json)).isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith("block rules clinic.json: ")
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void theBundledBlockRulesCarryTheSpecsFigures() {
        BlockRules rules = BlockRuleFile.bundled();
        List<Integer> expected = new ArrayList<>(List.of(15));
        for (int m = 30; m <= 360; m += 30) {
            expected.add(m);
        }
        expected.addAll(List.of(480, 720, 1440));
        assertThat(rules.timePoints()).extracting(TimePoint::minutesAfter).containsExactlyElementsOf(expected);
        assertThat(rules.percent(ReliefStandard.MEDICARE_LCD)).isEqualTo(80);
        assertThat(rules.percent(ReliefStandard.COHEN_2020)).isEqualTo(50);
        assertThat(rules.clinicStandard()).isEqualTo(ReliefStandard.MEDICARE_LCD);
        assertThat(rules.minimumDuration(Anaesthetic.LIDOCAINE)).isEqualTo(Duration.ofHours(1));
        assertThat(rules.minimumDuration(Anaesthetic.BUPIVACAINE)).isEqualTo(Duration.ofHours(2));
        assertThat(rules.frequencyWindowMonths()).isEqualTo(12);
        for (RegionGroup g : RegionGroup.values()) {
            assertThat(rules.limit(g, SessionKind.DIAGNOSTIC)).isEqualTo(4);
            assertThat(rules.limit(g, SessionKind.THERAPEUTIC)).isEqualTo(4);
            assertThat(rules.limit(g, SessionKind.RFA)).isEqualTo(2);
        }
    }

    @Test
    void aBrokenFileIsRefusedWithTheEntryNamed() throws Exception {
        assertRejected(j -> j.remove("version"), "version is missing");
        assertRejected(j -> j.put("versoin", "2"), "versoin is not a known entry");
        assertRejected(j -> ((ArrayNode) j.get("timePointsMinutes")).insert(3, 20), "timePointsMinutes[3] must come after 60");
        assertRejected(j -> ((ArrayNode) j.get("timePointsMinutes")).add(3000), "timePointsMinutes[16]", "2880");
        assertRejected(j -> ((ArrayNode) j.get("timePointsMinutes")).set(0, MAPPER.getNodeFactory().textNode("15")),
                "timePointsMinutes[0] must be a whole number");
        assertRejected(j -> ((ObjectNode) j.get("thresholds").get("MEDICARE_LCD")).put("percent", 0),
                "thresholds.MEDICARE_LCD.percent must be a whole number from 1 to 100");
        assertRejected(j -> ((ObjectNode) j.get("thresholds").get("MEDICARE_LCD")).put("percent", 80.5),
                "thresholds.MEDICARE_LCD.percent");
        assertRejected(j -> ((ObjectNode) j.get("thresholds")).remove("COHEN_2020"), "thresholds.COHEN_2020 is missing");
        assertRejected(j -> ((ObjectNode) j.get("thresholds")).set("PAYER_X", j.get("thresholds").get("COHEN_2020")),
                "thresholds.PAYER_X names no ReliefStandard");
        assertRejected(j -> j.put("clinicStandard", "CMS"), "clinicStandard names no ReliefStandard", "MEDICARE_LCD");
        assertRejected(j -> ((ObjectNode) j.get("anaesthetics")).remove("LIDOCAINE"), "anaesthetics.LIDOCAINE is missing");
        assertRejected(j -> ((ObjectNode) j.get("anaesthetics")).set("UNKNOWN", j.get("anaesthetics").get("LIDOCAINE")),
                "anaesthetics.UNKNOWN is not allowed");
        assertRejected(j -> ((ObjectNode) j.get("anaesthetics").get("BUPIVACAINE")).put("minimumMinutes", 0),
                "anaesthetics.BUPIVACAINE.minimumMinutes must be a whole number from 1 to 2880");
        assertRejected(j -> ((ObjectNode) j.get("anaesthetics").get("BUPIVACAINE")).put("minimumHours", 2),
                "anaesthetics.BUPIVACAINE.minimumHours is not a known entry");
        assertRejected(j -> ((ObjectNode) j.get("frequency")).put("windowMonths", 0), "frequency.windowMonths");
        assertRejected(j -> ((ObjectNode) j.get("frequency").get("limits")).remove("LUMBAR_SACRAL"),
                "frequency.limits.LUMBAR_SACRAL is missing");
        assertRejected(j -> ((ObjectNode) j.get("frequency").get("limits").get("CERVICAL_THORACIC")).remove("RFA"),
                "frequency.limits.CERVICAL_THORACIC.RFA is missing");
        assertRejected(j -> ((ObjectNode) j.get("frequency").get("limits").get("CERVICAL_THORACIC")).put("RFA", -1),
                "frequency.limits.CERVICAL_THORACIC.RFA must be a whole number from 1 to 100");
        assertRejected(j -> ((ObjectNode) j.get("frequency").get("limits")).set("SACRAL",
                j.get("frequency").get("limits").get("LUMBAR_SACRAL")), "frequency.limits.SACRAL names no RegionGroup");
    }

    @Test
    void notJsonIsRefused() {
        assertThatThrownBy(() -> BlockRuleFile.parse(new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8)), "x.json"))
                .isInstanceOf(RuleSetException.class).hasMessageStartingWith("block rules x.json: not valid JSON");
    }

    @Test
    void aClinicFileReplacesTheBundledOneThroughTheEnvironment(@TempDir Path dir) throws Exception {
        ObjectNode json = bundledJson();
        json.put("version", "clinic-2");
        ((ObjectNode) json.get("anaesthetics").get("LIDOCAINE")).put("minimumMinutes", 45);
        Path file = dir.resolve("clinic-block.json");
        Files.write(file, MAPPER.writeValueAsBytes(json));

        BlockRules rules = BlockRuleFile.fromEnvironment(Map.of(BlockRuleFile.FILE_VARIABLE, file.toString()));
        assertThat(rules.version()).isEqualTo("clinic-2");
        assertThat(rules.minimumDuration(Anaesthetic.LIDOCAINE)).isEqualTo(Duration.ofMinutes(45));
        assertThat(BlockRuleFile.fromEnvironment(Map.of()).version()).isEqualTo(BlockRuleFile.bundled().version());
        assertThatThrownBy(() -> BlockRuleFile.fromFile(dir.resolve("absent.json"))).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("cannot be read");
    }
}
