package vn.lienthong.archive.pdf;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.lienthong.archive.BadInputException;

/** What the archive records about a PDF it keeps as it came: its pages and how many signatures it carries. */
public record SignedPdf(int pages, int signatures) {

    /** Reads the PDF's structure (streams spill to temp files, never whole into the heap). */
    public static SignedPdf inspect(Path file) {
        try (PDDocument doc = Loader.loadPDF(file.toFile(), MemoryUsageSetting.setupTempFileOnly().streamCache)) {
            return new SignedPdf(doc.getNumberOfPages(), doc.getSignatureDictionaries().size());
        } catch (IOException e) {
            throw new BadInputException("Not a readable PDF / Không đọc được tệp PDF: " + e.getMessage(), e);
        }
    }
}
