package vn.lienthong.gateway.application.event;

import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;

/**
 * An agency returned the result of one step of a dossier: the message is DONE and carries the
 * agency's result JSON. Fired once per message, in the transaction that records the result.
 *
 * @param message    the outbox message, status DONE, with {@code result()} set
 * @param agencyName the agency's display name from the connector configuration
 */
public record AgencyStepDone(Dossier dossier, AgencyMessage message, String agencyName, OffsetDateTime at) {
}
