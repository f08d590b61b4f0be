package vn.lienthong.archive.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import vn.lienthong.archive.ArchiveException;

/**
 * What makes a document PDF/A in this archive, shared by {@link PdfABuilder} and {@link TextPdfABuilder}:
 * DejaVu Sans embedded as a subset, the sRGB output intent, and the XMP packet as the catalogue's metadata.
 */
final class PdfAConformance {
    /** One for the JVM, so that every builder draws on the same pool of parsed fonts. */
    private static final PdfAConformance STANDARD = new PdfAConformance(loadFont(),
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());

    private final byte[] font;
    private final byte[] srgb;
    private final Queue<TrueTypeFont> parsedFonts = new ConcurrentLinkedQueue<>();

    private PdfAConformance(byte[] font, byte[] srgb) {
        this.font = font;
        this.srgb = srgb;
    }

    static PdfAConformance standard() {
        return STANDARD;
    }

    /**
     * Lends a parsed font for one document. Close the loan only once that document is saved: saving
     * subsets the font. Parsing DejaVu Sans costs more than a page, and a TrueTypeFont reads its glyphs
     * lazily, so concurrent builds each borrow their own.
     */
    FontLoan borrowFont() {
        TrueTypeFont parsed = parsedFonts.poll();
        if (parsed != null) {
            return new FontLoan(parsed);
        }
        try {
            TrueTypeFont fresh = new TTFParser().parse(new RandomAccessReadBuffer(font));
            // PDFBox otherwise runs DejaVu's Latin GSUB rules (ccmp, liga) on every string shown and measured:
            // a third of a paper's rendering, for an "fi" ligature. The text is NFC (TextPdfABuilder), so
            // every Vietnamese letter is one precomposed glyph of the font without them.
            fresh.setEnableGsub(false);
            return new FontLoan(fresh);
        } catch (IOException e) {
            throw new ArchiveException("The embedded font cannot be parsed: " + e.getMessage(), e);
        }
    }

    /**
     * Declares {@code doc} PDF/A: PDF 1.7 (which PDF/A-2 and 3 build on), the sRGB output intent PDF/A
     * requires for device colours, and {@code xmp} (from {@link XmpPacket}) as its metadata stream.
     */
    void declare(PDDocument doc, String xmp) throws IOException {
        doc.setVersion(1.7f);
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        doc.getDocumentCatalog().setMetadata(metadata);
    }

    private static byte[] loadFont() {
        try (InputStream in = PdfAConformance.class.getResourceAsStream("DejaVuSans.ttf")) {
            if (in == null) {
                throw new IOException("DejaVuSans.ttf is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ArchiveException("The embedded font is missing from the archive jar", e);
        }
    }

    /** A parsed font lent to one document; closing it gives the font back to the pool. */
    final class FontLoan implements AutoCloseable {
        private final TrueTypeFont parsed;

        private FontLoan(TrueTypeFont parsed) {
            this.parsed = parsed;
        }

        TrueTypeFont font() {
            return parsed;
        }

        /** Embeds the font in {@code doc} as a subset of the glyphs used, as PDF/A requires. */
        PDType0Font embedIn(PDDocument doc) throws IOException {
            return PDType0Font.load(doc, parsed, true);
        }

        @Override
        public void close() {
            parsedFonts.offer(parsed);
        }
    }
}
