package vn.lienthong.gateway.application;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import vn.lienthong.gateway.application.event.AgencyStepDone;
import vn.lienthong.gateway.application.event.DossierStatusChanged;
import vn.lienthong.gateway.application.event.OutboxMessageDue;

import vn.lienthong.gateway.domain.attachment.Attachment;
import vn.lienthong.gateway.domain.attachment.Attachments;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.AgencyOperations;
import vn.lienthong.gateway.domain.exchange.AgencyResult;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.domain.exchange.ExchangeConflictException;
import vn.lienthong.gateway.domain.exchange.ExchangeStatus;
import vn.lienthong.gateway.domain.exchange.FlowStep;
import vn.lienthong.gateway.domain.exchange.FlowSteps;
import vn.lienthong.gateway.domain.exchange.Outbox;
import vn.lienthong.gateway.domain.exchange.UnknownExchangeException;
import vn.lienthong.gateway.domain.procedure.Procedure;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/**
 * Exchanges with other agencies (liên thông): puts messages in the outbox with the dossier change
 * that causes them, and records every outcome (sent, accepted, result, failure) in the dossier's
 * processing record. A dossier whose every agency step is done is completed.
 */
@ApplicationScoped
@Transactional
public class AgencyExchanges {

    static final String ACTOR = "lienthong-gateway";
    private static final Duration WORKING_DAY = Duration.ofHours(8);
    private static final Logger LOG = Logger.getLogger(AgencyExchanges.class.getName());
    private static final Metadata EXCHANGES = Metadata.builder().withName("lienthong_agency_exchanges")
            .withDescription("Agency exchange outcomes since start (answered, callback, retry, postponed, failed, dead), by agency").build();

    @Inject
    Outbox outbox;

    @Inject
    DossierRepository dossiers;

    @Inject
    ConnectorDirectory connectors;

    @Inject
    ProcedureCatalogue catalogue;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    MetricRegistry metrics;

    @Inject
    Attachments attachments;

    @Inject
    Event<AgencyStepDone> stepDone;

    @Inject
    FlowDriver flows;

    @Inject
    FlowSteps flowSteps;

    @Inject
    Event<DossierStatusChanged> statusChanged;

    @Inject
    Event<OutboxMessageDue> due;

    /**
     * At intake: one message to each external agency of the procedure that has a connector. A
     * message that carries attachments is held: the scans are attached after intake, and the
     * desk's hand-over to that agency sends it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AgencyMessage> enqueueForIntake(Dossier dossier, Procedure procedure) {
        if (flows.drives(procedure.code())) {
            // A liên thông group goes step by step: its flow starts the first step now.
            flows.advance(procedure.code(), dossier.code());
            return outbox.ofDossier(dossier.code());
        }
        return procedure.agencies().stream()
                .filter(Procedure.InvolvedAgency::external)
                .flatMap(a -> connectors.forType(a.type()).stream())
                .map(c -> enqueue(dossier, c, c.carriesAttachments() ? ExchangeStatus.HELD : ExchangeStatus.PENDING))
                .toList();
    }

    /** An officer hands a step to an agency by connector id; a message held for that agency since intake goes now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AgencyMessage enqueue(Dossier dossier, String connectorId) {
        Connector connector = connectors.byId(connectorId).filter(Connector::enabled).orElseThrow(() ->
                new UnknownExchangeException("Không có kết nối liên thông '" + connectorId + "' (đang bật)",
                        "No enabled agency connector '" + connectorId + "'; see lienthong.agencies"));
        Optional<AgencyMessage> held = outbox.ofDossier(dossier.code()).stream()
                .filter(m -> m.agencyId().equals(connector.id()) && m.status() == ExchangeStatus.HELD)
                .findFirst();
        return held.map(m -> release(m, dossier, connector))
                .orElseGet(() -> enqueue(dossier, connector, ExchangeStatus.PENDING));
    }

    private AgencyMessage enqueue(Dossier dossier, Connector connector, ExchangeStatus status) {
        OffsetDateTime now = now();
        AgencyMessage message = new AgencyMessage(0, UUID.randomUUID().toString(), dossier.code(), connector.id(),
                AgencyOperations.of(connector.type(), dossier.procedureCode()), payload(dossier, connector),
                status, 0, null, null, null, now, now, now);
        outbox.add(message);
        if (status == ExchangeStatus.PENDING) {
            due.fire(new OutboxMessageDue(message.messageId(), message.agencyId()));
        }
        return message;
    }

    /** The held message leaves with the claim checks of every attachment the dossier has at this moment. */
    private AgencyMessage release(AgencyMessage m, Dossier dossier, Connector connector) {
        OffsetDateTime now = now();
        AgencyMessage released = new AgencyMessage(m.id(), m.messageId(), m.dossierCode(), m.agencyId(), m.operation(),
                payload(dossier, connector), ExchangeStatus.PENDING, 0, null, null, null, now, m.createdAt(), now);
        outbox.update(released);
        due.fire(new OutboxMessageDue(released.messageId(), released.agencyId()));
        return released;
    }

