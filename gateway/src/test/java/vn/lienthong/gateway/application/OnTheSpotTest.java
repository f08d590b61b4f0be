package vn.lienthong.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.application.event.DossierStatusChanged;
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
import vn.lienthong.gateway.domain.dossier.NotOnTheSpotException;
import vn.lienthong.gateway.domain.dossier.OnTheSpotDelegation;
import vn.lienthong.gateway.domain.dossier.StatisticsGrouping;
import vn.lienthong.gateway.infrastructure.config.CatalogueFile;
import vn.lienthong.gateway.infrastructure.persistence.JdbcDossierRepository;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;

/**
 * "4 tại chỗ" on H2 and PostgreSQL: who may decide, which dossiers qualify, the history it writes, the
 * status changes the papers follow, and the statistics' onTheSpot count.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class OnTheSpotTest {

    private static final String COMMUNE = "000.00.20.H20";
    private static final String BIRTH = "1.001193";
    private static final String CERTIFICATION = "2.000815";
    private static final String OFFICER = "tuphap01";
    private static final Caller DESK = new Caller(OFFICER, COMMUNE, Set.of(Caller.DESK_OFFICER));
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-05-04T10:00:00+07:00");

    @Parameter
    TestDatabase engine;

    private final OnTheSpot onTheSpot = new OnTheSpot();
    private final DeskStatistics statistics = new DeskStatistics();
    private final List<DossierStatusChanged> fired = new ArrayList<>();
    private JdbcDossierRepository repository;

    @BeforeEach
    void freshDatabase() {
        repository = new JdbcDossierRepository(engine.fresh());
        WorkingCalendar calendar = new WorkingCalendar(new PublicHolidays(Map.of()), OfficeHours.standard(), LocalTime.of(15, 0));
        Clock clock = Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);
        onTheSpot.dossiers = repository;
        onTheSpot.catalogue = CatalogueFile.load(null);
        onTheSpot.calendar = calendar;
        onTheSpot.clock = clock;
        onTheSpot.statusChanged = new Recorded(fired);
        onTheSpot.delegation = OnTheSpotDelegation.of(null, "000.00.20.H30/someone, " + COMMUNE + "/" + OFFICER);
        statistics.dossiers = repository;
        statistics.catalogue = onTheSpot.catalogue;
        statistics.calendar = calendar;
        statistics.goldenDays = new GoldenDays("test", List.of());
        statistics.clock = clock;
    }

    @Test
    void aDelegatedOfficerSettlesABirthRegistrationOfTodayInThreeRecordedStepsAndTheStatisticsCountIt() {
        DossierCode code = receive(1, BIRTH, NOW.minusHours(1));

        Dossier settled = onTheSpot.settle(code, DESK, "Giấy chứng sinh hợp lệ");

        assertEquals(DossierStatus.COMPLETED, settled.status());
        assertEquals(DossierStatus.COMPLETED, repository.find(code).orElseThrow().status());
        List<DossierEvent> steps = repository.history(code).subList(1, 4);
        assertEquals(List.of(DossierEvent.Kind.TRANSITION, DossierEvent.Kind.ON_THE_SPOT, DossierEvent.Kind.TRANSITION),
                steps.stream().map(DossierEvent::kind).toList());
        assertEquals(List.of(DossierStatus.IN_PROGRESS, DossierStatus.IN_PROGRESS, DossierStatus.COMPLETED),
                steps.stream().map(DossierEvent::toStatus).toList());
        for (DossierEvent step : steps) {
            assertEquals(OFFICER, step.actor());
            assertTrue(step.note().startsWith("4 tại chỗ") && step.note().contains(OFFICER), step::note);
        }
        assertTrue(steps.get(1).note().contains("ủy quyền của đơn vị " + COMMUNE) && steps.get(1).note()
                .endsWith("Giấy chứng sinh hợp lệ"), steps.get(1)::note);
        // What PaperOrders and the notices observe: the same changes as a plain start and completion.
        assertEquals(List.of(DossierStatus.IN_PROGRESS, DossierStatus.COMPLETED),
                fired.stream().map(e -> e.dossier().status()).toList());

        DossierCode usual = receive(2, CERTIFICATION, NOW.minusHours(1)); // completed the usual way: not on the spot
        Dossier done = repository.find(usual).orElseThrow().moveTo(DossierStatus.COMPLETED, NOW, statistics.calendar);
        repository.update(done, new DossierEvent(DossierEvent.Kind.TRANSITION, DossierStatus.RECEIVED,
                DossierStatus.COMPLETED, OFFICER, null, null, null, done.dueAt(), "test", NOW));
        DeskStatistics.Report report = statistics.report(AgencyScope.only(COMMUNE), LocalDate.parse("2026-05-01"),
                LocalDate.parse("2026-05-31"), StatisticsGrouping.PROCEDURE);
        assertEquals(List.of(new DeskStatistics.OnTheSpotRow(BIRTH, 1)), report.onTheSpot());
        assertEquals(new DeskStatistics.OnTheSpotRow("TOTAL", 1), report.onTheSpotTotal());
    }

    @Test
    void aProcedureNotMarkedIsRefusedAndTheDossierStaysReceived() {
        DossierCode code = receive(1, CERTIFICATION, NOW.minusHours(1));
        NotOnTheSpotException refused = assertThrows(NotOnTheSpotException.class, () -> onTheSpot.settle(code, DESK, null));
        assertTrue(refused.english().contains(CERTIFICATION), refused::english);
        assertEquals(DossierStatus.RECEIVED, repository.find(code).orElseThrow().status());
        assertTrue(fired.isEmpty());
    }

    @Test
    void anOfficerWithoutTheDelegationIsRefusedUnlessAConfiguredRoleCarriesIt() {
        DossierCode code = receive(1, BIRTH, NOW.minusHours(1));
        Caller colleague = new Caller("motcua02", COMMUNE, Set.of(Caller.DESK_OFFICER));
        assertThrows(OutOfScopeException.class, () -> onTheSpot.settle(code, colleague, null));
        Caller otherUnit = new Caller(OFFICER, "000.00.20.H30", Set.of(Caller.DESK_OFFICER));
        assertThrows(OutOfScopeException.class, () -> onTheSpot.settle(code, otherUnit, null));

        onTheSpot.delegation = OnTheSpotDelegation.of(Caller.DESK_OFFICER, null);
        assertEquals(DossierStatus.COMPLETED, onTheSpot.settle(code, colleague, null).status());
        assertTrue(repository.history(code).get(2).note().contains("vai trò được giao"));
    }

    @Test
    void aDossierOfAnotherDayOrNoLongerReceivedIsRefused() {
        DossierCode yesterday = receive(1, BIRTH, NOW.minusDays(1));
        assertThrows(NotOnTheSpotException.class, () -> onTheSpot.settle(yesterday, DESK, null));

        DossierCode started = receive(2, BIRTH, NOW.minusHours(1));
        Dossier moved = repository.find(started).orElseThrow().moveTo(DossierStatus.IN_PROGRESS, NOW, onTheSpot.calendar);
        repository.update(moved, new DossierEvent(DossierEvent.Kind.TRANSITION, DossierStatus.RECEIVED,
                DossierStatus.IN_PROGRESS, OFFICER, null, null, null, moved.dueAt(), "test", NOW));
        NotOnTheSpotException refused = assertThrows(NotOnTheSpotException.class, () -> onTheSpot.settle(started, DESK, null));
        assertTrue(refused.english().contains("RECEIVED"), refused::english);
        assertTrue(fired.isEmpty());
    }

    @Test
    void theDelegationListIsAgencySlashOfficerAndAnythingElseIsRejectedAtReading() {
        OnTheSpotDelegation delegation = OnTheSpotDelegation.of(" ", " 000.00.20.H20 / tuphap01 ,, ");
        assertTrue(delegation.allows(COMMUNE, OFFICER, Set.of(Caller.DESK_OFFICER)));
        assertFalse(delegation.allows("000.00.20.H30", OFFICER, Set.of(Caller.DESK_OFFICER)));
        assertFalse(delegation.allows(COMMUNE, OFFICER + "x", Set.of(Caller.DESK_OFFICER)));
        assertThrows(IllegalArgumentException.class, () -> OnTheSpotDelegation.of(null, "tuphap01"));
        assertThrows(IllegalArgumentException.class, () -> OnTheSpotDelegation.of(null, "000.00.20.H20/"));
    }

    private DossierCode receive(int sequence, String procedure, OffsetDateTime at) {
        Dossier dossier = Dossier.received(DossierCode.of(COMMUNE, at.toLocalDate(), sequence), procedure, COMMUNE,
                Channel.COUNTER, new Applicant("Lò Thị Mai", new CitizenId("014190000" + (100 + sequence)), null, null),
                "{}", OFFICER, at, at.plusHours(6));
        repository.add(dossier, new DossierEvent(DossierEvent.Kind.RECEIVED, null, DossierStatus.RECEIVED, OFFICER,
                null, COMMUNE, null, dossier.dueAt(), "test", at));
        return dossier.code();
    }

    /** The CDI event as the test sees it: what was fired, in order. */
    private record Recorded(List<DossierStatusChanged> fired) implements Event<DossierStatusChanged> {

        @Override
        public void fire(DossierStatusChanged event) {
            fired.add(event);
        }

        @Override
        public <U extends DossierStatusChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException("synchronous only");
        }

        @Override
        public <U extends DossierStatusChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException("synchronous only");
        }

        @Override
        public Event<DossierStatusChanged> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends DossierStatusChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException("no subtypes");
        }

        @Override
        public <U extends DossierStatusChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException("no subtypes");
        }
    }
}
