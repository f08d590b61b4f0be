package vn.lienthong.gateway.application.event;

import java.time.OffsetDateTime;
import java.util.List;

import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierStatus;

/**
 * A dossier moved to a new status the citizen can see; at intake {@code from} is null and the
 * dossier is RECEIVED.
 *
 * @param dossier        the dossier after the change
 * @param note           the reason or remark recorded with the change (may be null)
 * @param actor          the officer, or the gateway itself for automatic changes
 * @param documentsToAdd what the citizen must add, when a supplement is requested (form 02); else empty
 */
public record DossierStatusChanged(Dossier dossier, DossierStatus from, String note, String actor, OffsetDateTime at,
                                   List<String> documentsToAdd) {

    public DossierStatusChanged {
        documentsToAdd = documentsToAdd == null ? List.of() : List.copyOf(documentsToAdd);
    }

    public DossierStatusChanged(Dossier dossier, DossierStatus from, String note, String actor, OffsetDateTime at) {
        this(dossier, from, note, actor, at, List.of());
    }

    public DossierStatus to() {
        return dossier.status();
    }

    public boolean isIntake() {
        return from == null;
    }
}
