package io.github.emrserverless.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
