package io.github.emrserverless.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What the core may depend on: plain Java, the AWS SDK and Jackson jr, never Maven, so that any front end (the
 * Maven plugin, a test extension, a Gradle plugin) can drive it.
 */
class CoreArchitectureTest {

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.emrserverless.core");

    @Test
    void theCoreKnowsNothingOfMaven() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.eclipse.aether..", "org.codehaus.plexus..")
                .because("the core is a plain library: Maven types stay in the plugin module")
                .check(CORE);
    }

    @Test
    void theCoreDoesNotReachIntoThePlugin() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.github.emrserverless.maven..")
                .check(CORE);
    }

    static final String TOKEN_CHECK = "io\\.github\\.emrserverless\\.core\\.local\\.TokenAuthentication(\\$.*)?";

    @Test
    void onlyTheTokenCheckSeesSpark() {
        // It runs inside the forked server, whose class path has Spark; the plugin's class realm has none.
        noClasses()
                .that()
                .haveNameNotMatching(TOKEN_CHECK)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "org.sparkproject..")
                .check(CORE);
    }

    @Test
    void nothingTheBuildLoadsLoadsTheTokenCheck() {
        // Named by a string constant in LocalServerCommand: loading the class in Maven would fail (no Spark there).
        noClasses()
                .that()
                .haveNameNotMatching(TOKEN_CHECK)
                .should()
                .dependOnClassesThat()
                .haveNameMatching(TOKEN_CHECK)
                .check(CORE);
    }

    @Test
    void onlyTheAwsAdapterSeesTheSdk() {
        // The core's API fails with its own ServiceException; the adapter translates the SDK's at its border.
        noClasses()
                .that()
                .resideOutsideOfPackage("io.github.emrserverless.core.aws..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk..")
                .check(CORE);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.github.emrserverless.core.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CORE);
    }

    /**
     * The documented direction (docs/architecture.md): the model and its helpers at the bottom, one package per
     * capability above them, the flows that string capabilities together, and the guard on top.
     */
    @Test
    void packagesDependOnlyInTheDocumentedDirection() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("config")
                .definedBy("..core.config..")
                .layer("support")
                .definedBy("..core.support..")
                .layer("api")
                .definedBy("..core.api..")
                .layer("aws")
                .definedBy("..core.aws..")
                .layer("inventory")
                .definedBy("..core.inventory..")
                .layer("costguard")
                .definedBy("..core.costguard..")
                .layer("terminate")
                .definedBy("..core.terminate..")
                .layer("reuse")
                .definedBy("..core.reuse..")
                .layer("handover")
                .definedBy("..core.handover..")
                .layer("output")
                .definedBy("..core.output..")
                .layer("report")
                .definedBy("..core.report..")
                .layer("start")
                .definedBy("..core.start..")
                .layer("flow")
                .definedBy("..core.flow..")
                .layer("local")
                .definedBy("..core.local..")
                .layer("guard")
                .definedBy("..core.guard..")
                .whereLayer("config")
                .mayNotAccessAnyLayer()
                .whereLayer("support")
                .mayOnlyAccessLayers("config")
                .whereLayer("api")
                .mayOnlyAccessLayers("config")
                .whereLayer("aws")
                .mayOnlyAccessLayers("api", "config", "support")
                .whereLayer("inventory")
                .mayOnlyAccessLayers("api", "config", "support")
                .whereLayer("costguard")
                .mayOnlyAccessLayers("api", "config", "support", "inventory")
                .whereLayer("terminate")
                .mayOnlyAccessLayers("api", "config", "support", "inventory")
                .whereLayer("reuse")
                .mayOnlyAccessLayers("api", "config", "support", "inventory")
                .whereLayer("handover")
                .mayOnlyAccessLayers("api", "config", "support")
                .whereLayer("output")
                .mayOnlyAccessLayers("api", "config", "support", "handover")
                .whereLayer("report")
                .mayOnlyAccessLayers("api", "config", "support", "handover", "output")
                .whereLayer("start")
                .mayOnlyAccessLayers("api", "config", "support", "inventory", "costguard", "reuse", "handover")
                .whereLayer("flow")
                .mayOnlyAccessLayers(
                        "api", "config", "support", "costguard", "reuse", "handover", "output", "report", "start")
                .whereLayer("local")
                .mayOnlyAccessLayers("api", "config", "support", "handover", "report", "start", "flow")
                .whereLayer("guard")
                .mayOnlyAccessLayers(
                        "api", "config", "support", "aws", "inventory", "handover", "output", "report", "local")
                .check(CORE);
    }
}
