package vn.lienthong.gateway.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class VietnameseLunarCalendarTest {

    /**
     * Mùng 1 Tết from the published Vietnamese lunar calendar tables (lịch vạn niên), 1985–2030.
     * 1985, 2007 and 2030 are the years Vietnam's Tết differs from the Chinese new year.
     */
    private static final Map<Integer, String> TET = new TreeMap<>(Map.ofEntries(
            Map.entry(1985, "1985-01-21"), Map.entry(1986, "1986-02-09"), Map.entry(1987, "1987-01-29"),
            Map.entry(1988, "1988-02-17"), Map.entry(1989, "1989-02-06"), Map.entry(1990, "1990-01-27"),
            Map.entry(1991, "1991-02-15"), Map.entry(1992, "1992-02-04"), Map.entry(1993, "1993-01-23"),
            Map.entry(1994, "1994-02-10"), Map.entry(1995, "1995-01-31"), Map.entry(1996, "1996-02-19"),
            Map.entry(1997, "1997-02-07"), Map.entry(1998, "1998-01-28"), Map.entry(1999, "1999-02-16"),
            Map.entry(2000, "2000-02-05"), Map.entry(2001, "2001-01-24"), Map.entry(2002, "2002-02-12"),
            Map.entry(2003, "2003-02-01"), Map.entry(2004, "2004-01-22"), Map.entry(2005, "2005-02-09"),
            Map.entry(2006, "2006-01-29"), Map.entry(2007, "2007-02-17"), Map.entry(2008, "2008-02-07"),
            Map.entry(2009, "2009-01-26"), Map.entry(2010, "2010-02-14"), Map.entry(2011, "2011-02-03"),
            Map.entry(2012, "2012-01-23"), Map.entry(2013, "2013-02-10"), Map.entry(2014, "2014-01-31"),
            Map.entry(2015, "2015-02-19"), Map.entry(2016, "2016-02-08"), Map.entry(2017, "2017-01-28"),
            Map.entry(2018, "2018-02-16"), Map.entry(2019, "2019-02-05"), Map.entry(2020, "2020-01-25"),
            Map.entry(2021, "2021-02-12"), Map.entry(2022, "2022-02-01"), Map.entry(2023, "2023-01-22"),
            Map.entry(2024, "2024-02-10"), Map.entry(2025, "2025-01-29"), Map.entry(2026, "2026-02-17"),
            Map.entry(2027, "2027-02-06"), Map.entry(2028, "2028-01-26"), Map.entry(2029, "2029-02-13"),
            Map.entry(2030, "2030-02-02")));

    private final VietnameseLunarCalendar vietnam = new VietnameseLunarCalendar();

    @Test
    void lunarNewYearMatchesPublishedVietnameseTables1985To2030() {
        TET.forEach((year, date) -> assertEquals(LocalDate.parse(date), vietnam.newYear(year), "Tết " + year));
    }

    @Test
    void vietnamAtUtc7DiffersFromChinaAtUtc8In1985And2007And2030() {
        VietnameseLunarCalendar china = new VietnameseLunarCalendar(8.0);
        assertEquals(LocalDate.of(1985, 2, 20), china.newYear(1985));
        assertEquals(LocalDate.of(2007, 2, 18), china.newYear(2007));
        assertNotEquals(china.newYear(1985), vietnam.newYear(1985));
        assertNotEquals(china.newYear(2007), vietnam.newYear(2007));
        assertEquals(LocalDate.of(2030, 2, 3), china.newYear(2030));
        assertNotEquals(china.newYear(2030), vietnam.newYear(2030));
    }

    @Test
    void hungKingsDayIsTenthOfThirdLunarMonth() {
        assertEquals(LocalDate.of(2024, 4, 18), vietnam.toSolar(new VietnameseLunarCalendar.LunarDate(10, 3, 2024, false)));
        assertEquals(LocalDate.of(2025, 4, 7), vietnam.toSolar(new VietnameseLunarCalendar.LunarDate(10, 3, 2025, false)));
        assertEquals(LocalDate.of(2026, 4, 26), vietnam.toSolar(new VietnameseLunarCalendar.LunarDate(10, 3, 2026, false)));
    }

    @Test
    void solarToLunarAndBackRoundTripsEveryDayFrom1900To2100() {
        for (LocalDate d = LocalDate.of(1900, 2, 1); d.isBefore(LocalDate.of(2100, 12, 1)); d = d.plusDays(1)) {
            assertEquals(d, vietnam.toSolar(vietnam.toLunar(d)), "round trip of " + d);
        }
    }

    @Test
    void knownLeapMonth() {
        // 2023 had a leap second month (tháng 2 nhuận), 22 Mar – 19 Apr 2023.
        assertEquals(new VietnameseLunarCalendar.LunarDate(1, 2, 2023, true), vietnam.toLunar(LocalDate.of(2023, 3, 22)));
        assertEquals(new VietnameseLunarCalendar.LunarDate(1, 3, 2023, false), vietnam.toLunar(LocalDate.of(2023, 4, 20)));
    }
}
