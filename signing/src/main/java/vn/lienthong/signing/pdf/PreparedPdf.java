package vn.lienthong.signing.pdf;

import java.nio.file.Path;
import vn.lienthong.signing.SignatureSpec;
import vn.lienthong.signing.cms.CmsDataToSign;

/**
 * Step one's result for a PDF: the output file already holds the new revision with a zeroed
 * /Contents placeholder; {@link #bytesToSign()} goes to the key source.
 *
 * @param output the prepared PDF (written in full; step 3 patches the placeholder in place)
 * @param contentsOffset file offset of the first hex digit inside /Contents
 * @param contentsCapacity number of bytes the placeholder can hold
 * @param cms the CMS data-to-sign over the byte-range digest
 */
public record PreparedPdf(Path output, long contentsOffset, int contentsCapacity, CmsDataToSign cms) {

    public byte[] bytesToSign() {
        return cms.bytesToSign();
    }

    public SignatureSpec spec() {
        return cms.spec();
    }
}
