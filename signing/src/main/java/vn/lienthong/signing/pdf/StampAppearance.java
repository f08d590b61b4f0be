package vn.lienthong.signing.pdf;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.lienthong.signing.MalformedInputException;
import vn.lienthong.signing.SignatureCreationException;

/**
 * Draws the visible stamp. Usually straight into the document being signed ({@link #drawInto}) in the
 * {@link VietnameseFont} made once per JVM; a stamp with a letter outside that font's set is drawn into a
 * one-page template PDF that PDFBox merges into the signed document, with DejaVu Sans parsed and
 * subset for it. Either way the font is embedded, so Vietnamese diacritics render and PDF/A's "all
 * fonts embedded" rule holds.
 */
final class StampAppearance {
    private static final String FONT = "/vn/lienthong/signing/pdf/DejaVuSans.ttf";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss XXX").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** The font file, read once. */
    private static volatile byte[] fontBytes;
    /**
     * Parsed fonts for reuse: parsing DejaVu Sans was about a quarter of a paper's CPU (two stamps per
     * paper). A TrueTypeFont reads its glyphs lazily, so each template borrows one of its own and
     * gives it back once its document is saved (saving subsets the font).
     */
    private static final Queue<TrueTypeFont> PARSED = new ConcurrentLinkedQueue<>();

    private StampAppearance() {
    }

    static byte[] template(VisibleStamp stamp, PDRectangle mediaBox, X509Certificate signer, Instant time) {
        TrueTypeFont font = borrowFont();
        try {
            return template(stamp, mediaBox, signer, time, font);
        } finally {
            PARSED.add(font);
        }
    }

    private static TrueTypeFont borrowFont() {
        TrueTypeFont parsed = PARSED.poll();
        if (parsed != null) {
            return parsed;
        }
        try {
            TrueTypeFont fresh = new TTFParser().parse(new RandomAccessReadBuffer(fontBytes()));
            // No GSUB (ligatures) on the stamp's lines: PDFBox applies it per string, at a third of the
            // stamp's CPU; the lines are NFC, so each letter is one precomposed glyph without it.
            fresh.setEnableGsub(false);
            return fresh;
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot read the stamp font " + FONT + ": " + e.getMessage(), e);
        }
    }

