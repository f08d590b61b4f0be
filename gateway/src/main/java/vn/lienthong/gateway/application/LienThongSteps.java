package vn.lienthong.gateway.application;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.domain.exchange.ExchangeStatus;
import vn.lienthong.gateway.domain.exchange.FlowStep;
import vn.lienthong.gateway.domain.exchange.FlowSteps;
import vn.lienthong.gateway.domain.exchange.Outbox;
import vn.lienthong.gateway.domain.exchange.UnknownExchangeException;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/**
 * The agency steps of a liên thông flow as the flow routes take them, in the caller's transaction:
 * start a step (once), ask whether steps are done, complete the dossier.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LienThongSteps {

    private static final Duration WORKING_DAY = Duration.ofHours(8);

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
    FlowSteps flowSteps;

    @Inject
    OutboxPayloads payloads;

    @Inject
    AgencyRequests requests;

    @Inject
    ProcessingRecord record;

    /**
     * A flow starts one step: a message to the agency that performs {@code operation}, at most once
     * per dossier whatever happens (the dossier row is locked, and a step that has a message, in any
     * state, is never started again). The message carries the results of the steps already done, so
     * that, e.g., residence and social insurance get the child's personal ID from birth registration.
     * The step's own deadline (form 06) is {@code workingDays} from now, never past the appointment.
     *
     * @return whether a message was put in the outbox
     */
    public boolean start(DossierCode code, String operation, int workingDays) {
        Dossier dossier = record.locked(code);
        List<AgencyMessage> sent = outbox.ofDossier(code);
        if (dossier.status().isFinished() || sent.stream().anyMatch(m -> m.operation().equals(operation))) {
            return false;
        }
        String type = catalogue.agencyType(operation).orElseThrow(() -> new UnknownExchangeException(
                "Bước liên thông không rõ: " + operation, "Unknown liên thông step " + operation));
        Connector connector = connectors.forType(type).orElseThrow(() -> new UnknownExchangeException(
                "Không có kết nối liên thông cho " + type, "No agency connector of type " + type));
        OffsetDateTime now = record.now();
        OffsetDateTime stepDeadline = calendar.dueAt(now, WORKING_DAY.multipliedBy(workingDays));
        if (stepDeadline.isAfter(dossier.dueAt())) {
            stepDeadline = dossier.dueAt();
        }
        AgencyMessage message = requests.send(AgencyMessage.due(code, connector.id(), operation,
                payloads.step(dossier, connector, sent), now));
        flowSteps.add(new FlowStep(message.messageId(), code, operation, connector.id(), now, stepDeadline));
        dossiers.record(code, new DossierEvent(DossierEvent.Kind.HANDOVER, dossier.status(), dossier.status(),
                ProcessingRecord.ACTOR, dossier.agencyCode(), connector.name(), stepDeadline, dossier.dueAt(),
                "Liên thông: " + operation + " — mã thông điệp " + message.messageId(), now));
        return true;
    }

    /** Whether every one of {@code operations} has its agency's result in. */
    public boolean done(DossierCode code, List<String> operations) {
        List<AgencyMessage> sent = outbox.ofDossier(code);
        return operations.stream().allMatch(op -> sent.stream()
                .anyMatch(m -> m.operation().equals(op) && m.status() == ExchangeStatus.DONE));
    }

    /** The flow's last step is done: the dossier is completed (once; a finished dossier stays as it is). */
    public void complete(DossierCode code) {
        Dossier dossier = record.locked(code);
        if (!dossier.status().isFinished()) {
            record.complete(dossier, record.now());
        }
    }
}
