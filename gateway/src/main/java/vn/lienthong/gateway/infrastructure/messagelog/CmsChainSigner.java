package vn.lienthong.gateway.infrastructure.messagelog;

import java.util.Optional;

import vn.lienthong.gateway.domain.messagelog.ChainSigner;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.cms.CmsParameters;
import vn.lienthong.signing.cms.CmsSigner;
import vn.lienthong.signing.cms.DetachedCmsCheck;
import vn.lienthong.signing.key.KeySource;

/**
 * Batches and anchors signed as detached CMS (CAdES-B-B: RSASSA-PSS or ECDSA, SHA-256) with the
 * gateway's key through the signing module, and checked against the gateway's certificate.
 */
public final class CmsChainSigner implements ChainSigner {

    private final KeySource key;
    private final CmsSigner cms = new CmsSigner();
    private final CmsParameters parameters;

    public CmsChainSigner(KeySource key) {
        this.key = key;
        this.parameters = CmsParameters.detached(key.defaultAlgorithm(), DigestAlgorithm.SHA256);
    }

    @Override
    public byte[] sign(byte[] content) {
        try {
            return cms.sign(content, parameters, key);
        } catch (SigningException e) {
            throw new MessageLogException("Cannot sign the message log head with " + name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> problem(byte[] content, byte[] signature) {
        DetachedCmsCheck.Outcome outcome = DetachedCmsCheck.check(content, signature, key.signerCertificate());
        return outcome.valid() ? Optional.empty() : Optional.of(outcome.reason());
    }

    @Override
    public String name() {
        return key.signerCertificate().getSubjectX500Principal().getName();
    }
}
