package vn.lienthong.signing.cms;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks that a detached CMS signature over in-memory content was made with one known
 * certificate's key: the content digest, the signature value, and that the signer identifier
 * names that certificate. What a seal over a log head needs; it does not judge trust chains,
 * validity periods or revocation (that is {@code SignatureVerifier}'s job for legal validation).
 */
public final class DetachedCmsCheck {
    // Used per call and never installed: a host application's provider list stays as it was.
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** Whether the signature holds, and why not when it does not. */
    public record Outcome(boolean valid, String reason) {
        static Outcome ok() {
            return new Outcome(true, "");
        }

        static Outcome failed(String reason) {
            return new Outcome(false, reason);
        }
    }

    private DetachedCmsCheck() {
    }

    /** Checks {@code cms} (DER) over {@code content} against {@code signer}'s public key. */
    public static Outcome check(byte[] content, byte[] cms, X509Certificate signer) {
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), cms);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return Outcome.failed("expected one signer, found " + signers.size());
            }
            SignerInformation info = signers.iterator().next();
            if (!info.getSID().match(new X509CertificateHolder(signer.getEncoded()))) {
                return Outcome.failed("signed by another certificate than " + signer.getSubjectX500Principal().getName()
                        + " (serial " + signer.getSerialNumber().toString(16) + ")");
            }
            boolean ok = info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(signer));
            return ok ? Outcome.ok() : Outcome.failed("the signature value does not verify");
        } catch (CMSException e) {
            // BouncyCastle reports a content digest that differs from message-digest this way.
            return Outcome.failed("the content does not match the signature, or the CMS is malformed: "
                    + e.getMessage());
        } catch (CertificateEncodingException | OperatorCreationException | IOException e) {
            return Outcome.failed("cannot check the signature: " + e.getMessage());
        } catch (IllegalArgumentException | ClassCastException e) {
            // Parsing arbitrary bytes as ASN.1 fails with unchecked exceptions.
            return Outcome.failed("the signature is not a CMS structure: " + e.getMessage());
        }
    }
}
