package vn.lienthong.gateway.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.domain.calendar.OfficeHours;
import vn.lienthong.gateway.domain.calendar.PublicHolidays;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.calendar.YearOverride;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.domain.procedure.ProcessingTime;

class ShippedDataFilesTest {

    @Test
    void shippedOverridesCover2025And2026() {
        Map<Integer, YearOverride> overrides = CalendarOverrideFiles.load(null);
        assertTrue(overrides.keySet().containsAll(java.util.Set.of(2025, 2026)), overrides.keySet().toString());
        WorkingCalendar calendar = new WorkingCalendar(new PublicHolidays(overrides), OfficeHours.standard(),
                LocalTime.of(15, 0));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 4, 26)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 5, 2)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 1, 27)));
        assertEquals(OffsetDateTime.parse("2026-02-23T16:00:00+07:00"),
                calendar.dueAt(OffsetDateTime.parse("2026-02-13T10:00:00+07:00"), Duration.ofHours(12)));
    }

    @Test
    void aFileInTheOverrideDirectoryReplacesTheShippedYear(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2027.json"), """
                {"year": 2027, "source": "test", "holidays": {"TET": ["2027-02-05", "2027-02-08", "2027-02-09",
                 "2027-02-10", "2027-02-11"]}, "workingDays": [{"date": "2027-02-20", "name": "Làm bù"}]}
                """);
        Map<Integer, YearOverride> overrides = CalendarOverrideFiles.load(dir);
        assertEquals(LocalDate.of(2027, 2, 20), overrides.get(2027).workingDays().get(0).date());
    }

    @Test
    void aBrokenOverrideFileIsRefusedWithItsName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2027.json"), "{\"year\": 2027, \"holidays\": {\"TET\": [\"2027-13-40\"]}}");
        DataFileException e = assertThrows(DataFileException.class, () -> CalendarOverrideFiles.load(dir));
        assertTrue(e.getMessage().contains("2027.json"), e.getMessage());
        Files.writeString(dir.resolve("2027.json"), "{\"year\": 2027, \"holidays\": {\"TET\": [\"2026-02-17\"]}}");
        assertThrows(DataFileException.class, () -> CalendarOverrideFiles.load(dir));
    }

    @Test
    void catalogueHasTheRequiredProcedures() {
        ProcedureCatalogue catalogue = CatalogueFile.load(null);
        for (String code : new String[] {"3.000722", "2.002913", "1.001193", "2.000815", "1.000240", "1.004227"}) {
            assertTrue(catalogue.procedure(code).isPresent(), code);
        }
        var birthGroup = catalogue.procedure("3.000722").orElseThrow();
        assertEquals(3, birthGroup.agencies().size());
        assertTrue(birthGroup.agencies().stream().anyMatch(a -> a.type().equals("SOCIAL_INSURANCE") && a.external()));
        assertEquals(ProcessingTime.Unit.SAME_DAY, catalogue.procedure("2.000815").orElseThrow().processingTime().unit());
        assertTrue(catalogue.agency("000.00.00.H30").isPresent());
        assertFalse(catalogue.version().isBlank());
    }

    /** What each agency type is asked, per procedure: the table that was a Java map in AgencyOperations. */
    @Test
    void catalogueNamesWhatEachAgencyIsAskedForEachProcedure() {
        ProcedureCatalogue catalogue = CatalogueFile.load(null);
        assertEquals("DEATH_REGISTRATION", catalogue.operation("2.002913", "CIVIL_STATUS"));
        assertEquals("PERMANENT_RESIDENCE_REMOVAL", catalogue.operation("2.002913", "RESIDENCE"));
        assertEquals("FUNERAL_SURVIVOR_BENEFIT", catalogue.operation("2.002913", "SOCIAL_INSURANCE"));
        assertEquals("BHYT_CARD_UNDER_6", catalogue.operation("3.000722", "SOCIAL_INSURANCE"));
        assertEquals("BHYT_CARD_REISSUE", catalogue.operation("1.000240", "SOCIAL_INSURANCE"));
        assertEquals("LAND_USE_CHANGE", catalogue.operation("1.004227", "LAND_REGISTRY"));
        // A type the procedure does not name gets its default; a type without operations a plain request.
        assertEquals("BIRTH_REGISTRATION", catalogue.operation("2.000815", "CIVIL_STATUS"));
        assertEquals("PERMANENT_RESIDENCE_REGISTRATION", catalogue.operation("1.000240", "RESIDENCE"));
        assertEquals("REQUEST", catalogue.operation("1.004227", "TAX"));
        assertEquals("CIVIL_STATUS", catalogue.agencyType("DEATH_REGISTRATION").orElseThrow());
        assertEquals("SOCIAL_INSURANCE", catalogue.agencyType("BHYT_CARD_UNDER_6").orElseThrow());
        assertEquals("LAND_REGISTRY", catalogue.agencyType("LAND_USE_CHANGE").orElseThrow());
        assertTrue(catalogue.agencyType("SOMETHING_ELSE").isEmpty());
    }

    @Test
    void aCatalogueThatAsksAnAgencyForAnotherTypesOperationIsRefused(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("catalogue.json");
        Files.writeString(file, """
                {"version": "t", "agencies": [],
                 "operations": [{"code": "DEATH_REGISTRATION", "agencyType": "CIVIL_STATUS", "name": "Khai tử"}],
                 "procedures": [{"code": "9.9", "name": "x", "field": "x", "level": "x",
                   "agencies": [{"type": "RESIDENCE", "name": "x", "role": "x", "external": true,
                                 "operation": "DEATH_REGISTRATION"}],
                   "processingTime": {"value": 1, "unit": "WORKING_DAYS"}}]}
                """);
        DataFileException e = assertThrows(DataFileException.class, () -> CatalogueFile.load(file));
        assertTrue(e.getMessage().contains("DEATH_REGISTRATION"), e.getMessage());
    }
}
