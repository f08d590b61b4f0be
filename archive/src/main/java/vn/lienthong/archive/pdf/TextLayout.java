package vn.lienthong.archive.pdf;

import java.util.Optional;

/**
 * Where {@link TextPdfABuilder} put things: the page count and the space kept for signatures.
 *
 * @param signatureSpace the {@link TextBlock.SignatureSpace} block's box, if the document has one
 */
public record TextLayout(int pages, Optional<Box> signatureSpace) {

    /** A box on a 1-based page, in PDF points from the page's lower left corner. */
    public record Box(int page, float x, float y, float width, float height) {
    }
}
