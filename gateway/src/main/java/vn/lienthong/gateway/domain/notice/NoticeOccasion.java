package vn.lienthong.gateway.domain.notice;

import java.time.OffsetDateTime;

/**
 * What a notice tells: which moment of which dossier. Never the citizen ID; the name at most.
 *
 * @param dueAt         the appointment date (the new one for RESCHEDULED)
 * @param previousDueAt the appointment date before a rescheduling, else null
 * @param note          the officer's reason (a supplement's content, a rejection's or a delay's reason), or null
 * @param lookupUrl     the public look-up of the dossier
 */
public record NoticeOccasion(NoticeKind kind, String dossierCode, String procedureName, String citizenName,
                             OffsetDateTime dueAt, OffsetDateTime previousDueAt, String note, String lookupUrl) {
}