    /** Claims due messages for delivery; each claim commits at once. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<AgencyMessage> claimDue(int limit, Duration lease) {
        OffsetDateTime now = now();
        return outbox.claimDue(now, now.plus(lease), limit);
    }

    /** After a restart: whatever was in flight is pending again (one gateway per database). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int releaseInFlight() {
        return outbox.releaseAll(now());
    }

    /** The agency answered: a result (synchronous) or a ticket (the result follows by callback). */
    public void answered(String messageId, AgencyResult result) {
        AgencyMessage m = lockedMessage(messageId);
        if (m.status() != ExchangeStatus.IN_FLIGHT) {
            LOG.warning(() -> "Answer for message " + messageId + " in status " + m.status() + " ignored");
            return;
        }
        String agency = agencyName(m.agencyId());
        OffsetDateTime now = now();
        Dossier dossier = handedToAgency(lockedDossier(m.dossierCode()), agency, now);
        record(dossier, DossierEvent.Kind.AGENCY_SENT, agency, m.operation() + " — mã thông điệp " + messageId, now);
        if (result.isAccepted()) {
            outbox.update(with(m, ExchangeStatus.ACCEPTED, m.attempts() + 1, result.ticket(), null, null, now));
            record(dossier, DossierEvent.Kind.AGENCY_ACCEPTED, agency, result.summary(), now);
        } else {
            AgencyMessage done = with(m, ExchangeStatus.DONE, m.attempts() + 1, m.ticket(), result.resultJson(), null, now);
            outbox.update(done);
            finish(dossier, done, agency, result.summary(), now);
        }
        count("answered", m.agencyId());
    }

    /** A callback carries the result of an accepted request, matched by the agency's ticket. */
    public AgencyMessage callback(String agencyId, String ticket, boolean success, String resultJson, String summary) {
        AgencyMessage m = outbox.findByTicket(agencyId, ticket).orElseThrow(() ->
                new UnknownExchangeException("Không có yêu cầu nào với mã phiếu " + ticket + " của " + agencyId,
                        "No request of " + agencyId + " has ticket " + ticket));
        if (m.status() != ExchangeStatus.ACCEPTED) {
            throw new ExchangeConflictException(
                    "Kết quả đến muộn: yêu cầu " + m.messageId() + " đang ở trạng thái " + m.status(),
                    "Late callback: request " + m.messageId() + " is " + m.status() + ", not waiting for a result");
        }
        Dossier dossier = lockedDossier(m.dossierCode());
        String agency = agencyName(agencyId);
        OffsetDateTime now = now();
        if (success) {
            AgencyMessage done = with(m, ExchangeStatus.DONE, m.attempts(), ticket, resultJson, null, now);
            outbox.update(done);
            finish(dossier, done, agency, summary, now);
        } else {
            outbox.update(with(m, ExchangeStatus.FAILED, m.attempts(), ticket, resultJson, summary, now));
            record(dossier, DossierEvent.Kind.AGENCY_FAILED, agency, "Cơ quan từ chối: " + summary, now);
        }
        count("callback", agencyId);
        return m;
    }

    /** A permanent failure: no retry; the step is in error with the reason in the processing record. */
    public void failed(String messageId, String reason) {
        AgencyMessage m = lockedMessage(messageId);
        Dossier dossier = lockedDossier(m.dossierCode());
        OffsetDateTime now = now();
        outbox.update(with(m, ExchangeStatus.FAILED, m.attempts() + 1, m.ticket(), null, reason, now));
        record(dossier, DossierEvent.Kind.AGENCY_FAILED, agencyName(m.agencyId()),
                "Lỗi không thử lại được / permanent error: " + reason, now);
        count("failed", m.agencyId());
    }

