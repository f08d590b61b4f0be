package vn.lienthong.gateway.infrastructure.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.jdbcx.JdbcDataSource;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveConfig;
import vn.lienthong.archive.ArchiveException;
import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.IndexUnavailableException;
import vn.lienthong.archive.IntegrityException;
import vn.lienthong.archive.RecordNotFoundException;
import vn.lienthong.archive.RecordVersion;
import vn.lienthong.archive.VerifyResult;
import vn.lienthong.archive.audit.AuditProgress;
import vn.lienthong.archive.audit.AuditSummary;
import vn.lienthong.archive.audit.SignerTrust;
import vn.lienthong.archive.index.ConnectionSource;
import vn.lienthong.archive.index.LocalIndexFile;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.ledger.HeadPolicy;
import vn.lienthong.archive.ledger.LedgerVerification;
import vn.lienthong.archive.pdf.PdfOptions;
import vn.lienthong.archive.renewal.RenewalPolicy;
import vn.lienthong.archive.renewal.RenewalProgress;
import vn.lienthong.archive.renewal.RenewalReport;
import vn.lienthong.archive.sign.CmsHeadSigner;
import vn.lienthong.archive.sign.PadesDocumentSigner;
import vn.lienthong.archive.sign.SigningKey;
import vn.lienthong.gateway.application.ArchiveHoldings;
import vn.lienthong.gateway.infrastructure.verification.TrustAnchors;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.gateway.domain.archive.ArchiveConflictException;
import vn.lienthong.gateway.domain.document.DocumentNotFoundException;
import vn.lienthong.gateway.domain.document.DocumentStorageException;
import vn.lienthong.gateway.infrastructure.config.StartRefusal;
import vn.lienthong.gateway.infrastructure.messagelog.GatewayKeyConfiguration;
import vn.lienthong.gateway.infrastructure.persistence.DatabaseMigration;

/**
 * The gateway's one {@link Archive}, opened when the application starts and closed when it stops.
 * It signs documents and ledger heads with the gateway's own key (the message log's keystore, the
 * DEMO PKI's gateway seal in demo mode): scans at PAdES-BASELINE-LT with the PKI's TSA and
 * revocation data.
 *
 * <p>The archive's index never goes through the gateway's DataSource: it holds one connection of
 * its own for its whole life (a pooled, JTA-enlisted connection must not be pinned), in auto-commit,
 * so a rolled-back gateway transaction cannot take archive rows with it while the blob and the
 * ledger entry stay. By default it is an H2 file in the archive directory, opened through Payara's
 * bundled H2 (2.2.224, the version the archive is built and tested with), so the directory alone is
 * a consistent backup the archive CLI reads. With {@code lienthong.archive.index.url} it is a
 * PostgreSQL database instead, in a schema of its own ({@code lienthong.archive.index.schema}),
 * which the CLI reads with {@code --index-url}; the CLI's {@code move-index} moves an H2 index there.
 *
 * <p>It is also the auditors' {@link ArchiveHoldings}: the library's calls with its failures turned
 * into the gateway's exceptions.
 */
@ApplicationScoped
public class GatewayArchive implements ArchiveHoldings {

    private static final Logger LOG = Logger.getLogger(GatewayArchive.class.getName());

