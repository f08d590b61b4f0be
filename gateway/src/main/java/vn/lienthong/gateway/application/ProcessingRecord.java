package vn.lienthong.gateway.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import vn.lienthong.gateway.application.event.DossierStatusChanged;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.domain.exchange.UnknownExchangeException;

/**
 * A dossier's processing record (form 06) as the agency exchanges write it, in the caller's
 * transaction: the gateway's agency events, and the moves they cause (into processing, completed).
 */
@ApplicationScoped
public class ProcessingRecord {

    static final String ACTOR = "lienthong-gateway";

    @Inject
    DossierRepository dossiers;

    @Inject
    ConnectorDirectory connectors;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    Event<DossierStatusChanged> statusChanged;

    /** The dossier, locked until the transaction ends. */
    Dossier locked(DossierCode code) {
        return dossiers.findForUpdate(code).orElseThrow(() -> new UnknownExchangeException(
                "Không tìm thấy hồ sơ " + code, "No dossier " + code));
    }

    /** An agency event by the gateway; the dossier's status stays as it is. */
    void note(Dossier dossier, DossierEvent.Kind kind, String agency, String note, OffsetDateTime now) {
        dossiers.record(dossier.code(), new DossierEvent(kind, dossier.status(), dossier.status(), ACTOR, null,
                agency, null, dossier.dueAt(), truncate(note), now));
    }

    /**
     * The first agency to take a dossier's message puts a dossier still waiting at the desk into
     * processing (Đang xử lý), as a hand-over by an officer does: the citizen's look-up and the
     * desk's lists show that the agencies have it.
     */
    Dossier handedToAgency(Dossier dossier, String agency, OffsetDateTime now) {
        Dossier started = handedToAgencyRowLater(dossier, agency, now);
        if (started != dossier) {
            dossiers.update(started, now);
        }
        return started;
    }

    /**
     * As {@link #handedToAgency}, with the dossier's row left to the caller: the history line and the
     * event now, and the row written once by whatever the same transaction does next to the dossier
     * ({@link #complete}, or {@link #write}). An answer with the agency's result usually completes the
     * dossier too, and every UPDATE of the row rewrites each of its indexes on H2. Answers the dossier
     * as it is now; the same instance when it was already past the desk.
     */
    Dossier handedToAgencyRowLater(Dossier dossier, String agency, OffsetDateTime now) {
        if (dossier.status() != DossierStatus.RECEIVED) {
            return dossier;
        }
        String note = "Chuyển " + agency + " xử lý / handed to the agency";
        Dossier started = dossier.moveTo(DossierStatus.IN_PROGRESS, now, calendar);
        dossiers.record(started.code(), new DossierEvent(DossierEvent.Kind.TRANSITION, dossier.status(),
                DossierStatus.IN_PROGRESS, ACTOR, null, agency, null, started.dueAt(), truncate(note), now));
        statusChanged.fire(new DossierStatusChanged(started, dossier.status(), note, ACTOR, now));
        return started;
    }

    /** Writes the dossier's row as it is at {@code now}, its history line recorded already. */
    void write(Dossier dossier, OffsetDateTime now) {
        dossiers.update(dossier, now);
    }

    /** Every agency has answered: the dossier is completed. */
    void complete(Dossier dossier, OffsetDateTime now) {
        Dossier completed = dossier.moveTo(DossierStatus.COMPLETED, now, calendar);
        dossiers.update(completed, new DossierEvent(DossierEvent.Kind.TRANSITION, dossier.status(),
                DossierStatus.COMPLETED, ACTOR, null, null, null, completed.dueAt(),
                "Các cơ quan liên thông đã trả kết quả / all agencies answered", now));
        statusChanged.fire(new DossierStatusChanged(completed, dossier.status(),
                "Các cơ quan liên thông đã trả kết quả", ACTOR, now));
    }

    /** An officer closes the dossier as partially completed; {@code note} goes into its history. */
    Dossier closePartially(Dossier dossier, String note, String reason, String actor, OffsetDateTime now) {
        Dossier closed = dossier.moveTo(DossierStatus.PARTIALLY_COMPLETED, now, calendar);
        dossiers.update(closed, new DossierEvent(DossierEvent.Kind.TRANSITION, dossier.status(),
                DossierStatus.PARTIALLY_COMPLETED, actor, null, null, null, closed.dueAt(), truncate(note), now));
        statusChanged.fire(new DossierStatusChanged(closed, dossier.status(), reason, actor, now));
        return closed;
    }

    /** The agency's name as the record shows it; its connector id when it has no connector any more. */
    String agencyName(String agencyId) {
        return connectors.byId(agencyId).map(Connector::name).orElse(agencyId);
    }

    /** The time the exchanges stamp on messages and events: Vietnam's offset, milliseconds as stored. */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String truncate(String note) {
        return note == null || note.length() <= 2000 ? note : note.substring(0, 2000);
    }
}
