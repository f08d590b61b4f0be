package vn.lienthong.gateway;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.GatewayException;

/**
 * The layers' arrows point one way; the domain carries no framework.
 *
 * <p>The gateway's layers and who may use whom (row uses column; docs/architecture.md says the same):
 * <pre>
 *                   Domain  Application  Interfaces  Routes  Infrastructure  Configuration  Sandbox
 *   Domain            ·         -            -         -          -               -           -
 *   Application       x         ·            -         -          -               -           -
 *   Interfaces        x         x            ·         -          (1)             -           -
 *   Routes            x         x            -         ·          x (2)           -           -
 *   Infrastructure    x         x (3)        -         -          ·               x (4)       -
 *   Configuration     x         x            -         -          x               ·           x
 *   Sandbox           x         -            -         -          x (5)           x (4)       ·
 * </pre>
 * Configuration is the CDI wiring in {@code infrastructure/config}: the producers of the domain's
 * objects (calendar, catalogue, clock), the data files they read, and {@code SandboxMode}. It is
 * the only layer that may touch the sandbox; today it does not need to (the sandbox's servlets and
 * beans are found by the container).
 * <ol>
 * <li>Interfaces → Infrastructure: two dependencies allowed. {@code UploadReader} reads
 *     multipart bodies with {@code infrastructure/multipart/MultipartParts}, the one class that
 *     wraps Commons FileUpload, for the classes of {@code interfaces/rest/upload} (the sandbox's land registry reads its uploads with it too), as a
 *     codec, not a use case. And {@code VerifyResource} on
 *     {@code infrastructure/verification/PdfVerification}: public PDF verification is the signing
 *     module's verifier with the configured trust and decode limits, a stateless technical service
 *     with no use case or domain state around it, so a port would be a pass-through with one
 *     implementation. The other six imports from interfaces into infrastructure before this rule
 *     are gone: the callback resource's two go through application ports
 *     ({@code CallbackAuthentication}, {@code CallbackIntake}); the exceptions the problem mappers
 *     and the audit filter name (the database failure, the verifier's refusals, the callback
 *     refusal) joined the gateway's exception family in the domain and the application.</li>
 * <li>Routes → Infrastructure: allowed. Routes are Camel adapters on the same outer ring as
 *     infrastructure. Their 25 imports: the Camel context infrastructure starts ({@code CamelRuntime},
 *     4: callbacks, flows, the outbox and paper nudges); the agency transport settings they plug into
 *     endpoints ({@code AgencyAddresses} 5, {@code AgencyCredentials} 4, {@code AgencyTls} 4); the
 *     transport's failures they classify as transient or permanent ({@code AgencyTlsException},
 *     {@code SandboxAddressUnknownException}, {@code MessageLogException}); Camel's idempotent
 *     repository on the database ({@code JdbcCallbackReceipts}); the notice transports they send
 *     through ({@code NoticeSettings} 2, {@code CitizenMailer}); the paper job runner they drive
 *     ({@code PaperMill}). None is a use case; {@code PaperNudge} moved from infrastructure to routes.</li>
 * <li>Infrastructure → Application: adapters implement the application's ports
 *     ({@code CallbackAuthenticator} implements {@code CallbackAuthentication}).</li>
 * <li>Infrastructure and Sandbox → Configuration: both read {@code SandboxMode} (whether the
 *     sandbox is on, where its notice sinks listen), so neither imports the other.</li>
 * <li>Sandbox → Infrastructure: the simulated agencies use the gateway's own settings as a real
 *     agency is handed them: the gateway's address, the callback secrets, the notice transport's
 *     provider, the start-up order after the migration.</li>
 * </ol>
 */
class ArchitectureTest {

    private static final String GATEWAY = "vn.lienthong.gateway";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(GATEWAY);

