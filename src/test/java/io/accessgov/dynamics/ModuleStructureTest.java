package io.accessgov.dynamics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the architecture of style.md true: one door to Dataverse, a self-contained simulator, features by package. */
class ModuleStructureTest {

    private static final String BASE = "io.accessgov.dynamics";
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void simulatorDependsOnNothingElseOfOurs() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        BASE + ".account..",
                        BASE + ".role..",
                        BASE + ".team..",
                        BASE + ".businessunit..",
                        BASE + ".grant..",
                        BASE + ".sync..",
                        BASE + ".dataverse..",
                        BASE + ".web..",
                        BASE + ".security..")
                .check(classes);
    }

    @Test
    void onlyTheDataverseConnectionStartsTheSimulator() {
        noClasses()
                .that()
                .resideOutsideOfPackages(BASE + ".simulator..", BASE + ".dataverse..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".simulator..")
                .check(classes);
    }

    @Test
    void nobodyOutsideTheClientLooksIntoItsInternals() {
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".dataverse..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".dataverse.internal..")
                .check(classes);
    }

    @Test
    void reactiveTypesDoNotEscapeTheClient() {
        noClasses()
                .that()
                .resideOutsideOfPackages(BASE + ".dataverse..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("reactor.core..", "org.springframework.web.reactive..")
                .check(classes);
    }

    @Test
    void controllersArePackagePrivateSoNoOtherFeatureCanCallThem() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .bePackagePrivate()
                .check(classes);
    }

    @Test
    void featuresTalkToDataverseOnlyThroughTheClient() {
        noClasses()
                .that()
                .resideOutsideOfPackages(BASE + ".dataverse..", BASE + ".simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web.reactive.function.client..")
                .check(classes);
    }
}
