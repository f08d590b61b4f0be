package vn.lienthong.archive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "vn.lienthong.archive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noJakartaNoCamel = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("jakarta..", "org.apache.camel..");

    @ArchTest
    static final ArchRule noGateway = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("vn.lienthong.gateway..");

    /** PDFBox stays in the PDF builder and the signature check; the store, index and ledger never see it. */
    @ArchTest
    static final ArchRule pdfboxStaysInPdfAndSign = noClasses().that()
            .resideInAnyPackage("..archive.store..", "..archive.index..", "..archive.ledger..", "..archive.bagit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..");
}
