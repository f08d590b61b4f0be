package vn.lienthong.signing.verify;

import java.util.List;

/**
 * What a PDF signature's ByteRange covers.
 *
 * @param byteRange the four ByteRange numbers
 * @param revisionEnd where the signed revision ends
 * @param fileLength the whole file's length
 * @param coversRevision the range covers its revision entirely except the /Contents hole
 * @param changesAfter objects changed by later incremental updates
 */
public record PdfCoverage(List<Long> byteRange, long revisionEnd, long fileLength, boolean coversRevision,
        List<Change> changesAfter) {

    public PdfCoverage {
        byteRange = List.copyOf(byteRange);
        changesAfter = List.copyOf(changesAfter);
    }

    /** True when nothing follows the signed revision. */
    public boolean coversWholeFile() {
        return coversRevision && revisionEnd == fileLength;
    }
}
