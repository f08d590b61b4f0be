package vn.lienthong.signing.pki;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.ltv.RevocationSource;
import vn.lienthong.signing.tsp.DemoTsa;

/**
 * Everything the DEMO PKI serves, wired together: the root's and the issuing CA's CRLs, the
 * OCSP responder, the TSA, and issuing/revoking through the {@link RevocationRegistry}. The
 * gateway publishes {@link #rootCrl()}, {@link #issuingCrl()}, {@link #ocsp(byte[])} and
 * {@link #timestamp(byte[])} under {@link PkiSettings#publicBaseUrl()}.
 */
public final class DemoTrustServices {
    private final DemoPki pki;
    private final RevocationRegistry registry;
    private final CrlIssuer rootCrls;
    private final CrlIssuer issuingCrls;
    private final OcspResponder ocsp;
    private final DemoTsa tsa;
    private final DemoRevocationSource revocationSource;

    /** With an OCSP responder and TSA key already issued (e.g. loaded from the shared key directory). */
    public DemoTrustServices(DemoPki pki, RevocationRegistry registry, TrialPki.Issued ocspResponder,
            TrialPki.Issued tsaKey) {
        this.pki = pki;
        this.registry = registry;
        PkiSettings settings = pki.settings();
        this.rootCrls = new CrlIssuer(pki.root(), registry, pki.clock(), settings.crlValidity());
        this.issuingCrls = new CrlIssuer(pki.issuing(), registry, pki.clock(), settings.crlValidity());
        this.ocsp = new OcspResponder(pki.issuing().certificate(), ocspResponder.key(), ocspResponder.chain(),
                registry, pki.clock(), settings.ocspValidity());
        List<String> tsaPolicies = settings.policiesOf(PkiRole.TSA);
        this.tsa = new DemoTsa(tsaKey.key(), tsaKey.chain(),
                tsaPolicies.isEmpty() ? PkiSettings.DEFAULT_TSA_POLICY : tsaPolicies.get(0), pki.clock());
        this.revocationSource = new DemoRevocationSource(List.of(rootCrls, issuingCrls), ocsp,
                pki.issuing().certificate());
        registry.issued(pki.issuing().certificate());
        registry.issued(ocspResponder.certificate());
        registry.issued(tsaKey.certificate());
    }

    /** Issues a new OCSP responder and TSA certificate under {@code pki}. */
    public static DemoTrustServices create(DemoPki pki, RevocationRegistry registry) {
        String organisation = pki.settings().organisation();
        return new DemoTrustServices(pki, registry, pki.issue(EndEntity.ocspResponder(organisation)),
                pki.issue(EndEntity.tsa(organisation)));
    }

    public DemoPki pki() {
        return pki;
    }

    /** Issues a key and certificate and records it, so OCSP answers "good" for it. */
    public TrialPki.Issued issue(EndEntity subject) {
        TrialPki.Issued issued = pki.issue(subject);
        registry.issued(issued.certificate());
        return issued;
    }

    /** Revokes a certificate; the next CRL lists it and OCSP answers "revoked". */
    public void revoke(X509Certificate certificate, Instant at, int reason) {
        registry.revoke(Revocation.of(certificate, at, reason));
    }

    public X509CRL rootCrl() {
        return rootCrls.current();
    }

    public X509CRL issuingCrl() {
        return issuingCrls.current();
    }

    /** OCSP: request DER to response DER. */
    public byte[] ocsp(byte[] request) {
        return ocsp.respond(request);
    }

    /** RFC 3161: TimeStampReq DER to TimeStampResp DER. */
    public byte[] timestamp(byte[] request) {
        return tsa.respond(request);
    }

    /** The TSA as a {@code TimestampSource} for in-process signing. */
    public DemoTsa tsa() {
        return tsa;
    }

    /** In-process revocation data for {@code PadesLongTerm}. */
    public RevocationSource revocationSource() {
        return revocationSource;
    }
}
