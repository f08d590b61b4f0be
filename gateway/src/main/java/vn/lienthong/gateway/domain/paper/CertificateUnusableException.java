package vn.lienthong.gateway.domain.paper;

/**
 * The signer's certificate is revoked or expired: the gateway does not sign with it, and the paper
 * waits until an administrator issues the signer a new one.
 */
public class CertificateUnusableException extends PaperKeyException {

    public CertificateUnusableException(String message) {
        super(message, null);
    }
}
