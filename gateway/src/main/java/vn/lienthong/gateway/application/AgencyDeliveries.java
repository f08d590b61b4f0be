package vn.lienthong.gateway.application;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import vn.lienthong.gateway.application.event.AgencyStepDone;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.AgencyResult;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.domain.exchange.ExchangeConflictException;
import vn.lienthong.gateway.domain.exchange.ExchangeStatus;
import vn.lienthong.gateway.domain.exchange.FlowSteps;
import vn.lienthong.gateway.domain.exchange.Outbox;
import vn.lienthong.gateway.domain.exchange.UnknownExchangeException;
import vn.lienthong.gateway.domain.procedure.Procedure;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/**
 * Delivery of the outbox's requests to other agencies: claims due messages, and records each
 * outcome (answer, callback, failure, retry, postponement) in the outbox, the dossier's processing
 * record and the {@code lienthong_agency_exchanges} counter. A dossier whose every agency step is
 * done is completed. Each call is its own transaction.
 */
@ApplicationScoped
@Transactional
public class AgencyDeliveries {

    private static final Metadata EXCHANGES = Metadata.builder().withName("lienthong_agency_exchanges")
            .withDescription("Agency exchange outcomes since start (answered, callback, retry, postponed, failed, dead), by agency")
            .build();

    private static final Logger LOG = Logger.getLogger(AgencyDeliveries.class.getName());

    @Inject
    Outbox outbox;

    @Inject
    ConnectorDirectory connectors;

    @Inject
    ProcedureCatalogue catalogue;

    @Inject
    FlowSteps flowSteps;

    @Inject
    FlowDriver flows;

    @Inject
    ProcessingRecord record;

    @Inject
    MetricRegistry metrics;

    @Inject
    Event<AgencyStepDone> stepDone;

