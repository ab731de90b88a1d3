package io.spineintake.local.runner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering, as tests: the clinical engine is pure (no AWS, no platform, no local code; Jackson
 * only where it reads the form contract and the rule set), the referral aggregate is pure, handlers
 * reach AWS only through the platform, and nothing of local/ is on a function's class path (nor in
 * its jar: LambdaJarsTest).
 */
class ArchitectureTest {
    static final String ENGINE = "io.spineintake.triage..";
    static final String[] FUNCTIONS = {"io.spineintake.submit..", "io.spineintake.consult..",
            "io.spineintake.reconcile..", "io.spineintake.triageapi..", "io.spineintake.platform..", ENGINE};
    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // test classes, also the engine's test-jar (shared form helpers) when the build hands over the jar
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.spineintake");
        assertThat(classes.stream().map(c -> c.getPackageName()).distinct())
                .as("every module's classes are imported").contains("io.spineintake.triage.assess",
                        "io.spineintake.platform.referrals", "io.spineintake.submit", "io.spineintake.triageapi",
                        "io.spineintake.consult", "io.spineintake.reconcile");
    }

    @Test
    void theEngineImportsNothingFromAwsThePlatformOrLocal() {
        noClasses().that().resideInAPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage("software.amazon..", "com.amazonaws..", "io.spineintake.platform..",
                        "io.spineintake.local..", "io.spineintake.submit..", "io.spineintake.triageapi..")
                .check(classes);
    }

    @Test
    void theEngineUsesJacksonOnlyWhereItReadsTheContractAndTheRules() {
        noClasses().that().resideInAPackage(ENGINE)
                .and().resideOutsideOfPackages("io.spineintake.triage.form..", "io.spineintake.triage.rules..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..")
                .check(classes);
    }

    @Test
    void theReferralAggregateIsPure() {
        noClasses().that().haveNameMatching("io\\.spineintake\\.platform\\.referrals\\.(Referral|Band|Outcome)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.fasterxml..", "java.io..",
                        "java.net..", "java.nio..")
                .check(classes);
    }

    @Test
    void handlersReachAwsOnlyThroughThePlatform() {
        noClasses().that().implement(RequestHandler.class).should().dependOnClassesThat()
                .resideInAnyPackage("software.amazon.awssdk..")
                .check(classes);
        classes().that().implement(RequestHandler.class).should().resideOutsideOfPackage("io.spineintake.platform..")
                .check(classes);
    }

    @Test
    void noFunctionDependsOnLocalCode() {
        noClasses().that().resideInAnyPackage(FUNCTIONS).should().dependOnClassesThat()
                .resideInAPackage("io.spineintake.local..")
                .check(classes);
    }

    // the packaged jars themselves: LambdaJarsTest
}
