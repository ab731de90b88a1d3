package io.spineintake.triage.form;

import static io.spineintake.triage.TestForms.tree;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pass before schema validation: at most {@code maxNodes} values (objects, arrays and scalars
 * all count), and every string checked for an unpaired surrogate, reported at its own pointer.
 */
class TreeScanTest {

    @Test
    void exactlyTheCapIsAccepted() {
        List<Violation> violations = new ArrayList<>();
        // the object itself and its two values: 3
        assertThat(TreeScan.scan(tree("{\"a\": 1, \"b\": 2}"), 3, violations)).isTrue();
        assertThat(violations).isEmpty();
    }

    @Test
    void oneValueOverTheCapIsRefusedWhetherInAnObjectOrAnArray() {
        List<Violation> inObject = new ArrayList<>();
        assertThat(TreeScan.scan(tree("{\"a\": 1, \"b\": 2}"), 2, inObject)).isFalse();
        assertThat(inObject).containsExactly(new Violation("", "has more than 2 values: too large for an intake form"));

        List<Violation> inArray = new ArrayList<>();
        assertThat(TreeScan.scan(tree("[1, 2]"), 2, inArray)).isFalse();
        assertThat(inArray).containsExactly(new Violation("", "has more than 2 values: too large for an intake form"));
    }

    @Test
    void theLastValueUnderTheCapIsStillChecked() {
        List<Violation> violations = new ArrayList<>();
        assertThat(TreeScan.scan(tree("{\"a\": 1, \"b\": \"x\\ud800\"}"), 3, violations)).isTrue();
        assertThat(violations).containsExactly(new Violation("/b", "must be valid Unicode text"));
    }

    @Test
    void badTextIsReportedAtAnEscapedPointerWithArrayIndexes() {
        List<Violation> violations = new ArrayList<>();
        assertThat(TreeScan.scan(tree("{\"a/b\": [\"ok\", \"\\udc00\"], \"c~\": {\"d\": \"\\ud800\"}}"), 100, violations))
                .isTrue();
        assertThat(violations).containsExactly(
                new Violation("/a~1b/1", "must be valid Unicode text"),
                new Violation("/c~0/d", "must be valid Unicode text"));
    }

    @Test
    void unpairedSurrogatesAreFoundWhereverTheyAre() {
        assertThat(TreeScan.hasUnpairedSurrogate("abc\uD800")).as("high at the end").isTrue();
        assertThat(TreeScan.hasUnpairedSurrogate("\uD800abc")).as("high before a letter").isTrue();
        assertThat(TreeScan.hasUnpairedSurrogate("\uDC00abc")).as("low alone").isTrue();
        assertThat(TreeScan.hasUnpairedSurrogate("\uD83D\uDE00\uDE00")).as("low after a pair").isTrue();
        assertThat(TreeScan.hasUnpairedSurrogate("a\uD83D\uDE00b")).as("a pair").isFalse();
        assertThat(TreeScan.hasUnpairedSurrogate("")).isFalse();
    }
}