    /** Claims due messages for delivery; each claim commits at once. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<AgencyMessage> claimDue(int limit, Duration lease) {
        OffsetDateTime now = record.now();
        return outbox.claimDue(now, now.plus(lease), limit);
    }

    /** The agency answered: a result (synchronous) or a ticket (the result follows by callback). */
    public void answered(String messageId, AgencyResult result) {
        AgencyMessage m = lockedMessage(messageId);
        if (m.status() != ExchangeStatus.IN_FLIGHT) {
            LOG.warning(() -> "Answer for message " + messageId + " in status " + m.status() + " ignored");
            return;
        }
        String agency = record.agencyName(m.agencyId());
        OffsetDateTime now = record.now();
        Dossier locked = record.locked(m.dossierCode());
        // With a result the dossier's row is written once, by finish: the result often completes it.
        Dossier dossier = result.isAccepted() ? record.handedToAgency(locked, agency, now)
                : record.handedToAgencyRowLater(locked, agency, now);
        record.note(dossier, DossierEvent.Kind.AGENCY_SENT, agency, m.operation() + " — mã thông điệp " + messageId, now);
        if (result.isAccepted()) {
            outbox.update(m.accepted(result.ticket(), now));
            record.note(dossier, DossierEvent.Kind.AGENCY_ACCEPTED, agency, result.summary(), now);
        } else {
            AgencyMessage done = m.done(result.resultJson(), now);
            outbox.update(done);
            finish(dossier, dossier != locked, done, agency, result.summary(), now);
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
        Dossier dossier = record.locked(m.dossierCode());
        String agency = record.agencyName(agencyId);
        OffsetDateTime now = record.now();
        if (success) {
            AgencyMessage done = m.doneByCallback(resultJson, now);
            outbox.update(done);
            finish(dossier, false, done, agency, summary, now);
        } else {
            outbox.update(m.rejectedByCallback(resultJson, summary, now));
            record.note(dossier, DossierEvent.Kind.AGENCY_FAILED, agency, "Cơ quan từ chối: " + summary, now);
        }
        count("callback", agencyId);
        return m;
    }

    /**
     * Accepted requests whose callback has not come within {@code wait}, oldest first, at most
     * {@code limit}: each its own dead letter, the reason in the dossier's history, for an officer to
     * replay or settle. Answers the message ids.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<String> silentSince(Duration wait, int limit) {
        return outbox.acceptedBefore(record.now().minus(wait), limit).stream().map(AgencyMessage::messageId).toList();
    }

    /**
     * The accepted request {@code messageId} got no callback within {@code wait}: a dead letter with
     * that reason. False when its callback came meanwhile.
     */
    public boolean noCallback(String messageId, Duration wait) {
        AgencyMessage m = lockedMessage(messageId);
        OffsetDateTime now = record.now();
        if (m.status() != ExchangeStatus.ACCEPTED || !m.updatedAt().isBefore(now.minus(wait))) {
            return false;
        }
        String reason = "Không có kết quả (callback) sau " + wait.toMinutes() + " phút kể từ khi cơ quan tiếp nhận"
                + " / no callback " + wait.toMinutes() + " min after the agency accepted (ticket " + m.ticket() + ")";
        outbox.update(m.noCallback(reason, now));
        record.note(record.locked(m.dossierCode()), DossierEvent.Kind.AGENCY_FAILED, record.agencyName(m.agencyId()),
                reason, now);
        count("no-callback", m.agencyId());
        return true;
    }

    /** A permanent failure: no retry; the step is in error with the reason in the processing record. */
    public void failed(String messageId, String reason) {
        AgencyMessage m = lockedMessage(messageId);
        Dossier dossier = record.locked(m.dossierCode());
        OffsetDateTime now = record.now();
        outbox.update(m.failedForGood(reason, now));
        record.note(dossier, DossierEvent.Kind.AGENCY_FAILED, record.agencyName(m.agencyId()),
                "Lỗi không thử lại được / permanent error: " + reason, now);
        count("failed", m.agencyId());
    }

    /** A transient failure: try again later with backoff, or bury it as a dead letter when retries are spent. */
    public void retryLater(String messageId, String reason) {
        AgencyMessage m = lockedMessage(messageId);
        if (m.status() != ExchangeStatus.IN_FLIGHT) {
            LOG.warning(() -> "Failure of message " + messageId + " in status " + m.status() + " ignored");
            return;
        }
        Connector connector = connectors.byId(m.agencyId()).orElseThrow();
        OffsetDateTime now = record.now();
        AgencyMessage stored = outbox.retryLater(m, connector.retry(), ThreadLocalRandom.current()::nextDouble,
                reason, now);
        if (stored.status() == ExchangeStatus.DEAD) {
            Dossier dossier = record.locked(m.dossierCode());
            record.note(dossier, DossierEvent.Kind.AGENCY_FAILED, record.agencyName(m.agencyId()),
                    "Hết số lần thử (" + stored.attempts() + ") / retries exhausted: " + reason, now);
            count("dead", m.agencyId());
            return;
        }
        count("retry", m.agencyId());
    }

    /** The agency's circuit is open: wait in the outbox, the claim's attempt given back. */
    public void postpone(String messageId, Duration wait, String reason) {
        AgencyMessage m = lockedMessage(messageId);
        if (m.status() != ExchangeStatus.IN_FLIGHT) {
            LOG.warning(() -> "Postponement of message " + messageId + " in status " + m.status() + " ignored");
            return;
        }
        OffsetDateTime now = record.now();
        outbox.handBack(m, now.plus(wait), reason, now);
        count("postponed", m.agencyId());
    }

    /** {@code rowToWrite}: the dossier moved in this transaction and its row is still to be written. */
    private void finish(Dossier dossier, boolean rowToWrite, AgencyMessage done, String agency, String summary,
                        OffsetDateTime now) {
        // A flow step was given its own deadline (form 06): the result says whether the agency kept it.
        String timeliness = flowSteps.find(done.messageId())
                .map(step -> step.onTime(now) ? " — đúng hạn bước / step on time"
                        : " — trễ hạn bước (hạn " + step.deadlineAt() + ") / step late")
                .orElse("");
        record.note(dossier, DossierEvent.Kind.AGENCY_RESULT, agency, summary + timeliness, now);
        stepDone.fire(new AgencyStepDone(dossier, done, agency, now));
        boolean completes = !dossier.status().isFinished() && !flows.drives(dossier.procedureCode())
                && allStepsDone(dossier);
        if (completes) {
            record.complete(dossier, now);
            return;
        }
        if (rowToWrite) {
            // Before the flow looks at what is stored.
            record.write(dossier, now);
        }
        if (!dossier.status().isFinished() && flows.drives(dossier.procedureCode())) {
            flows.advance(dossier.procedureCode(), dossier.code());
        }
    }

    /** Every agency message of the dossier is done, and every external agency of the procedure had a connector. */
    private boolean allStepsDone(Dossier dossier) {
        if (!outbox.allDone(dossier.code())) {
            return false;
        }
        return catalogue.procedure(dossier.procedureCode()).map(p -> p.agencies().stream()
                        .filter(Procedure.InvolvedAgency::external)
                        .allMatch(a -> connectors.forType(a.type()).isPresent()))
                .orElse(false);
    }

    private AgencyMessage lockedMessage(String messageId) {
        return outbox.findForUpdate(messageId).orElseThrow(() -> new UnknownExchangeException(
                "Không có thông điệp " + messageId, "No outbox message " + messageId));
    }

    private void count(String outcome, String agencyId) {
        metrics.counter(EXCHANGES, new Tag("outcome", outcome), new Tag("agency", agencyId)).inc();
    }
}
