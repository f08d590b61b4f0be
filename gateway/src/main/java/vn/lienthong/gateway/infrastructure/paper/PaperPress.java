package vn.lienthong.gateway.infrastructure.paper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import vn.lienthong.archive.ArchiveException;
import vn.lienthong.archive.pdf.TextDocument;
import vn.lienthong.archive.pdf.TextLayout;
import vn.lienthong.archive.pdf.TextPdfABuilder;
import vn.lienthong.gateway.domain.document.SignedPaper;
import vn.lienthong.gateway.domain.paper.PaperException;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.ltv.LongTermResult;
import vn.lienthong.signing.ltv.RevocationSource;
import vn.lienthong.signing.pdf.PadesLongTerm;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;
import vn.lienthong.signing.pdf.VisibleStamp;
import vn.lienthong.signing.tsp.TimestampSource;

/**
 * Renders a paper as PDF/A-2b and signs it twice, each signature its own incremental revision:
 * first the competent officer, then the agency (Decree 30/2020/NĐ-CP, art. 13), so the officer's
 * signature stays valid under the agency's. With a TSA each signature carries a signature
 * time-stamp (PAdES-BASELINE-T), and with a revocation source the validation data of both follow
 * in a DSS dictionary (PAdES-BASELINE-LT). Each key signs with its own default scheme (RSASSA-PSS
 * for RSA keys) and SHA-256; the stamps sit side by side in the paper's signature space, the
 * officer's on the left.
 */
public final class PaperPress {

    static final float STAMP_HEIGHT = 58f;
    private static final float STAMP_WIDTH = 215f;

    private final TextPdfABuilder builder = new TextPdfABuilder();
    private final PadesSigner pades;
    private final PadesLongTerm longTerm;
    private final String level;

    /** PAdES-BASELINE-B: no TSA, no validation data. */
    public PaperPress() {
        this(null, null);
    }

    /** B-T with {@code timestamps}, then B-LT with {@code revocation}; either may be null. */
    public PaperPress(TimestampSource timestamps, RevocationSource revocation) {
        this.pades = new PadesSigner(timestamps);
        this.level = timestamps == null ? "PAdES-BASELINE-B" : LongTermResult.T;
        this.longTerm = revocation == null ? null : new PadesLongTerm(revocation);
    }

    /** A paper pressed: the level it reached, and what its signer states about the bytes written. */
    public record Pressed(LongTermResult level, SignedPaper signed) {
    }

