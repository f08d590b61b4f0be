package vn.lienthong.archive.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.TestArchives;
import vn.lienthong.archive.sign.CmsHeadSigner;

class LedgerTest {
    @TempDir
    Path dir;
    private Path file;
    private final HeadSigner signer = new CmsHeadSigner(TestArchives.key());
    private final MemoryAnchor anchor = new MemoryAnchor();

    @BeforeEach
    void setUp() {
        file = dir.resolve("ledger.log");
    }

    @Test
    void headIsSignedEveryNEntriesAndTheChainVerifies() {
        try (Ledger ledger = new Ledger(file, signer, new HeadPolicy(5, Duration.ofHours(1)), anchor, Clock.systemUTC())) {
            for (int i = 0; i < 12; i++) {
                ledger.append(LedgerEvent.INGEST, "r" + i, "", "officer\tx\ny", "detail with % and -");
            }
            LedgerVerification v = ledger.verify();
            assertTrue(v.intact(), v.problems().toString());
            assertEquals(14, v.entries());
            assertEquals(2, v.signedHeads());
            assertEquals(2, v.unsignedTail());
        }
        // close() signs the tail
        LedgerVerification v = Ledger.verify(file, signer, anchor);
        assertTrue(v.intact(), v.problems().toString());
        assertEquals(3, v.signedHeads());
        assertEquals(0, v.unsignedTail());
    }

    @Test
    void headIsSignedWhenTheIntervalHasPassed() {
        MutableClock clock = new MutableClock();
        try (Ledger ledger = new Ledger(file, signer, new HeadPolicy(1000, Duration.ofMinutes(5)), anchor, clock)) {
            ledger.append(LedgerEvent.READ, "a", "", "x", "");
            ledger.append(LedgerEvent.READ, "b", "", "x", "");
            assertEquals(0, ledger.verify().signedHeads());
            clock.advance(Duration.ofMinutes(5));
            ledger.append(LedgerEvent.READ, "c", "", "x", "");
            assertEquals(1, ledger.verify().signedHeads());
            ledger.append(LedgerEvent.READ, "d", "", "x", "");
            clock.advance(Duration.ofMinutes(6));
            assertTrue(ledger.sealHead().isPresent(), "the scheduler's periodic seal signs a quiet tail");
            assertFalse(ledger.sealHead().isPresent(), "nothing new to sign");
        }
    }

    @Test
    void everyRandomSingleByteFlipIsDetected() throws IOException {
        writeSample();
        byte[] original = Files.readAllBytes(file);
        Random random = new Random(42);
        Path copy = dir.resolve("copy.log");
        for (int i = 0; i < 300; i++) {
            byte[] bytes = original.clone();
            int at = random.nextInt(bytes.length);
            bytes[at] = (byte) (bytes[at] ^ (1 << random.nextInt(8)));
            Files.write(copy, bytes);
            LedgerVerification v = Ledger.verify(copy, signer, anchor);
            assertFalse(v.intact(), "flip at byte " + at + " went unnoticed");
        }
    }

