package vn.lienthong.signing.tsp;

import vn.lienthong.signing.DigestAlgorithm;

/** Something that returns an RFC 3161 time-stamp token over a digest. */
public interface TimestampSource {

    /**
     * Returns the DER of a TimeStampToken (a CMS ContentInfo) whose message imprint is {@code digest}.
     *
     * @throws vn.lienthong.signing.TimestampException when no valid token can be obtained
     */
    byte[] timestamp(byte[] digest, DigestAlgorithm algorithm);

    /** The digest used to imprint signature values. */
    default DigestAlgorithm imprintDigest() {
        return DigestAlgorithm.SHA256;
    }
}
