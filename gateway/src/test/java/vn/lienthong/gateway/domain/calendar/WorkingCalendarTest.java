package vn.lienthong.gateway.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.procedure.ProcessingTime;

class WorkingCalendarTest {

    /** The shipped 2025 notice, written out here so the domain test needs no file. */
    private static final YearOverride NOTICE_2025 = new YearOverride(2025, "test",
            Map.of(Holiday.TET, List.of(d("2025-01-27"), d("2025-01-28"), d("2025-01-29"), d("2025-01-30"), d("2025-01-31"))),
            List.of(new DayOff(d("2025-05-02"), "Nghỉ hoán đổi", HolidaySource.OVERRIDE)),
            List.of(new SwappedWorkingDay(d("2025-04-26"), "Làm bù")));

    private final WorkingCalendar calendar = new WorkingCalendar(
            new PublicHolidays(Map.of(2025, NOTICE_2025)), OfficeHours.standard(), LocalTime.of(15, 0));

    @Test
    void twelveHoursFromFridayBeforeTet2026EndWednesdayAfter() {
        // Fri 13/2 10:00 gives 5.5 h; Tết 16–20/2 and two weekends are skipped; Mon 23/2 gives 6.5 h.
        assertEquals(t("2026-02-23T16:00"), calendar.dueAt(t("2026-02-13T10:00"), Duration.ofHours(12)));
    }

    @Test
    void oneAndAHalfDaysIsTwelveWorkingHours() {
        ProcessingTime time = ProcessingTime.workingDays("1.5");
        assertEquals(Duration.ofHours(12), time.workingTime(OfficeHours.standard().workingDay()));
        // Mon 2/3/2026 08:00: Mon 7.5 h, Tue 4.5 h (4 h morning, 0.5 h afternoon) -> Tue 14:00.
        assertEquals(t("2026-03-03T14:00"), time.dueAt(calendar, t("2026-03-02T08:00")));
    }

    @Test
    void afterCutOffCountsFromNextWorkingDay() {
        assertEquals(t("2026-03-03T17:30"), calendar.dueAt(t("2026-03-02T15:30"), Duration.ofHours(8)));
        assertEquals(t("2026-03-03T14:59"), calendar.dueAt(t("2026-03-02T14:59"), Duration.ofHours(8)));
        // Friday after cut-off -> Monday.
        assertEquals(t("2026-03-09T07:30"), calendar.countingStart(t("2026-03-06T16:00")));
    }

    @Test
    void receiptOutsideOfficeHoursStartsAtNextSession() {
        assertEquals(t("2026-03-02T07:30"), calendar.countingStart(t("2026-03-02T06:10")));
        assertEquals(t("2026-03-02T13:30"), calendar.countingStart(t("2026-03-02T12:00")));
        assertEquals(t("2026-03-09T07:30"), calendar.countingStart(t("2026-03-07T09:00")));
        // A deadline may end exactly at the close of a session.
        assertEquals(t("2026-03-02T11:30"), calendar.dueAt(t("2026-03-02T07:30"), Duration.ofHours(4)));
    }

    @Test
    void reunificationAndLabourDay2025WithSwappedSaturday() {
        // Tue 29/4 10:00 gives 5.5 h; 30/4, 1/5 by law, 2/5 by the notice, weekend; Mon 5/5 8 h; Tue 6/5 2.5 h.
        assertEquals(t("2025-05-06T10:00"), calendar.dueAt(t("2025-04-29T10:00"), Duration.ofHours(16)));
        // Sat 26/4/2025 was worked in exchange for Fri 2/5.
        assertTrue(calendar.isWorkingDay(d("2025-04-26")));
        assertFalse(calendar.isWorkingDay(d("2025-05-02")));
        assertEquals(t("2025-04-26T11:30"), calendar.dueAt(t("2025-04-25T16:00"), Duration.ofHours(4)));
    }

    @Test
    void tet2025FollowsTheNoticeNotTheComputation() {
        // Notice: 27–31/1. The computation alone would give 28/1–1/2 plus Monday 3/2 in lieu of Saturday.
        assertFalse(calendar.isWorkingDay(d("2025-01-27")));
        assertTrue(calendar.isWorkingDay(d("2025-02-03")));
        assertEquals(t("2025-02-03T10:00"), calendar.dueAt(t("2025-01-24T10:00"), Duration.ofHours(8)));
    }

