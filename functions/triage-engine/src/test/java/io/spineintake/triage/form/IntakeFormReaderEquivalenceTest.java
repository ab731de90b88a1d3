package io.spineintake.triage.form;

import io.spineintake.triage.GeneratedForms;

import static io.spineintake.triage.form.IntakeFormValidatorEquivalenceTest.MAPPER;
import static io.spineintake.triage.form.IntakeFormValidatorEquivalenceTest.form;
import static io.spineintake.triage.form.IntakeFormValidatorEquivalenceTest.mutations;
import static io.spineintake.triage.form.IntakeFormValidatorEquivalenceTest.parse;
import static io.spineintake.triage.form.IntakeFormValidatorEquivalenceTest.pointers;
import static io.spineintake.triage.form.IntakeFormValidatorEquivalenceTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated IntakeFormReader maps every document the schema accepts to the same IntakeForm
 * Jackson databind's treeToValue made of it: every test form, each of them changed at every
 * pointer in the ways that still pass the schema (nulls, 3.0 for 3, other allowed values, parts
 * left out), and random forms.
 */
class IntakeFormReaderEquivalenceTest {

    /** Maps {@code json} both ways when the schema accepts it; returns whether it did. */
    static boolean assertSameForm(String what, String json) throws JsonProcessingException {
        JsonNode tree = parse(json);
        List<Violation> violations = new ArrayList<>();
        IntakeFormValidator.check(tree, violations);
        if (!violations.isEmpty()) {
            return false;
        }
        IntakeForm expected = MAPPER.treeToValue(tree, IntakeForm.class);
        assertThat(IntakeFormReader.read(tree)).as("%s: %s", what, json).isEqualTo(expected);
        return true;
    }

    static java.util.stream.Stream<String> forms() {
        return IntakeFormValidatorEquivalenceTest.forms();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyTestFormAndEveryAcceptedChangeOfItMapsAlike(String name) throws JsonProcessingException {
        ObjectNode form = form(name);
        assertThat(assertSameForm(name, text(form))).as(name).isTrue();
        List<String> pointers = new ArrayList<>();
        pointers(form, "", pointers);
        int accepted = 0;
        for (String pointer : pointers) {
            for (String mutated : mutations(form, pointer)) {
                if (assertSameForm(name + " at " + pointer, mutated)) {
                    accepted++;
                }
            }
            for (String raw : List.of("null", "3.0", "1e1", "0", "\"NO\"", "\"UNSURE\"", "\"BOTH\"", "\"HELPED\"")) {
                if (!pointer.isEmpty() && assertSameForm(name + " at " + pointer,
                        io.spineintake.triage.TestForms.withRaw(form, pointer, raw))) {
                    accepted++;
                }
            }
        }
        // enough of the changes still pass the schema for the mapping to be compared on them
        assertThat(accepted).as("changes of %s the schema accepts", name).isGreaterThan(pointers.size() / 2);
    }

    @Property(tries = 300)
    void randomFormsMapAlike(@ForAll("randomForms") String json) throws JsonProcessingException {
        assertThat(assertSameForm("random", json)).isTrue();
    }

    @Provide
    Arbitrary<String> randomForms() {
        return GeneratedForms.forms().map(b -> text(b.json()));
    }
}
