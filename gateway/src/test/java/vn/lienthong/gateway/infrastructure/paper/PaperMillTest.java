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
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
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
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import eu.europa.esig.dss.enumerations.SignatureLevel;

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
import vn.lienthong.signing.TimestampException;
import vn.lienthong.signing.ltv.RevocationSource;
import vn.lienthong.signing.support.DssOffline;
import vn.lienthong.signing.verify.RevocationMode;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.tsp.TimestampSource;
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
    void withoutRevocationDataThePaperIsIssuedAtBTAndBroughtToBLtWhenTheRespondersAnswerAgain() throws IOException {
        Outage revocation = new Outage(pki.services.revocationSource());
        PaperMill mill = mill(keys, new ArrayList<>(), new PaperPress(pki.services.tsa(), revocation));
        jobs.request(PaperFixtures.CODE, DocumentKind.FORM_01, PaperJob.FORM_01, T0);

        revocation.down = true;
        assertEquals(1, mill.drain(), "the paper is not held back");
        assertFalse(jobs.pending(PaperFixtures.CODE), "and counts as issued");
        DssOffline.Verdict issued = dss(PaperJob.FORM_01);
        assertTrue(issued.allAt(SignatureLevel.PAdES_BASELINE_T), issued.detail());
        assertEquals(2, issued.indications().size(), issued.detail());
        String lt = PaperJob.longTermSource(PaperJob.FORM_01);
        assertEquals(PaperJob.Status.PENDING, jobs.find(PaperFixtures.CODE, lt).orElseThrow().status());

        assertEquals(0, mill.drain(), "still no revocation data");
        PaperJob waiting = jobs.find(PaperFixtures.CODE, lt).orElseThrow();
        assertEquals(PaperJob.Status.PENDING, waiting.status());
        assertTrue(waiting.lastError().contains("stays at PAdES-BASELINE-T") && waiting.lastError().contains("no OCSP"),
                waiting.lastError());

        revocation.down = false;
        clock.advance(Duration.ofSeconds(6));
        assertEquals(1, mill.drain());
        assertEquals(PaperJob.Status.DONE, jobs.find(PaperFixtures.CODE, lt).orElseThrow().status());
        DossierDocument revised = documents.bySource(PaperFixtures.CODE, PaperJob.FORM_01).orElseThrow();
        assertEquals("doc-0", revised.id(), "the same document, its bytes revised");
        DssOffline.Verdict longTerm = dss(PaperJob.FORM_01);
        assertTrue(longTerm.allPassed() && longTerm.allAt(SignatureLevel.PAdES_BASELINE_LT), longTerm.detail());
        assertEquals(2, longTerm.indications().size(), longTerm.detail());
        try (var work = Files.list(dir.resolve("work"))) {
            assertEquals(List.of(), work.toList(), "no intermediate file is left behind");
        }
    }

    @Test
    void whileTheTsaIsDownThePaperWaitsForItsRetryAndIsSignedWhenItAnswers() {
        AtomicBoolean tsaDown = new AtomicBoolean(true);
        TimestampSource up = pki.services.tsa();
        TimestampSource tsa = (digest, algorithm) -> {
            if (tsaDown.get()) {
                throw new TimestampException("the TSA does not answer (test outage)");
            }
            return up.timestamp(digest, algorithm);
        };
        PaperMill mill = mill(keys, new ArrayList<>(), new PaperPress(tsa, pki.services.revocationSource()));
        jobs.request(PaperFixtures.CODE, DocumentKind.FORM_01, PaperJob.FORM_01, T0);

        assertEquals(0, mill.drain());
        PaperJob waiting = jobs.find(PaperFixtures.CODE, PaperJob.FORM_01).orElseThrow();
        assertEquals(PaperJob.Status.PENDING, waiting.status());
        assertTrue(waiting.lastError().contains("TSA does not answer"), waiting.lastError());
        assertTrue(documents.sources().isEmpty(), "no paper without its time-stamp");

        tsaDown.set(false);
        clock.advance(Duration.ofSeconds(6));
        assertEquals(1, mill.drain());
        DssOffline.Verdict signed = dss(PaperJob.FORM_01);
        assertTrue(signed.allPassed() && signed.allAt(SignatureLevel.PAdES_BASELINE_LT), signed.detail());
    }

    /** EU DSS, offline, with the DEMO root as the only trust anchor, on the deposited paper. */
    private DssOffline.Verdict dss(String source) {
        return DssOffline.validate(documents.files.get(source), null, List.of(pki.root()), List.of());
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
        return mill(signing, recorded, pki.press());
    }

    private PaperMill mill(PaperKeys signing, List<DossierEvent> recorded, PaperPress press) {
        return new PaperMill(jobs, repository(recorded), outbox(), connectors(),
                new ProcedureCatalogue("test", List.of(PaperFixtures.procedure()),
                        List.of(new Agency("000.00.00.H30", "UBND phường Hàng Bài", "Cấp xã", null))),
                documents, clock, new PaperMill.Settings(10, Duration.ofMinutes(5), 3, 5, Duration.ofSeconds(5),
                        Duration.ofSeconds(60), dir.resolve("work"), PaperFixtures.ISSUER), () -> signing, press);
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
        public synchronized DossierDocument revise(DossierDocument document, Path revisedPdf, String actor) {
            try {
                Path copy = dir.resolve("revised-" + System.nanoTime() + ".pdf");
                Files.copy(revisedPdf, copy);
                files.put(document.source(), copy);
                DossierDocument d = new DossierDocument(document.id(), document.dossierCode(), document.kind(),
                        document.title(), document.contentType(), "", Files.size(copy), document.source(),
                        "archive-revised-" + document.source(), document.createdAt());
                bySource.put(document.source(), d);
                return d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream open(DossierDocument document, String actor) {
            try {
                return Files.newInputStream(files.get(document.source()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized List<String> sources() {
            return List.copyOf(order);
        }
    }

    /** A revocation source that answers nothing while {@code down}: OCSP responder and CRL both unreachable. */
    static final class Outage implements RevocationSource {
        private final RevocationSource up;
        volatile boolean down;

        Outage(RevocationSource up) {
            this.up = up;
        }

        @Override
        public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
            return down ? Optional.empty() : up.ocsp(certificate, issuer);
        }

        @Override
        public Optional<X509CRL> crl(X509Certificate certificate, X509Certificate issuer) {
            return down ? Optional.empty() : up.crl(certificate, issuer);
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
