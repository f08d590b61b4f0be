package vn.lienthong.archive;

import java.nio.file.Path;

/** Signs a finished PDF/A and checks signed ones; the seam between the archive and the signing module. */
public interface DocumentSigner {
    /** Writes a signed copy of {@code pdf} to {@code out} (a new file) and returns who signed. */
    String sign(Path pdf, Path out);

    /** Checks every signature in {@code signedPdf}. */
    SignatureCheck verify(Path signedPdf);
}
