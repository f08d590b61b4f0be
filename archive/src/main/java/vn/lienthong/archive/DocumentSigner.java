package vn.lienthong.archive;

import java.nio.file.Path;
import java.security.MessageDigest;
import vn.lienthong.signing.DigestAlgorithm;

/** Signs a finished PDF/A and checks signed ones; the seam between the archive and the signing module. */
public interface DocumentSigner {
    /** Writes a signed copy of {@code pdf} to {@code out} (a new file) and returns who signed. */
    String sign(Path pdf, Path out);

    /**
     * Signs {@code pdf} in place by appending the signature revision, and returns who signed.
     * {@code sha256OfFile} has consumed exactly the bytes now in the file (the caller hashed them
     * while writing), so they need not be read again; it is left unchanged.
     */
    String signAppending(Path pdf, MessageDigest sha256OfFile);

    /** Checks every signature in {@code signedPdf}. */
    SignatureCheck verify(Path signedPdf);

    /**
     * Extends {@code pdf} in place to PAdES-BASELINE-LTA, or renews an LTA document: fresh validation
     * data and a new document time-stamp whose imprint uses {@code digest}. Returns what it added.
     *
     * @throws ArchiveException when this signer has no TSA or revocation source, or the data is not available now
     */
    default String timestampForArchive(Path pdf, DigestAlgorithm digest) {
        throw new ArchiveException("This archive's signer has no time-stamping authority and revocation source;"
                + " PAdES-BASELINE-LTA needs both");
    }
}
