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

    /**
     * Every class that writes SQL lives in infrastructure/persistence; anywhere else a DataSource is
     * only handed on. The same rule run on a class that talks JDBC elsewhere must find it.
     */
    @Test
    void sqlLivesInPersistence() {
        var rule = noClasses().that().resideOutsideOfPackage("..gateway.infrastructure.persistence..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("a newcomer finds every statement, row mapping and SQLException in infrastructure/persistence");
        rule.check(classes);

        class MisplacedSql {
            boolean answers(java.sql.Connection c) throws java.sql.SQLException {
                return c.isValid(1);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(
                rule.evaluate(new ClassFileImporter().importClasses(MisplacedSql.class)).hasViolation(),
                "the rule must catch JDBC outside infrastructure/persistence");
    }
}
