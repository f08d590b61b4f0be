package vn.lienthong.gateway.infrastructure.messagelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.messagelog.MessageKind;
import vn.lienthong.gateway.domain.messagelog.MessageLogQuery;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.PurgeAnchor;
import vn.lienthong.gateway.domain.messagelog.Verification;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;

/** Retention purges whole old batches, the purge is a record of the chain, and what remains still verifies. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class MessageLogRetentionTest {

    @Parameter
    TestDatabase engine;

    private final TestMessageLogs.TestClock clock = new TestMessageLogs.TestClock(Instant.parse("2026-01-05T02:00:00Z"));
    private DataSource db;
    private ChainedMessageLog log;

    /** Ten records a day for three days, in batches of four. */
    @BeforeEach
    void threeDays() {
        db = engine.fresh();
        log = TestMessageLogs.open(db, clock, 4);
        for (int day = 0; day < 3; day++) {
            for (int i = 0; i < 10; i++) {
                log.append(TestMessageLogs.request(day * 10 + i));
            }
            clock.advance(Duration.ofDays(1));
        }
        log.seal();
    }

    @Test
    void purgeKeepsTheChainVerifiableAndIsItselfLogged() {
        // Cutoff at the start of day 2: batches 1-4 and 5-8 are all older; 9-12 straddles the day and stays.
        Optional<PurgeAnchor> anchor = log.purge(Instant.parse("2026-01-06T02:00:00Z"));
        assertTrue(anchor.isPresent());
        assertEquals(8, anchor.get().lastPurgedId());
        assertEquals(8, anchor.get().recordsPurged());

        List<MessageRecord> newest = log.find(new MessageLogQuery(null, null, null, 1));
        MessageRecord purge = newest.get(0);
        assertEquals(MessageKind.PURGE, purge.kind());
        assertEquals(31, purge.id(), "the purge continues the chain");
        assertTrue(purge.body().contains("\"purgedThroughRecord\":8"), purge.body());
        assertTrue(log.find(new MessageLogQuery(null, null, 9L, 10)).isEmpty(), "records 1-8 are gone");

        Verification v = log.verify();
        assertTrue(v.ok(), v::toString);
        assertEquals(8, v.startsAfter());
        assertEquals(23, v.records(), "records 9-30 and the purge record");
        assertEquals(1, v.unsignedRecords(), "the purge record waits for the next batch");
        log.seal();
        assertTrue(log.verify().ok());
    }

    @Test
    void nothingOldEnoughMeansNoPurgeAndNoRecord() {
        assertFalse(log.purge(Instant.parse("2026-01-05T01:00:00Z")).isPresent());
        assertEquals(30, log.find(new MessageLogQuery(null, null, null, 1)).get(0).id());
    }

    @Test
    void purgingTwiceStartsFromTheNewestAnchor() {
        log.purge(Instant.parse("2026-01-06T02:00:00Z"));
        log.seal();
        clock.advance(Duration.ofDays(1));
        PurgeAnchor second = log.purge(Instant.parse("2026-01-07T02:00:00Z")).orElseThrow();
        assertEquals(20, second.lastPurgedId(), "batches 9-12 to 17-20 were all older than day 3");
        Verification v = log.verify();
        assertTrue(v.ok(), v::toString);
        assertEquals(20, v.startsAfter());
    }

    @Test
    void aTamperedAnchorFails() {
        PurgeAnchor anchor = log.purge(Instant.parse("2026-01-06T02:00:00Z")).orElseThrow();
        TestMessageLogs.tamper(db, "UPDATE message_log_anchor SET last_purged_id = 7 WHERE id = ?", anchor.id());
        Verification v = log.verify();
        assertFalse(v.ok());
        assertEquals(8, v.firstBadRecord().id(), v::toString);
    }

    @Test
    void aDeletedAnchorFails() {
        log.purge(Instant.parse("2026-01-06T02:00:00Z"));
        TestMessageLogs.tamper(db, "DELETE FROM message_log_anchor");
        Verification v = log.verify();
        assertFalse(v.ok());
        assertEquals(1, v.firstBadRecord().id(), v::toString);
    }
}
