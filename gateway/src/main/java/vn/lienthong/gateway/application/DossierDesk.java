package vn.lienthong.gateway.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import vn.lienthong.gateway.application.event.DossierRescheduled;
import vn.lienthong.gateway.application.event.DossierStatusChanged;

import vn.lienthong.gateway.domain.calendar.GoldenDays;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierNotFoundException;
import vn.lienthong.gateway.domain.dossier.DossierPage;
import vn.lienthong.gateway.domain.dossier.DossierQuery;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.dossier.IntakeKeys;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;
import vn.lienthong.gateway.domain.dossier.UnknownReferenceException;
import vn.lienthong.gateway.domain.procedure.Procedure;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/** The one-stop desk's use cases on dossiers: receive, hand over, change status, extend, look up. */
@ApplicationScoped
@Transactional
public class DossierDesk {

    private static final Metadata RECEIVED = Metadata.builder().withName("lienthong_dossiers_received")
            .withDescription("Dossiers received at the desk since start, by intake channel").build();

    @Inject
    DossierRepository dossiers;

    @Inject
    ProcedureCatalogue catalogue;

    @Inject
    WorkingCalendar calendar;

    @Inject
    GoldenDays goldenDays;

    @Inject
    Clock clock;

    @Inject
    MetricRegistry metrics;

    @Inject
    AgencyRequests agencyRequests;

    @Inject
    IntakeKeys intakeKeys;

    @Inject
    Event<DossierStatusChanged> statusChanged;

    @Inject
    Event<DossierRescheduled> rescheduled;

    /**
     * Receives a dossier once per idempotency key and receiving agency: a retried submission with the
     * same key answers the dossier the first one created. The same key sent for another agency is a
     * new submission, so a key can never reach a dossier outside the caller's agency scope. A null
     * key means no de-duplication.
     */
    public Intake submit(SubmitDossier request, String idempotencyKey) {
        if (idempotencyKey != null) {
            var earlier = intakeKeys.find(request.agencyCode(), idempotencyKey);
            if (earlier.isPresent()) {
                return new Intake(find(earlier.get()), false);
            }
        }
        Dossier dossier = submit(request);
        if (idempotencyKey != null) {
            intakeKeys.remember(request.agencyCode(), idempotencyKey, dossier.code(), dossier.receivedAt());
        }
        return new Intake(dossier, true);
    }

    /** A submission's outcome: the dossier, and whether this call created it. */
    public record Intake(Dossier dossier, boolean created) {
    }

    /** Receives a dossier: numbers it in the agency's daily sequence and sets the appointment date. */
    public Dossier submit(SubmitDossier request) {
        Procedure procedure = catalogue.procedure(request.procedureCode()).orElseThrow(() ->
                new UnknownReferenceException("procedureCode",
                        "Thủ tục " + request.procedureCode() + " không có trong danh mục (GET /api/v1/procedures)",
                        "Procedure " + request.procedureCode() + " is not in the catalogue (GET /api/v1/procedures)"));
        catalogue.agency(request.agencyCode()).orElseThrow(() ->
                new UnknownReferenceException("agencyCode",
                        "Mã cơ quan " + request.agencyCode() + " không thuộc các đơn vị của cổng này",
                        "Agency " + request.agencyCode() + " is not a receiving unit of this gateway"));
        OffsetDateTime now = now();
        int sequence = dossiers.nextSequence(request.agencyCode(), now.toLocalDate());
        DossierCode code = DossierCode.of(request.agencyCode(), now.toLocalDate(), sequence);
        // The unit's golden days, if they cover the procedure's field, move the appointment (hai ngày vàng).
        GoldenDays.Appointment appointment = goldenDays.appoint(calendar, request.agencyCode(), procedure, now);
        OffsetDateTime dueAt = appointment.dueAt();
        Dossier dossier = Dossier.received(code, procedure.code(), request.agencyCode(), request.channel(),
                request.applicant(), request.formData(), request.receivedBy(), now, dueAt);
        dossiers.add(dossier, new DossierEvent(DossierEvent.Kind.RECEIVED, null, DossierStatus.RECEIVED,
                request.receivedBy(), null, request.agencyCode(), null, dueAt,
                "Tiếp nhận hồ sơ qua kênh " + request.channel()
                        + (appointment.reason() == GoldenDays.Reason.GOLDEN_DAY ? "; " + appointment.vietnamese() : ""),
                now));
        // Liên thông: messages to the procedure's external agencies commit with the dossier, or not at all.
        agencyRequests.atIntake(dossier, procedure);
        statusChanged.fire(new DossierStatusChanged(dossier, null, null, request.receivedBy(), now));
        metrics.counter(RECEIVED, new Tag("channel", request.channel().name())).inc();
        return dossier;
    }