    @Inject
    @ConfigProperty(name = "lienthong.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "lienthong.archive.dir")
    Optional<String> archiveDir;

    @Inject
    @ConfigProperty(name = "lienthong.archive.retention-years", defaultValue = "20")
    int retentionYears;

    @Inject
    @ConfigProperty(name = "lienthong.archive.index.url")
    Optional<String> indexUrl;

    @Inject
    @ConfigProperty(name = "lienthong.archive.index.user")
    Optional<String> indexUser;

    @Inject
    @ConfigProperty(name = "lienthong.archive.index.password")
    Optional<String> indexPassword;

    @Inject
    @ConfigProperty(name = "lienthong.archive.index.schema", defaultValue = "archive_index")
    String indexSchema;

    /** Renew when the newest time-stamp's TSA certificate ends within this many days. */
    @Inject
    @ConfigProperty(name = "lienthong.archive.renewal.margin-days", defaultValue = "180")
    int renewalMarginDays;

    /** Digests to retire: a newest time-stamp made with one of them is renewed (comma-separated, e.g. SHA-256). */
    @Inject
    @ConfigProperty(name = "lienthong.archive.renewal.retire-digests", defaultValue = "none")
    String retireDigests;

    /** The digest of new document time-stamps. */
    @Inject
    @ConfigProperty(name = "lienthong.archive.renewal.digest", defaultValue = "SHA-256")
    String renewalDigest;

    @Inject
    GatewayKeyConfiguration gatewayKey;

    @Inject
    Clock clock;

    @Inject
    TrustAnchors trustAnchors;

    /** The produced archive, looked up on use: this bean is also its producer. */
    @Inject
    Instance<Archive> archive;

    /** A pseudo-scoped singleton: {@link Archive} is final, so it cannot sit behind a normal scope's proxy. */
    @Produces
    @Singleton
    Archive open() {
        Path dir = Path.of(archiveDir.orElse(dataDir + "/archive")).toAbsolutePath().normalize();
        // The same key, and the same rule for a DEMO key, as the message log.
        SigningKey sealed = SigningKey.of(gatewayKey.open()).withRevocation(gatewayKey.revocation());
        return openIn(dir, gatewayKey.timestamps().map(sealed::withTimestamps).orElse(sealed), signerTrust());
    }

    /**
     * The signers' trust for a record's verify and the fixity audit: the same anchors as
     * {@code /api/v1/verify}. Without any, the audit checks the bytes and signatures' integrity only.
     */
    private Optional<SignerTrust> signerTrust() {
        List<X509Certificate> anchors = trustAnchors.certificates();
        if (anchors.isEmpty()) {
            LOG.warning("lienthong.verify.trust-anchors is empty: the archive's audit checks that signatures are "
                    + "intact, not that their signers chain to a trusted root");
            return Optional.empty();
        }
        return Optional.of(SignerTrust.anchoredAt(anchors));
    }

    /** Opens the archive in {@code dir}, checking integrity only; see {@link #openIn(Path, SigningKey, Optional)}. */
    Archive openIn(Path dir, SigningKey signing) {
        return openIn(dir, signing, Optional.empty());
    }

    /** Opens the archive in {@code dir}; an index that cannot be opened stops the start with one line. */
    Archive openIn(Path dir, SigningKey signing, Optional<SignerTrust> trust) {
        Archive archive;
        try {
            ArchiveConfig config = new ArchiveConfig(dir, Optional.of(index(dir)), Optional.empty(),
                    new PadesDocumentSigner(signing), new CmsHeadSigner(signing), HeadPolicy.defaults(),
                    PdfOptions.defaults(), Period.ofYears(retentionYears), clock, trust);
            archive = Archive.open(config);
        } catch (IndexUnavailableException e) {
            String line = refusal(e);
            throw StartRefusal.refuse(LOG, line, new ArchiveIndexException(line, e));
        }
        LOG.info(() -> "Archive open in " + dir + ", index in " + indexUrl.map(u -> u + " (schema " + indexSchema + ")")
                .orElse("its H2 file") + ", signing as " + signing.signerName() + ", signers judged by "
                + trust.map(Object::toString).orElse("no trust anchor"));
        return archive;
    }

    /** The one line a refused index start logs: the variable to fix, then what the database said. */
    static String refusal(IndexUnavailableException e) {
        String setting = switch (e.setting()) {
            case URL -> "LIENTHONG_ARCHIVE_INDEX_URL (lienthong.archive.index.url)";
            case LOGIN -> "LIENTHONG_ARCHIVE_INDEX_USER / LIENTHONG_ARCHIVE_INDEX_PASSWORD (lienthong.archive.index.user"
                    + " / .password)";
            case SCHEMA -> "LIENTHONG_ARCHIVE_INDEX_SCHEMA (lienthong.archive.index.schema)";
        };
        return "The gateway does not start: " + setting + ": " + e.getMessage().replace('\n', ' ')
                + " (docs/documents.md, \"The index in PostgreSQL\")";
    }

    void close(@Disposes Archive archive) {
        archive.close();
        LOG.info("Archive closed");
    }

    /** Opens it with the application, so a missing key or a locked index fails the start, not the first upload. */
    void openAtStart(@Observes @Priority(DatabaseMigration.PRIORITY + 50) @Initialized(ApplicationScoped.class)
                     Object started, Archive archive) {
        archive.find("");
    }

    /**
     * The PostgreSQL index when a URL is set (its own connection, outside JTA), else the same H2 file
     * the archive would open by itself, so the archive CLI reads this index too. Either way the
     * directory's H2 file says whether it still holds the index or was moved.
     */
    private ConnectionSource index(Path dir) {
        LocalIndexFile local = new LocalIndexFile(dir);
        if (indexUrl.isPresent()) {
            local.refuseIfStillHere();
            return ConnectionSource.url(indexUrl.get(), indexUser.orElse(""), indexPassword.orElse(""))
                    .inSchema(indexSchema);
        }
        local.refuseIfMoved();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(local.jdbcUrl());
        h2.setUser("sa");
        h2.setPassword("");
        return ConnectionSource.of(h2);
    }

    @Override
    public List<ArchiveRecord> search(SearchQuery query) {
        return call(() -> archive.get().search(query));
    }

    @Override
    public Optional<ArchiveRecord> find(String recordId) {
        return call(() -> archive.get().find(recordId));
    }

    @Override
    public VerifyResult verify(String recordId, String actor) {
        return call(() -> archive.get().verify(recordId, actor));
    }

    @Override
    public LedgerVerification verifyLedger() {
        return call(() -> archive.get().verifyLedger());
    }

    @Override
    public AuditSummary audit(String actor, Consumer<AuditProgress> progress) {
        return call(() -> archive.get().audit(actor, progress));
    }

    @Override
    public ArchiveRecord legalHold(String recordId, boolean hold, String actor, String reason) {
        return call(() -> {
            archive.get().setLegalHold(recordId, hold, actor, reason);
            return archive.get().find(recordId).orElseThrow(() -> new RecordNotFoundException(recordId));
        });
    }

    @Override
    public List<RecordVersion> versions(String recordId) {
        return call(() -> archive.get().versions(recordId));
    }

    @Override
    public RenewalReport renew(String actor, boolean dryRun, SearchQuery selection, Consumer<RenewalProgress> progress) {
        RenewalPolicy policy = renewalPolicy();
        return call(() -> archive.get().renewalJob(policy).run(actor, dryRun, selection, progress));
    }

    /** The configured renewal policy; a digest name the JDK does not know stops the run with the setting named. */
    RenewalPolicy renewalPolicy() {
        try {
            Set<DigestAlgorithm> retire = new LinkedHashSet<>();
            for (String name : retireDigests.split(",")) {
                if (!name.isBlank() && !name.strip().equalsIgnoreCase("none")) {
                    retire.add(digest(name.strip()));
                }
            }
            return new RenewalPolicy(Duration.ofDays(renewalMarginDays), retire, digest(renewalDigest.strip()), true);
        } catch (IllegalArgumentException e) {
            throw new DocumentStorageException("Cấu hình gia hạn lưu trữ không hợp lệ",
                    "lienthong.archive.renewal.* is not valid: " + e.getMessage(), e);
        }
    }

    private static DigestAlgorithm digest(String name) {
        for (DigestAlgorithm d : DigestAlgorithm.values()) {
            if (d.jcaName().equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown digest " + name);
    }

    /** The bag is written into a temporary directory, zipped beside it, and the directory removed. */
    @Override
    public Path exportBag(SearchQuery selection, String actor) {
        return call(() -> {
            Path work = temporary(() -> Files.createTempDirectory("lienthong-bag-"));
            Path bag = work.resolve("bag");
            try {
                archive.get().exportBag(selection, bag);
                Path zip = temporary(() -> Files.createTempFile("lienthong-bag-", ".zip"));
                try {
                    temporary(() -> zip(bag, zip));
                } catch (RuntimeException e) {
                    temporary(() -> Files.deleteIfExists(zip));
                    throw e;
                }
                LOG.info(() -> "BagIt export by " + actor + ": " + zip);
                return zip;
            } finally {
                temporary(() -> delete(work));
            }
        });
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (RecordNotFoundException e) {
            throw new DocumentNotFoundException("lưu trữ / archive record " + e.getMessage());
        } catch (IntegrityException e) {
            throw new ArchiveConflictException("Có bản lưu trữ bị hỏng trong kho; chạy kiểm tra toàn vẹn để biết bản nào",
                    e.getMessage(), e);
        } catch (ArchiveException e) {
            throw new DocumentStorageException("Kho lưu trữ tạm thời không dùng được; thử lại sau",
                    "The archive failed (" + e.getMessage() + "); try again later", e);
        }
    }

    /** A file operation whose failure is the archive's (the temporary files of an export). */
    private interface FileStep<T> {
        T run() throws IOException;
    }

    private static <T> T temporary(FileStep<T> step) {
        try {
            return step.run();
        } catch (IOException e) {
            throw new vn.lienthong.archive.StorageException("Cannot write the export: " + e.getMessage(), e);
        }
    }

    /** The bag's files under one folder named as the bag, so that unzipping gives a bag directory. */
    private static Path zip(Path bag, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> files = Files.walk(bag)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry("bag/" + bag.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static Path delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return dir;
    }
}
