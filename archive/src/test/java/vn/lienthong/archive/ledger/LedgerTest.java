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
