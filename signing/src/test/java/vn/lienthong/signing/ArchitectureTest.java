package vn.lienthong.signing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The signing module's boundaries, as rules that fail the build. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.lienthong.signing");

    @Test
    void noJakartaNoCamel() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.apache.camel..")
                .check(classes);
    }

    @Test
    void pdfCodeNeverTouchesPrivateKeys() {
        noClasses().that().resideInAPackage("..signing.pdf..")
                .should().dependOnClassesThat().areAssignableTo(java.security.PrivateKey.class)
                .check(classes);
    }

    @Test
    void cmsCodeNeverTouchesPdfBox() {
        noClasses().that().resideInAnyPackage("..signing.cms..", "..signing.key..", "..signing.tsp..", "..signing.pki..",
                        "..signing.ltv..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..")
                .check(classes);
    }

    @Test
    void libraryDoesNotDependOnTheCli() {
        noClasses().that().resideOutsideOfPackage("..signing.cli..")
                .should().dependOnClassesThat().resideInAPackage("..signing.cli..")
                .check(classes);
    }
}
