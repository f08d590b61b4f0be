package vn.lienthong.signing.tsp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.TimestampException;

/** RFC 3161 client over HTTP: posts a TimeStampReq, checks the response matches it, returns the token. */
public final class Rfc3161Client implements TimestampSource {
    private static final String QUERY_TYPE = "application/timestamp-query";
    private static final String REPLY_TYPE = "application/timestamp-reply";

    private final TsaConfig config;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public Rfc3161Client(TsaConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public DigestAlgorithm imprintDigest() {
        return config.digest();
    }

    @Override
    public byte[] timestamp(byte[] digest, DigestAlgorithm algorithm) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        config.policyOid().ifPresent(oid -> generator.setReqPolicy(new ASN1ObjectIdentifier(oid)));
        TimeStampRequest request = generator.generate(new ASN1ObjectIdentifier(algorithm.oid()), digest,
                new BigInteger(64, random));
        byte[] reply = post(request);
        try {
            TimeStampResponse response = new TimeStampResponse(reply);
            // Checks status, nonce, imprint and that the TSA certificate is marked for time-stamping.
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new TimestampException("TSA " + config.url() + " refused: " + response.getStatusString());
            }
            return token.getEncoded();
        } catch (TSPException | IOException e) {
            throw new TimestampException("TSA " + config.url() + " answered with an unusable response: "
                    + e.getMessage(), e);
        }
    }

    private byte[] post(TimeStampRequest request) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(config.url()).timeout(config.timeout())
                    .header("Content-Type", QUERY_TYPE).header("Accept", REPLY_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()));
            if (config.username().isPresent()) {
                String pair = config.username().get() + ":" + config.password().orElse("");
                builder.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new TimestampException("TSA " + config.url() + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new TimestampException("Cannot reach TSA " + config.url() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimestampException("Interrupted while waiting for TSA " + config.url(), e);
        }
    }
}
