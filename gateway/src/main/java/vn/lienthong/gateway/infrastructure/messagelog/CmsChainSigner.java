package vn.lienthong.gateway.infrastructure.messagelog;

import java.util.Optional;

import vn.lienthong.gateway.domain.messagelog.ChainSigner;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.cms.CmsParameters;
import vn.lienthong.signing.cms.CmsSigner;
import vn.lienthong.signing.cms.DetachedCmsCheck;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.tsp.TimestampSource;

/**
 * Batches and anchors signed as detached CMS (CAdES-BASELINE-B, or -T with a TSA: RSASSA-PSS or
 * ECDSA, SHA-256) with the gateway's key through the signing module, and checked against the
 * gateway's certificate. When the TSA does not answer, signing fails and the message log signs the
 * batch later; exchanges are recorded meanwhile.
 */
public final class CmsChainSigner implements ChainSigner {

    private final KeySource key;
    private final CmsSigner cms;
    private final CmsParameters parameters;

    /** CAdES-BASELINE-B. */
    public CmsChainSigner(KeySource key) {
        this(key, null);
    }

    /** CAdES-BASELINE-T when {@code timestamps} is not null. */
    public CmsChainSigner(KeySource key, TimestampSource timestamps) {
        this.key = key;
        this.cms = new CmsSigner(timestamps);
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
