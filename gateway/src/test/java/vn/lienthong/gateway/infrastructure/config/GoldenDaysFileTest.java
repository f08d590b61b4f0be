package vn.lienthong.gateway.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.domain.calendar.GoldenDays;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/** The shipped golden-day file loads against the shipped catalogue; a file naming what the catalogue lacks is refused. */
class GoldenDaysFileTest {

    private static final ProcedureCatalogue CATALOGUE = CatalogueFile.load(null);

    @Test
    void theShippedFileGivesTheSampleDistrictTuesdaysAndThursdays() {
        GoldenDays golden = GoldenDaysFile.load(null, CATALOGUE);
        assertFalse(golden.version().isBlank());
        GoldenDays.Unit district = golden.unitFor("000.00.20.H20", CATALOGUE.procedure("1.004227").orElseThrow()).orElseThrow();
        assertEquals(Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), district.weekdays());
        assertEquals(LocalTime.of(8, 0), district.hour());
        assertTrue(golden.unitFor("000.00.20.H20", CATALOGUE.procedure("1.004222").orElseThrow()).isEmpty(), "Cư trú");
    }

    @Test
    void aFieldOrUnitTheCatalogueLacksIsRefusedWithTheFilesName(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("golden.json"), """
                {"version": "x", "units": [{"agencyCode": "000.00.20.H20", "weekdays": ["TUESDAY"],
                  "fields": ["Khai thác mỏ"], "hour": "08:00"}]}""");
        DataFileException e = assertThrows(DataFileException.class, () -> GoldenDaysFile.load(file, CATALOGUE));
        assertTrue(e.getMessage().contains("golden.json") && e.getMessage().contains("Khai thác mỏ"), e.getMessage());
        Files.writeString(file, """
                {"version": "x", "units": [{"agencyCode": "999.99.99.H99", "weekdays": ["TUESDAY"],
                  "fields": ["Đất đai"], "hour": "08:00"}]}""");
        assertThrows(DataFileException.class, () -> GoldenDaysFile.load(file, CATALOGUE));
        Files.writeString(file, """
                {"version": "x", "units": [{"agencyCode": "000.00.20.H20", "weekdays": ["TUESDAYS"],
                  "fields": ["Đất đai"], "hour": "08:00"}]}""");
        assertThrows(DataFileException.class, () -> GoldenDaysFile.load(file, CATALOGUE));
    }
}
