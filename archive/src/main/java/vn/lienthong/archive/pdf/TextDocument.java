package vn.lienthong.archive.pdf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A document made of text, rendered by {@link TextPdfABuilder} as PDF/A-2b.
 *
 * @param title      dc:title in the XMP metadata
 * @param identifier dc:identifier, e.g. the dossier code
 * @param creator    dc:creator, e.g. the issuing agency; may be empty
 * @param created    xmp:CreateDate
 * @param blocks     the content, top to bottom
 */
public record TextDocument(String title, String identifier, String creator, Instant created, List<TextBlock> blocks) {
    public TextDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(identifier, "identifier");
        creator = Objects.requireNonNullElse(creator, "");
        Objects.requireNonNull(created, "created");
        blocks = List.copyOf(blocks);
    }
}
