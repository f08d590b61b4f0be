package vn.lienthong.signing.pdf;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * Receives an incremental save from PDFBox, which writes the earlier revisions again before the
 * new one, and keeps only the new revision: the earlier bytes are already in the file.
 */
final class IncrementCapture extends OutputStream {
    private final long skip;
    private final ByteArrayOutputStream increment = new ByteArrayOutputStream(16_384);
    private long seen;

    IncrementCapture(long earlierRevisionsLength) {
        this.skip = earlierRevisionsLength;
    }

    @Override
    public void write(int b) {
        if (seen++ >= skip) {
            increment.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        long dropped = Math.max(0, Math.min(len, skip - seen));
        seen += len;
        if (dropped < len) {
            increment.write(b, off + (int) dropped, len - (int) dropped);
        }
    }

    byte[] increment() {
        return increment.toByteArray();
    }
}
