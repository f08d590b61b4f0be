package vn.lienthong.gateway.infrastructure.messagelog;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.messagelog.ChainHash;
import vn.lienthong.gateway.domain.messagelog.ChainSigner;
import vn.lienthong.gateway.domain.messagelog.LoggedMessage;
import vn.lienthong.gateway.domain.messagelog.MessageKind;
import vn.lienthong.gateway.domain.messagelog.MessageLogQuery;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.SignedBatch;
import vn.lienthong.gateway.domain.messagelog.Verification;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.TimestampException;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoTrustServices;
import vn.lienthong.signing.pki.MemoryRevocationRegistry;
import vn.lienthong.signing.pki.PkiSettings;
import vn.lienthong.signing.tsp.TimestampSource;

/** The chain: gapless ids, each record linked to the one before, one chain under concurrency, signed in batches. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class MessageLogChainTest {

    @Parameter
    TestDatabase engine;

    @Test
    void recordsAreChainedOneAfterAnother() {
        try (ChainedMessageLog log = TestMessageLogs.open(engine.fresh(), Clock.systemUTC(), 1000)) {
            MessageRecord first = log.append(TestMessageLogs.request(1));
            MessageRecord second = log.append(TestMessageLogs.response(1));
            assertEquals(1, first.id());
            assertEquals(ChainHash.GENESIS, first.previousHash());
            assertEquals(2, second.id());
            assertEquals(first.hash(), second.previousHash());
            assertEquals(second.recomputedHash(), second.hash());
            assertEquals("{\"authorization\":\"Bearer [redacted]\",\"content-type\":\"text/xml; charset=utf-8\","
                    + "\"x-request-id\":\"msg-1\"}", first.headers());
            Verification v = log.verify();
            assertTrue(v.ok(), v::toString);
            assertEquals(2, v.records());
            assertEquals(2, v.unsignedRecords());
        }
    }

    @Test
    void concurrentWritersMakeOneGaplessChain() throws Exception {
        DataSource db = engine.fresh();
        int threads = 8;
        int each = 150;
        try (ChainedMessageLog log = TestMessageLogs.open(db, Clock.systemUTC(), 100)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * each;
                results.add(pool.submit(() -> {
                    go.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        ids.add(log.append(TestMessageLogs.request(offset + i)).id());
                    }
                    return ids;
                }));
            }
            go.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : results) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertEquals(threads * each, all.stream().distinct().count(), "no id given twice");
            assertEquals(1L, all.stream().mapToLong(Long::longValue).min().orElseThrow());
            assertEquals(threads * each, all.stream().mapToLong(Long::longValue).max().orElseThrow(), "no gap");
            // The writer signs right after the commit that completes a batch; the last caller may return first.
            Verification v = await().atMost(Duration.ofSeconds(10)).until(log::verify, x -> x.unsignedRecords() == 0);
            assertTrue(v.ok(), v::toString);
            assertEquals(threads * each, v.records());
            assertEquals(12, v.batches(), "a batch as soon as 100 records are unsigned, no more, no less");
        }
    }

    @Test
    void aBatchClosesAtItsRecordCountAndTheTimerSignsTheTail() {
        try (ChainedMessageLog log = TestMessageLogs.open(engine.fresh(), Clock.systemUTC(), 3)) {
            for (int i = 0; i < 7; i++) {
                log.append(TestMessageLogs.request(i));
            }
            Verification before = log.verify();
            assertTrue(before.ok(), before::toString);
            assertEquals(2, before.batches());
            assertEquals(1, before.unsignedRecords());

            Optional<SignedBatch> tail = log.seal();
            assertTrue(tail.isPresent());
            assertEquals(7, tail.get().firstRecordId());
            assertEquals(7, tail.get().lastRecordId());
            assertFalse(log.seal().isPresent(), "nothing left to sign");
            Verification after = log.verify();
            assertTrue(after.ok(), after::toString);
            assertEquals(3, after.batches());
            assertEquals(0, after.unsignedRecords());
            assertNull(after.firstBadRecord());
        }
    }

    @Test
    void whileTheTsaIsDownRecordsAreChainedAndTheBatchIsSignedOnceItAnswers() {
        TsaOutage tsa = new TsaOutage();
        ChainSigner signer = TestMessageLogs.gatewaySigner(tsa);
        Clock stopped = Clock.fixed(Instant.parse("2026-10-08T02:00:00Z"), java.time.ZoneOffset.UTC);
        try (ChainedMessageLog log = new ChainedMessageLog(engine.fresh(), () -> signer, stopped, Thread::new,
                new ChainedMessageLog.Settings(3, 500, Duration.ofSeconds(30)))) {
            tsa.down = true;
            for (int i = 0; i < 10; i++) {
                assertEquals(i + 1, log.append(TestMessageLogs.request(i)).id(), "recorded while the TSA is down");
            }
            assertEquals(1, tsa.calls.get(), "one attempt, then a pause: not one TSA timeout per append");
            assertThrows(MessageLogException.class, log::seal, "the timer's seal says why");
            assertEquals(10, log.verify().unsignedRecords());

            tsa.down = false;
            SignedBatch batch = log.seal().orElseThrow();
            assertEquals(1, batch.firstRecordId());
            assertEquals(10, batch.lastRecordId());
            Verification after = log.verify();
            assertTrue(after.ok(), after::toString);
            assertEquals(0, after.unsignedRecords());
        }
    }

    /** A time-stamping authority that refuses while {@code down}: the demo TSA behind it, counted. */
    static final class TsaOutage implements TimestampSource {
        private final TimestampSource up = DemoTrustServices.create(DemoPki.create(PkiSettings.demo(
                java.net.URI.create("https://dichvucong.example.vn")), Clock.systemUTC()), new MemoryRevocationRegistry())
                .tsa();
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean down;

        @Override
        public byte[] timestamp(byte[] digest, DigestAlgorithm algorithm) {
            calls.incrementAndGet();
            if (down) {
                throw new TimestampException("the TSA does not answer (test outage)");
            }
            return up.timestamp(digest, algorithm);
        }
    }

    @Test
    void closingSignsTheTail() {
        DataSource db = engine.fresh();
        try (ChainedMessageLog log = TestMessageLogs.open(db, Clock.systemUTC(), 1000)) {
            log.append(TestMessageLogs.request(1));
        }
        try (ChainedMessageLog reopened = TestMessageLogs.open(db, Clock.systemUTC(), 1000)) {
            Verification v = reopened.verify();
            assertTrue(v.ok(), v::toString);
            assertEquals(1, v.batches());
            assertEquals(2, reopened.append(TestMessageLogs.response(1)).id(), "the chain goes on after a restart");
        }
    }

    @Test
    void aBrokenReplyWithANulCharacterIsStoredNotRefused() {
        try (ChainedMessageLog log = TestMessageLogs.open(engine.fresh(), Clock.systemUTC(), 1000)) {
            MessageRecord r = log.append(LoggedMessage.of(MessageKind.RESPONSE, "civil-status", "msg-nul", null, 200,
                    java.util.Map.of("X-Odd", "a\u0000b"), "{\"registrationNumber\":\"12\u00003\"}"));
            assertEquals("{\"registrationNumber\":\"12\u24003\"}", log.find(new MessageLogQuery(null, null, null, 1))
                    .get(0).body());
            assertTrue(r.headers().contains("a\u2400b"), r.headers());
            assertTrue(log.verify().ok());
        }
    }

    @Test
    void pagesFilterByDossierAndAgencyNewestFirst() {
        try (ChainedMessageLog log = TestMessageLogs.open(engine.fresh(), Clock.systemUTC(), 1000)) {
            for (int i = 1; i <= 3; i++) {
                log.append(TestMessageLogs.request(i));
                log.append(TestMessageLogs.response(i));
            }
            List<MessageRecord> dossier2 = log.find(new MessageLogQuery("H15.50.05.13-261008-2", null, null, 10));
            assertEquals(List.of(4L, 3L), dossier2.stream().map(MessageRecord::id).toList());
            List<MessageRecord> page = log.find(new MessageLogQuery(null, "social-insurance", 5L, 2));
            assertEquals(List.of(4L, 3L), page.stream().map(MessageRecord::id).toList());
            assertTrue(log.find(new MessageLogQuery(null, "civil-status", null, 10)).isEmpty());
        }
    }
}
