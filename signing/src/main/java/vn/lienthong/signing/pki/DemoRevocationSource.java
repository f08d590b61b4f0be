package vn.lienthong.signing.pki;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.lienthong.signing.ltv.RevocationSource;

/**
 * Revocation data straight from the DEMO PKI's own CRL issuers and OCSP responder, without
 * HTTP: what the gateway uses in demo mode, where it is also the CA.
 */
public final class DemoRevocationSource implements RevocationSource {
    private final List<CrlIssuer> crls;
    private final Optional<OcspResponder> ocsp;
    private final X509Certificate ocspCa;

    /** {@code ocsp} answers for certificates issued by {@code ocspCa}; may be null (CRLs only). */
    public DemoRevocationSource(List<CrlIssuer> crls, OcspResponder ocsp, X509Certificate ocspCa) {
        this.crls = List.copyOf(crls);
        this.ocsp = Optional.ofNullable(ocsp);
        this.ocspCa = ocspCa;
    }

    @Override
    public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
        if (ocsp.isEmpty() || !issuer.equals(ocspCa)) {
            return Optional.empty();
        }
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
            return Optional.of(ocsp.get().respond(request));
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException | IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<X509CRL> crl(X509Certificate certificate, X509Certificate issuer) {
        return crls.stream().filter(c -> c.authority().certificate().equals(issuer)).findFirst()
                .map(CrlIssuer::current);
    }
}
