package vn.lienthong.gateway.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.procedure.ProcessingTime;
import vn.lienthong.gateway.domain.procedure.Procedure;

/** Golden-day appointments: the first golden day on or after the calendar's date, days off passed over. */
class GoldenDaysTest {

    private static final String DISTRICT = "000.00.20.H20";
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(new PublicHolidays(Map.of()),
            OfficeHours.standard(), LocalTime.of(15, 0));
    private static final GoldenDays GOLDEN = new GoldenDays("test", List.of(new GoldenDays.Unit(DISTRICT,
            Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), Set.of("Đất đai", "Chứng thực"), Set.of("1.000240"),
            LocalTime.of(8, 0))));

    @Test
    void aDateBeforeTetWaitsForTheFirstGoldenDayAfterIt() {
        // Fri 13/2/2026 10:00 + 4 working hours = Fri 16:00. Tue 17/2 and Thu 19/2 are Tết (lunar), so Tue 24/2.
        GoldenDays.Appointment a = GOLDEN.appoint(CALENDAR, DISTRICT, land(ProcessingTime.workingHours("4")),
                t("2026-02-13T10:00"));
        assertEquals(t("2026-02-13T16:00"), a.calendarDueAt());
        assertEquals(t("2026-02-24T08:00"), a.dueAt());
        assertEquals(GoldenDays.Reason.GOLDEN_DAY, a.reason());
        assertEquals(LocalDate.parse("2026-02-24"), a.goldenDay());
        assertEquals(List.of(LocalDate.parse("2026-02-17"), LocalDate.parse("2026-02-19")), a.skipped());
        assertTrue(a.vietnamese().contains("Thứ Ba, Thứ Năm") && a.vietnamese().contains("2026-02-17"), a.vietnamese());
        assertTrue(a.english().contains("Tuesday, Thursday"), a.english());
    }

    @Test
    void aGoldenDayOnAHolidayGivesWayToTheNextGoldenDay() {
        // Tue 28/4/2026 10:00 + 1 working day = Wed 29/4 10:00; Thu 30/4 is Reunification Day, so Tue 5/5.
        GoldenDays.Appointment a = GOLDEN.appoint(CALENDAR, DISTRICT, land(ProcessingTime.workingDays("1")),
                t("2026-04-28T10:00"));
        assertEquals(t("2026-04-29T10:00"), a.calendarDueAt());
        assertEquals(t("2026-05-05T08:00"), a.dueAt());
        assertEquals(List.of(LocalDate.parse("2026-04-30")), a.skipped());
    }

    @Test
    void aCalendarDateOnAGoldenDayKeepsThatDayAtTheUnitsHour() {
        // Mon 2/3/2026 09:00 + 1 working day = Tue 3/3 09:00, a golden day: the appointment is its 08:00.
        GoldenDays.Appointment a = GOLDEN.appoint(CALENDAR, DISTRICT, land(ProcessingTime.workingDays("1")),
                t("2026-03-02T09:00"));
        assertEquals(t("2026-03-03T09:00"), a.calendarDueAt());
        assertEquals(t("2026-03-03T08:00"), a.dueAt());
        assertEquals(List.of(), a.skipped());
    }

    @Test
    void aSameDayProcedureReceivedAfterTheGoldenHourWaitsForTheNextGoldenDay() {
        Procedure certification = procedure("2.000815", "Chứng thực", new ProcessingTime(null, ProcessingTime.Unit.SAME_DAY));
        assertEquals(t("2026-03-05T08:00"), GOLDEN.appoint(CALENDAR, DISTRICT, certification, t("2026-03-03T10:00")).dueAt());
    }

    @Test
    void aListedProcedureOfAnotherFieldIsCoveredToo() {
        Procedure insurance = procedure("1.000240", "Bảo hiểm xã hội", ProcessingTime.workingDays("1"));
        assertEquals(GoldenDays.Reason.GOLDEN_DAY, GOLDEN.appoint(CALENDAR, DISTRICT, insurance, t("2026-03-02T09:00")).reason());
    }

    @Test
    void otherFieldsAndOtherUnitsKeepTheCalendarsDate() {
        Procedure residence = procedure("1.004222", "Cư trú", ProcessingTime.workingDays("1"));
        GoldenDays.Appointment other = GOLDEN.appoint(CALENDAR, DISTRICT, residence, t("2026-03-02T09:00"));
        assertEquals(GoldenDays.Reason.WORKING_CALENDAR, other.reason());
        assertEquals(t("2026-03-03T09:00"), other.dueAt());
        assertNull(other.goldenDay());
        GoldenDays.Appointment elsewhere = GOLDEN.appoint(CALENDAR, "000.00.20.H30", land(ProcessingTime.workingDays("1")),
                t("2026-03-02T09:00"));
        assertEquals(t("2026-03-03T09:00"), elsewhere.dueAt());
        assertEquals(t("2026-03-03T09:00"), GoldenDays.none().appoint(CALENDAR, DISTRICT,
                land(ProcessingTime.workingDays("1")), t("2026-03-02T09:00")).dueAt());
    }

    @Test
    void aGoldenDayIsAGoldenWeekdayThatIsAWorkingDay() {
        Procedure land = land(ProcessingTime.workingDays("1"));
        assertTrue(GOLDEN.isGoldenDay(DISTRICT, land, LocalDate.parse("2026-03-03"), CALENDAR));
        assertFalse(GOLDEN.isGoldenDay(DISTRICT, land, LocalDate.parse("2026-03-04"), CALENDAR));
        assertFalse(GOLDEN.isGoldenDay(DISTRICT, land, LocalDate.parse("2026-04-30"), CALENDAR), "a holiday");
        assertFalse(GOLDEN.isGoldenDay("000.00.20.H30", land, LocalDate.parse("2026-03-03"), CALENDAR));
    }

    @Test
    void aUnitWithoutWeekdaysOrFieldsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GoldenDays.Unit(DISTRICT, Set.of(), Set.of("Đất đai"),
                null, LocalTime.of(8, 0)));
        assertThrows(IllegalArgumentException.class, () -> new GoldenDays.Unit(DISTRICT, Set.of(DayOfWeek.MONDAY),
                Set.of(), Set.of(), LocalTime.of(8, 0)));
        GoldenDays.Unit unit = new GoldenDays.Unit(DISTRICT, Set.of(DayOfWeek.MONDAY), Set.of("Đất đai"), null,
                LocalTime.of(8, 0));
        assertThrows(IllegalArgumentException.class, () -> new GoldenDays("twice", List.of(unit, unit)));
    }

    private static Procedure land(ProcessingTime time) {
        return procedure("1.004227", "Đất đai", time);
    }

    private static Procedure procedure(String code, String field, ProcessingTime time) {
        return new Procedure(code, "test", field, "Cấp huyện", List.of(), time, new Procedure.Fee(0, "free"),
                List.of(), "test", false);
    }

    private static OffsetDateTime t(String local) {
        return OffsetDateTime.parse(local + ":00+07:00");
    }
}