    /**
     * A single-bit flip anywhere in a head signature gives a check result, never a verifier exception
     * (some bytes, in the unsigned envelope, may change without breaking the signature; the ledger's
     * hash chain covers those). BouncyCastle answered some flips with a ClassCastException.
     */
    @Test
    void aDamagedHeadSignatureGivesAResultNeverAnException() {
        byte[] content = "head 7 abc".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] cms = signer.sign(content);
        assertTrue(signer.verify(content, cms).valid());
        int failed = 0;
        for (int at = 0; at < cms.length; at++) {
            for (int bit = 0; bit < 8; bit += 3) {
                byte[] damaged = cms.clone();
                damaged[at] = (byte) (damaged[at] ^ (1 << bit));
                failed += signer.verify(content, damaged).valid() ? 0 : 1;
            }
        }
        assertTrue(failed > cms.length, "most flips must break the signature, " + failed + " did");
    }

    @Test
    void deletionReorderingAndTruncationAreDetected() throws IOException {
        writeSample();
        List<String> lines = Files.readAllLines(file);
        Path copy = dir.resolve("copy.log");
        Random random = new Random(7);
        for (int i = 0; i < 30; i++) {
            List<String> deleted = new ArrayList<>(lines);
            deleted.remove(random.nextInt(lines.size()));
            Files.write(copy, deleted);
            assertFalse(Ledger.verify(copy, signer, anchor).intact(), "deletion");

            List<String> swapped = new ArrayList<>(lines);
            int a = random.nextInt(lines.size() - 1);
            swapped.set(a, lines.get(a + 1));
            swapped.set(a + 1, lines.get(a));
            Files.write(copy, swapped);
            assertFalse(Ledger.verify(copy, signer, anchor).intact(), "reordering");
        }
        Files.write(copy, lines.subList(0, lines.size() - 3));
        LedgerVerification truncated = Ledger.verify(copy, signer, anchor);
        assertFalse(truncated.intact());
        assertTrue(truncated.problems().get(0).contains("removed"), truncated.problems().toString());
        Files.write(copy, lines);
        assertTrue(Ledger.verify(copy, signer, anchor).intact());
    }

    @Test
    void aHeadSignedByAnotherKeyIsRejected() throws IOException {
        writeSample();
        vn.lienthong.signing.key.TrialPki other = vn.lienthong.signing.key.TrialPki.create("Other CA");
        vn.lienthong.signing.key.TrialPki.Issued issued = other.issue(
                vn.lienthong.signing.key.TrialPki.Profile.signer("Intruder", "X", "EC"));
        HeadSigner intruder = new CmsHeadSigner(vn.lienthong.archive.sign.SigningKey.of(
                vn.lienthong.signing.key.Pkcs12KeySource.ofKey(issued.key(), issued.chain(),
                        vn.lienthong.signing.key.ProviderPreference.JDK)));
        LedgerVerification v = Ledger.verify(file, intruder, anchor);
        assertFalse(v.intact());
    }

    @Test
    void aTornLastLineFromACrashIsDropped() throws IOException {
        writeSample();
        long size = Files.size(file);
        Files.write(file, "99\t2026-".getBytes(), java.nio.file.StandardOpenOption.APPEND);
        try (Ledger ledger = new Ledger(file, signer, HeadPolicy.defaults(), anchor, Clock.systemUTC())) {
            assertEquals(size, Files.size(file));
            assertTrue(ledger.verify().intact());
        }
    }

    @Test
    void twoLedgersOnOneFileAppendingConcurrentlyKeepOneChain() throws Exception {
        HeadPolicy policy = new HeadPolicy(7, Duration.ofHours(1));
        try (Ledger first = new Ledger(file, signer, policy, anchor, Clock.systemUTC());
             Ledger second = new Ledger(file, signer, policy, anchor, Clock.systemUTC())) {
            first.append(LedgerEvent.INGEST, "a-0", "", "first", "");
            second.append(LedgerEvent.INGEST, "b-0", "", "second", "");
            first.append(LedgerEvent.INGEST, "a-1", "", "first", "");
            assertEquals(3, first.head().seq(), "alternate appends continue each other's chain");

            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
                for (Ledger ledger : List.of(first, second)) {
                    writers.add(two.submit(() -> {
                        start.await();
                        for (int i = 0; i < 200; i++) {
                            ledger.append(LedgerEvent.READ, "r-" + i, "", ledger == first ? "first" : "second", "");
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> w : writers) {
                    w.get();
                }
            } finally {
                two.shutdownNow();
            }
        }
        assertOneChain(403, Set.of("first", "second"));
    }

    @Test
    void aLedgerInAnotherProcessAppendingAtTheSameTimeKeepsOneChain() throws Exception {
        vn.lienthong.signing.key.TrialPki pki = vn.lienthong.signing.key.TrialPki.create("Ledger test CA");
        vn.lienthong.signing.key.TrialPki.Issued issued = pki.issue(
                vn.lienthong.signing.key.TrialPki.Profile.signer("Lưu trữ", "UBND", "EC"));
        Path p12 = dir.resolve("head.p12");
        vn.lienthong.signing.key.TrialPki.writePkcs12(issued, p12, "pw".toCharArray(), "head");
        HeadSigner shared = new CmsHeadSigner(vn.lienthong.archive.sign.SigningKey.of(
                vn.lienthong.signing.key.Pkcs12KeySource.open(p12, "pw".toCharArray(), "head")));
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LedgerAppender.class.getName(), file.toString(),
                p12.toString(), "pw", "head", "300").redirectErrorStream(true).start();
        int mine = 0;
        try (Ledger ledger = new Ledger(file, shared, new HeadPolicy(5, Duration.ofHours(1)), HeadAnchor.none(),
                Clock.systemUTC());
             java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                     other.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            assertEquals("appending", out.readLine(), "the other process opened the ledger");
            // Append as long as the other process does, so the two really overlap.
            while (other.isAlive() || mine < 50) {
                ledger.append(LedgerEvent.READ, "parent-" + mine++, "", "this-process", "");
            }
            assertEquals("done", out.readLine());
        }
        assertEquals(0, other.waitFor());
        LedgerVerification v = Ledger.verify(file, shared, HeadAnchor.none());
        assertTrue(v.intact(), v.problems().toString());
        List<String> actors = new ArrayList<>();
        try (Ledger reader = new Ledger(file, shared, HeadPolicy.defaults(), HeadAnchor.none(), Clock.systemUTC())) {
            reader.forEach(e -> {
                if (e.event() != LedgerEvent.HEAD_SIGNED) {
                    actors.add(e.actor());
                }
            });
        }
        assertEquals(300 + mine, actors.size(), "every append of both processes is in the one chain");
        int switches = 0;
        for (int i = 1; i < actors.size(); i++) {
            switches += actors.get(i).equals(actors.get(i - 1)) ? 0 : 1;
        }
        assertTrue(switches > 1, "the two processes' appends interleave (" + switches + " switches)");
    }

    /** The file is one intact chain of {@code appended} entries plus signed heads, by these actors. */
    private void assertOneChain(int appended, Set<String> actors) {
        LedgerVerification v = Ledger.verify(file, signer, anchor);
        assertTrue(v.intact(), v.problems().toString());
        assertEquals(appended, v.entries() - v.signedHeads());
        assertEquals(0, v.unsignedTail(), "closing signed the tail");
        Set<String> seen = new java.util.HashSet<>();
        try (Ledger reader = new Ledger(file, signer, HeadPolicy.defaults(), anchor, Clock.systemUTC())) {
            reader.forEach(e -> {
                if (e.event() != LedgerEvent.HEAD_SIGNED) {
                    seen.add(e.actor());
                }
            });
        }
        assertEquals(actors, seen);
    }

    private void writeSample() {
        try (Ledger ledger = new Ledger(file, signer, new HeadPolicy(4, Duration.ofHours(1)), anchor,
                Clock.systemUTC())) {
            for (int i = 0; i < 10; i++) {
                ledger.append(LedgerEvent.values()[i % 9], "rec-" + i, "ab".repeat(32), "Nguyễn Văn A",
                        "chi tiết " + i);
            }
        }
    }

    static final class MemoryAnchor implements HeadAnchor {
        private LedgerHead head;

        @Override
        public void record(LedgerHead h) {
            head = h;
        }

        @Override
        public Optional<LedgerHead> latest() {
            return Optional.ofNullable(head);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-10-08T01:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
