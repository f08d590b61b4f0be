package vn.lienthong.gateway.domain.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.dossier.DossierCode;

/** What each named transition of an outbox message keeps and sets; attempts are the outbox's to count. */
class AgencyMessageTest {

    private static final DossierCode CODE = new DossierCode("H15.50.05.13-261008-0975");
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-10-08T09:00:00+07:00");
    private static final OffsetDateTime T1 = T0.plusMinutes(1);

    /** Claimed for delivery after two attempts, with an earlier error and a ticket from a replayed acceptance. */
    private static final AgencyMessage IN_FLIGHT = new AgencyMessage(7, "msg-7", CODE, "residence",
            "RESIDENCE_REGISTRATION", "{}", ExchangeStatus.IN_FLIGHT, 2, "T-1", null, "timeout", T0, T0.minusDays(1), T0);

    @Test
    void aNewMessageIsDueAtOnceOrHeldWithAFreshMessageIdAndNoAttempt() {
        AgencyMessage due = AgencyMessage.due(CODE, "civil-status", "BIRTH_REGISTRATION", "{\"a\":1}", T0);
        AgencyMessage held = AgencyMessage.held(CODE, "residence", "RESIDENCE_REGISTRATION", "{}", T0);

        assertEquals(new AgencyMessage(0, due.messageId(), CODE, "civil-status", "BIRTH_REGISTRATION", "{\"a\":1}",
                ExchangeStatus.PENDING, 0, null, null, null, T0, T0, T0), due);
        assertEquals(ExchangeStatus.HELD, held.status());
        assertEquals(T0, held.nextAttemptAt());
        assertNotEquals(due.messageId(), held.messageId());
    }

    @Test
    void aReleasedMessageCarriesTheCurrentPayloadAndIsDueAtOnce() {
        AgencyMessage held = AgencyMessage.held(CODE, "residence", "RESIDENCE_REGISTRATION", "{}", T0);

        assertEquals(new AgencyMessage(0, held.messageId(), CODE, "residence", "RESIDENCE_REGISTRATION",
                "{\"attachments\":[]}", ExchangeStatus.PENDING, 0, null, null, null, T1, T0, T1),
                held.released("{\"attachments\":[]}", T1));
    }

    @Test
    void deliveryOutcomesKeepTheAttemptTheClaimSpent() {
        assertEquals(expected(ExchangeStatus.ACCEPTED, 2, "T-2", null, null, T0), IN_FLIGHT.accepted("T-2", T1));
        assertEquals(expected(ExchangeStatus.DONE, 2, "T-1", "{\"ok\":true}", null, T0),
                IN_FLIGHT.done("{\"ok\":true}", T1));
        assertEquals(expected(ExchangeStatus.FAILED, 2, "T-1", null, "HTTP 400", T0),
                IN_FLIGHT.failedForGood("HTTP 400", T1));
    }

    @Test
    void callbacksSpendNone() {
        AgencyMessage accepted = IN_FLIGHT.accepted("T-2", T0);

        assertEquals(new AgencyMessage(7, "msg-7", CODE, "residence", "RESIDENCE_REGISTRATION", "{}",
                ExchangeStatus.DONE, 2, "T-2", "{\"ok\":true}", null, T0, T0.minusDays(1), T1),
                accepted.doneByCallback("{\"ok\":true}", T1));
        assertEquals(new AgencyMessage(7, "msg-7", CODE, "residence", "RESIDENCE_REGISTRATION", "{}",
                ExchangeStatus.FAILED, 2, "T-2", "{}", "hồ sơ thiếu", T0, T0.minusDays(1), T1),
                accepted.rejectedByCallback("{}", "hồ sơ thiếu", T1));
    }

    @Test
    void aReplayedDeadLetterIsDueAtOnceWithFreshAttemptsItsTicketAndItsLastError() {
        AgencyMessage dead = new AgencyMessage(7, "msg-7", CODE, "residence", "RESIDENCE_REGISTRATION", "{}",
                ExchangeStatus.DEAD, 3, "T-1", null, "HTTP 503", T0, T0.minusDays(1), T0);

        assertEquals(new AgencyMessage(7, "msg-7", CODE, "residence", "RESIDENCE_REGISTRATION", "{}",
                ExchangeStatus.PENDING, 0, "T-1", null, "HTTP 503", T1, T0.minusDays(1), T1), dead.replayed(T1));
    }

    private static AgencyMessage expected(ExchangeStatus status, int attempts, String ticket, String result,
                                          String error, OffsetDateTime next) {
        return new AgencyMessage(7, "msg-7", CODE, "residence", "RESIDENCE_REGISTRATION", "{}", status, attempts,
                ticket, result, error, next, T0.minusDays(1), T1);
    }
}