    @Test
    void reunificationAndLabourDayAcrossYearsWithoutNotice() {
        // 2027: 30/4 Fri, 1/5 Sat -> in lieu Mon 3/5.
        assertFalse(calendar.isWorkingDay(d("2027-04-30")));
        assertFalse(calendar.isWorkingDay(d("2027-05-03")));
        assertEquals(t("2027-05-04T09:30"), calendar.dueAt(t("2027-04-29T15:30"), Duration.ofHours(2)));
        // 2028: 30/4 Sun -> Tue 2/5 (Mon 1/5 is Labour Day itself).
        assertFalse(calendar.isWorkingDay(d("2028-05-01")));
        assertFalse(calendar.isWorkingDay(d("2028-05-02")));
        assertTrue(calendar.isWorkingDay(d("2028-05-03")));
    }

    @Test
    void tetDaysOnAWeekendAreTakenAfterwards() {
        // 2024 computed: eve Fri 9/2, Sat 10, Sun 11, Mon 12, Tue 13 -> in lieu Wed 14 and Thu 15.
        HolidayYear y2024 = calendar.holidays().year(2024);
        assertTrue(y2024.isDayOff(d("2024-02-14")));
        assertTrue(y2024.isDayOff(d("2024-02-15")));
        assertTrue(calendar.isWorkingDay(d("2024-02-16")));
        // Tết Mậu Thân 2028 (26/1, Wed): eve Tue 25/1 ... Sat 29/1 -> in lieu Mon 31/1.
        assertFalse(calendar.isWorkingDay(d("2028-01-31")));
    }

    @Test
    void hungKings2026OnSundayMovesToMonday() {
        HolidayYear y2026 = calendar.holidays().year(2026);
        assertTrue(y2026.daysOff().stream().anyMatch(x -> x.date().equals(d("2026-04-27"))
                && x.name().startsWith("Nghỉ bù") && x.source() == HolidaySource.LUNAR));
        assertFalse(calendar.isWorkingDay(d("2026-04-27")));
    }

    @Test
    void yearListSaysWhereEachDayComesFrom() {
        HolidayYear y2025 = calendar.holidays().year(2025);
        assertEquals(HolidaySource.OVERRIDE, source(y2025, "2025-01-27"));
        assertEquals(HolidaySource.LAW, source(y2025, "2025-04-30"));
        assertEquals(HolidaySource.LUNAR, source(y2025, "2025-04-07"));
        assertEquals(HolidaySource.OVERRIDE, source(y2025, "2025-05-02"));
        assertEquals(List.of(d("2025-04-26")), y2025.workingDays().stream().map(SwappedWorkingDay::date).toList());
    }

    @Test
    void everyYearFrom1900To2100HasItsHolidays() {
        for (int year = 1900; year <= 2100; year++) {
            HolidayYear y = calendar.holidays().year(year);
            assertTrue(y.daysOff().size() >= 10, "year " + year + " has " + y.daysOff().size());
        }
        assertEquals(t("2100-12-31T17:30"), calendar.dueAt(t("2100-12-31T07:30"), Duration.ofHours(8)));
    }

    @Test
    void workingTimeBetweenCountsOnlyOfficeHours() {
        assertEquals(Duration.ofHours(12), calendar.workingTimeBetween(t("2026-02-13T10:00"), t("2026-02-23T16:00")));
        assertEquals(Duration.ZERO, calendar.workingTimeBetween(t("2026-02-14T10:00"), t("2026-02-15T16:00")));
    }

    @Test
    void sameDayProceduresCloseAtEndOfCountingDay() {
        ProcessingTime sameDay = new ProcessingTime(null, ProcessingTime.Unit.SAME_DAY);
        assertEquals(t("2026-03-02T17:30"), sameDay.dueAt(calendar, t("2026-03-02T09:00")));
        assertEquals(t("2026-03-03T17:30"), sameDay.dueAt(calendar, t("2026-03-02T15:10")));
    }

    @Test
    void otherTimeZonesAreConvertedToVietnam() {
        // 03:00 UTC is 10:00 in Hà Nội.
        assertEquals(t("2026-02-23T16:00"), calendar.dueAt(OffsetDateTime.parse("2026-02-13T03:00:00Z"), Duration.ofHours(12)));
    }

    private static HolidaySource source(HolidayYear year, String date) {
        return year.daysOff().stream().filter(x -> x.date().equals(d(date))).findFirst().orElseThrow().source();
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static OffsetDateTime t(String s) {
        return OffsetDateTime.parse(s + ":00+07:00");
    }
}
