package vn.lienthong.archive;

import java.time.Instant;
import java.time.LocalDate;
import vn.lienthong.archive.store.Sha256;

/** One archived document as the index knows it. */
public record ArchiveRecord(String id, String dossierCode, String documentType, String procedureCode,
                            String agencyCode, Sha256 blobHash, long size, int pages, Instant createdAt,
                            LocalDate retainUntil, boolean legalHold, String signer, PdfAPart pdfaPart,
                            Status status) {

    /** Whether the record's blob is still kept. */
    public enum Status { ACTIVE, DELETED }

    /** The same record seen at another version's blob (for checks that cover every version). */
    public ArchiveRecord atVersion(RecordVersion v) {
        return new ArchiveRecord(id, dossierCode, documentType, procedureCode, agencyCode, v.blobHash(), v.size(),
                pages, createdAt, retainUntil, legalHold, signer, pdfaPart, status);
    }

    public ArchiveRecord withLegalHold(boolean hold) {
        return new ArchiveRecord(id, dossierCode, documentType, procedureCode, agencyCode, blobHash, size, pages,
                createdAt, retainUntil, hold, signer, pdfaPart, status);
    }
}
