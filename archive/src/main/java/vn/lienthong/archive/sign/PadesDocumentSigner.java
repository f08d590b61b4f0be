package vn.lienthong.archive.sign;

import java.nio.file.Path;
import vn.lienthong.archive.ArchiveException;
import vn.lienthong.archive.DocumentSigner;
import vn.lienthong.archive.SignatureCheck;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;

/** Signs archived PDF/A files with PAdES-BASELINE-B (B-T with a TSA) through the signing module. */
public final class PadesDocumentSigner implements DocumentSigner {
    private final SigningKey key;
    private final PadesSigner signer;

    public PadesDocumentSigner(SigningKey key) {
        this.key = key;
        this.signer = new PadesSigner(key.timestamps().orElse(null));
    }

    @Override
    public String sign(Path pdf, Path out) {
        try {
            PadesParameters parameters = PadesParameters.invisible(key.algorithm(), key.digest())
                    .withReason("Lưu trữ hồ sơ số hóa / Archived digitized dossier");
            signer.sign(pdf, out, parameters, key.keySource());
            return key.signerName();
        } catch (SigningException e) {
            throw new ArchiveException("Signing the archived PDF failed: " + e.getMessage(), e);
        }
    }

    @Override
    public SignatureCheck verify(Path signedPdf) {
        return CmsSignatureCheck.pdf(signedPdf);
    }
}
