package vn.lienthong.signing.ltv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Revocation data from the URLs the certificates name (AIA OCSP, CRL distribution points) over
 * HTTP(S), with a timeout per request; CRLs and OCSP answers are cached until their nextUpdate
 * (at most {@code maxAge}). Failures are answered with empty, never thrown, so that the caller
 * falls back to the CRL or stays at B-T.
 */
public final class HttpRevocationSource implements RevocationSource {
    private record Cached<T>(T value, Instant until) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<URI, Cached<X509CRL>> crls = new ConcurrentHashMap<>();
    private final Map<String, Cached<byte[]>> ocsps = new ConcurrentHashMap<>();

    public HttpRevocationSource(Duration timeout, Duration maxAge, Clock clock) {
        this.timeout = timeout;
        this.maxAge = maxAge;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
        String key = issuer.getSubjectX500Principal().getName() + "#" + certificate.getSerialNumber();
        Cached<byte[]> cached = ocsps.get(key);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.value());
        }
        for (URI url : ocspUrls(certificate)) {
            try {
                CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                        .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer),
                        certificate.getSerialNumber());
                byte[] body = post(url, new OCSPReqBuilder().addRequest(id).build().getEncoded());
                OCSPResp response = new OCSPResp(body);
                if (response.getStatus() != OCSPResp.SUCCESSFUL
                        || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                    continue;
                }
                Instant until = now.plus(maxAge);
                for (SingleResp single : basic.getResponses()) {
                    if (single.getNextUpdate() != null && single.getNextUpdate().toInstant().isBefore(until)) {
                        until = single.getNextUpdate().toInstant();
                    }
                }
                ocsps.put(key, new Cached<>(body, until));
                return Optional.of(body);
            } catch (IOException | OCSPException | OperatorCreationException | GeneralSecurityException
                    | RuntimeException e) {
                // This responder is down or broken; try the next, then let the caller use the CRL.
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<X509CRL> crl(X509Certificate certificate, X509Certificate issuer) {
        Instant now = clock.instant();
        for (URI url : crlUrls(certificate)) {
            Cached<X509CRL> cached = crls.get(url);
            if (cached != null && now.isBefore(cached.until())) {
                return Optional.of(cached.value());
            }
            try {
                byte[] body = get(url);
                X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(body));
                crl.verify(issuer.getPublicKey());
                Instant until = now.plus(maxAge);
                if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(until)) {
                    until = crl.getNextUpdate().toInstant();
                }
                crls.put(url, new Cached<>(crl, until));
                return Optional.of(crl);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                // Next distribution point, else no CRL.
            }
        }
        return Optional.empty();
    }

    private byte[] post(URI url, byte[] request) throws IOException {
        return send(HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build());
    }

    private byte[] get(URI url) throws IOException {
        return send(HttpRequest.newBuilder(url).timeout(timeout).GET().build());
    }

    private byte[] send(HttpRequest request) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(request.uri() + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking " + request.uri(), e);
        }
    }

    static List<URI> ocspUrls(X509Certificate cert) {
        List<URI> out = new ArrayList<>();
        ASN1Primitive value = extension(cert, Extension.authorityInfoAccess.getId());
        if (value != null) {
            for (AccessDescription d : AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
                if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                    uri(d.getAccessLocation()).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    static List<URI> crlUrls(X509Certificate cert) {
        List<URI> out = new ArrayList<>();
        ASN1Primitive value = extension(cert, Extension.cRLDistributionPoints.getId());
        if (value != null) {
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                        uri(g).ifPresent(out::add);
                    }
                }
            }
        }
        return out;
    }

    private static Optional<URI> uri(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return Optional.empty();
        }
        String text = ASN1IA5String.getInstance(name.getName()).getString();
        return text.startsWith("http://") || text.startsWith("https://") ? Optional.of(URI.create(text))
                : Optional.empty();
    }

    private static ASN1Primitive extension(X509Certificate cert, String oid) {
        byte[] raw = cert.getExtensionValue(oid);
        if (raw == null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(raw).getOctets());
        } catch (IOException e) {
            return null;
        }
    }
}
