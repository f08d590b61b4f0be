package vn.lienthong.archive.sign;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import vn.lienthong.archive.ArchiveException;
import vn.lienthong.archive.DocumentSigner;
import vn.lienthong.archive.SignatureCheck;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.ltv.LongTermResult;
import vn.lienthong.signing.pdf.PadesLongTerm;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;
import vn.lienthong.signing.pdf.PreparedPdf;

/**
 * Signs archived PDF/A files with PAdES-BASELINE-B (B-T with a TSA, B-LT with a revocation source
 * too) through the signing module. When no validation data can be had the file stays at B-T.
 */
public final class PadesDocumentSigner implements DocumentSigner {
    private static final String REASON = "Lưu trữ hồ sơ số hóa / Archived digitized dossier";

    private final SigningKey key;
    private final PadesSigner signer;
    private final PadesLongTerm longTerm;

    public PadesDocumentSigner(SigningKey key) {
        this.key = key;
        this.signer = new PadesSigner(key.timestamps().orElse(null));
        this.longTerm = key.revocation().map(PadesLongTerm::new).orElse(null);
    }

    @Override
    public String sign(Path pdf, Path out) {
        try {
            signer.sign(pdf, out, parameters(), key.keySource());
            extend(out);
            return key.signerName();
        } catch (SigningException e) {
            throw new ArchiveException("Signing the archived PDF failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String signAppending(Path pdf, MessageDigest sha256OfFile) {
        try {
            // With SHA-256 the store's running digest is the byte range's too; other digests read the file once.
            MessageDigest digest = key.digest() == DigestAlgorithm.SHA256 ? sha256OfFile : hash(pdf, key.digest());
            KeySource source = key.keySource();
            PreparedPdf prepared = signer.prepareAppending(pdf, digest, source.certificateChain(), parameters());
            signer.embed(prepared, source.sign(prepared.bytesToSign(), prepared.spec()));
            extend(pdf);
            return key.signerName();
        } catch (SigningException e) {
            throw new ArchiveException("Signing the archived PDF failed: " + e.getMessage(), e);
        }
    }

    @Override
    public SignatureCheck verify(Path signedPdf) {
        return CmsSignatureCheck.pdf(signedPdf);
    }

    @Override
    public String timestampForArchive(Path pdf, DigestAlgorithm digest) {
        if (longTerm == null || key.timestamps().isEmpty()) {
            return DocumentSigner.super.timestampForArchive(pdf, digest);
        }
        try {
            LongTermResult result = longTerm.extendToArchive(pdf, key.timestamps().get(), digest);
            if (!result.longTerm() || !LongTermResult.LTA.equals(result.level())) {
                throw new ArchiveException("No validation data now, the document stays as it was: " + result.missing());
            }
            return result.level() + " (" + result.certificates() + " certificates, " + result.ocspResponses()
                    + " OCSP, " + result.crls() + " CRLs, time-stamp " + digest.jcaName() + ")";
        } catch (SigningException e) {
            throw new ArchiveException("The document time-stamp failed: " + e.getMessage(), e);
        }
    }

    /** Appends the validation data (B-LT); without it the signature stays valid at B-T. */
    private void extend(Path signed) {
        if (longTerm != null) {
            LongTermResult result = longTerm.extend(signed);
            if (!result.longTerm()) {
                System.getLogger(PadesDocumentSigner.class.getName()).log(System.Logger.Level.WARNING,
                        "Archived PDF signed at " + result.level() + ", no validation data now: " + result.missing());
            }
        }
    }

    private PadesParameters parameters() {
        return PadesParameters.invisible(key.algorithm(), key.digest()).withReason(REASON);
    }

    private static MessageDigest hash(Path file, DigestAlgorithm algorithm) {
        MessageDigest digest = algorithm.newDigest();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            while (channel.read(buffer) > 0) {
                digest.update(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return digest;
        } catch (IOException e) {
            throw new ArchiveException("Cannot read " + file + " to sign it: " + e.getMessage(), e);
        }
    }
}