    /** Records a hand-over (form 06); the first one starts processing. */
    public Dossier handOver(DossierCode code, HandOver step) {
        Dossier dossier = lock(code);
        if (dossier.status().isFinished()) {
            throw new InvalidDossierException("toUnit",
                    "Hồ sơ " + code + " đã kết thúc (" + dossier.status().vietnamese() + "), không chuyển bước được",
                    "Dossier " + code + " is finished (" + dossier.status() + "); no further steps");
        }
        OffsetDateTime now = now();
        OffsetDateTime stepDeadline = stepDeadline(step, now);
        if (dossier.status() == DossierStatus.RECEIVED) {
            Dossier started = dossier.moveTo(DossierStatus.IN_PROGRESS, now, calendar);
            dossiers.update(started, transition(dossier, started, step.actor(), "Bắt đầu xử lý", now));
            statusChanged.fire(new DossierStatusChanged(started, dossier.status(), "Bắt đầu xử lý", step.actor(), now));
            dossier = started;
        }
        dossiers.record(code, new DossierEvent(DossierEvent.Kind.HANDOVER, dossier.status(), dossier.status(),
                step.actor(), step.fromUnit(), step.toUnit(), stepDeadline, dossier.dueAt(), step.note(), now));
        if (step.toAgency() != null) {
            agencyRequests.handOver(dossier, step.toAgency());
        }
        return dossier;
    }

    public Dossier changeStatus(DossierCode code, ChangeStatus change) {
        if (change.target() == DossierStatus.PARTIALLY_COMPLETED) {
            throw new InvalidDossierException("status",
                    "Đóng hồ sơ hoàn thành một phần qua POST /api/v1/dossiers/" + code + "/flow/close",
                    "Close a dossier as partially completed with POST /api/v1/dossiers/" + code + "/flow/close");
        }
        if (!change.documentsToAdd().isEmpty() && change.target() != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw new InvalidDossierException("documentsToAdd",
                    "Chỉ ghi giấy tờ cần bổ sung khi yêu cầu bổ sung hồ sơ (status SUPPLEMENT_REQUESTED)",
                    "documentsToAdd goes with a supplement request (status SUPPLEMENT_REQUESTED) only");
        }
        Dossier dossier = lock(code);
        OffsetDateTime now = now();
        Dossier moved = dossier.moveTo(change.target(), now, calendar);
        dossiers.update(moved, transition(dossier, moved, change.actor(), change.recordedNote(), now));
        statusChanged.fire(new DossierStatusChanged(moved, dossier.status(), change.reason(), change.actor(), now,
                change.documentsToAdd()));
        return moved;
    }

    public Dossier extend(DossierCode code, ExtendDossier extension) {
        Dossier dossier = lock(code);
        OffsetDateTime now = now();
        Dossier extended = dossier.extendTo(extension.newDueAt().withOffsetSameInstant(WorkingCalendar.VIETNAM));
        dossiers.update(extended, new DossierEvent(DossierEvent.Kind.EXTENSION, dossier.status(), dossier.status(),
                extension.actor(), null, null, null, extended.dueAt(), extension.reason(), now));
        rescheduled.fire(new DossierRescheduled(extended, dossier.dueAt(), extension.reason(), extension.actor(), now));
        return extended;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Dossier find(DossierCode code) {
        return dossiers.find(code).orElseThrow(() -> new DossierNotFoundException(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DossierEvent> history(DossierCode code) {
        find(code);
        return dossiers.history(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DossierPage list(DossierQuery query) {
        return dossiers.search(query, now());
    }

    public OffsetDateTime now() {
        // Millisecond precision: both H2 and PostgreSQL keep it, so what we answer is what we store.
        return OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM).truncatedTo(ChronoUnit.MILLIS);
    }

    private Dossier lock(DossierCode code) {
        return dossiers.findForUpdate(code).orElseThrow(() -> new DossierNotFoundException(code));
    }

    private OffsetDateTime stepDeadline(HandOver step, OffsetDateTime now) {
        if (step.deadline() != null && step.workingHours() != null) {
            throw new InvalidDossierException("deadline",
                    "Chỉ ghi một trong hai: hạn bước (deadline) hoặc số giờ làm việc (workingHours)",
                    "Give either deadline or workingHours, not both");
        }
        if (step.workingHours() != null) {
            if (step.workingHours().signum() <= 0) {
                throw new InvalidDossierException("workingHours",
                        "Số giờ làm việc phải lớn hơn 0", "workingHours must be positive");
            }
            long seconds = step.workingHours().multiply(BigDecimal.valueOf(3600)).longValue();
            return calendar.addWorkingTime(now, Duration.ofSeconds(seconds));
        }
        return step.deadline() == null ? null : step.deadline().withOffsetSameInstant(WorkingCalendar.VIETNAM);
    }

    private static DossierEvent transition(Dossier before, Dossier after, String actor, String reason,
                                           OffsetDateTime now) {
        return new DossierEvent(DossierEvent.Kind.TRANSITION, before.status(), after.status(), actor, null, null,
                null, after.dueAt(), reason, now);
    }
}
