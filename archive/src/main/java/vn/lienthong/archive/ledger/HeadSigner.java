package vn.lienthong.archive.ledger;

import vn.lienthong.archive.SignatureCheck;

/** Signs and verifies ledger heads with the archive's key; the seam to the signing module. */
public interface HeadSigner {
    /** A detached signature over {@code content}. */
    byte[] sign(byte[] content);

    SignatureCheck verify(byte[] content, byte[] signature);

    /** Who signs, for the ledger entry (e.g. the certificate subject). */
    String name();
}
