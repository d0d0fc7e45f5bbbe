package com.sladesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the rules that matter framework-free, the engine behind the process layer, and the feature packages
 * free of cycles.
 */
@AnalyzeClasses(packages = "com.sladesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("com.sladesk.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule clockRulesAndCalendarsAreFrameworkFree = noClasses()
            .that().haveSimpleNameEndingWith("Calendar").or().haveSimpleName("SlaClock")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..");

    /** The process layer is where the desk meets the engine; system configures it. */
    @ArchTest
    static final ArchRule onlyTheProcessLayerAndConfigurationKnowTheEngine = noClasses()
            .that().resideOutsideOfPackages("com.sladesk.process..", "com.sladesk.system..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..");
}
