package vn.lienthong.archive.pdf;

import java.util.List;

/** One block of a {@link TextDocument}, laid out top to bottom on A4 pages by {@link TextPdfABuilder}. */
public sealed interface TextBlock {

    /** Two columns of centred lines side by side, as in the heading and the signature block of an official paper. */
    record Columns(List<String> left, List<String> right, float size) implements TextBlock {
        public Columns {
            left = List.copyOf(left);
            right = List.copyOf(right);
        }
    }

    /** One centred line (wrapped when too long), e.g. a title. */
    record Centered(String text, float size) implements TextBlock {
    }

    /** A paragraph, wrapped to the page width. */
    record Paragraph(String text, float size) implements TextBlock {
    }

    /** "label: value", the value wrapped under itself. */
    record Field(String label, String value) implements TextBlock {
    }

    /** A table with ruled cells; widths are relative and need not add up to anything. */
    record Table(List<Float> widths, List<String> header, List<List<String>> rows) implements TextBlock {
        public Table {
            widths = List.copyOf(widths);
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            int columns = widths.size();
            if (header.size() != columns || rows.stream().anyMatch(r -> r.size() != columns)) {
                throw new IllegalArgumentException("Every table row needs one cell per column");
            }
        }
    }

    /** Vertical space. */
    record Gap(float points) implements TextBlock {
    }

    /**
     * Empty space kept for signature stamps, never split over two pages; where it landed is
     * reported in {@link TextLayout#signatureSpace()}.
     */
    record SignatureSpace(float height) implements TextBlock {
    }
}
