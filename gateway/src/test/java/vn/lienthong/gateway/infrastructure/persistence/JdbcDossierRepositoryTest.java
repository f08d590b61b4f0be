package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.domain.calendar.OfficeHours;
import vn.lienthong.gateway.domain.calendar.PublicHolidays;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.CitizenId;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierStatus;

/**
 * A dossier's history as the exchanges write it: each event lands on its own dossier (the id is
 * looked up inside the INSERT), nulls and times survive on both databases, and an event for a code
 * that does not exist is refused with a clear error and writes nothing.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JdbcDossierRepositoryTest {

    private static final String UNIT = "000.00.20.H30";
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-07T09:00:00.123+07:00");
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(new PublicHolidays(Map.of()),
            OfficeHours.standard(), LocalTime.of(15, 0));

    @Parameter
    TestDatabase engine;

    private final JdbcDossierRepository repository = new JdbcDossierRepository();
    private Dossier first;
    private Dossier second;

    @BeforeEach
    void twoDossiers() {
        repository.dataSource = engine.fresh();
        first = received(UNIT + "-261207-0001", "Nguyễn Thị Diệu");
        second = received(UNIT + "-261207-0002", "Trần Văn Hùng");
    }

    private Dossier received(String code, String name) {
        Dossier d = Dossier.received(new DossierCode(code), "1.001193", UNIT, Channel.COUNTER,
                new Applicant(name, new CitizenId("001190012345"), null, null), "{}", "canbo01", AT, AT.plusDays(3));
        repository.add(d, new DossierEvent(DossierEvent.Kind.RECEIVED, null, DossierStatus.RECEIVED, "canbo01",
                null, UNIT, null, d.dueAt(), "Tiếp nhận hồ sơ", AT));
        return d;
    }

    @Test
    void eventsOfAnUpdateAndOfANoteGoToTheirOwnDossierInOrder() {
        OffsetDateTime later = AT.plusMinutes(5);
        Dossier started = second.moveTo(DossierStatus.IN_PROGRESS, later, CALENDAR);
        repository.update(started, new DossierEvent(DossierEvent.Kind.TRANSITION, DossierStatus.RECEIVED,
                DossierStatus.IN_PROGRESS, "lienthong-gateway", null, "BHXH", null, started.dueAt(),
                "Chuyển BHXH xử lý", later));
        repository.record(second.code(), new DossierEvent(DossierEvent.Kind.AGENCY_RESULT, DossierStatus.IN_PROGRESS,
                DossierStatus.IN_PROGRESS, "lienthong-gateway", null, "BHXH", later.plusDays(1), null,
                "Đã cấp lại thẻ BHYT", later));

        List<DossierEvent> history = repository.history(second.code());
        assertEquals(List.of(DossierEvent.Kind.RECEIVED, DossierEvent.Kind.TRANSITION, DossierEvent.Kind.AGENCY_RESULT),
                history.stream().map(DossierEvent::kind).toList());
        DossierEvent result = history.get(2);
        assertEquals("Đã cấp lại thẻ BHYT", result.note());
        assertEquals(later.toInstant(), result.occurredAt().toInstant());
        assertEquals(later.plusDays(1).toInstant(), result.stepDeadline().toInstant());
        assertEquals(null, result.dueAt(), "a null time stays null");
        assertEquals(DossierStatus.IN_PROGRESS, repository.find(second.code()).orElseThrow().status());
        assertEquals(1, repository.history(first.code()).size(), "the other dossier's history is untouched");
    }

    @Test
    void aRowWrittenAfterItsLineWasRecordedAddsNoSecondLine() {
        OffsetDateTime later = AT.plusMinutes(5);
        Dossier started = first.moveTo(DossierStatus.IN_PROGRESS, later, CALENDAR);
        repository.record(first.code(), new DossierEvent(DossierEvent.Kind.TRANSITION, DossierStatus.RECEIVED,
                DossierStatus.IN_PROGRESS, "lienthong-gateway", null, "BHXH", null, started.dueAt(),
                "Chuyển BHXH xử lý", later));
        assertEquals(DossierStatus.RECEIVED, repository.find(first.code()).orElseThrow().status(), "a line only");

        repository.update(started, later);
        assertEquals(DossierStatus.IN_PROGRESS, repository.find(first.code()).orElseThrow().status());
        assertEquals(List.of(DossierEvent.Kind.RECEIVED, DossierEvent.Kind.TRANSITION),
                repository.history(first.code()).stream().map(DossierEvent::kind).toList());
        assertEquals(DossierStatus.RECEIVED, repository.find(second.code()).orElseThrow().status(),
                "the other dossier is untouched");
        DossierCode unknown = new DossierCode(UNIT + "-261207-0099");
        assertThrows(StorageException.class, () -> repository.update(
                Dossier.received(unknown, "1.001193", UNIT, Channel.COUNTER, first.applicant(), "{}", "canbo01", AT,
                        AT.plusDays(3)), later));
    }

    @Test
    void anEventForAnUnknownDossierIsRefusedAndWritesNothing() {
        DossierCode unknown = new DossierCode(UNIT + "-261207-0099");
        StorageException e = assertThrows(StorageException.class, () -> repository.record(unknown,
                new DossierEvent(DossierEvent.Kind.AGENCY_SENT, null, null, "lienthong-gateway", null, "BHXH", null,
                        null, "gửi", AT)));
        assertTrue(e.getMessage().contains(unknown.value()), e.getMessage());
        assertEquals(1, repository.history(first.code()).size());
        assertEquals(1, repository.history(second.code()).size());
        assertTrue(repository.history(unknown).isEmpty());
    }
}
