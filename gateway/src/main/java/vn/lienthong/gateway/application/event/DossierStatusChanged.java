package vn.lienthong.gateway.application.event;

import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierStatus;

/**
 * A dossier moved to a new status the citizen can see; at intake {@code from} is null and the
 * dossier is RECEIVED.
 *
 * @param dossier the dossier after the change
 * @param note    the reason or remark recorded with the change (may be null)
 * @param actor   the officer, or the gateway itself for automatic changes
 */
public record DossierStatusChanged(Dossier dossier, DossierStatus from, String note, String actor, OffsetDateTime at) {

    public DossierStatus to() {
        return dossier.status();
    }

    public boolean isIntake() {
        return from == null;
    }
}
