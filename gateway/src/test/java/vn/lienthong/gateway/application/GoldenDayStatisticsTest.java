package vn.lienthong.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.calendar.GoldenDays;
import vn.lienthong.gateway.domain.calendar.OfficeHours;
import vn.lienthong.gateway.domain.calendar.PublicHolidays;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.AgencyScope;
import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.CitizenId;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.dossier.StatisticsGrouping;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.infrastructure.config.CatalogueFile;
import vn.lienthong.gateway.infrastructure.persistence.JdbcDossierRepository;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;

/** The statistics' golden-day figures: settled on a golden day of the unit for the field, against the rest. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class GoldenDayStatisticsTest {

    private static final String DISTRICT = "000.00.20.H20";
    private static final String LAND = "1.004227";
    private static final String RESIDENCE = "1.004222";

    @Parameter
    TestDatabase engine;

    private final DeskStatistics statistics = new DeskStatistics();
    private JdbcDossierRepository repository;

    @BeforeEach
    void freshDatabase() {
        repository = new JdbcDossierRepository(engine.fresh());
        statistics.dossiers = repository;
        statistics.catalogue = CatalogueFile.load(null);
        statistics.calendar = new WorkingCalendar(new PublicHolidays(Map.of()), OfficeHours.standard(), LocalTime.of(15, 0));
        statistics.goldenDays = new GoldenDays("test", List.of(new GoldenDays.Unit(DISTRICT,
                Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), Set.of("Đất đai"), Set.of(), LocalTime.of(8, 0))));
        statistics.clock = Clock.fixed(OffsetDateTime.parse("2026-05-29T12:00:00+07:00").toInstant(), ZoneOffset.UTC);
    }

    @Test
    void landSettledOnTuesdayCountsAsGoldenAndTheRestDoNot() {
        settle(1, LAND, "2026-05-05T09:00"); // Tuesday: golden
        settle(2, LAND, "2026-05-07T16:45"); // Thursday afternoon: golden
        settle(3, LAND, "2026-05-06T09:00"); // Wednesday
        settle(4, RESIDENCE, "2026-05-05T09:00"); // Tuesday, but residence is not a golden field
        receiveOnly(5, LAND); // not settled: counted nowhere

        DeskStatistics.Report byProcedure = statistics.report(AgencyScope.only(DISTRICT), LocalDate.parse("2026-05-01"),
                LocalDate.parse("2026-05-31"), StatisticsGrouping.PROCEDURE);
        assertEquals(List.of(new DeskStatistics.GoldenDayRow(RESIDENCE, 0, 1), new DeskStatistics.GoldenDayRow(LAND, 2, 1)),
                byProcedure.goldenDays());
        assertEquals(new DeskStatistics.GoldenDayRow("TOTAL", 2, 2), byProcedure.goldenDaysTotal());
        assertEquals(5, byProcedure.total().received());

        DeskStatistics.Report otherMonth = statistics.report(AgencyScope.only(DISTRICT), LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-30"), StatisticsGrouping.AGENCY);
        assertEquals(List.of(), otherMonth.goldenDays());
    }

    private void settle(int sequence, String procedure, String finishedAt) {
        Dossier received = receiveOnly(sequence, procedure);
        OffsetDateTime at = OffsetDateTime.parse(finishedAt + ":00+07:00");
        Dossier done = received.moveTo(DossierStatus.COMPLETED, at, statistics.calendar);
        repository.update(done, new DossierEvent(DossierEvent.Kind.TRANSITION, DossierStatus.RECEIVED, DossierStatus.COMPLETED,
                "canbo01", null, null, null, done.dueAt(), "test", at));
    }

    private Dossier receiveOnly(int sequence, String procedure) {
        OffsetDateTime at = OffsetDateTime.parse("2026-05-04T08:00:00+07:00").plusMinutes(sequence);
        Dossier dossier = Dossier.received(DossierCode.of(DISTRICT, at.toLocalDate(), sequence), procedure, DISTRICT,
                Channel.COUNTER, new Applicant("Hoàng Văn Nam", new CitizenId("020190000" + (100 + sequence)), null, null),
                "{}", "canbo01", at, at.plusDays(10));
        repository.add(dossier, new DossierEvent(DossierEvent.Kind.RECEIVED, null, DossierStatus.RECEIVED, "canbo01",
                null, DISTRICT, null, dossier.dueAt(), "test", at));
        return dossier;
    }
}
