package vn.lienthong.gateway.application;

import vn.lienthong.gateway.domain.dossier.DossierStatus;

/** A request to move a dossier to another status, with the reason shown to the citizen. */
public record ChangeStatus(DossierStatus target, String reason, String actor) {
}