    /** A transient failure: try again later with backoff, or bury it as a dead letter when retries are spent. */
    public void retryLater(String messageId, String reason) {
        AgencyMessage m = lockedMessage(messageId);
        Connector connector = connectors.byId(m.agencyId()).orElseThrow();
        int attempts = m.attempts() + 1;
        OffsetDateTime now = now();
        if (connector.retry().exhausted(attempts)) {
            Dossier dossier = lockedDossier(m.dossierCode());
            outbox.update(with(m, ExchangeStatus.DEAD, attempts, m.ticket(), null, reason, now));
            record(dossier, DossierEvent.Kind.AGENCY_FAILED, agencyName(m.agencyId()),
                    "Hết số lần thử (" + attempts + ") / retries exhausted: " + reason, now);
            count("dead", m.agencyId());
            return;
        }
        Duration wait = connector.retry().delayAfter(attempts, ThreadLocalRandom.current()::nextDouble);
        AgencyMessage retry = with(m, ExchangeStatus.PENDING, attempts, m.ticket(), null, reason, now);
        outbox.update(new AgencyMessage(retry.id(), retry.messageId(), retry.dossierCode(), retry.agencyId(),
                retry.operation(), retry.payload(), retry.status(), retry.attempts(), retry.ticket(), retry.result(),
                retry.lastError(), now.plus(wait), retry.createdAt(), now));
        count("retry", m.agencyId());
    }

