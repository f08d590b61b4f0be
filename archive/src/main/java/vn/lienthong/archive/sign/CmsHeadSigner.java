package vn.lienthong.archive.sign;

import vn.lienthong.archive.ArchiveException;
import vn.lienthong.archive.SignatureCheck;
import vn.lienthong.archive.ledger.HeadSigner;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.cms.CmsParameters;
import vn.lienthong.signing.cms.CmsSigner;

/** Signs ledger heads as detached CMS (CAdES-B-B) with the archive's key through the signing module. */
public final class CmsHeadSigner implements HeadSigner {
    private final SigningKey key;
    private final CmsSigner cms;

    public CmsHeadSigner(SigningKey key) {
        this.key = key;
        this.cms = new CmsSigner(key.timestamps().orElse(null));
    }

    @Override
    public byte[] sign(byte[] content) {
        try {
            return cms.sign(content, CmsParameters.detached(key.algorithm(), key.digest()), key.keySource());
        } catch (SigningException e) {
            throw new ArchiveException("Signing the ledger head failed: " + e.getMessage(), e);
        }
    }

    @Override
    public SignatureCheck verify(byte[] content, byte[] signature) {
        return CmsSignatureCheck.detached(content, signature, key.keySource().signerCertificate());
    }

    @Override
    public String name() {
        return key.signerName();
    }
}
