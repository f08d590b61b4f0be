package vn.lienthong.gateway.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vietnam's days off for any year: the Labour Code's fixed and lunar holidays, moved off
 * weekends, then corrected by the yearly override files (the government's notices).
 */
public final class PublicHolidays {

    /** Years the calendar answers for; lunar reckoning is reliable far beyond, but tables are checked only here. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;

    /** Vietnam Culture Day became a paid day off from 2026 (reported; verify against the law). */
    private static final int CULTURE_DAY_SINCE = 2026;

    private final VietnameseLunarCalendar lunar = new VietnameseLunarCalendar();
    private final Map<Integer, YearOverride> overrides;
    private final Map<Integer, HolidayYear> cache = new ConcurrentHashMap<>();

    public PublicHolidays(Map<Integer, YearOverride> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public HolidayYear year(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Year " + year + " is outside " + FIRST_YEAR + "–" + LAST_YEAR);
        }
        return cache.computeIfAbsent(year, this::compute);
    }

    public boolean isDayOff(LocalDate date) {
        return year(date.getYear()).isDayOff(date);
    }

    public boolean isSwappedWorkingDay(LocalDate date) {
        return year(date.getYear()).isSwappedWorkingDay(date);
    }

    private HolidayYear compute(int year) {
        YearOverride override = overrides.get(year);
        Map<Holiday, List<LocalDate>> announced = override == null ? Map.of() : override.holidays();

        List<DayOff> statutory = new ArrayList<>();
        for (Holiday holiday : Holiday.values()) {
            if (!announced.containsKey(holiday)) {
                statutory.addAll(statutoryDays(holiday, year));
            }
        }
        statutory.sort(Comparator.comparing(DayOff::date));

        Set<LocalDate> taken = new HashSet<>();
        statutory.forEach(d -> taken.add(d.date()));
        announced.values().forEach(taken::addAll);

        List<DayOff> daysOff = new ArrayList<>();
        for (DayOff day : statutory) {
            if (isWeekend(day.date())) {
                // Labour Code art. 112(3): a holiday on a weekly rest day is taken on the next working day.
                LocalDate substitute = day.date().plusDays(1);
                while (isWeekend(substitute) || taken.contains(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                taken.add(substitute);
                daysOff.add(new DayOff(substitute, "Nghỉ bù " + day.name(), day.source()));
            } else {
                daysOff.add(day);
            }
        }
        announced.forEach((holiday, dates) -> dates.forEach(
                date -> daysOff.add(new DayOff(date, holiday.vietnameseName(), HolidaySource.OVERRIDE))));
        List<SwappedWorkingDay> workingDays = new ArrayList<>();
        if (override != null) {
            override.extraDaysOff().forEach(d -> daysOff.add(new DayOff(d.date(), d.name(), HolidaySource.OVERRIDE)));
            workingDays.addAll(override.workingDays());
        }
        daysOff.sort(Comparator.comparing(DayOff::date));
        workingDays.sort(Comparator.comparing(SwappedWorkingDay::date));
        return new HolidayYear(year, dedupe(daysOff), workingDays);
    }

    private static List<DayOff> dedupe(List<DayOff> sorted) {
        List<DayOff> out = new ArrayList<>();
        for (DayOff day : sorted) {
            if (out.isEmpty() || !out.get(out.size() - 1).date().equals(day.date())) {
                out.add(day);
            }
        }
        return out;
    }

    private List<DayOff> statutoryDays(Holiday holiday, int year) {
        return switch (holiday) {
            case NEW_YEAR -> List.of(fixed(holiday, year, Month.JANUARY, 1));
            case REUNIFICATION -> List.of(fixed(holiday, year, Month.APRIL, 30));
            case LABOUR -> List.of(fixed(holiday, year, Month.MAY, 1));
            case NATIONAL_DAY -> nationalDay(year);
            case CULTURE_DAY -> year >= CULTURE_DAY_SINCE ? List.of(fixed(holiday, year, Month.NOVEMBER, 24)) : List.of();
            case TET -> tet(year);
            case HUNG_KINGS -> List.of(new DayOff(
                    lunar.toSolar(new VietnameseLunarCalendar.LunarDate(10, 3, year, false)),
                    holiday.vietnameseName(), holiday.source()));
        };
    }

    private static DayOff fixed(Holiday holiday, int year, Month month, int day) {
        return new DayOff(LocalDate.of(year, month, day), holiday.vietnameseName(), holiday.source());
    }

    /**
     * Five days: the last day of the lunar year and the first four of the new one. The government
     * fixes the real days each year (often a day earlier); the override file carries those.
     */
    private List<DayOff> tet(int year) {
        LocalDate newYear = lunar.newYear(year);
        List<DayOff> days = new ArrayList<>();
        days.add(new DayOff(newYear.minusDays(1), "Tết Nguyên đán (ngày cuối năm âm lịch)", HolidaySource.LUNAR));
        for (int i = 0; i < 4; i++) {
            days.add(new DayOff(newYear.plusDays(i), "Tết Nguyên đán (mùng " + (i + 1) + ")", HolidaySource.LUNAR));
        }
        return days;
    }

    /**
     * 2 September and one adjacent day; the notice picks the day. Without a notice, take the
     * day that joins the holiday to a weekend, as the notices of 2021–2025 did.
     */
    private static List<DayOff> nationalDay(int year) {
        LocalDate second = LocalDate.of(year, Month.SEPTEMBER, 2);
        DayOfWeek dow = second.getDayOfWeek();
        boolean dayBefore = dow == DayOfWeek.TUESDAY || dow == DayOfWeek.FRIDAY || dow == DayOfWeek.SATURDAY;
        LocalDate adjacent = dayBefore ? second.minusDays(1) : second.plusDays(1);
        return List.of(
                new DayOff(second, Holiday.NATIONAL_DAY.vietnameseName(), HolidaySource.LAW),
                new DayOff(adjacent, "Quốc khánh (ngày liền kề " + (dayBefore ? "trước" : "sau") + " 2/9)", HolidaySource.LAW));
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
