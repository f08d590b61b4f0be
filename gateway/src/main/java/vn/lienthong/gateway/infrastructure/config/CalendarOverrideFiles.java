package vn.lienthong.gateway.infrastructure.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import vn.lienthong.gateway.domain.calendar.DayOff;
import vn.lienthong.gateway.domain.calendar.Holiday;
import vn.lienthong.gateway.domain.calendar.HolidaySource;
import vn.lienthong.gateway.domain.calendar.PublicHolidays;
import vn.lienthong.gateway.domain.calendar.SwappedWorkingDay;
import vn.lienthong.gateway.domain.calendar.YearOverride;

/**
 * Reads the yearly override files (the government's holiday notices): {@code calendar/YYYY.json}
 * shipped in the application, then {@code YYYY.json} in an optional directory, which wins for its year.
 */
public final class CalendarOverrideFiles {

    /** The file's JSON shape. */
    public record OverrideFile(Integer year, String source, Map<String, List<String>> holidays,
                               List<NamedDate> extraDaysOff, List<NamedDate> workingDays) {
    }

    /** A date with its Vietnamese name. */
    public record NamedDate(String date, String name) {
    }

    private CalendarOverrideFiles() {
    }

    public static Map<Integer, YearOverride> load(Path extraDirectory) {
        Map<Integer, YearOverride> overrides = new TreeMap<>();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            ClassLoader loader = CalendarOverrideFiles.class.getClassLoader();
            for (int year = PublicHolidays.FIRST_YEAR; year <= PublicHolidays.LAST_YEAR; year++) {
                String resource = "calendar/" + year + ".json";
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in != null) {
                        overrides.put(year, parse(jsonb, in, resource));
                    }
                }
            }
            if (extraDirectory != null && Files.isDirectory(extraDirectory)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(extraDirectory, "[0-9][0-9][0-9][0-9].json")) {
                    for (Path file : files) {
                        try (InputStream in = Files.newInputStream(file)) {
                            YearOverride override = parse(jsonb, in, file.toString());
                            overrides.put(override.year(), override);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new DataFileException("Cannot read calendar override files: " + e.getMessage(), e);
        } catch (DataFileException e) {
            throw e;
        } catch (Exception e) { // Jsonb.close() declares Exception
            throw new DataFileException("Cannot read calendar override files: " + e.getMessage(), e);
        }
        return overrides;
    }

    static YearOverride parse(Jsonb jsonb, InputStream in, String name) {
        OverrideFile file;
        try {
            file = jsonb.fromJson(in, OverrideFile.class);
        } catch (JsonbException e) {
            throw new DataFileException("Calendar override " + name + " is not valid JSON: " + e.getMessage(), e);
        }
        if (file == null || file.year() == null) {
            throw new DataFileException("Calendar override " + name + " has no \"year\"");
        }
        try {
            Map<Holiday, List<LocalDate>> holidays = new EnumMap<>(Holiday.class);
            if (file.holidays() != null) {
                file.holidays().forEach((key, dates) -> holidays.put(Holiday.valueOf(key),
                        dates.stream().map(LocalDate::parse).toList()));
            }
            List<DayOff> extra = file.extraDaysOff() == null ? List.of() : file.extraDaysOff().stream()
                    .map(d -> new DayOff(LocalDate.parse(d.date()), d.name(), HolidaySource.OVERRIDE)).toList();
            List<SwappedWorkingDay> working = file.workingDays() == null ? List.of() : file.workingDays().stream()
                    .map(d -> new SwappedWorkingDay(LocalDate.parse(d.date()), d.name())).toList();
            return new YearOverride(file.year(), file.source(), holidays, extra, working);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new DataFileException("Calendar override " + name + " is invalid: " + e.getMessage(), e);
        }
    }
}
