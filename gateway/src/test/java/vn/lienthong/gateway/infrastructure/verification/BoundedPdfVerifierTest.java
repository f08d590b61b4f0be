package vn.lienthong.gateway.infrastructure.verification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.domain.document.UnverifiableDocumentException;
import vn.lienthong.gateway.domain.document.VerifierBusyException;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.verify.Indication;
import vn.lienthong.signing.verify.Reason;
import vn.lienthong.signing.verify.RevocationMode;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.verify.VerificationPolicy;
import vn.lienthong.signing.verify.VerificationReport;

/**
 * Hostile PDFs end as a 422-bound refusal with a reason: decompression bombs, nesting that
 * overflows the stack, broken cross-references, parsing past its time. A well-signed PDF still
 * verifies, and a flipped byte still fails.
 */
class BoundedPdfVerifierTest {

    private static final TrialPki PKI = TrialPki.create("Liên Thông verify test root");
    private static final SignatureVerifier VERIFIER = new SignatureVerifier(
            VerificationPolicy.of(List.of(PKI.caCertificate()), List.of()).withRevocation(RevocationMode.WARN));
    private static final VerificationLimits LIMITS =
            new VerificationLimits(Duration.ofSeconds(20), 2, Duration.ofSeconds(5), 32L << 20, 128L << 20);
    private static ThreadPoolExecutor executor;

    @TempDir
    Path dir;

