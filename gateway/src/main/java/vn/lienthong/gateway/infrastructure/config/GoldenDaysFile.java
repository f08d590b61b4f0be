package vn.lienthong.gateway.infrastructure.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import vn.lienthong.gateway.domain.calendar.GoldenDays;
import vn.lienthong.gateway.domain.procedure.Procedure;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/**
 * Reads the units' golden days ("hai ngày vàng"): the shipped {@code practices/golden-days.json}, or a
 * province's own file ({@code lienthong.golden-days.file}), checked against the procedure catalogue.
 */
public final class GoldenDaysFile {

    /** The file's JSON shape. */
    public record File(String version, List<UnitEntry> units) {
    }

    /** One unit as written in the file: weekdays as MONDAY..SUNDAY, hour as 08:00. */
    public record UnitEntry(String agencyCode, List<String> weekdays, List<String> fields, List<String> procedures,
                            String hour) {
    }

    public static final String SHIPPED = "practices/golden-days.json";

    private GoldenDaysFile() {
    }

    /** Loads {@code file} if given, the shipped file otherwise, and checks it against {@code catalogue}. */
    public static GoldenDays load(Path file, ProcedureCatalogue catalogue) {
        String name = file == null ? SHIPPED : file.toString();
        try (Jsonb jsonb = JsonbBuilder.create();
             InputStream in = file == null
                     ? GoldenDaysFile.class.getClassLoader().getResourceAsStream(SHIPPED)
                     : Files.newInputStream(file)) {
            if (in == null) {
                throw new DataFileException("Golden-day file " + name + " is missing");
            }
            return toGoldenDays(jsonb.fromJson(in, File.class), name, catalogue);
        } catch (DataFileException e) {
            throw e;
        } catch (IOException e) {
            throw new DataFileException("Cannot read golden-day file " + name + ": " + e.getMessage(), e);
        } catch (Exception e) { // JsonbException, IllegalArgumentException, DateTimeParseException, Jsonb.close()
            throw new DataFileException("Golden-day file " + name + " is invalid: " + e.getMessage(), e);
        }
    }

    private static GoldenDays toGoldenDays(File file, String name, ProcedureCatalogue catalogue) {
        if (file == null || file.version() == null || file.units() == null) {
            throw new DataFileException("Golden-day file " + name + " needs \"version\" and \"units\"");
        }
        Set<String> fields = catalogue.procedures().stream().map(Procedure::field).collect(Collectors.toSet());
        List<GoldenDays.Unit> units = file.units().stream().map(u -> {
            if (u.agencyCode() == null || catalogue.agency(u.agencyCode()).isEmpty()) {
                throw new DataFileException("Golden-day file " + name + ": unit " + u.agencyCode()
                        + " is not a receiving agency of catalogue " + catalogue.version());
            }
            Set<String> unknown = new HashSet<>(u.fields() == null ? List.of() : u.fields());
            unknown.removeAll(fields);
            (u.procedures() == null ? List.<String>of() : u.procedures()).stream()
                    .filter(p -> catalogue.procedure(p).isEmpty()).forEach(unknown::add);
            if (!unknown.isEmpty()) {
                throw new DataFileException("Golden-day file " + name + ": unit " + u.agencyCode() + " names "
                        + unknown + ", neither a field nor a procedure of catalogue " + catalogue.version());
            }
            Set<DayOfWeek> weekdays = u.weekdays() == null ? Set.of()
                    : u.weekdays().stream().map(DayOfWeek::valueOf).collect(Collectors.toSet());
            return new GoldenDays.Unit(u.agencyCode(), weekdays, u.fields() == null ? null : Set.copyOf(u.fields()),
                    u.procedures() == null ? null : Set.copyOf(u.procedures()),
                    u.hour() == null ? null : LocalTime.parse(u.hour().trim()));
        }).toList();
        return new GoldenDays(file.version(), units);
    }
}
