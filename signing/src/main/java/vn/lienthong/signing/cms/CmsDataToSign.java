package vn.lienthong.signing.cms;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import vn.lienthong.signing.SignatureSpec;

/**
 * Step one's result: the bytes a key source must sign (the DER of the signed attributes),
 * plus everything step three needs to rebuild exactly the same attributes around the value.
 *
 * @param bytesToSign DER-encoded signed attributes; hand these to {@code KeySource.sign}
 * @param parameters the CMS parameters used
 * @param chain signer certificate first
 * @param contentDigest digest of the signed content under {@code parameters.digest()}
 * @param signingTime the time put into signing-time, or the claimed time when the attribute is omitted
 * @param encapsulatedContent the content for enveloping signatures, else null
 */
public record CmsDataToSign(byte[] bytesToSign, CmsParameters parameters, List<X509Certificate> chain,
        byte[] contentDigest, Instant signingTime, byte[] encapsulatedContent) {

    public CmsDataToSign {
        chain = List.copyOf(chain);
    }

    public SignatureSpec spec() {
        return parameters.spec();
    }
}
