package vn.lienthong.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.application.event.AgencyStepDone;
import vn.lienthong.gateway.application.event.DossierRescheduled;
import vn.lienthong.gateway.application.event.DossierStatusChanged;
import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.CitizenId;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.ExchangeStatus;
import vn.lienthong.gateway.domain.paper.DeskDecision;
import vn.lienthong.gateway.domain.paper.PaperJob;
import vn.lienthong.gateway.domain.paper.PaperJobs;

/** Which dossier changes order which papers. */
class PaperOrdersTest {

    private static final DossierCode CODE = new DossierCode("000.00.00.H30-261008-0001");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-10-08T09:00:00+07:00");
    private final List<String> ordered = new ArrayList<>();
    private final List<DeskDecision> decisions = new ArrayList<>();
    private final PaperOrders orders = new PaperOrders();

    PaperOrdersTest() {
        orders.jobs = new PaperJobs() {
            @Override
            public boolean request(DossierCode code, DocumentKind kind, String source, DeskDecision decision,
                                   OffsetDateTime now) {
                if (decision != null) {
                    decisions.add(decision);
                }
                return ordered.add(code + " " + kind + " " + source + " " + now);
            }

            @Override
            public List<PaperJob> claimDue(OffsetDateTime now, OffsetDateTime claimUntil, int limit) {
                throw new AssertionError("an observer never claims");
            }

            @Override
            public void done(PaperJob job, OffsetDateTime now) {
                throw new AssertionError("an observer never finishes a job");
            }

            @Override
            public PaperJob failed(PaperJob job, String error, int maxAttempts, IntFunction<Duration> backoff,
                                   OffsetDateTime now) {
                throw new AssertionError("an observer never finishes a job");
            }

            @Override
            public boolean pending(DossierCode code) {
                throw new AssertionError("not asked");
            }

            @Override
            public Optional<PaperJob> find(DossierCode code, String source) {
                throw new AssertionError("not asked");
            }
        };
    }

    @Test
    void intakeOrdersForm01CompletionForm06AndEachAgencyResultItsPaper() {
        Dossier received = Dossier.received(CODE, "3.000722", "000.00.00.H30", Channel.COUNTER,
                new Applicant("Trần Thị Bích Ngọc", new CitizenId("001190012345"), "0912345678", null), "{}",
                "Lê Văn Tâm", AT, AT.plusDays(7));
        Dossier inProgress = received.moveTo(DossierStatus.IN_PROGRESS, AT.plusHours(1), null);
        Dossier completed = inProgress.moveTo(DossierStatus.COMPLETED, AT.plusDays(1), null);

        orders.statusChanged(new DossierStatusChanged(received, null, null, "Lê Văn Tâm", AT));
        orders.statusChanged(new DossierStatusChanged(inProgress, DossierStatus.RECEIVED, null, "x", AT.plusHours(1)));
        orders.stepDone(new AgencyStepDone(inProgress, new AgencyMessage(1, "m-42", CODE, "civil-status",
                "BIRTH_REGISTRATION", "{}", ExchangeStatus.DONE, 1, null, "{}", null, AT, AT, AT), "Hộ tịch",
                AT.plusHours(2)));
        orders.statusChanged(new DossierStatusChanged(completed, DossierStatus.IN_PROGRESS, null, "x", AT.plusDays(1)));

        assertEquals(List.of(CODE + " FORM_01 form-01 " + AT, CODE + " RESULT m-42 " + AT.plusHours(2),
                CODE + " FORM_06 form-06 " + AT.plusDays(1)), ordered);
    }

    @Test
    void eachDeskDecisionOrdersItsFormWithWhatWasDecided() {
        Dossier received = Dossier.received(CODE, "3.000722", "000.00.00.H30", Channel.COUNTER,
                new Applicant("Trần Thị Bích Ngọc", new CitizenId("001190012345"), "0912345678", null), "{}",
                "Lê Văn Tâm", AT, AT.plusDays(7));
        Dossier asked = received.moveTo(DossierStatus.SUPPLEMENT_REQUESTED, AT.plusHours(1), null);
        Dossier later = received.extendTo(AT.plusDays(9));
        Dossier rejected = received.moveTo(DossierStatus.REJECTED, AT.plusDays(2), null);
        Dossier stopped = received.moveTo(DossierStatus.STOPPED, AT.plusDays(3), null);

        orders.statusChanged(new DossierStatusChanged(asked, DossierStatus.RECEIVED, "Thiếu bản chính", "can-bo-1",
                AT.plusHours(1), List.of("Giấy chứng sinh")));
        orders.rescheduled(new DossierRescheduled(later, AT.plusDays(7), "Chờ xác minh", "can-bo-1", AT.plusDays(1)));
        orders.statusChanged(new DossierStatusChanged(rejected, DossierStatus.RECEIVED, "Không thuộc thẩm quyền",
                "can-bo-1", AT.plusDays(2)));
        orders.statusChanged(new DossierStatusChanged(stopped, DossierStatus.RECEIVED, "Người nộp rút hồ sơ",
                "can-bo-1", AT.plusDays(3)));

        assertEquals(List.of(
                CODE + " FORM_02 form-02@" + AT.plusHours(1).toInstant() + " " + AT.plusHours(1),
                CODE + " FORM_04 form-04@" + AT.plusDays(1).toInstant() + " " + AT.plusDays(1),
                CODE + " FORM_03 form-03 " + AT.plusDays(2),
                CODE + " FORM_05 form-05 " + AT.plusDays(3)), ordered);
        assertEquals(List.of("Giấy chứng sinh"), decisions.get(0).documentsToAdd());
        assertEquals("Thiếu bản chính", decisions.get(0).reason());
        assertEquals(AT.plusDays(7), decisions.get(1).previousDueAt());
        assertEquals(AT.plusDays(9), decisions.get(1).newDueAt());
        assertEquals("Không thuộc thẩm quyền", decisions.get(2).reason());
        assertEquals(List.of(), decisions.get(2).documentsToAdd());
        assertEquals("can-bo-1", decisions.get(3).officer());
    }
}
