package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.ExchangeStatus;
import vn.lienthong.gateway.domain.exchange.RetrySchedule;

/** The agency outbox on its leased queue: what a claim, a retry, a dead letter, a hand-back and a replay store. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JdbcOutboxTest {

    private static final DossierCode CODE = new DossierCode("000.00.00.H30-261008-0975");
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-10-08T09:00:00+07:00");
    /** Three attempts, 10 s then 20 s apart with the lowest jitter. */
    private static final RetrySchedule RETRIES = new RetrySchedule(3, Duration.ofSeconds(20), Duration.ofMinutes(1));

    @Parameter
    TestDatabase engine;

    private JdbcOutbox outbox;

    @BeforeEach
    void freshDatabase() {
        outbox = new JdbcOutbox(engine.fresh());
    }

    private AgencyMessage add(OffsetDateTime at) {
        AgencyMessage m = AgencyMessage.due(CODE, "social-insurance", "REGISTER", "{}", at);
        outbox.add(m);
        return outbox.find(m.messageId()).orElseThrow();
    }

    @Test
    void theClaimSpendsTheAttemptAndTheOutcomeKeepsIt() {
        AgencyMessage m = add(T0);
        List<AgencyMessage> claimed = outbox.claimDue(T0, T0.plusMinutes(2), 10);

        assertEquals(1, claimed.size());
        assertEquals(ExchangeStatus.IN_FLIGHT, claimed.get(0).status());
        assertEquals(1, claimed.get(0).attempts());
        AgencyMessage locked = outbox.findForUpdate(m.messageId()).orElseThrow();
        outbox.update(locked.accepted("T-1", T0.plusSeconds(1)));
        AgencyMessage accepted = outbox.find(m.messageId()).orElseThrow();
        assertEquals(ExchangeStatus.ACCEPTED, accepted.status());
        assertEquals(1, accepted.attempts());
        outbox.update(accepted.doneByCallback("{}", T0.plusSeconds(2)));
        assertEquals(1, outbox.find(m.messageId()).orElseThrow().attempts(), "a callback spends none");
    }

    @Test
    void aDossierIsAllDoneOnlyWhenItHasMessagesAndEachIsDone() {
        assertFalse(outbox.allDone(CODE), "no message at all");
        AgencyMessage first = add(T0);
        AgencyMessage second = add(T0);
        outbox.add(AgencyMessage.due(new DossierCode("000.00.00.H30-261008-0976"), "social-insurance", "REGISTER", "{}", T0));
        outbox.claimDue(T0, T0.plusMinutes(2), 10);
        outbox.update(outbox.findForUpdate(first.messageId()).orElseThrow().done("{}", T0.plusSeconds(1)));
        assertFalse(outbox.allDone(CODE), "one of two done");
        outbox.update(outbox.findForUpdate(second.messageId()).orElseThrow().done("{}", T0.plusSeconds(1)));
        assertTrue(outbox.allDone(CODE), "the other dossier's message is not counted");
    }

    @Test
    void transientFailuresRetryWithBackoffUntilTheMessageIsADeadLetterThatAReplaySendsAgain() {
        AgencyMessage m = add(T0);
        OffsetDateTime now = T0;
        AgencyMessage stored = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            AgencyMessage claimed = outbox.claimDue(now, now.plusMinutes(2), 10).get(0);
            stored = outbox.retryLater(claimed, RETRIES, () -> 0.0, "HTTP 503", now);
            assertEquals(attempt, stored.attempts());
            if (attempt < 3) {
                assertEquals(ExchangeStatus.PENDING, stored.status());
                assertEquals(now.plusSeconds(10L * attempt), stored.nextAttemptAt(), "half of 20 s × 2^(n-1)");
                assertEquals(List.of(), outbox.claimDue(stored.nextAttemptAt().minusNanos(1000), now.plusHours(1), 10));
                now = stored.nextAttemptAt();
            }
        }
        assertEquals(ExchangeStatus.DEAD, stored.status());
        assertEquals("HTTP 503", stored.lastError());
        assertEquals(List.of(m.messageId()), outbox.deadLetters(10).stream().map(AgencyMessage::messageId).toList());
        assertEquals(List.of(), outbox.claimDue(T0.plusDays(1), T0.plusDays(2), 10));

        outbox.update(stored.replayed(T0.plusDays(1)));
        AgencyMessage replayed = outbox.claimDue(T0.plusDays(1), T0.plusDays(2), 10).get(0);
        assertEquals(1, replayed.attempts(), "a replay starts with fresh attempts");
    }

    @Test
    void anAcceptedRequestWhoseCallbackNeverCameIsFoundAfterTheWaitAndBecomesADeadLetterThatAReplaySendsAgain() {
        AgencyMessage silent = add(T0);
        AgencyMessage answered = add(T0);
        AgencyMessage recent = add(T0);
        for (AgencyMessage claimed : outbox.claimDue(T0, T0.plusMinutes(2), 10)) {
            OffsetDateTime acceptedAt = claimed.messageId().equals(recent.messageId()) ? T0.plusHours(2) : T0.plusSeconds(1);
            outbox.update(outbox.findForUpdate(claimed.messageId()).orElseThrow().accepted("T-" + claimed.id(), acceptedAt));
        }
        AgencyMessage done = outbox.find(answered.messageId()).orElseThrow();
        outbox.update(done.doneByCallback("{}", T0.plusMinutes(5)));

        OffsetDateTime cutoff = T0.plusHours(1);
        assertEquals(List.of(silent.messageId()), ids(outbox.acceptedBefore(cutoff, 10)),
                "only accepted requests older than the wait; answered and recent ones are not silent");
        assertEquals(List.of(), outbox.acceptedBefore(T0.plusSeconds(1), 10), "accepted at the cutoff is not before it");

        AgencyMessage accepted = outbox.findForUpdate(silent.messageId()).orElseThrow();
        outbox.update(accepted.noCallback("no callback 60 min after the agency accepted", cutoff));
        AgencyMessage dead = outbox.find(silent.messageId()).orElseThrow();
        assertEquals(ExchangeStatus.DEAD, dead.status());
        assertEquals("no callback 60 min after the agency accepted", dead.lastError());
        assertEquals("T-" + dead.id(), dead.ticket(), "the ticket stays, for the officer and the agency");
        assertEquals(List.of(silent.messageId()), ids(outbox.deadLetters(10)), "visible to the admin");
        assertEquals(List.of(), outbox.acceptedBefore(T0.plusDays(1), 10).stream()
                .filter(m -> m.messageId().equals(silent.messageId())).toList());

        outbox.update(dead.replayed(T0.plusHours(2)));
        assertEquals(List.of(silent.messageId()), ids(outbox.claimDue(T0.plusHours(2), T0.plusHours(3), 10)),
                "the replay sends it again under the same message id");
    }

    private static List<String> ids(List<AgencyMessage> messages) {
        return messages.stream().map(AgencyMessage::messageId).toList();
    }

    @Test
    void aMessageHandedBackUntriedSpendsNoAttemptAndOneLeftInFlightIsClaimedAgainAfterItsLease() {
        AgencyMessage first = add(T0);
        AgencyMessage second = add(T0.plusSeconds(1));
        List<AgencyMessage> claimed = outbox.claimDue(T0.plusSeconds(1), T0.plusMinutes(2), 10);

        outbox.handBack(claimed.get(0), T0.plusMinutes(5), "circuit open", T0.plusSeconds(2));
        AgencyMessage waiting = outbox.find(first.messageId()).orElseThrow();
        assertEquals(ExchangeStatus.PENDING, waiting.status());
        assertEquals(0, waiting.attempts());
        assertEquals("circuit open", waiting.lastError());
        assertEquals(T0.plusMinutes(5), waiting.nextAttemptAt());

        // The gateway that claimed the second one was killed: no sweep, its lease hands it back.
        assertEquals(List.of(), outbox.claimDue(T0.plusMinutes(2), T0.plusMinutes(4), 10), "its lease still holds");
        List<AgencyMessage> again = outbox.claimDue(T0.plusMinutes(2).plusSeconds(1), T0.plusMinutes(4), 10);
        assertEquals(List.of(second.messageId()), again.stream().map(AgencyMessage::messageId).toList());
        assertEquals(2, again.get(0).attempts(), "the killed gateway's claim spent its attempt");
    }
}
