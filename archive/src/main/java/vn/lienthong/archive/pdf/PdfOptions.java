package vn.lienthong.archive.pdf;

/**
 * Limits and defaults for building PDF/A.
 *
 * @param defaultDpi   used when a scan does not say its resolution
 * @param maxPixels    larger images are refused before decoding, so a forged header cannot exhaust memory
 * @param heapCacheBytes how much of the document PDFBox may keep in heap before spilling to temp files; also how
 *                     many bytes of JPEG scans a build keeps in heap as they are, to write them without a copy
 * @param coverPage    whether to put a cover page with the metadata in Vietnamese before the scans
 */
public record PdfOptions(int defaultDpi, long maxPixels, long heapCacheBytes, boolean coverPage) {
    public PdfOptions {
        if (defaultDpi < 10 || defaultDpi > 4800 || maxPixels < 1 || heapCacheBytes < 0) {
            throw new IllegalArgumentException("PdfOptions out of range");
        }
    }

    public static PdfOptions defaults() {
        return new PdfOptions(300, 100_000_000L, 16L << 20, true);
    }
}
