package vn.lienthong.gateway.domain.dossier;

import java.time.OffsetDateTime;

/**
 * One line of the processing record (form 06, phiếu kiểm soát quá trình giải quyết): who did
 * what, when, handed to whom, with which deadline.
 */
public record DossierEvent(Kind kind,
                           DossierStatus fromStatus,
                           DossierStatus toStatus,
                           String actor,
                           String fromUnit,
                           String toUnit,
                           OffsetDateTime stepDeadline,
                           OffsetDateTime dueAt,
                           String note,
                           OffsetDateTime occurredAt) {

    /** What happened. */
    public enum Kind {
        RECEIVED,
        HANDOVER,
        TRANSITION,
        EXTENSION,
        /** A message reached another agency (liên thông). */
        AGENCY_SENT,
        /** The agency accepted it and will answer later. */
        AGENCY_ACCEPTED,
        /** The agency's result arrived. */
        AGENCY_RESULT,
        /** The exchange failed for good or exhausted its retries; the note says why. */
        AGENCY_FAILED,
        /** The decision taken on the spot ("4 tại chỗ") by a delegated officer; the note names the delegation. */
        ON_THE_SPOT,
        /** A paper was not signed: its signer's certificate is revoked or expired; the note says which. */
        PAPER_REFUSED
    }
}
