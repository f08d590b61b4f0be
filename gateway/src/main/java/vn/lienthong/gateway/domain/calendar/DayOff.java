package vn.lienthong.gateway.domain.calendar;

import java.time.LocalDate;

/** A weekday on which offices are closed, with its Vietnamese name and where the rule comes from. */
public record DayOff(LocalDate date, String name, HolidaySource source) {
}
