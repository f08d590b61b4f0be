package vn.lienthong.gateway.domain.calendar;

/** Where a day off comes from: a fixed date in the Labour Code, a lunar computation, or the yearly override file. */
public enum HolidaySource {
    LAW,
    LUNAR,
    OVERRIDE
}
