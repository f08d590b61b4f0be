package vn.lienthong.signing.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.lienthong.signing.SignatureCreationException;

/**
 * Issues one CA's CRL from the revocation registry. {@link #current()} re-issues when the CRL
 * passed half its validity (so nobody is handed one about to expire) or the registry changed.
 */
public final class CrlIssuer {
    private final CertificateAuthority ca;
    private final RevocationRegistry registry;
    private final Clock clock;
    private final Duration validity;
    private final String issuer;
    private X509CRL current;
    private List<Revocation> listed = List.of();

    public CrlIssuer(CertificateAuthority ca, RevocationRegistry registry, Clock clock, Duration validity) {
        this.ca = ca;
        this.registry = registry;
        this.clock = clock;
        this.validity = validity;
        this.issuer = ca.certificate().getSubjectX500Principal().getName();
    }

    /** The CRL to publish now. */
    public synchronized X509CRL current() {
        Instant now = clock.instant();
        List<Revocation> revoked = registry.revokedBy(issuer);
        if (current == null || !revoked.equals(listed)
                || now.isAfter(current.getThisUpdate().toInstant().plus(validity.dividedBy(2)))) {
            return reissue();
        }
        return current;
    }

    /** A new CRL now, whatever the cached one says. */
    public synchronized X509CRL reissue() {
        Instant now = clock.instant();
        List<Revocation> revoked = registry.revokedBy(issuer);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(
                ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(validity)));
        for (Revocation r : revoked) {
            builder.addCRLEntry(r.serial(), Date.from(r.revokedAt()), r.reason());
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            // Milliseconds of thisUpdate: increasing without a counter shared between nodes.
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            current = new JcaX509CRLConverter().getCRL(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(ca.key())));
            listed = revoked;
            return current;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new SignatureCreationException("Cannot issue the CRL of " + issuer + ": " + e.getMessage(), e);
        }
    }

    public CertificateAuthority authority() {
        return ca;
    }
}
