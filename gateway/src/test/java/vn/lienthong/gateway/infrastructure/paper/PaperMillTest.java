package vn.lienthong.gateway.infrastructure.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.document.DossierDocument;
import vn.lienthong.gateway.domain.document.DossierDocuments;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.domain.exchange.Outbox;
import vn.lienthong.gateway.domain.paper.PaperJob;
import vn.lienthong.gateway.domain.procedure.Agency;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.infrastructure.persistence.JdbcPaperJobs;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;
import vn.lienthong.signing.verify.RevocationMode;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.verify.VerificationPolicy;

/** The mill makes what was ordered, deposits it once, retries a failure with backoff, and survives a crash. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PaperMillTest {

    @TempDir
    static Path dir;
    private static DemoPaperKeys pki;
    private static PaperKeys keys;
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-10-08T02:00:00Z");
    private static final AgencyMessage BIRTH = PaperFixtures.message("BIRTH_REGISTRATION", "civil-status",
            "{\"registrationNumber\":\"KS-12\",\"personalId\":\"001226004321\"}");

    private final MovableClock clock = new MovableClock(T0.toInstant());
    private final JdbcPaperJobs jobs;
    private final FakeDocuments documents = new FakeDocuments();

    PaperMillTest(TestDatabase engine) {
        jobs = new JdbcPaperJobs(engine.fresh());
    }

    @BeforeAll
    static void demoKeys() {
        pki = DemoPaperKeys.create();
        keys = PaperKeys.issuedBy(pki);
    }

    @AfterAll
    static void closeKeys() {
        keys.close();
    }

    @Test
    void makesEachOrderedPaperSignedTwiceAndDepositsItUnderItsSource() throws IOException {
        jobs.request(PaperFixtures.CODE, DocumentKind.FORM_01, PaperJob.FORM_01, T0);
        jobs.request(PaperFixtures.CODE, DocumentKind.RESULT, BIRTH.messageId(), T0);
        assertTrue(jobs.pending(PaperFixtures.CODE));

        assertEquals(2, mill().drain());

        assertFalse(jobs.pending(PaperFixtures.CODE));
        assertEquals(List.of(PaperJob.FORM_01, BIRTH.messageId()), documents.sources());
        DossierDocument result = documents.bySource(PaperFixtures.CODE, BIRTH.messageId()).orElseThrow();
        assertEquals(DocumentKind.RESULT, result.kind());
        assertEquals("Trích lục khai sinh", result.title());
        assertEquals(2, new SignatureVerifier(VerificationPolicy.of(List.of(), List.of())
                .withRevocation(RevocationMode.WARN)).verifyPdf(documents.files.get(BIRTH.messageId()))
                .signatures().size());
        try (var work = Files.list(dir.resolve("work"))) {
            assertEquals(List.of(), work.toList(), "no intermediate file is left behind");
        }
    }

    @Test
    void aFailedDepositIsRetriedAfterItsBackoffWithTheErrorKept() {
        jobs.request(PaperFixtures.CODE, DocumentKind.FORM_01, PaperJob.FORM_01, T0);
        documents.failures = 1;

        assertEquals(0, mill().drain());
        PaperJob failed = jobs.find(PaperFixtures.CODE, PaperJob.FORM_01).orElseThrow();
        assertEquals(PaperJob.Status.PENDING, failed.status());
        assertTrue(failed.lastError().contains("archive is down"), failed.lastError());
        assertEquals(1, failed.attempts());

        clock.advance(Duration.ofSeconds(4));
        assertEquals(0, mill().drain(), "not before its backoff");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(1, mill().drain());
        assertFalse(jobs.pending(PaperFixtures.CODE));
    }

    @Test
    void afterACrashTheExpiredClaimIsTakenAgainAndAnAlreadyDepositedPaperIsNotMadeTwice() throws IOException {
        jobs.request(PaperFixtures.CODE, DocumentKind.FORM_01, PaperJob.FORM_01, T0);
        jobs.request(PaperFixtures.CODE, DocumentKind.RESULT, BIRTH.messageId(), T0);
        // A worker claimed both, deposited the result, and died before marking anything done.
        assertEquals(2, jobs.claimDue(T0, T0.plus(Duration.ofMinutes(5)), 10).size());
        Path made = Files.writeString(dir.resolve("deposited-before.pdf"), "%PDF-1.7 made before the crash");
        documents.deposit(PaperFixtures.CODE, DocumentKind.RESULT, "Trích lục khai sinh", BIRTH.messageId(), made,
                "test");

        assertEquals(0, mill().drain(), "the claims still hold");
        clock.advance(Duration.ofMinutes(6));
        assertEquals(2, mill().drain());
        assertEquals(2, documents.deposits, "the result was deposited once, form 01 once");
        assertFalse(jobs.pending(PaperFixtures.CODE));
    }

    @Test
    void aRevokedOfficerCertificateStopsThePaperWithItsReasonInTheJobAndOneHistoryLine() {
        DemoPaperKeys revoking = DemoPaperKeys.create();
        PaperKeys.Signatory officer = new PaperKeys.Signatory("Lê Văn Tâm", "000.00.00.H30", "UBND phường Hàng Bài");
        PaperKeys.issuedBy(revoking).signers(officer);
        revoking.revoke(officer.officerId(), officer.agencyCode());
        jobs.request(PaperFixtures.CODE, DocumentKind.FORM_01, PaperJob.FORM_01, T0);
        List<DossierEvent> recorded = new ArrayList<>();
        PaperMill mill = mill(PaperKeys.issuedBy(revoking), recorded);

        assertEquals(0, mill.drain());
        clock.advance(Duration.ofSeconds(6));
        assertEquals(0, mill.drain(), "refused again on its retry");

        PaperJob job = jobs.find(PaperFixtures.CODE, PaperJob.FORM_01).orElseThrow();
        assertEquals(PaperJob.Status.PENDING, job.status());
        assertEquals(2, job.attempts());
        assertTrue(job.lastError().startsWith("CertificateUnusableException") && job.lastError().contains("revoked"),
                job.lastError());
        assertEquals(1, recorded.size(), "one history line, not one per retry: " + recorded);
        assertEquals(DossierEvent.Kind.PAPER_REFUSED, recorded.get(0).kind());
        assertTrue(recorded.get(0).note().contains("revoked"), recorded.get(0).note());
        assertTrue(documents.sources().isEmpty(), "nothing deposited");
    }

    @Test
    void givesUpAfterTheLastAttemptAndStaysPending() {
        jobs.request(PaperFixtures.CODE, DocumentKind.RESULT, "msg-unknown", T0);
        PaperMill mill = mill();
        for (int i = 0; i < 3; i++) {
            mill.drain();
            clock.advance(Duration.ofMinutes(10));
        }
        PaperJob job = jobs.find(PaperFixtures.CODE, "msg-unknown").orElseThrow();
        assertEquals(PaperJob.Status.FAILED, job.status());
        assertTrue(job.lastError().contains("msg-unknown of " + PaperFixtures.CODE), job.lastError());
        assertTrue(jobs.pending(PaperFixtures.CODE));
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        PaperMill mill = mill();
        assertEquals(Duration.ofSeconds(5), mill.backoff(1));
        assertEquals(Duration.ofSeconds(20), mill.backoff(3));
        assertEquals(Duration.ofSeconds(60), mill.backoff(12));
    }

    private PaperMill mill() {
        return mill(keys, new ArrayList<>());
    }

    private PaperMill mill(PaperKeys signing, List<DossierEvent> recorded) {
        return new PaperMill(jobs, repository(recorded), outbox(), connectors(),
                new ProcedureCatalogue("test", List.of(PaperFixtures.procedure()),
                        List.of(new Agency("000.00.00.H30", "UBND phường Hàng Bài", "Cấp xã", null))),
                documents, clock, new PaperMill.Settings(10, Duration.ofMinutes(5), 3, Duration.ofSeconds(5),
                        Duration.ofSeconds(60), dir.resolve("work"), PaperFixtures.ISSUER), () -> signing, pki.press());
    }

    private static DossierRepository repository(List<DossierEvent> recorded) {
        return proxy(DossierRepository.class, Map.of(
                "find", args -> Optional.of(PaperFixtures.dossier()).filter(d -> d.code().equals(args[0])),
                "history", args -> PaperFixtures.history(),
                "record", args -> recorded.add((DossierEvent) args[1]) ? null : null));
    }

    private static Outbox outbox() {
        return proxy(Outbox.class, Map.of("find", args -> Optional.of(BIRTH).filter(m -> m.messageId().equals(args[0]))));
    }

    private static ConnectorDirectory connectors() {
        return proxy(ConnectorDirectory.class, Map.of("byId", args -> Optional.of(new Connector("civil-status",
                "Hộ tịch điện tử (Bộ Tư pháp)", "000.00.00.G12", "CIVIL_STATUS", false, true, null))));
    }

    /** Only the given methods answer; any other call fails the test. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, java.util.function.Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(PaperMillTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    var answer = answers.get(method.getName());
                    if (answer == null) {
                        throw new AssertionError("the mill must not call " + type.getSimpleName() + "." + method.getName());
                    }
                    return answer.apply(args);
                });
    }

    /** The documents helper's store, in memory: idempotent per source, and told when to fail. */
    static final class FakeDocuments implements DossierDocuments {
        final Map<String, DossierDocument> bySource = new ConcurrentHashMap<>();
        final Map<String, Path> files = new ConcurrentHashMap<>();
        final List<String> order = new ArrayList<>();
        int failures;
        int deposits;

        @Override
        public synchronized DossierDocument deposit(DossierCode code, DocumentKind kind, String title, String source,
                                                    Path signedPdf, String actor) {
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("the archive is down");
            }
            DossierDocument existing = bySource.get(source);
            if (existing != null) {
                return existing;
            }
            try {
                Path copy = dir.resolve("deposited-" + bySource.size() + "-" + System.nanoTime() + ".pdf");
                Files.copy(signedPdf, copy);
                files.put(source, copy);
                DossierDocument d = new DossierDocument("doc-" + bySource.size(), code, kind, title, "application/pdf",
                        "", Files.size(copy), source, "archive-" + source, OffsetDateTime.now(ZoneOffset.UTC));
                bySource.put(source, d);
                order.add(source);
                deposits++;
                return d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Optional<DossierDocument> bySource(DossierCode code, String source) {
            return Optional.ofNullable(bySource.get(source));
        }

        @Override
        public List<DossierDocument> ofDossier(DossierCode code) {
            return List.copyOf(bySource.values());
        }

        @Override
        public Optional<DossierDocument> find(DossierCode code, String id) {
            return bySource.values().stream().filter(d -> d.id().equals(id)).findFirst();
        }

        @Override
        public InputStream open(DossierDocument document, String actor) {
            throw new UnsupportedOperationException("not read by the mill");
        }

        synchronized List<String> sources() {
            return List.copyOf(order);
        }
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
