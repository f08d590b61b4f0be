package vn.lienthong.signing.ltv;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.MalformedInputException;

/**
 * One document time-stamp of a PAdES-BASELINE-LTA document, as a renewal judges it: when it was
 * made, by which TSA certificate (whose end of validity bounds the evidence), with which digest.
 *
 * @param time the token's genTime
 * @param tsa the TSA certificate that signed the token
 * @param digest the message imprint's digest algorithm
 */
public record ArchiveTimestamp(Instant time, X509Certificate tsa, DigestAlgorithm digest) {

    /** Reads a token; its TSA certificate must be in it (RFC 3161 certReq). */
    public static ArchiveTimestamp of(TimeStampToken token) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> signer = token.getCertificates().getMatches(token.getSID());
        if (signer.isEmpty()) {
            throw new MalformedInputException("A document time-stamp does not carry its TSA certificate");
        }
        try {
            return new ArchiveTimestamp(token.getTimeStampInfo().getGenTime().toInstant(),
                    new JcaX509CertificateConverter().getCertificate(signer.iterator().next()),
                    DigestAlgorithm.fromOid(token.getTimeStampInfo().getMessageImprintAlgOID().getId()));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new MalformedInputException("A document time-stamp is unreadable: " + e.getMessage(), e);
        }
    }

    /** Reads the DER of a token (a CMS ContentInfo), as a {@code TimestampSource} returns it. */
    public static ArchiveTimestamp of(byte[] der) {
        try {
            return of(new TimeStampToken(new CMSSignedData(der)));
        } catch (CMSException | TSPException | java.io.IOException | IllegalArgumentException e) {
            throw new MalformedInputException("A time-stamp token is unreadable: " + e.getMessage(), e);
        }
    }

    /** When the TSA certificate stops being valid. */
    public Instant tsaNotAfter() {
        return tsa.getNotAfter().toInstant();
    }
}
