package vn.lienthong.archive.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.lienthong.archive.ArchiveException;
import vn.lienthong.signing.pdf.VietnameseFont;

/**
 * Renders a {@link TextDocument} as a PDF/A-2b on A4 pages: DejaVu Sans embedded as a subset (so
 * Vietnamese diacritics are exact; the {@link VietnameseFont} subset once per JVM when every letter is in it), the sRGB output intent and the XMP identification, through the
 * same {@link PdfAConformance} as {@link PdfABuilder}. Text is wrapped and paged; characters the font lacks become "?",
 * since the content may come from other systems.
 */
public final class TextPdfABuilder {
    private static final float MARGIN_LEFT = 62f;
    private static final float MARGIN_RIGHT = 48f;
    private static final float MARGIN_TOP = 48f;
    private static final float MARGIN_BOTTOM = 52f;
    private static final float LEADING = 1.35f;
    private static final float BODY = 11f;
    private static final float CELL_PADDING = 3f;
    private static final float CELL_SIZE = 9.5f;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final PdfAConformance conformance = PdfAConformance.standard();

    /** Writes the PDF/A to {@code out} (not closed) and says where the signature space landed. */
    public TextLayout build(TextDocument document, OutputStream out) {
        if (inPresetFont(document)) {
            try (PDDocument doc = new PDDocument()) {
                return save(document, new Writer(doc, new PresetFace(VietnameseFont.get(), doc)), doc, out);
            } catch (IOException e) {
                throw new ArchiveException("Cannot write the PDF/A text document: " + e.getMessage(), e);
            }
        }
        // The font goes back only after the save, which subsets it.
        try (PdfAConformance.FontLoan font = conformance.borrowFont(); PDDocument doc = new PDDocument()) {
            return save(document, new Writer(doc, new SubsetFace(font.embedIn(doc), font.font().getUnicodeCmapLookup())),
                    doc, out);
        } catch (IOException e) {
            throw new ArchiveException("Cannot write the PDF/A text document: " + e.getMessage(), e);
        }
    }

    private TextLayout save(TextDocument document, Writer writer, PDDocument doc, OutputStream out) throws IOException {
        for (TextBlock block : document.blocks()) {
            writer.write(block);
        }
        writer.close();
        writer.font.finish();
        conformance.declare(doc, XmpPacket.forText(document.title(), document.identifier(),
                document.creator(), document.created()));
        doc.save(out, CompressParameters.NO_COMPRESSION);
        out.flush();
        return new TextLayout(doc.getNumberOfPages(), writer.signatureSpace);
    }

