package org.patchgap.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server is one more outer module that uses the engine as a library: it matches only through the engine's
 * matchers, never by comparing versions or evaluating ranges itself, and knows nothing of the command line.
 */
@AnalyzeClasses(packages = "org.patchgap.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    @ArchTest
    static final ArchRule noMatchingLogicOfItsOwn = noClasses().that().resideInAPackage("org.patchgap.server..")
            .should().dependOnClassesThat().resideInAnyPackage("org.patchgap.core.version..", "org.patchgap.core.range..",
                    "org.patchgap.core.cpe..", "org.patchgap.core.purl..");

    @ArchTest
    static final ArchRule noCommandLine = noClasses().that().resideInAPackage("org.patchgap.server..")
            .should().dependOnClassesThat().resideInAnyPackage("org.patchgap.cli..", "picocli..");

    @ArchTest
    static final ArchRule noStorageRowsInTheFigures = noClasses().that().haveFullyQualifiedName("org.patchgap.server.gap.PatchGap")
            .or().haveFullyQualifiedName("org.patchgap.server.gap.Exposure")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
            .because("the patch-gap figures are computed apart from how episodes are stored");
}
