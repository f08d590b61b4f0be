package vn.lienthong.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/** The layers' arrows point one way; the domain carries no framework. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.lienthong.gateway");

    @Test
    void domainHasNoFramework() {
        noClasses().that().resideInAPackage("..gateway.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.apache.camel..",
                        "org.eclipse.microprofile..", "org.flywaydb..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void domainDoesNotReachOutward() {
        noClasses().that().resideInAPackage("..gateway.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..gateway.application..",
                        "..gateway.interfaces..", "..gateway.infrastructure..", "..gateway.routes..")
                .check(classes);
    }

    @Test
    void applicationDoesNotKnowRestOrJdbc() {
        noClasses().that().resideInAPackage("..gateway.application..")
                .should().dependOnClassesThat().resideInAnyPackage("..gateway.interfaces..", "jakarta.ws.rs..",
                        "java.sql..", "org.apache.camel..")
                .check(classes);
    }

    @Test
    void cryptographyGoesThroughTheSigningModule() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .because("gateway → signing → BouncyCastle: one place knows CMS")
                .check(classes);
    }
}
