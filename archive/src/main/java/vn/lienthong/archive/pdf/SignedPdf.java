package vn.lienthong.archive.pdf;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.lienthong.archive.BadInputException;

/** What the archive records about a PDF it keeps as it came: its pages and how many signatures it carries. */
public record SignedPdf(int pages, int signatures) {
    private static final COSName DSS = COSName.getPDFName("DSS");

    /** Reads the PDF's structure (streams spill to temp files, never whole into the heap). */
    public static SignedPdf inspect(Path file) {
        try (PDDocument doc = Loader.loadPDF(file.toFile(), MemoryUsageSetting.setupTempFileOnly().streamCache)) {
            return new SignedPdf(doc.getNumberOfPages(), doc.getSignatureDictionaries().size());
        } catch (IOException e) {
            throw new BadInputException("Not a readable PDF / Không đọc được tệp PDF: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the PDF carries validation data (a /DSS dictionary in its catalog: PAdES-BASELINE-LT or
     * above). A paper issued at B-T, whose revocation data comes later, has none yet.
     */
    public static boolean hasValidationData(Path file) {
        try (PDDocument doc = Loader.loadPDF(file.toFile(), MemoryUsageSetting.setupTempFileOnly().streamCache)) {
            return doc.getDocumentCatalog().getCOSObject().getDictionaryObject(DSS) != null;
        } catch (IOException e) {
            throw new BadInputException("Not a readable PDF / Không đọc được tệp PDF: " + e.getMessage(), e);
        }
    }
}
