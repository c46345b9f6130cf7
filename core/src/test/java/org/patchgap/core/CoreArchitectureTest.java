package org.patchgap.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point inward: the core knows no format, framework, storage or CLI. */
@AnalyzeClasses(packages = "org.patchgap.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreKnowsNoOuterModule = noClasses().that().resideInAPackage("org.patchgap.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.patchgap.formats..", "org.patchgap.cli..", "org.patchgap.store..", "org.patchgap.server..");

    @ArchTest
    static final ArchRule coreUsesNoFrameworkOrFormatLibrary = noClasses().that().resideInAPackage("org.patchgap.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.fasterxml.jackson..", "org.cyclonedx..", "picocli..", "org.springframework..", "us.springett..");

    @ArchTest
    static final ArchRule modelDependsOnNothingButTheJdk = noClasses().that().resideInAPackage("org.patchgap.core.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.patchgap.core.match..", "org.patchgap.core.version..", "org.apache..", "com.github..");
}
