package vn.lienthong.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.application.event.DossierRescheduled;
import vn.lienthong.gateway.application.event.DossierStatusChanged;
import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.CitizenId;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.dossier.NoticeConsent;
import vn.lienthong.gateway.domain.notice.CitizenNotice;
import vn.lienthong.gateway.domain.exchange.RetrySchedule;
import vn.lienthong.gateway.domain.notice.NoticeChannel;
import vn.lienthong.gateway.domain.notice.NoticePolicy;
import vn.lienthong.gateway.domain.notice.NoticeStatus;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.infrastructure.persistence.JdbcNoticeOutbox;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;

/** The observer on a real notice outbox (H2 and PostgreSQL): one row per event and channel, only with consent. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class CitizenNoticesTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-10-08T09:00:00+07:00");

    @Parameter
    TestDatabase engine;

    private JdbcNoticeOutbox outbox;
    private CitizenNotices notices;

    @BeforeEach
    void setUp() {
        outbox = new JdbcNoticeOutbox(engine.fresh());
        notices = new CitizenNotices();
        notices.outbox = outbox;
        notices.catalogue = new ProcedureCatalogue("test", List.of(), List.of());
        notices.policy = policy(Set.of(NoticeChannel.SMS, NoticeChannel.EMAIL));
    }

    private static NoticePolicy policy(Set<NoticeChannel> on) {
        return new NoticePolicy(on, "http://127.0.0.1:8080/",
                new RetrySchedule(10, Duration.ofSeconds(1), Duration.ofMinutes(10)), 50, Duration.ofMinutes(1));
    }

    private static Dossier dossier(String code, NoticeConsent consent) {
        return Dossier.received(new DossierCode(code), "2.000815", "H15.50.05.13", Channel.COUNTER,
                new Applicant("Trần Thị Hương", new CitizenId("001190012345"), "0912000101", "huong@example.vn", consent),
                null, "desk", AT, AT.plusDays(5));
    }

    private List<CitizenNotice> of(String code) {
        return outbox.ofDossier(new DossierCode(code));
    }

    @Test
    void intakeWithBothConsentsMakesOneSmsAndOneEmail() {
        Dossier d = dossier("H15.50.05.13-261008-0001", new NoticeConsent(true, true));
        DossierStatusChanged received = new DossierStatusChanged(d, null, null, "desk", AT);
        notices.statusChanged(received);
        notices.statusChanged(received); // fired twice: still one message per channel
        List<CitizenNotice> rows = of(d.code().value());
        assertEquals(2, rows.size(), rows::toString);
        assertEquals(List.of(NoticeChannel.SMS, NoticeChannel.EMAIL), rows.stream().map(CitizenNotice::channel).toList());
        assertTrue(rows.stream().allMatch(n -> n.status() == NoticeStatus.PENDING && n.eventKey().equals("RECEIVED")));
        assertEquals("0912000101", rows.get(0).recipient());
        assertEquals("Hồ sơ H15.50.05.13-261008-0001 đã được tiếp nhận", rows.get(1).subject());
    }

    @Test
    void noConsentNoDisabledChannelAndNoInternalStepMakeNothing() {
        Dossier none = dossier("H15.50.05.13-261008-0002", NoticeConsent.NONE);
        notices.statusChanged(new DossierStatusChanged(none, null, null, "desk", AT));
        assertEquals(List.of(), of(none.code().value()));

        notices.policy = policy(Set.of(NoticeChannel.SMS));
        Dossier emailOnly = dossier("H15.50.05.13-261008-0003", new NoticeConsent(false, true));
        notices.statusChanged(new DossierStatusChanged(emailOnly, null, null, "desk", AT));
        assertEquals(List.of(), of(emailOnly.code().value()), "e-mail is off: nothing queued for it");

        Dossier sms = dossier("H15.50.05.13-261008-0004", new NoticeConsent(true, false));
        Dossier started = sms.moveTo(DossierStatus.IN_PROGRESS, AT.plusHours(1), null);
        notices.statusChanged(new DossierStatusChanged(started, DossierStatus.RECEIVED, "Bắt đầu xử lý", "desk", AT));
        assertEquals(List.of(), of(sms.code().value()), "IN_PROGRESS is not messaged");
    }

    @Test
    void eachSupplementRequestAndEachExtensionIsItsOwnEventButARepeatIsNot() {
        Dossier d = dossier("H15.50.05.13-261008-0005", new NoticeConsent(true, false));
        Dossier asked = d.moveTo(DossierStatus.SUPPLEMENT_REQUESTED, AT.plusHours(1), null);
        notices.statusChanged(new DossierStatusChanged(asked, DossierStatus.RECEIVED, "Bản chính", "desk", AT.plusHours(1)));
        notices.statusChanged(new DossierStatusChanged(asked, DossierStatus.RECEIVED, "Bản chính", "desk", AT.plusHours(1)));
        notices.statusChanged(new DossierStatusChanged(asked, DossierStatus.IN_PROGRESS, "Lần hai", "desk", AT.plusDays(1)));
        Dossier later = d.extendTo(AT.plusDays(9));
        DossierRescheduled moved = new DossierRescheduled(later, d.dueAt(), "Chờ xác minh", "desk", AT.plusDays(2));
        notices.rescheduled(moved);
        notices.rescheduled(moved);
        List<CitizenNotice> rows = of(d.code().value());
        assertEquals(3, rows.size(), rows::toString);
        assertTrue(rows.get(2).eventKey().startsWith("RESCHEDULED@"), rows.get(2)::eventKey);
        assertTrue(rows.get(2).body().startsWith("Xin loi ong/ba"), rows.get(2)::body);
    }

    @Test
    void aStopIsToldWithItsReasonAndASupplementRequestWithTheDocumentsToAdd() {
        Dossier d = dossier("H15.50.05.13-261008-0006", new NoticeConsent(false, true));
        Dossier asked = d.moveTo(DossierStatus.SUPPLEMENT_REQUESTED, AT.plusHours(1), null);
        notices.statusChanged(new DossierStatusChanged(asked, DossierStatus.RECEIVED, "Thiếu bản chính", "desk",
                AT.plusHours(1), List.of("Giấy chứng sinh", "Tờ khai CT01")));
        Dossier stopped = d.moveTo(DossierStatus.STOPPED, AT.plusDays(1), null);
        notices.statusChanged(new DossierStatusChanged(stopped, DossierStatus.RECEIVED,
                "Người nộp rút hồ sơ", "desk", AT.plusDays(1)));
        List<CitizenNotice> rows = of(d.code().value());
        assertEquals(2, rows.size(), rows::toString);
        assertTrue(rows.get(0).body().contains("Thiếu bản chính. Giấy tờ cần bổ sung: Giấy chứng sinh; Tờ khai CT01"),
                rows.get(0)::body);
        assertEquals("STOPPED", rows.get(1).eventKey());
        assertEquals("Hồ sơ H15.50.05.13-261008-0006 dừng giải quyết", rows.get(1).subject());
        assertTrue(rows.get(1).body().contains("Lý do: Người nộp rút hồ sơ"), rows.get(1)::body);
        assertTrue(rows.get(1).body().contains("/tra-cuu?ma=H15.50.05.13-261008-0006"), rows.get(1)::body);
    }
}
