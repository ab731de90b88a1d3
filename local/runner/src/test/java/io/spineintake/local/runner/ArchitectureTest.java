package io.spineintake.local.runner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.spineintake.local.backends.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering, as tests: the clinical engine is pure (no AWS, no platform, no local code; Jackson
 * only where it reads the form contract and the rule set), the referral aggregate is pure, handlers
 * reach AWS only through the platform, and nothing of local/ is on a function's class path or in
 * its jar.
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

    /** The packaged jars (when the build has made them): no local/ classes, no test libraries. */
    @Test
    void noFunctionJarCarriesLocalCodeOrTestLibraries() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> modules = Files.list(RepoRoot.find().resolve("functions"))) {
            for (Path module : modules.toList()) {
                Path jar = module.resolve("target").resolve(module.getFileName() + ".jar");
                if (Files.isRegularFile(jar)) {
                    jars.add(jar);
                }
            }
        }
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                List<String> banned = Collections.list(file.entries()).stream().map(e -> e.getName())
                        .filter(n -> n.startsWith("io/spineintake/local/") || n.startsWith("org/junit/")
                                || n.startsWith("org/elasticmq/") || n.startsWith("org/assertj/")
                                || n.startsWith("net/jqwik/") || n.startsWith("com/tngtech/"))
                        .toList();
                assertThat(banned).as(jar.getFileName().toString()).isEmpty();
            }
        }
    }
}