    /**
     * Writes the signed paper to {@code out}, using {@code workDir} for the two intermediate
     * revisions, and answers the level reached (B-T when validation data could not be had now) with
     * the SHA-256 of the bytes written, for the archive to check its copy against.
     */
    public Pressed press(TextDocument document, KeySource officer, KeySource agency, Path workDir, Path out) {
        Path unsigned = null;
        Path officerSigned = null;
        try {
            Files.createDirectories(workDir);
            unsigned = Files.createTempFile(workDir, "paper-", ".pdf");
            officerSigned = Files.createTempFile(workDir, "paper-", ".officer.pdf");
            TextLayout layout;
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(unsigned), 1 << 16)) {
                layout = builder.build(document, o);
            }
            Instant now = Instant.now();
            TextLayout.Box space = layout.signatureSpace().orElse(new TextLayout.Box(layout.pages(), 62, 60, 485,
                    STAMP_HEIGHT));
            float y = space.y() + (space.height() - STAMP_HEIGHT) / 2;
            Files.deleteIfExists(officerSigned);
            pades.sign(unsigned, officerSigned, parameters(officer, now, "Người có thẩm quyền ký",
                    VisibleStamp.at(space.page(), space.x(), y, STAMP_WIDTH, STAMP_HEIGHT)), officer);
            Files.deleteIfExists(out);
            pades.sign(officerSigned, out, parameters(agency, now, "Cơ quan ký số (Nghị định 30/2020/NĐ-CP, điều 13)",
                    VisibleStamp.at(space.page(), space.x() + space.width() - STAMP_WIDTH, y, STAMP_WIDTH,
                            STAMP_HEIGHT)), agency);
            LongTermResult reached = longTerm == null ? new LongTermResult(level, 0, 0, 0, List.of("no revocation source"))
                    : longTerm.extend(out);
            return new Pressed(reached, new SignedPaper(sha256(out), layout.pages(), 2,
                    agency.signerCertificate().getSubjectX500Principal().getName()));
        } catch (IOException e) {
            throw new PaperException("Cannot write the paper " + document.title() + " of " + document.identifier()
                    + " under " + workDir + ": " + e.getMessage(), e);
        } catch (ArchiveException | SigningException e) {
            throw new PaperException("Cannot make the paper " + document.title() + " of " + document.identifier()
                    + ": " + e.getMessage(), e);
        } finally {
            delete(unsigned);
            delete(officerSigned);
        }
    }

    /**
     * Adds the validation data of every signature of the signed paper {@code pdf} to the file itself
     * (PAdES-BASELINE-LT), for a paper issued at B-T; answers B-T, the file unchanged, when it still
     * cannot be had.
     */
    public LongTermResult extend(Path pdf) {
        if (longTerm == null) {
            return new LongTermResult(level, 0, 0, 0, List.of("no revocation source"));
        }
        try {
            return longTerm.extend(pdf);
        } catch (SigningException e) {
            throw new PaperException("Cannot add the validation data to " + pdf.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code document} to {@code out} as PDF/A-2b sealed by the agency alone (a report such as
     * the dossier register, form 07), at PAdES-BASELINE-LT when the validation data can be had; the
     * stamp sits on the right of the signature space.
     */
    public void seal(TextDocument document, KeySource agency, Path workDir, Path out) {
        Path unsigned = null;
        try {
            Files.createDirectories(workDir);
            unsigned = Files.createTempFile(workDir, "sealed-", ".pdf");
            TextLayout layout;
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(unsigned), 1 << 16)) {
                layout = builder.build(document, o);
            }
            TextLayout.Box space = layout.signatureSpace().orElse(new TextLayout.Box(layout.pages(), 62, 60, 485,
                    STAMP_HEIGHT));
            float y = space.y() + (space.height() - STAMP_HEIGHT) / 2;
            Files.deleteIfExists(out);
            pades.sign(unsigned, out, parameters(agency, Instant.now(), "Cơ quan ký số (Nghị định 30/2020/NĐ-CP, điều 13)",
                    VisibleStamp.at(space.page(), space.x() + space.width() - STAMP_WIDTH, y, STAMP_WIDTH,
                            STAMP_HEIGHT)), agency);
            if (longTerm != null) {
                // A printed register leaves the gateway: at B-LT it is checked without calling us. When no
                // revocation data can be had now it stays at B-T; it is made again on the next request.
                longTerm.extend(out);
            }
        } catch (IOException e) {
            throw new PaperException("Cannot write the paper " + document.title() + " of " + document.identifier()
                    + " under " + workDir + ": " + e.getMessage(), e);
        } catch (ArchiveException | SigningException e) {
            throw new PaperException("Cannot make the paper " + document.title() + " of " + document.identifier()
                    + ": " + e.getMessage(), e);
        } finally {
            delete(unsigned);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = DigestAlgorithm.SHA256.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static PadesParameters parameters(KeySource key, Instant at, String reason, VisibleStamp stamp) {
        return PadesParameters.invisible(key.defaultAlgorithm(), DigestAlgorithm.SHA256)
                .withSigningTime(at).withReason(reason).withStamp(stamp);
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temp file in the work dir is harmless; the next start does not read it.
            System.getLogger(PaperPress.class.getName()).log(System.Logger.Level.DEBUG, "Cannot delete " + file, e);
        }
    }
}
