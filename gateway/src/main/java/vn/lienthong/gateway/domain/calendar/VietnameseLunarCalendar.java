package vn.lienthong.gateway.domain.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunar calendar (âm lịch), computed astronomically at UTC+7.
 *
 * <p>Vietnam reckons new moons and solar terms at its own meridian, UTC+7, not at China's
 * UTC+8; in some years (1985, 2007, ...) that moves a month boundary and Tết falls on a
 * different day than the Chinese new year. The method is the one published by Hồ Ngọc Đức
 * (Meeus-based new moon and solar longitude), valid well beyond 1900–2100.
 */
public final class VietnameseLunarCalendar {

    /** Vietnam's time zone in hours east of UTC. */
    public static final double VIETNAM_TZ = 7.0;

    private static final double SYNODIC_MONTH = 29.530588853;
    private static final double EPOCH_NEW_MOON = 2415021.076998695;
    private static final long JDN_OF_EPOCH_DAY_0 = 2440588L;

    private final double timeZone;

    public VietnameseLunarCalendar() {
        this(VIETNAM_TZ);
    }

    /** A calendar reckoned at another meridian; UTC+8 gives the Chinese calendar, for comparison. */
    public VietnameseLunarCalendar(double timeZoneHours) {
        this.timeZone = timeZoneHours;
    }

    /** A date of the lunar calendar: day, month (1–12), year, and whether the month is leap. */
    public record LunarDate(int day, int month, int year, boolean leapMonth) {
    }

    /** The solar date of lunar new year (mùng 1 Tết) of the given lunar year. */
    public LocalDate newYear(int lunarYear) {
        return toSolar(new LunarDate(1, 1, lunarYear, false));
    }

    /** Converts a Gregorian date to its lunar date. */
    public LunarDate toLunar(LocalDate date) {
        long dayNumber = jdn(date);
        long k = (long) Math.floor((dayNumber - EPOCH_NEW_MOON) / SYNODIC_MONTH);
        long monthStart = newMoonDay(k + 1);
        if (monthStart > dayNumber) {
            monthStart = newMoonDay(k);
        }
        int yy = date.getYear();
        long a11 = lunarMonth11(yy);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = yy;
            a11 = lunarMonth11(yy - 1);
        } else {
            lunarYear = yy + 1;
            b11 = lunarMonth11(yy + 1);
        }
        int lunarDay = (int) (dayNumber - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int lunarMonth = diff + 11;
        if (b11 - a11 > 365) {
            int leapMonthDiff = leapMonthOffset(a11);
            if (diff >= leapMonthDiff) {
                lunarMonth = diff + 10;
                leap = diff == leapMonthDiff;
            }
        }
        if (lunarMonth > 12) {
            lunarMonth -= 12;
        }
        if (lunarMonth >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarDay, lunarMonth, lunarYear, leap);
    }

    /** Converts a lunar date to its Gregorian date. */
    public LocalDate toSolar(LunarDate lunar) {
        long a11;
        long b11;
        if (lunar.month() < 11) {
            a11 = lunarMonth11(lunar.year() - 1);
            b11 = lunarMonth11(lunar.year());
        } else {
            a11 = lunarMonth11(lunar.year());
            b11 = lunarMonth11(lunar.year() + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH);
        int off = lunar.month() - 11;
        if (off < 0) {
            off += 12;
        }
        if (b11 - a11 > 365) {
            int leapOff = leapMonthOffset(a11);
            int leapMonth = leapOff - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (lunar.leapMonth() && lunar.month() != leapMonth) {
                throw new IllegalArgumentException("Lunar year " + lunar.year() + " has no leap month " + lunar.month());
            }
            if (lunar.leapMonth() || off >= leapOff) {
                off += 1;
            }
        } else if (lunar.leapMonth()) {
            throw new IllegalArgumentException("Lunar year " + lunar.year() + " has no leap month");
        }
        long monthStart = newMoonDay(k + off);
        return fromJdn(monthStart + lunar.day() - 1);
    }

    private static long jdn(LocalDate date) {
        return date.toEpochDay() + JDN_OF_EPOCH_DAY_0;
    }

    private static LocalDate fromJdn(long jdn) {
        return LocalDate.ofEpochDay(jdn - JDN_OF_EPOCH_DAY_0);
    }

    /** Julian day number of the k-th new moon after 1900-01-01, at this calendar's meridian. */
    private long newMoonDay(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + timeZone / 24);
    }

    private static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
        c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
        double deltaT;
        if (t < -11) {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
        }
        return jd1 + c1 - deltaT;
    }

    /** The sun's longitude at local midnight of the day, as one of 12 sectors of 30°. */
    private int sunLongitudeSector(long dayNumber) {
        return (int) Math.floor(sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI * 6);
    }

    private static double sunLongitude(double jdn) {
        double t = (jdn - 2451545.0) / 36525;
        double t2 = t * t;
        double dr = Math.PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
        dl += (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
    }

    /** The first day of the 11th lunar month (the one holding the winter solstice) of a year. */
    private long lunarMonth11(int year) {
        long off = jdn(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) Math.floor(off / SYNODIC_MONTH);
        long nm = newMoonDay(k);
        if (sunLongitudeSector(nm) >= 9) {
            nm = newMoonDay(k - 1);
        }
        return nm;
    }

    /** Which month after month 11 is the leap month: the first one without a major solar term. */
    private int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunLongitudeSector(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = sunLongitudeSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }
}
