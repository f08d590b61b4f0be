package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveConfig;
import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.DepositRequest;
import vn.lienthong.archive.DocumentMetadata;
import vn.lienthong.archive.IngestRequest;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.sign.CmsHeadSigner;
import vn.lienthong.archive.sign.PadesDocumentSigner;
import vn.lienthong.archive.sign.SigningKey;
import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.document.DocumentRefusedException;
import vn.lienthong.gateway.domain.document.DossierDocument;
import vn.lienthong.gateway.domain.document.SignedPaper;
import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.CitizenId;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pdf.PadesLongTerm;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoTrustServices;
import vn.lienthong.signing.pki.EndEntity;
import vn.lienthong.signing.pki.MemoryRevocationRegistry;
import vn.lienthong.signing.pki.PkiSettings;

/** The document register over a real archive and a migrated database: idempotency, races, crash recovery. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JdbcDossierDocumentsTest {

    private static final DossierCode CODE = new DossierCode("000.00.20.H30-261008-0001");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-10-08T09:00:00+07:00");
    private static final SigningKey KEY;

    static {
        TrialPki.Issued issued = TrialPki.create("Lien Thong test CA").issue(
                TrialPki.Profile.signer("Lien Thong gateway test", "Test", "RSA"));
        KEY = SigningKey.of(Pkcs12KeySource.ofKey(issued.key(), issued.chain(), ProviderPreference.JDK));
    }

    @Parameter
    TestDatabase engine;

    @TempDir
    Path dir;

    private final Dossier dossier = Dossier.received(CODE, "3.000722", "000.00.20.H30", Channel.COUNTER,
            new Applicant("Nguyễn Thị Diệu", new CitizenId("001190012345"), "0912345678", null),
            "{}", "canbo-1", AT, AT.plusDays(5));
    private DataSource database;
    private Archive archive;
    private JdbcDossierDocuments documents;
    private Path signedPdf;

    @BeforeEach
    void open() {
        database = engine.fresh();
        archive = Archive.open(ArchiveConfig.of(dir.resolve("archive"), new PadesDocumentSigner(KEY),
                new CmsHeadSigner(KEY)));
        documents = new JdbcDossierDocuments(database, archive, repository(), Clock.systemUTC());
        signedPdf = signedResult();
    }

    @AfterEach
    void close() {
        archive.close();
    }

    @Test
    void aSecondDepositOfTheSameSourceAnswersTheFirstAndStoresNothing() throws IOException {
        DossierDocument first = documents.deposit(CODE, DocumentKind.RESULT, "Trích lục khai sinh", "msg-1",
                signedPdf, "system");
        DossierDocument again = documents.deposit(CODE, DocumentKind.RESULT, "Trích lục khai sinh", "msg-1",
                signedPdf, "system");

        assertEquals(first, again);
        assertEquals(List.of(first), documents.ofDossier(CODE));
        assertEquals(1, archived().size());
        assertEquals(sha256(Files.readAllBytes(signedPdf)), first.sha256());
        assertEquals(Files.size(signedPdf), first.size());
        try (InputStream in = documents.open(first, "officer-1")) {
            assertEquals(first.sha256(), sha256(in.readAllBytes()));
        }
        assertEquals(Optional.of(first), documents.find(CODE, first.id()));
        assertEquals(Optional.of(first), documents.bySource(CODE, "msg-1"));
        assertEquals(Optional.empty(), documents.find(new DossierCode("000.00.20.H30-261008-0002"), first.id()));
    }

    @Test
    void aPaperDepositedOnItsSignersStatementIsListedAndOtherBytesAreRefusedWithNothingListed() throws IOException {
        String sha256 = sha256(Files.readAllBytes(signedPdf));
        SignedPaper wrong = new SignedPaper("0".repeat(64), 1, 1, "CN=Lien Thong gateway test");
        assertThrows(DocumentRefusedException.class, () -> documents.deposit(CODE, DocumentKind.RESULT,
                "Trích lục khai sinh", "msg-1", signedPdf, wrong, "system"));
        assertEquals(List.of(), documents.ofDossier(CODE));
        assertEquals(0, archived().size());

        DossierDocument kept = documents.deposit(CODE, DocumentKind.RESULT, "Trích lục khai sinh", "msg-1",
                signedPdf, new SignedPaper(sha256, 1, 1, "CN=Lien Thong gateway test"), "system");
        assertEquals(sha256, kept.sha256());
        assertEquals(List.of(kept), documents.ofDossier(CODE));
        assertTrue(archive.verify(kept.archiveId(), "auditor-1").ok());
    }

    @Test
    void concurrentDepositsOfOneSourceArchiveOnce() throws Exception {
        List<DossierDocument> answers = race(8, i -> documents);
        assertEquals(1, answers.stream().map(DossierDocument::id).distinct().count(), answers::toString);
        assertEquals(1, documents.ofDossier(CODE).size());
        assertEquals(1, archived().size(), "one archive record: the lock keeps the others from archiving");
    }

    @Test
    void twoGatewayInstancesRacingListOneDocument() throws Exception {
        // Separate registers (separate locks) over one database: only the unique constraint decides.
        List<JdbcDossierDocuments> instances = List.of(documents,
                new JdbcDossierDocuments(database, archive, repository(), Clock.systemUTC()));
        List<DossierDocument> answers = race(8, i -> instances.get(i % 2));
        Set<String> ids = answers.stream().map(DossierDocument::id).collect(Collectors.toSet());
        assertEquals(1, ids.size(), answers::toString);
        assertEquals(1, documents.ofDossier(CODE).size());
        assertTrue(archived().stream().map(ArchiveRecord::id).toList().contains(answers.get(0).archiveId()));
    }

    @Test
    void aDepositInterruptedAfterTheArchiveIsFinishedByItsRerunWithoutASecondRecord() {
        // The crashed run: archived, but no row yet.
        ArchiveRecord before = archive.deposit(DepositRequest.of(signedPdf, new DocumentMetadata(CODE.value(),
                "result", "Trích lục khai sinh", "3.000722", "000.00.20.H30", "system", AT.toInstant())));

        DossierDocument listed = documents.deposit(CODE, DocumentKind.RESULT, "Trích lục khai sinh", "msg-1",
                signedPdf, "system");

        assertEquals(before.id(), listed.archiveId());
        assertEquals(1, archived().size());
    }

    @Test
    void aPaperBroughtToLongTermLaterIsItsArchiveRecordsNextVersionAndAnyOtherChangeIsRefused() throws IOException {
        DemoTrustServices demo = DemoTrustServices.create(DemoPki.create(PkiSettings.demo(
                java.net.URI.create("https://dichvucong.example.vn")), Clock.systemUTC()), new MemoryRevocationRegistry());
        TrialPki.Issued seal = demo.issue(EndEntity.agencySeal("000.00.20.H30", "UBND xã Test"));
        Path issued = signedBy(SigningKey.of(Pkcs12KeySource.ofKey(seal.key(), seal.chain(), ProviderPreference.JDK))
                .withTimestamps(demo.tsa()), "issued-at-bt.pdf");
        DossierDocument paper = documents.deposit(CODE, DocumentKind.RESULT, "Trích lục khai sinh", "msg-1", issued,
                "system");
        Path longTerm = Files.copy(issued, dir.resolve("long-term.pdf"));
        assertTrue(new PadesLongTerm(demo.revocationSource()).extend(longTerm).longTerm());

        DossierDocument revised = documents.revise(paper, longTerm, "system");

        assertEquals(paper.id(), revised.id());
        assertEquals(sha256(Files.readAllBytes(longTerm)), revised.sha256());
        assertEquals(Files.size(longTerm), revised.size());
        assertEquals(List.of(revised), documents.ofDossier(CODE));
        try (InputStream in = documents.open(revised, "officer-1")) {
            assertEquals(revised.sha256(), sha256(in.readAllBytes()));
        }
        assertEquals(paper.archiveId(), revised.archiveId(), "the same archive record, at its next version");
        assertEquals(Set.of(paper.archiveId()), archived().stream().map(ArchiveRecord::id).collect(Collectors.toSet()));
        assertEquals(List.of(paper.sha256(), revised.sha256()), archive.versions(paper.archiveId()).stream()
                .map(v -> v.blobHash().hex()).toList(), "the version at B-T is kept beside the one at B-LT");
        assertEquals(revised, documents.revise(revised, longTerm, "system"), "the same bytes again change nothing");

        Path rotated = dir.resolve("rotated-after-signing.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(longTerm.toFile());
             java.io.OutputStream out = Files.newOutputStream(rotated)) {
            doc.getPage(0).setRotation(90);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }
        assertThrows(DocumentRefusedException.class, () -> documents.revise(revised, rotated, "system"));
        assertEquals(List.of(revised), documents.ofDossier(CODE), "a refused revision changes nothing");
    }

    @Test
    void scannedPagesBecomeOneSignedScanDocument() throws IOException {
        DossierDocument scan = documents.digitize(dossier, "Bản scan hồ sơ", "scan-1",
                List.of(jpeg("p1.jpg", 1), jpeg("p2.jpg", 2), jpeg("p3.jpg", 3)), "canbo-1");

        assertEquals(DocumentKind.SCAN, scan.kind());
        assertEquals("application/pdf", scan.contentType());
        ArchiveRecord record = archive.find(scan.archiveId()).orElseThrow();
        assertEquals(4, record.pages(), "a cover page and three scans");
        assertEquals("000.00.20.H30", record.agencyCode());
        assertEquals(List.of(record.id()), archive.search(SearchQuery.all().withCitizenId("001190012345")).stream()
                .map(ArchiveRecord::id).toList(), "findable by the citizen's salted hash");
        assertEquals(scan.sha256(), sha256(Files.readAllBytes(archive.blobPath(record))));
        assertTrue(archive.verify(record.id(), "auditor-1").ok());
        assertEquals(scan, documents.digitize(dossier, "Bản scan hồ sơ", "scan-1", List.of(jpeg("p4.jpg", 4)),
                "canbo-1"), "the same upload again answers the first");
        assertEquals(1, archived().size());
    }

    @Test
    void anUnreadablePageKeepsNothing() throws IOException {
        Path garbage = Files.write(dir.resolve("page.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        assertThrows(DocumentRefusedException.class, () -> documents.digitize(dossier, "Bản scan", "scan-2",
                List.of(jpeg("ok.jpg", 5), garbage), "canbo-1"));
        assertEquals(List.of(), documents.ofDossier(CODE));
        assertEquals(List.of(), archived());
    }

    private List<ArchiveRecord> archived() {
        return archive.search(SearchQuery.byDossier(CODE.value()));
    }

    /** Threads released together, each depositing the same source through {@code register(i)}. */
    private List<DossierDocument> race(int threads, java.util.function.IntFunction<JdbcDossierDocuments> register)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<DossierDocument>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                JdbcDossierDocuments r = register.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return r.deposit(CODE, DocumentKind.RESULT, "Trích lục khai sinh", "msg-race", signedPdf, "system");
                }));
            }
            go.countDown();
            List<DossierDocument> answers = new ArrayList<>();
            for (Future<DossierDocument> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A signed PDF as the papers side hands one over: here, one made by another archive. */
    private Path signedResult() {
        return signedBy(KEY, "result.pdf");
    }

    private Path signedBy(SigningKey key, String name) {
        try (Archive maker = Archive.open(ArchiveConfig.of(dir.resolve("maker-" + name), new PadesDocumentSigner(key),
                new CmsHeadSigner(key)))) {
            ArchiveRecord r = maker.ingest(IngestRequest.of(List.of(jpeg("result.jpg", 99)), new DocumentMetadata(
                    CODE.value(), "result", "Trích lục khai sinh", "3.000722", "000.00.20.H30", "agency",
                    AT.toInstant())));
            Path out = dir.resolve(name);
            Files.copy(maker.blobPath(r), out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path jpeg(String name, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(400, 560, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 560);
        g.setColor(Color.DARK_GRAY);
        for (int line = 0; line < 30; line++) {
            g.fillRect(30, 30 + line * 17, 80 + random.nextInt(280), 6);
        }
        g.dispose();
        Path file = dir.resolve(name);
        try {
            ImageIO.write(image, "jpg", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private DossierRepository repository() {
        return (DossierRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DossierRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> CODE.equals(args[0]) ? Optional.of(dossier) : Optional.empty();
                    default -> throw new AssertionError("the register must not call " + method.getName());
                });
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
