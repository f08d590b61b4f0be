package vn.lienthong.archive.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.lienthong.archive.ArchiveException;

/**
 * Renders a {@link TextDocument} as a PDF/A-2b on A4 pages: DejaVu Sans embedded as a subset (so
 * Vietnamese diacritics are exact), the sRGB output intent and the XMP identification, through the
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

    private final PdfAConformance conformance = PdfAConformance.standard();

    /** Writes the PDF/A to {@code out} (not closed) and says where the signature space landed. */
    public TextLayout build(TextDocument document, OutputStream out) {
        // The font goes back only after the save, which subsets it.
        try (PdfAConformance.FontLoan font = conformance.borrowFont(); PDDocument doc = new PDDocument()) {
            Writer writer = new Writer(doc, font.embedIn(doc), font.font().getUnicodeCmapLookup());
            for (TextBlock block : document.blocks()) {
                writer.write(block);
            }
            writer.close();
            conformance.declare(doc, XmpPacket.forText(document.title(), document.identifier(),
                    document.creator(), document.created()));
            doc.save(out, CompressParameters.NO_COMPRESSION);
            out.flush();
            return new TextLayout(doc.getNumberOfPages(), writer.signatureSpace);
        } catch (IOException e) {
            throw new ArchiveException("Cannot write the PDF/A text document: " + e.getMessage(), e);
        }
    }

    /** The layout cursor: current page, its content stream, and the baseline position. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private final CmapLookup cmap;
        private final float width = PDRectangle.A4.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
        private PDPageContentStream cs;
        private float y;
        private Optional<TextLayout.Box> signatureSpace = Optional.empty();

        Writer(PDDocument doc, PDType0Font font, CmapLookup cmap) throws IOException {
            this.doc = doc;
            this.font = font;
            this.cmap = cmap;
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
                cs.addRect(x, top - height, cols[i], height);
                float baseline = top - CELL_PADDING;
                for (String line : cells.get(i)) {
                    baseline -= CELL_SIZE * LEADING;
                    text(line, x + CELL_PADDING, baseline + CELL_SIZE * 0.3f, CELL_SIZE);
                }
                x += cols[i];
            }
            cs.setLineWidth(0.5f);
            cs.stroke();
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
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, baseline);
            cs.showText(s);
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
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN_TOP;
        }

        void close() throws IOException {
            cs.close();
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
                return font.getStringWidth(s) / 1000f * size;
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
                } else if (cmap.getGlyphId(cp) > 0) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString().strip();
        }
    }
}
