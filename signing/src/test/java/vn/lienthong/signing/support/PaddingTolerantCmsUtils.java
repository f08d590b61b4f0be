package vn.lienthong.signing.support;

import eu.europa.esig.dss.cms.CMS;
import eu.europa.esig.dss.cms.object.CMSObjectUtils;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Test-only shim between DSS 6.4 (built against BouncyCastle 1.83) and the BouncyCastle 1.86 this
 * project uses. BC 1.86's {@code CMSSignedData(byte[])} rejects bytes after the CMS ("Extra data
 * detected in stream"), and DSS hands it the whole PDF /Contents, whose zero padding is normal
 * (ISO 32000 reserves the space before signing). BC 1.83 ignored that padding; this does the same:
 * it hands DSS the first DER object only. Registered ahead of DSS's own implementation through
 * META-INF/services in test resources.
 */
public class PaddingTolerantCmsUtils extends CMSObjectUtils {

    @Override
    public CMS parseToCMS(byte[] bytes) {
        try (ASN1InputStream in = new ASN1InputStream(bytes)) {
            ASN1Primitive first = in.readObject();
            return super.parseToCMS(first == null ? bytes : first.getEncoded(ASN1Encoding.DER));
        } catch (IOException | RuntimeException e) {
            // Not even one DER object: let DSS produce its own error for the original bytes.
            return super.parseToCMS(bytes);
        }
    }
}
