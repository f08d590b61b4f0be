package vn.lienthong.signing.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.lienthong.signing.SignatureCreationException;

/**
 * An OCSP responder for one CA (RFC 6960), as a function: request DER in, response DER out.
 * Answers good, revoked (with time and reason) or unknown from the {@link RevocationRegistry},
 * signed by a delegated responder certificate, with nextUpdate = thisUpdate + validity.
 * The transport (HTTP POST application/ocsp-request) is the caller's.
 */
public final class OcspResponder {
    private final X509CertificateHolder ca;
    private final String issuer;
    private final PrivateKey responderKey;
    private final X509CertificateHolder responder;
    private final RevocationRegistry registry;
    private final Clock clock;
    private final Duration validity;
    private final DigestCalculatorProvider digests;

    /** {@code responderChain} starts with the responder certificate, issued by {@code ca} with EKU OCSPSigning. */
    public OcspResponder(X509Certificate ca, PrivateKey responderKey, List<X509Certificate> responderChain,
            RevocationRegistry registry, Clock clock, Duration validity) {
        try {
            this.ca = new JcaX509CertificateHolder(ca);
            this.responder = new JcaX509CertificateHolder(responderChain.get(0));
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (CertificateEncodingException | OperatorCreationException e) {
            throw new IllegalArgumentException("Unusable OCSP responder certificates: " + e.getMessage(), e);
        }
        this.issuer = ca.getSubjectX500Principal().getName();
        this.responderKey = responderKey;
        this.registry = registry;
        this.clock = clock;
        this.validity = validity;
    }

    /** The DER of an OCSPResponse for the DER of an OCSPRequest; a malformed request gets malformedRequest. */
    public byte[] respond(byte[] requestDer) {
        OCSPReq request;
        try {
            request = new OCSPReq(requestDer);
        } catch (IOException | RuntimeException e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Instant now = clock.instant();
        Date thisUpdate = Date.from(now);
        Date nextUpdate = Date.from(now.plus(validity));
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(responder.getSubject()));
        try {
            for (Req one : request.getRequestList()) {
                CertificateID id = one.getCertID();
                builder.addResponse(id, statusOf(id), thisUpdate, nextUpdate, null);
            }
            org.bouncycastle.asn1.x509.Extension nonce = request.getExtension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(responderKey),
                    new X509CertificateHolder[] {responder}, thisUpdate);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | IOException e) {
            throw new SignatureCreationException("Cannot build an OCSP response: " + e.getMessage(), e);
        }
    }

    private CertificateStatus statusOf(CertificateID id) throws OCSPException {
        if (!id.matchesIssuer(ca, digests)) {
            return new UnknownStatus();
        }
        BigInteger serial = id.getSerialNumber();
        var revoked = registry.find(issuer, serial);
        if (revoked.isPresent()) {
            return new RevokedStatus(Date.from(revoked.get().revokedAt()), revoked.get().reason());
        }
        return registry.isIssued(issuer, serial) ? CertificateStatus.GOOD : new UnknownStatus();
    }

    private static byte[] status(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new SignatureCreationException("Cannot build an OCSP error response", e);
        }
    }
}
