package vn.lienthong.gateway.domain.calendar;

import java.time.LocalDate;
import java.util.List;

/** A year's days off and swapped working days, sorted by date. */
public record HolidayYear(int year, List<DayOff> daysOff, List<SwappedWorkingDay> workingDays) {

    public HolidayYear {
        daysOff = List.copyOf(daysOff);
        workingDays = List.copyOf(workingDays);
    }

    public boolean isDayOff(LocalDate date) {
        return daysOff.stream().anyMatch(d -> d.date().equals(date));
    }

    public boolean isSwappedWorkingDay(LocalDate date) {
        return workingDays.stream().anyMatch(d -> d.date().equals(date));
    }
}