    /**
     * Whether every letter of the document is in the {@link VietnameseFont} subset once per JVM (what
     * papers are written in); otherwise the document gets a subset of the whole font of its own, which
     * draws any letter DejaVu Sans has and "?" for the rest.
     */
    private static boolean inPresetFont(TextDocument document) {
        VietnameseFont font = VietnameseFont.get();
        java.util.function.Predicate<String> covered = s -> s == null
                || Normalizer.normalize(s, Normalizer.Form.NFC).codePoints().allMatch(cp -> font.covers(cp)
                        || Character.isISOControl(cp) || Character.isWhitespace(cp));
        for (TextBlock block : document.blocks()) {
            boolean ok = true;
            if (block instanceof TextBlock.Columns c) {
                ok = c.left().stream().allMatch(covered) && c.right().stream().allMatch(covered);
            } else if (block instanceof TextBlock.Centered c) {
                ok = covered.test(c.text());
            } else if (block instanceof TextBlock.Paragraph p) {
                ok = covered.test(p.text());
            } else if (block instanceof TextBlock.Field f) {
                ok = covered.test(f.label()) && covered.test(f.value());
            } else if (block instanceof TextBlock.Table t) {
                ok = t.header().stream().allMatch(covered) && t.rows().stream().flatMap(List::stream).allMatch(covered);
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The font the text is measured and drawn in. */
    private interface Face {
        /** Advance width of {@code s} (every letter drawable) in thousandths of the size. */
        float width(String s) throws IOException;

        boolean has(int codePoint);

        /** Appends the operators that show {@code s} at {@code size} to the page's content. */
        void show(PageContent content, String s, float size) throws IOException;

        /** Makes the font available on a new page. */
        void addTo(PDPage page);

        /** Called once every page is written, before the save. */
        default void finish() throws IOException {
        }
    }

    /** DejaVu Sans subset for this document at save. */
    private static final class SubsetFace implements Face {
        private final PDType0Font font;
        private final CmapLookup cmap;
        private COSName name;

        SubsetFace(PDType0Font font, CmapLookup cmap) {
            this.font = font;
            this.cmap = cmap;
        }

        @Override
        public float width(String s) throws IOException {
            return font.getStringWidth(s);
        }

        @Override
        public boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }

        @Override
        public void show(PageContent content, String s, float size) throws IOException {
            // What PDPageContentStream.showText does for this font (its GSUB off, PdfAConformance).
            s.codePoints().forEach(font::addToSubset);
            content.show(name, size, "<" + HEX.formatHex(font.encode(s)) + ">");
        }

        @Override
        public void addTo(PDPage page) {
            PDResources resources = new PDResources();
            page.setResources(resources);
            name = resources.add(font);
        }

        @Override
        public void finish() throws IOException {
            // PDPageContentStream.setFont would have listed it for the save to subset; the list is not public.
            font.subset();
        }
    }

    /** The {@link VietnameseFont} copied once into the document: no parsing, no subsetting at save. */
    private static final class PresetFace implements Face {
        private static final COSName NAME = COSName.getPDFName("F1");
        private final VietnameseFont font;
        private final COSDictionary copy;

        PresetFace(VietnameseFont font, PDDocument doc) {
            this.font = font;
            this.copy = font.copyInto(doc);
        }

        @Override
        public float width(String s) {
            return font.width(s);
        }

        @Override
        public boolean has(int codePoint) {
            return font.covers(codePoint);
        }

        @Override
        public void show(PageContent content, String s, float size) {
            content.show(NAME, size, font.hex(s));
        }

        @Override
        public void addTo(PDPage page) {
            COSDictionary fonts = new COSDictionary();
            fonts.setItem(NAME, copy);
            COSDictionary resources = new COSDictionary();
            resources.setItem(COSName.FONT, fonts);
            page.getCOSObject().setItem(COSName.RESOURCES, resources);
        }
    }

    /**
     * A page's content stream, written as text: the few operators a text page needs (BT Td Tf Tj ET,
     * re w S). PDPageContentStream cannot show glyph codes already encoded, and is final.
     */
    private static final class PageContent {
        private final StringBuilder ops = new StringBuilder(8_192);

        /** Shows {@code glyphs}, a hex string operand ({@code <...>}) of the font's codes. */
        void show(COSName font, float size, String glyphs) {
            ops.append('/').append(font.getName()).append(' ');
            number(size).append(" Tf ").append(glyphs).append(" Tj\n");
        }

        void text(float x, float y) {
            ops.append("BT\n");
            number(x).append(' ');
            number(y).append(" Td\n");
        }

        void endText() {
            ops.append("ET\n");
        }

        void rect(float x, float y, float w, float h) {
            number(x).append(' ');
            number(y).append(' ');
            number(w).append(' ');
            number(h).append(" re\n");
        }

        void stroke(float lineWidth) {
            number(lineWidth).append(" w S\n");
        }

        /** Three decimals at most (a thousandth of a point), no exponent: what PDF numbers allow. */
        private StringBuilder number(float value) {
            long thousandths = Math.round(value * 1000.0);
            if (thousandths < 0) {
                ops.append('-');
                thousandths = -thousandths;
            }
            ops.append(thousandths / 1000);
            int fraction = (int) (thousandths % 1000);
            if (fraction != 0) {
                ops.append('.').append((char) ('0' + fraction / 100));
                fraction %= 100;
                if (fraction != 0) {
                    ops.append((char) ('0' + fraction / 10));
                    fraction %= 10;
                    if (fraction != 0) {
                        ops.append((char) ('0' + fraction));
                    }
                }
            }
            return ops;
        }

        /** Sets the content on {@code page}, Flate-compressed as PDPageContentStream would. */
        void writeTo(PDDocument doc, PDPage page) throws IOException {
            byte[] bytes = ops.toString().getBytes(StandardCharsets.US_ASCII);
            page.setContents(new PDStream(doc, new ByteArrayInputStream(bytes), COSName.FLATE_DECODE));
        }
    }

    /** The layout cursor: current page, its content stream, and the baseline position. */
    private static final class Writer {
        private final PDDocument doc;
        private final Face font;
        private final float width = PDRectangle.A4.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
        private PDPage page;
        private PageContent cs;
        private float y;
        private Optional<TextLayout.Box> signatureSpace = Optional.empty();

        Writer(PDDocument doc, Face font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        void write(TextBlock block) throws IOException {
            if (block instanceof TextBlock.Columns c) {
                columns(c);
            } else if (block instanceof TextBlock.Centered c) {
                for (String line : wrap(c.text(), c.size(), width)) {
                    need(c.size() * LEADING);
                    y -= c.size() * LEADING;
                    text(line, MARGIN_LEFT + (width - textWidth(line, c.size())) / 2, y, c.size());
                }
            } else if (block instanceof TextBlock.Paragraph p) {
                lines(wrap(p.text(), p.size(), width), MARGIN_LEFT, p.size());
            } else if (block instanceof TextBlock.Field f) {
                field(f);
            } else if (block instanceof TextBlock.Table t) {
                table(t);
            } else if (block instanceof TextBlock.Gap g) {
                y -= Math.min(g.points(), y - MARGIN_BOTTOM);
            } else if (block instanceof TextBlock.SignatureSpace s) {
                need(s.height());
                y -= s.height();
                signatureSpace = Optional.of(new TextLayout.Box(doc.getNumberOfPages(), MARGIN_LEFT, y, width,
                        s.height()));
            }
        }

        private void columns(TextBlock.Columns c) throws IOException {
            float leftWidth = width * 0.44f;
            float rightWidth = width - leftWidth;
            List<String> left = new ArrayList<>();
            for (String s : c.left()) {
                left.addAll(wrap(s, c.size(), leftWidth - 6));
            }
            List<String> right = new ArrayList<>();
            for (String s : c.right()) {
                right.addAll(wrap(s, c.size(), rightWidth - 6));
            }
            int rows = Math.max(left.size(), right.size());
            float lead = c.size() * LEADING;
            need(rows * lead);
            for (int i = 0; i < rows; i++) {
                y -= lead;
                if (i < left.size()) {
                    String s = left.get(i);
                    text(s, MARGIN_LEFT + (leftWidth - textWidth(s, c.size())) / 2, y, c.size());
                }
                if (i < right.size()) {
                    String s = right.get(i);
                    text(s, MARGIN_LEFT + leftWidth + (rightWidth - textWidth(s, c.size())) / 2, y, c.size());
                }
            }
        }

        private void field(TextBlock.Field f) throws IOException {
            String label = clean(f.label()) + ": ";
            float labelWidth = textWidth(label, BODY);
            if (labelWidth > width * 0.45f) {
                lines(wrap(label, BODY, width), MARGIN_LEFT, BODY);
                lines(wrap(f.value(), BODY, width - 18), MARGIN_LEFT + 18, BODY);
                return;
            }
            List<String> value = wrap(f.value(), BODY, width - labelWidth);
            need(BODY * LEADING);
            y -= BODY * LEADING;
            text(label, MARGIN_LEFT, y, BODY);
            text(value.get(0), MARGIN_LEFT + labelWidth, y, BODY);
            lines(value.subList(1, value.size()), MARGIN_LEFT + labelWidth, BODY);
        }

        private void table(TextBlock.Table t) throws IOException {
            float total = (float) t.widths().stream().mapToDouble(Float::doubleValue).sum();
            float[] cols = new float[t.widths().size()];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = width * t.widths().get(i) / total;
            }
            row(t.header(), cols);
            for (List<String> r : t.rows()) {
                List<List<String>> cells = cells(r, cols);
                if (rowHeight(cells) > y - MARGIN_BOTTOM) {
                    newPage();
                    row(t.header(), cols); // the header again on each page the table runs onto
                }
                row(r, cols);
            }
        }

        private void row(List<String> texts, float[] cols) throws IOException {
            List<List<String>> cells = cells(texts, cols);
            float height = rowHeight(cells);
            need(height);
            float x = MARGIN_LEFT;
            float top = y;
            for (int i = 0; i < cols.length; i++) {
                cs.rect(x, top - height, cols[i], height);
                float baseline = top - CELL_PADDING;
                for (String line : cells.get(i)) {
                    baseline -= CELL_SIZE * LEADING;
                    text(line, x + CELL_PADDING, baseline + CELL_SIZE * 0.3f, CELL_SIZE);
                }
                x += cols[i];
            }
            cs.stroke(0.5f);
            y -= height;
        }

        private List<List<String>> cells(List<String> texts, float[] cols) {
            List<List<String>> cells = new ArrayList<>();
            for (int i = 0; i < cols.length; i++) {
                cells.add(wrap(texts.get(i), CELL_SIZE, cols[i] - 2 * CELL_PADDING));
            }
            return cells;
        }

        private static float rowHeight(List<List<String>> cells) {
            int lines = cells.stream().mapToInt(List::size).max().orElse(1);
            return lines * CELL_SIZE * LEADING + 2 * CELL_PADDING;
        }

        private void lines(List<String> lines, float x, float size) throws IOException {
            for (String line : lines) {
                need(size * LEADING);
                y -= size * LEADING;
                text(line, x, y, size);
            }
        }

        private void text(String s, float x, float baseline, float size) throws IOException {
            if (s.isEmpty()) {
                return;
            }
            cs.text(x, baseline);
            font.show(cs, s, size);
            cs.endText();
        }

        /** Starts a new page when {@code height} does not fit below the cursor. */
        private void need(float height) throws IOException {
            if (y - height < MARGIN_BOTTOM && y < PDRectangle.A4.getHeight() - MARGIN_TOP) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.writeTo(doc, page);
            }
            page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            font.addTo(page);
            cs = new PageContent();
            y = PDRectangle.A4.getHeight() - MARGIN_TOP;
        }

        void close() throws IOException {
            cs.writeTo(doc, page);
        }

        /** Wrapped lines of {@code text}, cleaned; at least one (possibly empty) line. */
        private List<String> wrap(String text, float size, float max) {
            List<String> out = new ArrayList<>();
            for (String paragraph : (text == null ? "" : text).split("\\R", -1)) {
                StringBuilder line = new StringBuilder();
                // Widths add up (no kerning): the line's is kept, not measured again for each word.
                float lineWidth = 0;
                float space = textWidth(" ", size);
                for (String word : clean(paragraph).split(" +")) {
                    float wordWidth = textWidth(word, size);
                    float candidate = line.isEmpty() ? wordWidth : lineWidth + space + wordWidth;
                    if (candidate <= max) {
                        if (!line.isEmpty()) {
                            line.append(' ');
                        }
                        line.append(word);
                        lineWidth = candidate;
                        continue;
                    }
                    if (!line.isEmpty()) {
                        out.add(line.toString());
                        line.setLength(0);
                    }
                    // A word wider than the line (a long code or URL) is broken where it must be.
                    String rest = word;
                    while (textWidth(rest, size) > max && rest.length() > 1) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && textWidth(rest.substring(0, cut), size) > max) {
                            cut--;
                        }
                        out.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                    lineWidth = textWidth(rest, size);
                }
                out.add(line.toString());
            }
            return out;
        }

        private float textWidth(String s, float size) {
            try {
                return font.width(s) / 1000f * size;
            } catch (IOException e) {
                throw new ArchiveException("Cannot measure text: " + e.getMessage(), e);
            }
        }

        /** Control characters become spaces and characters the font lacks "?": showText would refuse both. */
        private String clean(String s) {
            StringBuilder out = new StringBuilder(s.length());
            // Composed: a letter typed as base + combining marks ("Unicode tổ hợp") is drawn as the one
            // precomposed glyph, since no GSUB rule composes it (PdfAConformance).
            Normalizer.normalize(s, Normalizer.Form.NFC).codePoints().forEach(cp -> {
                if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                    out.append(' ');
                } else if (font.has(cp)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString().strip();
        }
    }
}
