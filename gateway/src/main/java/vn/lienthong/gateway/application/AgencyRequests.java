package vn.lienthong.gateway.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.lienthong.gateway.application.event.OutboxMessageDue;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.domain.exchange.ExchangeStatus;
import vn.lienthong.gateway.domain.exchange.Outbox;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.domain.exchange.UnknownExchangeException;
import vn.lienthong.gateway.domain.procedure.Procedure;

/**
 * A dossier's requests to other agencies (liên thông), put in the outbox with the dossier change
 * that causes them: at intake, and when an officer hands a step to an agency.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AgencyRequests {

    @Inject
    Outbox outbox;

    @Inject
    ConnectorDirectory connectors;

    @Inject
    ProcedureCatalogue catalogue;

    @Inject
    OutboxPayloads payloads;

    @Inject
    ProcessingRecord record;

    @Inject
    FlowDriver flows;

    @Inject
    Event<OutboxMessageDue> due;

    /**
     * At intake: one message to each external agency of the procedure that has a connector. A
     * message that carries attachments is held: the scans are attached after intake, and the
     * desk's hand-over to that agency sends it.
     */
    public List<AgencyMessage> atIntake(Dossier dossier, Procedure procedure) {
        if (flows.drives(procedure.code())) {
            // A liên thông group goes step by step: its flow starts the first step now.
            flows.advance(procedure.code(), dossier.code());
            return outbox.ofDossier(dossier.code());
        }
        OffsetDateTime now = record.now();
        return procedure.agencies().stream()
                .filter(Procedure.InvolvedAgency::external)
                .flatMap(a -> connectors.forType(a.type()).stream())
                .map(c -> atIntake(dossier, c, now))
                .toList();
    }

    private AgencyMessage atIntake(Dossier dossier, Connector connector, OffsetDateTime now) {
        String operation = operation(dossier, connector);
        String payload = payloads.request(dossier, connector);
        if (connector.carriesAttachments()) {
            AgencyMessage held = AgencyMessage.held(dossier.code(), connector.id(), operation, payload, now);
            outbox.add(held);
            return held;
        }
        return send(AgencyMessage.due(dossier.code(), connector.id(), operation, payload, now));
    }

    /** An officer hands a step to an agency by connector id; a message held for that agency since intake goes now. */
    public AgencyMessage handOver(Dossier dossier, String connectorId) {
        Connector connector = connectors.byId(connectorId).filter(Connector::enabled).orElseThrow(() ->
                new UnknownExchangeException("Không có kết nối liên thông '" + connectorId + "' (đang bật)",
                        "No enabled agency connector '" + connectorId + "'; see lienthong.agencies"));
        Optional<AgencyMessage> held = outbox.ofDossier(dossier.code()).stream()
                .filter(m -> m.agencyId().equals(connector.id()) && m.status() == ExchangeStatus.HELD)
                .findFirst();
        OffsetDateTime now = record.now();
        String payload = payloads.request(dossier, connector);
        if (held.isPresent()) {
            // The held message leaves with the claim checks of every attachment the dossier has at this moment.
            return resend(held.get().released(payload, now));
        }
        return send(AgencyMessage.due(dossier.code(), connector.id(), operation(dossier, connector), payload, now));
    }

    /** The dossier's requests to agencies, in the order they were made. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgencyMessage> ofDossier(DossierCode code) {
        return outbox.ofDossier(code);
    }

    /** Puts a new message in the outbox and wakes delivery for it (after commit). */
    AgencyMessage send(AgencyMessage message) {
        outbox.add(message);
        return due(message);
    }

    /** Stores a message that is due again and wakes delivery for it (after commit). */
    AgencyMessage resend(AgencyMessage message) {
        outbox.update(message);
        return due(message);
    }

    private AgencyMessage due(AgencyMessage message) {
        due.fire(new OutboxMessageDue(message.messageId(), message.agencyId()));
        return message;
    }

    private String operation(Dossier dossier, Connector connector) {
        return catalogue.operation(dossier.procedureCode(), connector.type());
    }
}
