package vn.lienthong.signing.cms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.support.Fixtures;

/** A detached seal over a few bytes holds for its signer only, and only over those bytes. */
class DetachedCmsCheckTest {
    private static final byte[] CONTENT = "message-log batch 1..1000 a3f5".getBytes(StandardCharsets.US_ASCII);

    private static byte[] seal(Pkcs12KeySource key) {
        return new CmsSigner().sign(CONTENT, CmsParameters.detached(key.defaultAlgorithm(), DigestAlgorithm.SHA256), key);
    }

    @Test
    void holdsForItsSignerAndContent() {
        Pkcs12KeySource key = Fixtures.rsaKey();
        DetachedCmsCheck.Outcome outcome = DetachedCmsCheck.check(CONTENT, seal(key), key.signerCertificate());
        assertTrue(outcome.valid(), outcome::reason);
    }

    @Test
    void otherContentFails() {
        Pkcs12KeySource key = Fixtures.rsaKey();
        byte[] changed = CONTENT.clone();
        changed[changed.length - 1] ^= 1;
        DetachedCmsCheck.Outcome outcome = DetachedCmsCheck.check(changed, seal(key), key.signerCertificate());
        assertFalse(outcome.valid());
        assertTrue(outcome.reason().contains("content does not match"), outcome::reason);
    }

    @Test
    void anotherSignerFails() {
        DetachedCmsCheck.Outcome outcome = DetachedCmsCheck.check(CONTENT, seal(Fixtures.ecKey()),
                Fixtures.rsaKey().signerCertificate());
        assertFalse(outcome.valid());
        assertTrue(outcome.reason().contains("another certificate"), outcome::reason);
    }

    @Test
    void aFlippedSignatureByteFails() {
        Pkcs12KeySource key = Fixtures.rsaKey();
        byte[] cms = seal(key);
        cms[cms.length - 10] ^= 1; // inside the signature value, the last element of SignerInfo
        assertFalse(DetachedCmsCheck.check(CONTENT, cms, key.signerCertificate()).valid());
    }

    @Test
    void garbageIsReportedNotThrown() {
        DetachedCmsCheck.Outcome outcome = DetachedCmsCheck.check(CONTENT, new byte[] {1, 2, 3},
                Fixtures.rsaKey().signerCertificate());
        assertFalse(outcome.valid());
    }
}
