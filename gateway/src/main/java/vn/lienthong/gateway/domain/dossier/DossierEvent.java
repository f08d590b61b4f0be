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
        EXTENSION
    }
}
