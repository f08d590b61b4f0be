package vn.lienthong.gateway.domain.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One year's government notice: the exact days granted for some holidays (replacing the
 * computed ones), extra days off, and Saturdays worked in exchange.
 */
public record YearOverride(int year,
                           String source,
                           Map<Holiday, List<LocalDate>> holidays,
                           List<DayOff> extraDaysOff,
                           List<SwappedWorkingDay> workingDays) {

    public YearOverride {
        holidays = holidays == null ? Map.of() : Map.copyOf(holidays);
        extraDaysOff = extraDaysOff == null ? List.of() : List.copyOf(extraDaysOff);
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
        for (List<LocalDate> dates : holidays.values()) {
            requireYear(year, dates);
        }
        requireYear(year, extraDaysOff.stream().map(DayOff::date).toList());
        requireYear(year, workingDays.stream().map(SwappedWorkingDay::date).toList());
    }

    private static void requireYear(int year, List<LocalDate> dates) {
        for (LocalDate date : dates) {
            if (date.getYear() != year) {
                throw new IllegalArgumentException("Override for " + year + " lists a date of another year: " + date);
            }
        }
    }
}
