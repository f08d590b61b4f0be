package vn.lienthong.signing.tsp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.TimestampException;

/**
 * A DEMO RFC 3161 time-stamping authority as a function (request DER in, response DER out),
 * with its own clock. It is also a {@link TimestampSource} for in-process use. Never for
 * production: a province configures its real TSA's URL ({@link Rfc3161Client}).
 */
public final class DemoTsa implements TimestampSource {
    private final TimeStampResponseGenerator responses;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** {@code chain} starts with the TSA certificate (EKU timeStamping, critical). */
    public DemoTsa(PrivateKey key, List<X509Certificate> chain, String policyOid, Clock clock) {
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", key, chain.get(0)),
                    new JcaDigestCalculatorProviderBuilder().build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(policyOid));
            tokens.addCertificates(new JcaCertStore(chain));
            this.responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (OperatorCreationException | CertificateEncodingException | TSPException e) {
            throw new IllegalArgumentException("Unusable TSA key or certificate: " + e.getMessage(), e);
        }
        this.clock = clock;
    }

    /** The DER of a TimeStampResp; a request it cannot read gets status rejection. */
    public byte[] respond(byte[] requestDer) {
        BigInteger serial = new BigInteger(96, random);
        try {
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(requestDer);
            } catch (IOException | RuntimeException e) {
                return responses.generateRejectedResponse(new TSPException("bad request: " + e.getMessage()))
                        .getEncoded();
            }
            return responses.generateGrantedResponse(request, serial, Date.from(clock.instant())).getEncoded();
        } catch (TSPException | IOException e) {
            throw new TimestampException("DEMO TSA cannot answer: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] timestamp(byte[] digest, DigestAlgorithm algorithm) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(new ASN1ObjectIdentifier(algorithm.oid()), digest,
                new BigInteger(64, random));
        try {
            TimeStampResponse response = new TimeStampResponse(respond(request.getEncoded()));
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new TimestampException("DEMO TSA refused: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException e) {
            throw new TimestampException("DEMO TSA answered with an unusable response: " + e.getMessage(), e);
        }
    }
}
