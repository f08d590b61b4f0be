package vn.lienthong.gateway.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import vn.lienthong.gateway.application.event.DossierStatusChanged;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierNotFoundException;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.dossier.NotOnTheSpotException;
import vn.lienthong.gateway.domain.dossier.OnTheSpotDelegation;
import vn.lienthong.gateway.domain.procedure.Procedure;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/**
 * "4 tại chỗ": a delegated desk officer settles a dossier of a flagged procedure at the counter, the
 * day it was received. Appraisal, approval and the result happen in one transaction, one history line
 * each; the completion orders the same papers as any completion (form 06, signed).
 */
@ApplicationScoped
@Transactional
public class OnTheSpot {

    /** The practice's name in every history line it writes. */
    public static final String PRACTICE = "4 tại chỗ";

    @Inject
    DossierRepository dossiers;

    @Inject
    ProcedureCatalogue catalogue;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    Event<DossierStatusChanged> statusChanged;

    @Inject
    OnTheSpotDelegation delegation;

    /** Settles {@code code} on the spot for {@code caller}, with the officer's remark {@code note} (may be null). */
    public Dossier settle(DossierCode code, Caller caller, String note) {
        Dossier dossier = dossiers.findForUpdate(code).orElseThrow(() -> new DossierNotFoundException(code));
        caller.requireChange(dossier.agencyCode());
        // As the desk stamps its changes: Vietnam's offset, millisecond precision (what both databases keep).
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM)
                .truncatedTo(ChronoUnit.MILLIS);
        Procedure procedure = catalogue.procedure(dossier.procedureCode()).orElse(null);
        check(dossier, procedure, caller, delegation, now);
        String officer = caller.officerId();
        String remark = note == null || note.isBlank() ? "" : ": " + note.strip();

        Dossier appraised = dossier.moveTo(DossierStatus.IN_PROGRESS, now, calendar);
        String appraisal = PRACTICE + " – thẩm định tại chỗ, cán bộ " + officer;
        dossiers.update(appraised, transition(dossier, appraised, officer, appraisal, now));
        statusChanged.fire(new DossierStatusChanged(appraised, dossier.status(), appraisal, officer, now));

        dossiers.record(code, new DossierEvent(DossierEvent.Kind.ON_THE_SPOT, appraised.status(), appraised.status(),
                officer, null, null, null, appraised.dueAt(), cut(PRACTICE + " – phê duyệt tại chỗ, cán bộ " + officer
                        + " (" + delegation.basis(dossier.agencyCode(), officer) + ")" + remark), now));

        Dossier completed = appraised.moveTo(DossierStatus.COMPLETED, now, calendar);
        String result = PRACTICE + " – trả kết quả tại chỗ, cán bộ " + officer;
        dossiers.update(completed, transition(appraised, completed, officer, result, now));
        statusChanged.fire(new DossierStatusChanged(completed, appraised.status(), result, officer, now));
        return completed;
    }

    /** The rules, apart from the dossier's agency (the caller's own, checked first). */
    static void check(Dossier dossier, Procedure procedure, Caller caller, OnTheSpotDelegation delegation,
                      OffsetDateTime now) {
        if (procedure == null || !procedure.onTheSpot()) {
            throw new NotOnTheSpotException("Thủ tục " + dossier.procedureCode()
                    + " không thuộc danh mục giải quyết \"4 tại chỗ\"; chuyển xử lý theo quy trình thường",
                    "Procedure " + dossier.procedureCode() + " is not marked for on-the-spot settlement (onTheSpot in "
                            + "the catalogue); process it the usual way");
        }
        if (!delegation.allows(dossier.agencyCode(), caller.officerId(), caller.roles())) {
            throw new OutOfScopeException("Cán bộ " + caller.officerId() + " chưa được ủy quyền quyết định \"4 tại chỗ\" "
                    + "(lienthong.on-the-spot.roles hoặc lienthong.on-the-spot.officers)",
                    "Officer " + caller.officerId() + " holds no on-the-spot delegation (lienthong.on-the-spot.roles or "
                            + "lienthong.on-the-spot.officers)");
        }
        if (dossier.status() != DossierStatus.RECEIVED) {
            throw new NotOnTheSpotException("Hồ sơ " + dossier.code() + " đang ở trạng thái " + dossier.status().vietnamese()
                    + "; chỉ hồ sơ vừa tiếp nhận mới giải quyết tại chỗ được",
                    "Dossier " + dossier.code() + " is " + dossier.status() + "; only a RECEIVED dossier is settled on the spot");
        }
        if (!dossier.receivedAt().withOffsetSameInstant(WorkingCalendar.VIETNAM).toLocalDate()
                .equals(now.withOffsetSameInstant(WorkingCalendar.VIETNAM).toLocalDate())) {
            throw new NotOnTheSpotException("Hồ sơ " + dossier.code() + " tiếp nhận ngày khác; \"4 tại chỗ\" chỉ trong ngày tiếp nhận",
                    "Dossier " + dossier.code() + " was received on another day; on the spot means the day of intake");
        }
    }

    private static String cut(String note) {
        return note.length() <= ChangeStatus.MAX_NOTE ? note : note.substring(0, ChangeStatus.MAX_NOTE - 1) + "…";
    }

    private static DossierEvent transition(Dossier before, Dossier after, String actor, String note, OffsetDateTime now) {
        return new DossierEvent(DossierEvent.Kind.TRANSITION, before.status(), after.status(), actor, null, null,
                null, after.dueAt(), cut(note), now);
    }
}