    @BeforeAll
    static void startExecutor() {
        executor = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    private static BoundedPdfVerifier verifier(VerificationLimits limits, ExecutorService on) {
        return new BoundedPdfVerifier(VERIFIER, on, limits);
    }

    @Test
    void aWellSignedPdfPassesAndAFlippedByteFails() {
        Path signed = HostilePdfs.signed(dir, PKI);
        VerificationReport report = verifier(LIMITS, executor).verify(signed, "giay-khai-sinh.pdf");
        assertEquals(Indication.TOTAL_PASSED, report.indication(), report::toJson);
        assertEquals("giay-khai-sinh.pdf", report.document());
        assertTrue(report.toJson().contains("\"signatures\":[{"), report::toJson);

        VerificationReport tampered = verifier(LIMITS, executor)
                .verify(HostilePdfs.flipped(signed, dir.resolve("flipped.pdf")), "flipped.pdf");
        assertEquals(Indication.TOTAL_FAILED, tampered.indication(), tampered::toJson);
        assertTrue(tampered.signatures().get(0).has(Reason.HASH_FAILURE), tampered::toJson);
        assertTrue(tampered.signatures().get(0).subIndications().equals(List.of(Reason.HASH_FAILURE)),
                tampered::toJson);
    }

    @Test
    void anObjectStreamBombIsRefusedQuicklyWithoutFillingTheHeap() {
        // 1 MB on disk, 1 GiB inflated: without the cap PDFBox fills a 256 MB heap while opening it.
        Path bomb = HostilePdfs.objectStreamBomb(dir.resolve("objstm-bomb.pdf"), 1024);
        long before = usedHeap();
        long started = System.nanoTime();
        UnverifiableDocumentException e = assertThrows(UnverifiableDocumentException.class,
                () -> verifier(LIMITS, executor).verify(bomb, "bomb.pdf"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(e.english().contains("decompression bomb"), e::english);
        assertTrue(e.vietnamese().contains("bom giải nén"), e::vietnamese);
        assertTrue(millis < 5_000, "refused in " + millis + " ms");
        System.out.printf("object-stream bomb (%d bytes, 1 GiB inflated) refused in %d ms, heap %+d MiB%n",
                bomb.toFile().length(), millis, (usedHeap() - before) >> 20);
    }

    @Test
    void aCrossReferenceStreamBombIsRefusedEvenThoughPdfBoxCarriesOnLeniently() {
        Path bomb = HostilePdfs.xrefStreamBomb(dir.resolve("xref-bomb.pdf"), 1024);
        UnverifiableDocumentException e = assertThrows(UnverifiableDocumentException.class,
                () -> verifier(LIMITS, executor).verify(bomb, "bomb.pdf"));
        assertTrue(e.english().contains("one stream decompresses to more than 33554432 bytes"), e::english);
    }

    @Test
    void aBombBehindAnotherFilterIsCaughtAtItsSecondStage() {
        // The hex stage is harmless; the Flate stage after it inflates from memory, not from the file.
        Path bomb = HostilePdfs.chainedFilterBomb(dir.resolve("chained.pdf"), 1024);
        UnverifiableDocumentException e = assertThrows(UnverifiableDocumentException.class,
                () -> verifier(LIMITS, executor).verify(bomb, "chained.pdf"));
        assertTrue(e.english().contains("decompression bomb"), e::english);
    }

    @Test
    void deepNestingAndCyclesNeitherOverflowNorPass() {
        // PDFBox 3 stops at a recursion depth of 500 and skips field-tree loops; either way the
        // answer is quick, and a document whose only signature cannot be read never passes.
        Path hostile = HostilePdfs.deepAndCyclic(dir.resolve("deep.pdf"), 200_000);
        long started = System.nanoTime();
        try {
            VerificationReport report = verifier(LIMITS, executor).verify(hostile, "deep.pdf");
            assertTrue(report.indication() != Indication.TOTAL_PASSED, report::toJson);
        } catch (UnverifiableDocumentException e) {
            assertTrue(!e.english().contains(dir.toString()), "no server path in the reason: " + e.english());
        }
        assertTrue(System.nanoTime() - started < 5_000_000_000L);
    }

    @Test
    void aBrokenCrossReferenceIsRefusedOrReportedNeverThrownThrough() {
        Path broken = HostilePdfs.brokenXref(dir.resolve("broken.pdf"));
        try {
            VerificationReport report = verifier(LIMITS, executor).verify(broken, "broken.pdf");
            assertEquals(Indication.TOTAL_FAILED, report.indication(), "a PDF without signatures never passes");
        } catch (UnverifiableDocumentException e) {
            assertTrue(e.english().startsWith("The PDF cannot be read"), e::english);
        }
    }

    @Test
    void parsingPastItsTimeIsCancelledAndFreesItsSlot() {
        // Caps high enough that inflating 512 MiB takes far longer than the 50 ms allowed.
        VerificationLimits slow = new VerificationLimits(Duration.ofMillis(50), 1, Duration.ofSeconds(5),
                1L << 30, 1L << 30);
        ThreadPoolExecutor own = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
        try {
            BoundedPdfVerifier verifier = verifier(slow, own);
            Path bomb = HostilePdfs.objectStreamBomb(dir.resolve("slow.pdf"), 512);
            UnverifiableDocumentException e = assertThrows(UnverifiableDocumentException.class,
                    () -> verifier.verify(bomb, "slow.pdf"));
            assertTrue(e.english().contains("took longer than"), e::english);
            // The interrupt stops the inflation; the one slot is free again.
            await().atMost(Duration.ofSeconds(10)).until(() -> own.getActiveCount() == 0);
            Path signed = HostilePdfs.signed(dir, PKI);
            BoundedPdfVerifier patient = verifier(new VerificationLimits(Duration.ofSeconds(20), 1,
                    Duration.ofSeconds(5), 1L << 30, 1L << 30), own);
            assertEquals(Indication.TOTAL_PASSED, patient.verify(signed, "ok.pdf").indication());
        } finally {
            own.shutdownNow();
        }
    }

    @Test
    void aFullVerifierAnswersBusyInsteadOfQueueingForever() throws Exception {
        VerificationLimits one = new VerificationLimits(Duration.ofSeconds(3), 1, Duration.ZERO, 1L << 20, 1L << 20);
        ExecutorService stalled = Executors.newSingleThreadExecutor();
        try {
            // The only worker is taken, so the first verification waits in the executor's queue.
            CompletableFuture<Void> blocker = new CompletableFuture<>();
            stalled.submit(() -> blocker.join());
            BoundedPdfVerifier verifier = verifier(one, stalled);
            Path signed = HostilePdfs.signed(dir, PKI);
            CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() -> {
                try {
                    verifier.verify(signed, "first.pdf");
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> verifier.freeSlots() == 0);
            VerifierBusyException busy = assertThrows(VerifierBusyException.class, () -> verifier.verify(signed, "second.pdf"));
            assertEquals(3, busy.retryAfterSeconds());
            // The first one times out without ever starting; its slot comes back.
            assertTrue(first.get(10, TimeUnit.SECONDS) instanceof UnverifiableDocumentException);
            blocker.complete(null);
            assertEquals(Indication.TOTAL_PASSED, verifier.verify(signed, "third.pdf").indication());
        } finally {
            stalled.shutdownNow();
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
