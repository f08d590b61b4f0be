package vn.lienthong.gateway.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import vn.lienthong.gateway.domain.procedure.Procedure;

/**
 * The units' "hai ngày vàng trong tuần" (two golden days a week, seed 004): on named weekdays a
 * unit's leaders and specialists settle the dossiers of some fields, so such a dossier's appointment
 * is the first golden day on or after the date the working calendar gives, at the unit's hour; a
 * golden day that is a day off gives way to the next golden day. Versioned configuration, like the
 * procedure catalogue; a unit not listed keeps the working calendar's date.
 */
public final class GoldenDays {

    /** Bounds the search for a golden day, so a configuration without a working golden day fails. */
    private static final int MAX_DAYS_SEARCHED = 366;

    /**
     * One unit's golden days: the weekdays, the catalogue fields (lĩnh vực) and procedure codes they
     * cover, and the hour of the appointment.
     */
    public record Unit(String agencyCode, Set<DayOfWeek> weekdays, Set<String> fields, Set<String> procedures,
                       LocalTime hour) {

        public Unit {
            if (agencyCode == null || agencyCode.isBlank()) {
                throw new IllegalArgumentException("A golden-day unit needs its agencyCode");
            }
            if (weekdays == null || weekdays.isEmpty()) {
                throw new IllegalArgumentException("Golden-day unit " + agencyCode + " names no weekday");
            }
            weekdays = Set.copyOf(EnumSet.copyOf(weekdays));
            fields = fields == null ? Set.of() : Set.copyOf(fields);
            procedures = procedures == null ? Set.of() : Set.copyOf(procedures);
            if (fields.isEmpty() && procedures.isEmpty()) {
                throw new IllegalArgumentException("Golden-day unit " + agencyCode + " covers no field and no procedure");
            }
            if (hour == null) {
                throw new IllegalArgumentException("Golden-day unit " + agencyCode + " names no hour");
            }
        }

        /** Whether dossiers of {@code procedure} wait for this unit's golden days. */
        public boolean covers(Procedure procedure) {
            return procedures.contains(procedure.code()) || fields.contains(procedure.field());
        }
    }

    /** Why an appointment date was chosen. */
    public enum Reason {
        /** The working calendar's date: no golden day applies. */
        WORKING_CALENDAR,
        /** The unit's golden day on or after the working calendar's date. */
        GOLDEN_DAY
    }

    /**
     * An appointment and why it was chosen.
     *
     * @param dueAt         the appointment given to the citizen
     * @param calendarDueAt what the working calendar alone gives
     * @param goldenDay     the golden day chosen, or null
     * @param skipped       golden weekdays passed over because they were days off
     * @param vietnamese    the reason in words, for the desk and the citizen
     */
    public record Appointment(OffsetDateTime dueAt, OffsetDateTime calendarDueAt, Reason reason, LocalDate goldenDay,
                              List<LocalDate> skipped, String vietnamese, String english) {

        public Appointment {
            skipped = List.copyOf(skipped);
        }
    }

    private static final String[] VIETNAMESE_ORDINAL = {"", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy"};

    private final String version;
    private final Map<String, Unit> units = new LinkedHashMap<>();

    public GoldenDays(String version, List<Unit> units) {
        this.version = version;
        for (Unit u : units) {
            if (this.units.putIfAbsent(u.agencyCode(), u) != null) {
                throw new IllegalArgumentException("Unit " + u.agencyCode() + " is listed twice in golden days " + version);
            }
        }
    }

    /** No unit has golden days. */
    public static GoldenDays none() {
        return new GoldenDays("none", List.of());
    }

    public String version() {
        return version;
    }

    public List<Unit> units() {
        return List.copyOf(units.values());
    }

    /** The golden days that apply to a dossier of {@code procedure} received by {@code agencyCode}, if any. */
    public Optional<Unit> unitFor(String agencyCode, Procedure procedure) {
        return Optional.ofNullable(units.get(agencyCode)).filter(u -> u.covers(procedure));
    }

    /** The appointment for a dossier of {@code procedure} received by {@code agencyCode} at {@code receivedAt}. */
    public Appointment appoint(WorkingCalendar calendar, String agencyCode, Procedure procedure,
                               OffsetDateTime receivedAt) {
        OffsetDateTime byCalendar = procedure.processingTime().dueAt(calendar, receivedAt);
        Optional<Unit> unit = unitFor(agencyCode, procedure);
        if (unit.isEmpty()) {
            return new Appointment(byCalendar, byCalendar, Reason.WORKING_CALENDAR, null, List.of(),
                    "Ngày hẹn theo thời hạn giải quyết và lịch làm việc",
                    "The appointment follows the processing time and the working calendar");
        }
        Unit u = unit.get();
        LocalDate calendarDay = byCalendar.withOffsetSameInstant(WorkingCalendar.VIETNAM).toLocalDate();
        LocalDateTime received = receivedAt.withOffsetSameInstant(WorkingCalendar.VIETNAM).toLocalDateTime();
        List<LocalDate> skipped = new ArrayList<>();
        LocalDate day = calendarDay;
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
            if (!u.weekdays().contains(day.getDayOfWeek())) {
                continue;
            }
            if (!calendar.isWorkingDay(day)) {
                skipped.add(day);
                continue;
            }
            if (!day.atTime(u.hour()).isAfter(received)) {
                continue; // a same-day procedure received after that day's golden hour
            }
            OffsetDateTime due = day.atTime(u.hour()).atOffset(WorkingCalendar.VIETNAM);
            String vi = "Lĩnh vực " + procedure.field() + ": đơn vị giải quyết vào hai ngày vàng (" + vietnamese(u.weekdays())
                    + "); theo lịch làm việc hẹn ngày " + calendarDay + ", ngày vàng đầu tiên từ ngày đó là " + day
                    + (skipped.isEmpty() ? "" : " (bỏ qua ngày nghỉ " + joined(skipped) + ")");
            String en = "Field " + procedure.field() + ": the unit settles it on its golden days (" + english(u.weekdays())
                    + "); the working calendar gives " + calendarDay + ", the first golden day from then is " + day
                    + (skipped.isEmpty() ? "" : " (days off passed over: " + joined(skipped) + ")");
            return new Appointment(due, byCalendar, Reason.GOLDEN_DAY, day, skipped, vi, en);
        }
        throw new IllegalStateException("Unit " + u.agencyCode() + " has no working golden day within "
                + MAX_DAYS_SEARCHED + " days after " + calendarDay);
    }

    /** Whether {@code day} is a golden day, open for work, of the unit that received a dossier of {@code procedure}. */
    public boolean isGoldenDay(String agencyCode, Procedure procedure, LocalDate day, WorkingCalendar calendar) {
        return unitFor(agencyCode, procedure).map(u -> u.weekdays().contains(day.getDayOfWeek())
                && calendar.isWorkingDay(day)).orElse(false);
    }

    /** "Thứ Ba, Thứ Năm". */
    private static String vietnamese(Set<DayOfWeek> weekdays) {
        return weekdays.stream().sorted().map(d -> d == DayOfWeek.SUNDAY ? "Chủ nhật"
                : "Thứ " + VIETNAMESE_ORDINAL[d.getValue()]).collect(Collectors.joining(", "));
    }

    /** "Tuesday, Thursday". */
    private static String english(Set<DayOfWeek> weekdays) {
        return weekdays.stream().sorted().map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
    }

    private static String joined(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
    }
}
