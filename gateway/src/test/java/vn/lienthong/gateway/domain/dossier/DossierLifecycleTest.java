package vn.lienthong.gateway.domain.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.calendar.OfficeHours;
import vn.lienthong.gateway.domain.calendar.PublicHolidays;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;

class DossierLifecycleTest {

    private final WorkingCalendar calendar = new WorkingCalendar(new PublicHolidays(Map.of()),
            OfficeHours.standard(), LocalTime.of(15, 0));

    @Test
    void finishedStatusesAreFinal() {
        for (DossierStatus s : EnumSet.of(DossierStatus.COMPLETED, DossierStatus.PARTIALLY_COMPLETED,
                DossierStatus.REJECTED, DossierStatus.STOPPED)) {
            assertTrue(s.next().isEmpty(), s.name());
            assertTrue(s.isFinished());
        }
    }

    @Test
    void allowedTransitionsAreExactlyTheDesksRules() {
        assertEquals(Set.of(DossierStatus.IN_PROGRESS, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.COMPLETED,
                DossierStatus.PARTIALLY_COMPLETED, DossierStatus.REJECTED, DossierStatus.STOPPED),
                DossierStatus.RECEIVED.next());
        assertEquals(Set.of(DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.COMPLETED,
                DossierStatus.PARTIALLY_COMPLETED, DossierStatus.REJECTED, DossierStatus.STOPPED),
                DossierStatus.IN_PROGRESS.next());
        assertEquals(Set.of(DossierStatus.IN_PROGRESS, DossierStatus.REJECTED, DossierStatus.STOPPED),
                DossierStatus.SUPPLEMENT_REQUESTED.next());
        assertEquals(Set.of(DossierStatus.IN_PROGRESS, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.COMPLETED,
                DossierStatus.REJECTED, DossierStatus.STOPPED), DossierStatus.RECEIVED.deskTransitions(),
                "a plain status change never closes a flow as partially completed");
        for (DossierStatus s : DossierStatus.values()) {
            assertFalse(s.canMoveTo(s), s + " must not move to itself");
            assertFalse(s.canMoveTo(DossierStatus.RECEIVED), "nothing goes back to RECEIVED");
        }
    }

    @Test
    void forbiddenTransitionSaysWhatIsAllowed() {
        Dossier done = dossier().moveTo(DossierStatus.COMPLETED, t("2026-03-02T09:00"), calendar);
        ForbiddenTransitionException e = assertThrows(ForbiddenTransitionException.class,
                () -> done.moveTo(DossierStatus.IN_PROGRESS, t("2026-03-02T10:00"), calendar));
        assertTrue(e.allowed().isEmpty());
        assertTrue(e.english().contains("COMPLETED"));

        Dossier paused = dossier().moveTo(DossierStatus.SUPPLEMENT_REQUESTED, t("2026-03-02T09:00"), calendar);
        ForbiddenTransitionException e2 = assertThrows(ForbiddenTransitionException.class,
                () -> paused.moveTo(DossierStatus.COMPLETED, t("2026-03-02T10:00"), calendar));
        assertTrue(e2.english().contains("IN_PROGRESS, REJECTED, STOPPED"), e2.english());
        assertTrue(e2.vietnamese().contains("Được phép"));
    }

    @Test
    void supplementPausesTheClockAndResubmissionResumesIt() {
        // Received Mon 2/3 08:00 with 16 h: due Wed 4/3 08:00.
        Dossier d = dossier();
        assertEquals(t("2026-03-04T08:00"), d.deadlineAt());
        // Paused Mon 17:30 after 7.5 working hours; 8.5 h are left (Tue 8 h + Wed 0.5 h).
        Dossier paused = d.moveTo(DossierStatus.SUPPLEMENT_REQUESTED, t("2026-03-02T17:30"), calendar);
        assertEquals(t("2026-03-02T17:30"), paused.pausedAt());
        assertFalse(paused.isOverdue(t("2026-03-20T10:00")), "a paused dossier is not overdue");
        // Citizen brings the papers a week later, Mon 9/3 at 09:00: 6.5 h on Monday, 2 h on Tue 10/3.
        Dossier resumed = paused.moveTo(DossierStatus.IN_PROGRESS, t("2026-03-09T09:00"), calendar);
        assertNull(resumed.pausedAt());
        assertEquals(t("2026-03-10T09:30"), resumed.deadlineAt());
        assertEquals(t("2026-03-10T09:30"), resumed.dueAt());
    }

    @Test
    void resubmissionAfterCutOffCountsFromNextDay() {
        Dossier paused = dossier().moveTo(DossierStatus.SUPPLEMENT_REQUESTED, t("2026-03-02T17:30"), calendar);
        Dossier resumed = paused.moveTo(DossierStatus.IN_PROGRESS, t("2026-03-09T16:00"), calendar);
        assertEquals(t("2026-03-11T08:00"), resumed.deadlineAt());
    }

    @Test
    void timelinessIsJudgedAgainstTheLegalDeadline() {
        Dossier d = dossier(); // deadline Wed 4/3 08:00
        assertEquals(Timeliness.EARLY, d.moveTo(DossierStatus.COMPLETED, t("2026-03-03T16:00"), calendar).timeliness());
        assertEquals(Timeliness.ON_TIME, d.moveTo(DossierStatus.COMPLETED, t("2026-03-04T07:59"), calendar).timeliness());
        assertEquals(Timeliness.LATE, d.moveTo(DossierStatus.COMPLETED, t("2026-03-04T08:01"), calendar).timeliness());
        assertTrue(d.isOverdue(t("2026-03-04T08:01")));
        assertFalse(d.isOverdue(t("2026-03-04T08:00")));
    }

    @Test
    void extensionMovesTheAppointmentButNotTheDeadline() {
        Dossier extended = dossier().extendTo(t("2026-03-06T17:00"));
        assertEquals(t("2026-03-06T17:00"), extended.dueAt());
        assertEquals(t("2026-03-04T08:00"), extended.deadlineAt());
        assertEquals(Timeliness.LATE,
                extended.moveTo(DossierStatus.COMPLETED, t("2026-03-05T09:00"), calendar).timeliness());
        assertThrows(InvalidDossierException.class, () -> dossier().extendTo(t("2026-03-03T08:00")));
        Dossier done = dossier().moveTo(DossierStatus.REJECTED, t("2026-03-02T09:00"), calendar);
        assertThrows(InvalidDossierException.class, () -> done.extendTo(t("2026-03-09T08:00")));
    }

    private Dossier dossier() {
        OffsetDateTime received = t("2026-03-02T08:00");
        return Dossier.received(new DossierCode("000.00.00.H30-260302-0001"), "1.001193", "000.00.00.H30",
                Channel.COUNTER, new Applicant("Nguyễn Thị Diệu", new CitizenId("001190012345"), null, null),
                "{}", "canbo01", received, calendar.dueAt(received, java.time.Duration.ofHours(16)));
    }

    private static OffsetDateTime t(String s) {
        return OffsetDateTime.parse(s + ":00+07:00");
    }
}
