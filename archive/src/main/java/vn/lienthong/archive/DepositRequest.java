package vn.lienthong.archive;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One already signed PDF to keep exactly as it is (a result signed by the officer and the agency,
 * a form): no rebuilding, no re-signing, so every signature in it stays valid byte for byte.
 *
 * @param signedPdf   the file; it is copied into the store, the caller keeps (and deletes) it
 * @param metadata    what it is, for the index and the ledger (nothing is written into the PDF)
 * @param citizenId   stored only as a salted hash, for search
 * @param retainUntil empty means the archive's default retention
 * @param pdfaPart    the PDF/A part the producer claims; the archive records it, it does not rebuild
 * @param actor       who asks (officer or system), for the ledger
 * @param stated      what the signer in this process states about the bytes, trusted once they hash
 *                    to its SHA-256 ({@link SignerStatement}); empty: the archive checks every signature
 */
public record DepositRequest(Path signedPdf, DocumentMetadata metadata, Optional<String> citizenId,
                             Optional<LocalDate> retainUntil, PdfAPart pdfaPart, String actor,
                             Optional<SignerStatement> stated) {
    public DepositRequest {
        stated = Objects.requireNonNullElse(stated, Optional.empty());
        Objects.requireNonNull(signedPdf, "signedPdf");
        Objects.requireNonNull(metadata, "metadata");
        citizenId = Objects.requireNonNullElse(citizenId, Optional.empty());
        retainUntil = Objects.requireNonNullElse(retainUntil, Optional.empty());
        pdfaPart = Objects.requireNonNullElse(pdfaPart, PdfAPart.A2B);
        actor = actor == null || actor.isBlank() ? metadata.operator() : actor;
    }

    /** A deposit whose signatures the archive checks. */
    public DepositRequest(Path signedPdf, DocumentMetadata metadata, Optional<String> citizenId,
                          Optional<LocalDate> retainUntil, PdfAPart pdfaPart, String actor) {
        this(signedPdf, metadata, citizenId, retainUntil, pdfaPart, actor, Optional.empty());
    }

    public static DepositRequest of(Path signedPdf, DocumentMetadata metadata) {
        return new DepositRequest(signedPdf, metadata, Optional.empty(), Optional.empty(), PdfAPart.A2B,
                metadata.operator());
    }

    public DepositRequest withCitizenId(String id) {
        return new DepositRequest(signedPdf, metadata, Optional.of(id), retainUntil, pdfaPart, actor, stated);
    }

    public DepositRequest retainUntil(LocalDate day) {
        return new DepositRequest(signedPdf, metadata, citizenId, Optional.of(day), pdfaPart, actor, stated);
    }

    public DepositRequest as(PdfAPart part) {
        return new DepositRequest(signedPdf, metadata, citizenId, retainUntil, part, actor, stated);
    }

    /** The same deposit with the signer's statement about the bytes. */
    public DepositRequest statedBy(SignerStatement statement) {
        return new DepositRequest(signedPdf, metadata, citizenId, retainUntil, pdfaPart, actor, Optional.of(statement));
    }
}