    /** The agency's circuit is open: wait in the outbox without spending an attempt. */
    public void postpone(String messageId, Duration wait, String reason) {
        AgencyMessage m = lockedMessage(messageId);
        OffsetDateTime now = now();
        outbox.update(new AgencyMessage(m.id(), m.messageId(), m.dossierCode(), m.agencyId(), m.operation(),
                m.payload(), ExchangeStatus.PENDING, m.attempts(), m.ticket(), m.result(), reason, now.plus(wait),
                m.createdAt(), now));
        count("postponed", m.agencyId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgencyMessage> ofDossier(DossierCode code) {
        return outbox.ofDossier(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgencyMessage> deadLetters(int limit) {
        return outbox.deadLetters(limit);
    }

    /** Sends a dead letter again, with fresh attempts and the same message id (the agency de-duplicates). */
    public AgencyMessage replay(long id, String actor) {
        AgencyMessage m = outbox.findById(id).orElseThrow(() -> new UnknownExchangeException(
                "Không có thư chết số " + id, "No dead letter with id " + id));
        if (!m.status().isDeadLetter()) {
            throw new ExchangeConflictException("Thông điệp " + id + " đang ở trạng thái " + m.status()
                    + ", không phải thư chết", "Message " + id + " is " + m.status() + ", not a dead letter");
        }
        OffsetDateTime now = now();
        AgencyMessage replayed = new AgencyMessage(m.id(), m.messageId(), m.dossierCode(), m.agencyId(),
                m.operation(), m.payload(), ExchangeStatus.PENDING, 0, m.ticket(), null, m.lastError(), now,
                m.createdAt(), now);
        outbox.update(replayed);
        due.fire(new OutboxMessageDue(replayed.messageId(), replayed.agencyId()));
        dossiers.record(m.dossierCode(), new DossierEvent(DossierEvent.Kind.HANDOVER, null, null, actor, null,
                agencyName(m.agencyId()), null, null, "Gửi lại thông điệp " + m.messageId() + " / replayed", now));
        return replayed;
    }

    /**
     * An officer retries a step that failed for good or ran out of retries, once the cause is fixed:
     * the same message (same id, so an agency that did act will not act twice) goes out again.
     */
    public AgencyMessage retryStep(DossierCode code, String operation, String actor) {
        Dossier dossier = lockedDossier(code);
        if (dossier.status().isFinished()) {
            throw new ExchangeConflictException("Hồ sơ " + code + " đã kết thúc (" + dossier.status().vietnamese()
                    + "), không thử lại được", "Dossier " + code + " is " + dossier.status() + "; nothing to retry");
        }
        AgencyMessage m = outbox.ofDossier(code).stream().filter(x -> x.operation().equals(operation)).findFirst()
                .orElseThrow(() -> new UnknownExchangeException("Hồ sơ " + code + " không có bước " + operation,
                        "Dossier " + code + " has no step " + operation));
        return replay(m.id(), actor);
    }

    /**
     * An officer closes a liên thông dossier whose step failed for good: the results already in are
     * handed over, the dossier is PARTIALLY_COMPLETED, and the reason is in its history. Refused while
     * a step is still under way, so that no agency answers a closed dossier.
     */
    public Dossier closePartially(DossierCode code, String reason, String actor) {
        Dossier dossier = lockedDossier(code);
        List<AgencyMessage> steps = outbox.ofDossier(code);
        if (dossier.status().isFinished()) {
            throw new ExchangeConflictException("Hồ sơ " + code + " đã kết thúc (" + dossier.status().vietnamese() + ")",
                    "Dossier " + code + " is already " + dossier.status());
        }
        if (steps.stream().noneMatch(m -> m.status().isDeadLetter())) {
            throw new ExchangeConflictException("Hồ sơ " + code + " không có bước liên thông nào bị lỗi",
                    "Dossier " + code + " has no failed agency step; it completes on its own");
        }
        List<String> running = steps.stream().filter(m -> switch (m.status()) {
            case PENDING, IN_FLIGHT, ACCEPTED -> true;
            default -> false;
        }).map(AgencyMessage::operation).toList();
        if (!running.isEmpty()) {
            throw new ExchangeConflictException("Còn bước đang xử lý: " + String.join(", ", running),
                    "Steps still under way: " + String.join(", ", running));
        }
        OffsetDateTime now = now();
        String failed = steps.stream().filter(m -> m.status().isDeadLetter()).map(AgencyMessage::operation)
                .reduce((a, b) -> a + ", " + b).orElse("");
        Dossier closed = dossier.moveTo(DossierStatus.PARTIALLY_COMPLETED, now, calendar);
        dossiers.update(closed, new DossierEvent(DossierEvent.Kind.TRANSITION, dossier.status(),
                DossierStatus.PARTIALLY_COMPLETED, actor, null, null, null, closed.dueAt(),
                truncate("Hoàn thành một phần (bước lỗi: " + failed + "): " + reason), now));
        statusChanged.fire(new DossierStatusChanged(closed, dossier.status(), reason, actor, now));
        return closed;
    }

    /**
     * The first agency to take a dossier's message puts a dossier still waiting at the desk into
     * processing (Đang xử lý), as a hand-over by an officer does: the citizen's look-up and the
     * desk's lists show that the agencies have it.
     */
    private Dossier handedToAgency(Dossier dossier, String agency, OffsetDateTime now) {
        if (dossier.status() != DossierStatus.RECEIVED) {
            return dossier;
        }
        String note = "Chuyển " + agency + " xử lý / handed to the agency";
        Dossier started = dossier.moveTo(DossierStatus.IN_PROGRESS, now, calendar);
        dossiers.update(started, new DossierEvent(DossierEvent.Kind.TRANSITION, dossier.status(), DossierStatus.IN_PROGRESS,
                ACTOR, null, agency, null, started.dueAt(), truncate(note), now));
        statusChanged.fire(new DossierStatusChanged(started, dossier.status(), note, ACTOR, now));
        return started;
    }

    private void finish(Dossier dossier, AgencyMessage done, String agency, String summary, OffsetDateTime now) {
        // A flow step was given its own deadline (form 06): the result says whether the agency kept it.
        String timeliness = flowSteps.find(done.messageId())
                .map(step -> step.onTime(now) ? " — đúng hạn bước / step on time"
                        : " — trễ hạn bước (hạn " + step.deadlineAt() + ") / step late")
                .orElse("");
        record(dossier, DossierEvent.Kind.AGENCY_RESULT, agency, summary + timeliness, now);
        stepDone.fire(new AgencyStepDone(dossier, done, agency, now));
        if (dossier.status().isFinished()) {
            return;
        }
        if (flows.drives(dossier.procedureCode())) {
            flows.advance(dossier.procedureCode(), dossier.code());
        } else if (allStepsDone(dossier)) {
            complete(dossier, now);
        }
    }

    private void complete(Dossier dossier, OffsetDateTime now) {
        Dossier completed = dossier.moveTo(DossierStatus.COMPLETED, now, calendar);
        dossiers.update(completed, new DossierEvent(DossierEvent.Kind.TRANSITION, dossier.status(),
                DossierStatus.COMPLETED, ACTOR, null, null, null, completed.dueAt(),
                "Các cơ quan liên thông đã trả kết quả / all agencies answered", now));
        statusChanged.fire(new DossierStatusChanged(completed, dossier.status(),
                "Các cơ quan liên thông đã trả kết quả", ACTOR, now));
    }

    /**
     * A flow starts one step: a message to the agency that performs {@code operation}, at most once
     * per dossier whatever happens (the dossier row is locked, and a step that has a message, in any
     * state, is never started again). The message carries the results of the steps already done, so
     * that, e.g., residence and social insurance get the child's personal ID from birth registration.
     * The step's own deadline (form 06) is {@code workingDays} from now, never past the appointment.
     *
     * @return whether a message was put in the outbox
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean startStep(DossierCode code, String operation, int workingDays) {
        Dossier dossier = lockedDossier(code);
        List<AgencyMessage> sent = outbox.ofDossier(code);
        if (dossier.status().isFinished() || sent.stream().anyMatch(m -> m.operation().equals(operation))) {
            return false;
        }
        String type = AgencyOperations.agencyType(operation).orElseThrow(() -> new UnknownExchangeException(
                "Bước liên thông không rõ: " + operation, "Unknown liên thông step " + operation));
        Connector connector = connectors.forType(type).orElseThrow(() -> new UnknownExchangeException(
                "Không có kết nối liên thông cho " + type, "No agency connector of type " + type));
        OffsetDateTime now = now();
        OffsetDateTime stepDeadline = calendar.dueAt(now, WORKING_DAY.multipliedBy(workingDays));
        if (stepDeadline.isAfter(dossier.dueAt())) {
            stepDeadline = dossier.dueAt();
        }
        AgencyMessage message = new AgencyMessage(0, UUID.randomUUID().toString(), code, connector.id(), operation,
                stepPayload(dossier, connector, sent), ExchangeStatus.PENDING, 0, null, null, null, now, now, now);
        outbox.add(message);
        due.fire(new OutboxMessageDue(message.messageId(), message.agencyId()));
        flowSteps.add(new FlowStep(message.messageId(), code, operation, connector.id(), now, stepDeadline));
        dossiers.record(code, new DossierEvent(DossierEvent.Kind.HANDOVER, dossier.status(), dossier.status(), ACTOR,
                dossier.agencyCode(), connector.name(), stepDeadline, dossier.dueAt(),
                "Liên thông: " + operation + " — mã thông điệp " + message.messageId(), now));
        return true;
    }

    /** Whether every one of {@code operations} has its agency's result in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean stepsDone(DossierCode code, List<String> operations) {
        List<AgencyMessage> sent = outbox.ofDossier(code);
        return operations.stream().allMatch(op -> sent.stream()
                .anyMatch(m -> m.operation().equals(op) && m.status() == ExchangeStatus.DONE));
    }

    /** The flow's last step is done: the dossier is completed (once; a finished dossier stays as it is). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeFlow(DossierCode code) {
        Dossier dossier = lockedDossier(code);
        if (!dossier.status().isFinished()) {
            complete(dossier, now());
        }
    }

    /** Every agency message of the dossier is done, and every external agency of the procedure had a connector. */
    private boolean allStepsDone(Dossier dossier) {
        List<AgencyMessage> messages = outbox.ofDossier(dossier.code());
        if (messages.isEmpty() || messages.stream().anyMatch(m -> m.status() != ExchangeStatus.DONE)) {
            return false;
        }
        return catalogue.procedure(dossier.procedureCode()).map(p -> p.agencies().stream()
                        .filter(Procedure.InvolvedAgency::external)
                        .allMatch(a -> connectors.forType(a.type()).isPresent()))
                .orElse(false);
    }

    private void record(Dossier dossier, DossierEvent.Kind kind, String agency, String note, OffsetDateTime now) {
        dossiers.record(dossier.code(), new DossierEvent(kind, dossier.status(), dossier.status(), ACTOR, null,
                agency, null, dossier.dueAt(), truncate(note), now));
    }

    private AgencyMessage lockedMessage(String messageId) {
        return outbox.findForUpdate(messageId).orElseThrow(() -> new UnknownExchangeException(
                "Không có thông điệp " + messageId, "No outbox message " + messageId));
    }

    private Dossier lockedDossier(DossierCode code) {
        return dossiers.findForUpdate(code).orElseThrow(() -> new UnknownExchangeException(
                "Không tìm thấy hồ sơ " + code, "No dossier " + code));
    }

    private String agencyName(String agencyId) {
        return connectors.byId(agencyId).map(Connector::name).orElse(agencyId);
    }

    private static AgencyMessage with(AgencyMessage m, ExchangeStatus status, int attempts, String ticket,
                                      String result, String error, OffsetDateTime now) {
        return new AgencyMessage(m.id(), m.messageId(), m.dossierCode(), m.agencyId(), m.operation(), m.payload(),
                status, attempts, ticket, result, error, m.nextAttemptAt(), m.createdAt(), now);
    }

    /**
     * The request's content as the outbox keeps it. Attachments appear as references only (claim
     * check: SHA-256, size, type, name); the adapter streams their bytes from the blob store.
     */
    private String payload(Dossier d, Connector connector) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("dossierCode", d.code().value())
                .add("procedureCode", d.procedureCode())
                .add("receivingAgency", d.agencyCode())
                .add("applicant", Json.createObjectBuilder()
                        .add("fullName", d.applicant().fullName())
                        .add("citizenId", d.applicant().citizenId().value()));
        if (d.formData() != null) {
            try (JsonReader reader = Json.createReader(new StringReader(d.formData()))) {
                json.add("formData", reader.readObject());
            }
        }
        if (connector.carriesAttachments()) {
            JsonArrayBuilder refs = Json.createArrayBuilder();
            for (Attachment a : attachments.ofDossier(d.code())) {
                refs.add(Json.createObjectBuilder().add("sha256", a.sha256()).add("size", a.size())
                        .add("contentType", a.contentType()).add("fileName", a.fileName()));
            }
            json.add("attachments", refs);
        }
        return json.build().toString();
    }

    /**
     * A flow step's request: the dossier's content, the results of the steps already done, and the
     * person the step is about (the newborn or the deceased) with the personal ID civil status gave.
     */
    private String stepPayload(Dossier d, Connector connector, List<AgencyMessage> sent) {
        JsonObject base;
        try (JsonReader reader = Json.createReader(new StringReader(payload(d, connector)))) {
            base = reader.readObject();
        }
        JsonObjectBuilder json = Json.createObjectBuilder(base);
        JsonObjectBuilder previous = Json.createObjectBuilder();
        String personalId = null;
        for (AgencyMessage m : sent) {
            if (m.status() == ExchangeStatus.DONE && m.result() != null) {
                try (JsonReader reader = Json.createReader(new StringReader(m.result()))) {
                    JsonObject result = reader.readObject();
                    previous.add(m.operation(), result);
                    if (result.containsKey("personalId") && personalId == null) {
                        personalId = result.getString("personalId");
                    }
                }
            }
        }
        json.add("previousResults", previous);
        if (personalId != null) {
            json.add("subject", Json.createObjectBuilder().add("personalId", personalId)
                    .add("fullName", subjectName(base)));
        }
        return json.build().toString();
    }

    /** The newborn's or the deceased's name from the declaration form, else the applicant's. */
    private static String subjectName(JsonObject payload) {
        JsonObject form = payload.containsKey("formData") && payload.get("formData") instanceof JsonObject f ? f : null;
        if (form != null) {
            for (String key : List.of("child", "deceased")) {
                if (form.get(key) instanceof JsonObject person && person.containsKey("fullName")) {
                    return person.getString("fullName");
                }
            }
        }
        return payload.getJsonObject("applicant").getString("fullName");
    }

    private static String truncate(String note) {
        return note == null || note.length() <= 2000 ? note : note.substring(0, 2000);
    }

    private void count(String outcome, String agencyId) {
        metrics.counter(EXCHANGES, new Tag("outcome", outcome), new Tag("agency", agencyId)).inc();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM).truncatedTo(ChronoUnit.MILLIS);
    }
}