    private static byte[] fontBytes() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = StampAppearance.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new SignatureCreationException("Stamp font " + FONT + " missing from the jar");
                }
                bytes = in.readAllBytes();
            }
            fontBytes = bytes;
        }
        return bytes;
    }

    private static byte[] template(VisibleStamp stamp, PDRectangle mediaBox, X509Certificate signer, Instant time,
            TrueTypeFont font) {
        PDRectangle rect = new PDRectangle(stamp.x(), stamp.y(), stamp.width(), stamp.height());
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(mediaBox);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            widget.setRectangle(rect);
            widget.setPage(page);
            page.getAnnotations().add(widget);

            PDFormXObject xobject = new PDFormXObject(new PDStream(doc));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);

            // Not closed with the document: the parsed font goes back to the pool.
            PDType0Font type0 = PDType0Font.load(doc, font, true);
            try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
                draw(cs, doc, type0, stamp, rect, signer, time);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot draw the signature stamp: " + e.getMessage(), e);
        }
    }

    private static void draw(PDPageContentStream cs, PDDocument doc, PDType0Font font, VisibleStamp stamp,
            PDRectangle rect, X509Certificate signer, Instant time) throws IOException {
        float w = rect.getWidth();
        float h = rect.getHeight();
        cs.setStrokingColor(0.75f, 0.1f, 0.1f);
        cs.setLineWidth(1);
        cs.addRect(0.5f, 0.5f, w - 1, h - 1);
        cs.stroke();
        float textLeft = 4;
        if (stamp.sealImage().isPresent()) {
            PDImageXObject seal = seal(doc, stamp);
            float side = h - 6;
            float scale = Math.min(side / seal.getWidth(), side / seal.getHeight());
            cs.drawImage(seal, 3, 3, seal.getWidth() * scale, seal.getHeight() * scale);
            textLeft = side + 8;
        }
        String[] lines = lines(stamp, signer, time);
        float available = w - textLeft - 4;
        float size = Math.min(10, (h - 6) / (lines.length * 1.3f));
        for (String line : lines) {
            float width = font.getStringWidth(line) / 1000 * size;
            if (width > available) {
                size = Math.min(size, available * 1000 / font.getStringWidth(line));
            }
        }
        float leading = size * 1.3f;
        cs.setNonStrokingColor(0.75f, 0.1f, 0.1f);
        cs.beginText();
        cs.setFont(font, size);
        cs.setLeading(leading);
        cs.newLineAtOffset(textLeft, h - 3 - size);
        for (String line : lines) {
            cs.showText(line);
            cs.newLine();
        }
        cs.endText();
    }

    /** The stamp's lines, NFC: each Vietnamese letter one precomposed glyph, without GSUB. */
    static String[] lines(VisibleStamp stamp, X509Certificate signer, Instant time) {
        String name = stamp.signerName().filter(s -> !s.isBlank()).orElseGet(() -> rdn(signer, "CN").orElse("?"));
        String org = stamp.organisation().filter(s -> !s.isBlank()).orElseGet(() -> rdn(signer, "O").orElse(""));
        String[] lines = org.isEmpty()
                ? new String[] {"Ký bởi: " + name, "Thời gian: " + TIME.format(time)}
                : new String[] {"Ký bởi: " + name, "Cơ quan: " + org, "Thời gian: " + TIME.format(time)};
        for (int i = 0; i < lines.length; i++) {
            lines[i] = Normalizer.normalize(lines[i], Normalizer.Form.NFC);
        }
        return lines;
    }

    /**
     * Draws the stamp straight into {@code doc}, on the widget of {@code signature} that
     * {@code PDDocument.addSignature} has just made invisible: a form XObject in the new revision,
     * its text in the {@link VietnameseFont} copied once per document. No template PDF, no font parsed or
     * subset. The caller has checked {@link VietnameseFont#covers} for every line.
     */
    static void drawInto(PDDocument doc, PDSignature signature, VisibleStamp stamp, String[] lines) {
        VietnameseFont font = VietnameseFont.get();
        PDPage page = doc.getPage(stamp.page() - 1);
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        PDSignatureField field = null;
        COSBase earlierFont = null;
        for (PDField candidate : form.getFieldTree()) {
            if (candidate instanceof PDSignatureField sig) {
                if (sig.getCOSObject().getDictionaryObject(COSName.V) == signature.getCOSObject()) {
                    field = sig;
                } else if (earlierFont == null) {
                    earlierFont = stampFontOf(sig, font);
                }
            }
        }
        if (field == null) {
            throw new SignatureCreationException("The new signature has no field to draw its stamp on");
        }
        if (earlierFont == null) {
            // A first stamp on a page written in the same font (the archive's text pages) refers to that copy.
            earlierFont = fontOf(page.getCOSObject().getCOSDictionary(COSName.RESOURCES), font);
        }
        float w = stamp.width();
        float h = stamp.height();
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(new PDRectangle(stamp.x(), stamp.y(), w, h));
        widget.setPage(page);

        PDAppearanceStream appearance = new PDAppearanceStream(doc);
        appearance.setBBox(new PDRectangle(w, h));
        appearance.setFormType(1);
        PDResources resources = new PDResources();
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(COSName.getPDFName("F1"), font.in(doc, earlierFont));
        resources.getCOSObject().setItem(COSName.FONT, fonts);
        appearance.setResources(resources);

        StringBuilder content = new StringBuilder(512);
        content.append("0.75 0.1 0.1 RG 1 w 0.5 0.5 ").append(number(w - 1)).append(' ').append(number(h - 1))
                .append(" re S\n");
        float textLeft = 4;
        if (stamp.sealImage().isPresent()) {
            PDImageXObject seal = seal(doc, stamp);
            float side = h - 6;
            float scale = Math.min(side / seal.getWidth(), side / seal.getHeight());
            COSName image = resources.add(seal);
            content.append("q ").append(number(seal.getWidth() * scale)).append(" 0 0 ")
                    .append(number(seal.getHeight() * scale)).append(" 3 3 cm /").append(image.getName())
                    .append(" Do Q\n");
            textLeft = side + 8;
        }
        float available = w - textLeft - 4;
        float size = Math.min(10, (h - 6) / (lines.length * 1.3f));
        for (String line : lines) {
            float width = font.width(line);
            if (width / 1000 * size > available) {
                size = Math.min(size, available * 1000 / width);
            }
        }
        content.append("0.75 0.1 0.1 rg BT /F1 ").append(number(size)).append(" Tf ").append(number(size * 1.3f))
                .append(" TL ").append(number(textLeft)).append(' ').append(number(h - 3 - size)).append(" Td\n");
        for (String line : lines) {
            content.append(font.hex(line)).append(" Tj T*\n");
        }
        content.append("ET\n");
        try (OutputStream out = appearance.getCOSObject().createOutputStream(COSName.FLATE_DECODE)) {
            out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot draw the signature stamp: " + e.getMessage(), e);
        }
        PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
        dictionary.setNormalAppearance(appearance);
        widget.setAppearance(dictionary);

        // As PDFBox does for a visible signature: /Annots made direct, so an indirect array of an
        // earlier revision need not be rewritten apart; the page goes into the new revision.
        List<PDAnnotation> annotations;
        try {
            annotations = page.getAnnotations();
        } catch (IOException e) {
            throw new MalformedInputException("Page " + stamp.page() + " has unreadable annotations: " + e.getMessage(), e);
        }
        page.setAnnotations(annotations);
        annotations.add(widget);
        page.getCOSObject().setNeedToBeUpdated(true);
        widget.getCOSObject().setNeedToBeUpdated(true);
    }

    /**
     * The stamp font an earlier stamp of this document wrote, as the indirect object it is there.
     * Read through the COS objects only: PDFBox's widget and XObject wrappers set /Subtype and /Type on
     * construction, which would write the earlier signature's widget and stamp again in this revision
     * (EU DSS then reports the first signature as modified after signing).
     */
    private static COSBase stampFontOf(PDSignatureField field, VietnameseFont font) {
        COSDictionary appearance = field.getCOSObject().getCOSDictionary(COSName.AP);
        COSDictionary normal = appearance == null ? null : appearance.getCOSDictionary(COSName.N);
        return fontOf(normal == null ? null : normal.getCOSDictionary(COSName.RESOURCES), font);
    }

    /** The reference to a copy of {@code font} among {@code resources}' fonts, or null. */
    private static COSBase fontOf(COSDictionary resources, VietnameseFont font) {
        COSDictionary fonts = resources == null ? null : resources.getCOSDictionary(COSName.FONT);
        if (fonts == null) {
            return null;
        }
        for (COSName name : fonts.keySet()) {
            COSBase item = fonts.getItem(name);
            if (item instanceof COSObject && font.isThis(item)) {
                return item;
            }
        }
        return null;
    }

    private static PDImageXObject seal(PDDocument doc, VisibleStamp stamp) {
        try {
            return PDImageXObject.createFromByteArray(doc, stamp.sealImage().orElseThrow(), "seal");
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedInputException("Seal image is not a PNG/JPEG/GIF/BMP/TIFF: " + e.getMessage(), e);
        }
    }

    private static String number(float value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static Optional<String> rdn(X509Certificate cert, String type) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase(type)) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