    /** The layered rule for the packages under {@code root}; the test proves it on a misplaced sample too. */
    static LayeredArchitecture layers(String root) {
        String config = root + ".infrastructure.config..";
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(root + ".domain..")
                .layer("Application").definedBy(root + ".application..")
                .layer("Interfaces").definedBy(root + ".interfaces..")
                .layer("Routes").definedBy(root + ".routes..")
                .layer("Infrastructure").definedBy(resideInAPackage(root + ".infrastructure..")
                        .and(not(resideInAPackage(config))))
                .layer("Configuration").definedBy(config)
                .layer("Sandbox").definedBy(root + ".sandbox..")

                .whereLayer("Domain").mayNotAccessAnyLayer()
                .whereLayer("Application").mayOnlyAccessLayers("Domain")
                .whereLayer("Interfaces").mayOnlyAccessLayers("Domain", "Application")
                .whereLayer("Routes").mayOnlyAccessLayers("Domain", "Application", "Infrastructure")
                .whereLayer("Infrastructure").mayOnlyAccessLayers("Domain", "Application", "Configuration")
                .whereLayer("Configuration").mayOnlyAccessLayers("Domain", "Application", "Infrastructure", "Sandbox")
                .whereLayer("Sandbox").mayOnlyAccessLayers("Domain", "Infrastructure", "Configuration")

                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Interfaces", "Routes", "Infrastructure",
                        "Configuration", "Sandbox")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Interfaces", "Routes", "Infrastructure",
                        "Configuration")
                .whereLayer("Interfaces").mayNotBeAccessedByAnyLayer()
                .whereLayer("Routes").mayNotBeAccessedByAnyLayer()
                .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Routes", "Configuration", "Sandbox")
                .whereLayer("Configuration").mayOnlyBeAccessedByLayers("Infrastructure", "Sandbox")
                .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Configuration")

                // (1) public PDF verification and the multipart codec: see the class comment
                .ignoreDependency(resideInAPackage(root + ".interfaces..").and(simpleName("VerifyResource")),
                        resideInAPackage(root + ".infrastructure.verification..").and(simpleName("PdfVerification")))
                .ignoreDependency(resideInAPackage(root + ".interfaces.rest.upload.."),
                        resideInAPackage(root + ".infrastructure.multipart.."));
    }

    @Test
    void layersAccessOnlyWhatTheMatrixAllows() {
        layers(GATEWAY).check(classes);
    }

    @Test
    void theLayerRuleReportsAMisplacedClass() {
        JavaClasses sample = new ClassFileImporter().importPackages(GATEWAY + ".layersample");
        EvaluationResult result = layers(GATEWAY + ".layersample").withOptionalLayers(true).evaluate(sample);
        assertTrue(result.hasViolation(), "the sample's wrong-way imports must be reported");
        List<String> violations = result.getFailureReport().getDetails();
        assertTrue(violations.stream().anyMatch(v -> v.contains("domain.SampleNotice")
                && v.contains("infrastructure.SampleSettings")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("infrastructure.SampleSettings")
                && v.contains("sandbox.SampleSwitch")), violations::toString);
        assertFalse(violations.stream().anyMatch(v -> v.contains("SampleUseCase")), violations::toString);
    }

    @Test
    void theLayerRulePassesTheSampleOnceItsWrongWayClassesAreLeftOut() {
        JavaClasses rightWay = new ClassFileImporter().importClasses(
                vn.lienthong.gateway.layersample.application.SampleUseCase.class,
                vn.lienthong.gateway.layersample.sandbox.SampleSwitch.class);
        EvaluationResult result = layers(GATEWAY + ".layersample").withOptionalLayers(true).evaluate(rightWay);
        assertEquals(List.of(), result.getFailureReport().getDetails());
    }

    @Test
    void everyGatewayExceptionIsOfTheOneFamily() {
        classes().that().resideInAPackage(GATEWAY + "..").and().areAssignableTo(RuntimeException.class)
                .should().beAssignableTo(GatewayException.class)
                .because("one root carries the Vietnamese and English text; its branches say refused, "
                        + "no such record or unavailable")
                .check(classes);
    }

    @Test
    void domainHasNoFramework() {
        noClasses().that().resideInAPackage("..gateway.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.apache.camel..",
                        "org.eclipse.microprofile..", "org.flywaydb..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void applicationDoesNotKnowRestOrJdbc() {
        noClasses().that().resideInAPackage("..gateway.application..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "java.sql..", "org.apache.camel..")
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
