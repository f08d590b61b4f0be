package vn.lienthong.gateway.domain.exchange;

import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.dossier.DossierCode;

/** One agency step of a liên thông flow, with the deadline it was given when it started (form 06). */
public record FlowStep(String messageId, DossierCode dossierCode, String operation, String agencyId,
                       OffsetDateTime startedAt, OffsetDateTime deadlineAt) {

    /** Whether a result recorded at {@code at} kept the step's deadline. */
    public boolean onTime(OffsetDateTime at) {
        return !at.isAfter(deadlineAt);
    }
}
