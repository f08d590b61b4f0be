package vn.lienthong.gateway.application.event;

import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.dossier.Dossier;

/**
 * The appointment date moved (form 04: the dossier is late, the desk apologises and gives a new date).
 *
 * @param dossier       the dossier with its new due date
 * @param previousDueAt the appointment date before the change
 */
public record DossierRescheduled(Dossier dossier, OffsetDateTime previousDueAt, String reason, String actor,
                                 OffsetDateTime at) {
}
