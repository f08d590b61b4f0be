package vn.lienthong.gateway.infrastructure.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveException;
import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.BadInputException;
import vn.lienthong.archive.DepositRequest;
import vn.lienthong.archive.DocumentMetadata;
import vn.lienthong.archive.IngestRequest;
import vn.lienthong.archive.RecordNotFoundException;
import vn.lienthong.archive.SignerStatement;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.document.DocumentNotFoundException;
import vn.lienthong.gateway.domain.document.DocumentRefusedException;
import vn.lienthong.gateway.domain.document.DocumentStorageException;
import vn.lienthong.gateway.domain.document.DossierDocument;
import vn.lienthong.gateway.domain.document.DossierDocuments;
import vn.lienthong.gateway.domain.document.SignedPaper;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierNotFoundException;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.pdf.PadesLongTerm;

/**
 * The documents of each dossier: bytes in the {@link Archive}, one {@code dossier_document} row
 * each in the gateway's database (SQL for H2 and PostgreSQL).
 *
 * <p>Order, for crashes: the archive first, then the row. A crash in between leaves an archive
 * record that no row lists; the re-run (the caller retries the same source) then finds it for a
 * deposit, whose bytes are the same, by the dossier and the blob's SHA-256, and lists it; a scan is
 * signed anew, so its re-run archives a second record and the first stays unlisted: harmless, it is
 * kept, ledgered and audited like any other, and the row always names a complete record.
 *
 * <p>A revised document (validation data added to a paper after it was archived) is the archive record's
 * next version, never a record of its own; so is the archive's own LTA step and renewal, and
 * {@link #follow} keeps the row's SHA-256 and size on the record's newest version.
 *
 * <p>Idempotent per (dossier, source): one lock per key in this JVM keeps concurrent calls from
 * archiving twice, and the unique constraint settles a race between gateway instances (the loser
 * answers the winner's row). Its own local transactions (NOT_SUPPORTED): a listed document is
 * archived, whatever becomes of the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcDossierDocuments implements DossierDocuments {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String PDF = "application/pdf";
    private static final String COLUMNS =
            "id, dossier_code, kind, title, content_type, sha256, size_bytes, source, archive_id, created_at";
    private static final int MAX_TITLE = 255;
    private static final int MAX_SOURCE = 200;

    private final ReentrantLock[] locks = new ReentrantLock[64];

    @Inject
    DataSource dataSource;

    @Inject
    Archive archive;

    @Inject
    DossierRepository dossiers;

    @Inject
    Clock clock;

    public JdbcDossierDocuments() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** For tests outside the container. */
    public JdbcDossierDocuments(DataSource dataSource, Archive archive, DossierRepository dossiers, Clock clock) {
        this();
        this.dataSource = dataSource;
        this.archive = archive;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @Override
    public DossierDocument deposit(DossierCode code, DocumentKind kind, String title, String source, Path signedPdf,
                                   String actor) {
        return deposit(code, kind, title, source, signedPdf, Optional.empty(), actor);
    }

    @Override
    public DossierDocument deposit(DossierCode code, DocumentKind kind, String title, String source, Path signedPdf,
                                   SignedPaper signed, String actor) {
        return deposit(code, kind, title, source, signedPdf, Optional.of(signed), actor);
    }

    private DossierDocument deposit(DossierCode code, DocumentKind kind, String title, String source, Path signedPdf,
                                    Optional<SignedPaper> signed, String actor) {
        checkSource(source);
        return once(code, source, () -> {
            Dossier dossier = dossiers.find(code).orElseThrow(() -> new DossierNotFoundException(code));
            // The signer hashed what it wrote; the archive hashes its copy and compares.
            String sha256 = signed.isPresent() ? signed.get().sha256() : sha256(signedPdf);
            DocumentMetadata metadata = metadata(dossier, kind, title, actor);
            DepositRequest request = new DepositRequest(signedPdf, metadata, citizenId(dossier), Optional.empty(),
                    null, actor);
            DepositRequest deposit = signed.map(s -> request.statedBy(new SignerStatement(s.sha256(), s.pages(),
                    s.signatures(), s.signer()))).orElse(request);
            ArchiveRecord record = archived(code, metadata.documentType(), sha256)
                    .orElseGet(() -> archiving(() -> archive.deposit(deposit)));
            return list(code, kind, title, source, record);
        });
    }

    @Override
    public DossierDocument revise(DossierDocument document, Path revisedPdf, String actor) {
        DossierCode code = document.dossierCode();
        return locked(code, document.source(), () -> {
            DossierDocument current = find(code, document.id())
                    .orElseThrow(() -> new DocumentNotFoundException(document.id()));
            String sha256 = sha256(revisedPdf);
            if (sha256.equals(current.sha256())) {
                return current;
            }
            // The archive's next version of the same record (a crash before the row: the re-run finds the
            // record already at these bytes, which changes nothing there, and writes the row).
            ArchiveRecord record;
            try {
                record = archive.revise(current.archiveId(), revisedPdf, actor);
            } catch (RecordNotFoundException e) {
                throw new DocumentNotFoundException(document.id());
            } catch (BadInputException e) {
                throw new DocumentRefusedException("Không lưu trữ được bản sửa đổi: " + e.getMessage(),
                        "The revised document cannot be archived: " + e.getMessage(), e);
            } catch (ArchiveException e) {
                throw storage(e);
            }
            DossierDocument revised = new DossierDocument(current.id(), code, current.kind(), current.title(),
                    current.contentType(), record.blobHash().hex(), record.size(), current.source(), record.id(),
                    current.createdAt());
            follow(revised.archiveId(), revised.sha256(), revised.size());
            return revised;
        });
    }

    @Override
    public void follow(String archiveId, String sha256, long size) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE dossier_document SET sha256 = ?, size_bytes = ? WHERE archive_id = ?")) {
            ps.setString(1, sha256);
            ps.setLong(2, size);
            ps.setString(3, archiveId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("new archive version", e);
        }
    }

    @Override
    public DossierDocument digitize(Dossier dossier, String title, String source, List<Path> pages, String actor) {
        checkSource(source);
        return once(dossier.code(), source, () -> {
            DocumentMetadata metadata = metadata(dossier, DocumentKind.SCAN, title, actor);
            ArchiveRecord record = archiving(() -> archive.ingest(new IngestRequest(pages, metadata,
                    citizenId(dossier), Optional.empty(), null, actor)));
            return list(dossier.code(), DocumentKind.SCAN, title, source, record);
        });
    }

    @Override
    public boolean longTerm(DossierDocument document) {
        ArchiveRecord record = archiving(() -> archive.find(document.archiveId()))
                .orElseThrow(() -> new DocumentNotFoundException(document.id()));
        try {
            return PadesLongTerm.hasValidationData(archive.blobPath(record));
        } catch (SigningException e) {
            throw new DocumentStorageException("Không đọc được tài liệu đã lưu trữ",
                    "Cannot read the archived document " + document.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<DossierDocument> bySource(DossierCode code, String source) {
        return query("dossier_code = ? AND source = ?", code.value(), source).stream().findFirst();
    }

    @Override
    public List<DossierDocument> ofDossier(DossierCode code) {
        return query("dossier_code = ?", code.value());
    }

    @Override
    public Optional<DossierDocument> find(DossierCode code, String id) {
        return query("dossier_code = ? AND id = ?", code.value(), id).stream().findFirst();
    }

    @Override
    public InputStream open(DossierDocument document, String actor) {
        try {
            return archive.read(document.archiveId(), actor);
        } catch (RecordNotFoundException e) {
            throw new DocumentNotFoundException(document.id());
        } catch (ArchiveException e) {
            throw storage(e);
        }
    }

    private DossierDocument once(DossierCode code, String source, Supplier<DossierDocument> create) {
        return locked(code, source, () -> bySource(code, source).orElseGet(create));
    }

    /** Runs {@code step} under this JVM's lock of the (dossier, source) key. */
    private DossierDocument locked(DossierCode code, String source, Supplier<DossierDocument> step) {
        ReentrantLock lock = locks[Math.floorMod((code.value() + "\n" + source).hashCode(), locks.length)];
        lock.lock();
        try {
            return step.get();
        } finally {
            lock.unlock();
        }
    }

    /** A record of this dossier with these very bytes, archived by a run that crashed before its row. */
    private Optional<ArchiveRecord> archived(DossierCode code, String documentType, String sha256) {
        Optional<ArchiveRecord> found = archiving(() -> archive.search(SearchQuery.byDossier(code.value())).stream()
                .filter(r -> r.documentType().equals(documentType) && r.blobHash().hex().equals(sha256))
                .findFirst());
        found.ifPresent(r -> System.getLogger(JdbcDossierDocuments.class.getName()).log(System.Logger.Level.INFO,
                "Listing archive record " + r.id() + " of " + code + ", archived before an interrupted deposit"));
        return found;
    }

    private DossierDocument list(DossierCode code, DocumentKind kind, String title, String source,
                                 ArchiveRecord record) {
        DossierDocument document = new DossierDocument(UUID.randomUUID().toString(), code, kind, title(title, kind),
                PDF, record.blobHash().hex(), record.size(), source, record.id(),
                OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM).truncatedTo(ChronoUnit.MILLIS));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dossier_document (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, document.id());
            ps.setString(2, code.value());
            ps.setString(3, kind.name());
            ps.setString(4, document.title());
            ps.setString(5, document.contentType());
            ps.setString(6, document.sha256());
            ps.setLong(7, document.size());
            ps.setString(8, source);
            ps.setString(9, document.archiveId());
            ps.setObject(10, document.createdAt());
            ps.executeUpdate();
            return document;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // Another gateway instance listed the same source first: its document is the answer.
                return bySource(code, source).orElseThrow(() -> failure("list", e));
            }
            throw failure("list", e);
        }
    }

    private List<DossierDocument> query(String where, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM dossier_document WHERE " + where + " ORDER BY created_at, id")) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<DossierDocument> documents = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    documents.add(new DossierDocument(rs.getString("id"), new DossierCode(rs.getString("dossier_code")),
                            DocumentKind.valueOf(rs.getString("kind")), rs.getString("title"),
                            rs.getString("content_type"), rs.getString("sha256").trim(), rs.getLong("size_bytes"),
                            rs.getString("source"), rs.getString("archive_id"),
                            Rows.time(rs, "created_at")));
                }
            }
            return documents;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private DocumentMetadata metadata(Dossier dossier, DocumentKind kind, String title, String actor) {
        return archiving(() -> new DocumentMetadata(dossier.code().value(),
                kind.archiveType(), title(title, kind), dossier.procedureCode(),
                dossier.agencyCode(), actor, clock.instant()));
    }

    private static Optional<String> citizenId(Dossier dossier) {
        return dossier.applicant() == null || dossier.applicant().citizenId() == null ? Optional.empty()
                : Optional.of(dossier.applicant().citizenId().value());
    }

    private static String title(String title, DocumentKind kind) {
        String t = title == null || title.isBlank() ? kind.name() : title.strip();
        return t.length() <= MAX_TITLE ? t : t.substring(0, MAX_TITLE);
    }

    private static void checkSource(String source) {
        if (source == null || source.isBlank() || source.length() > MAX_SOURCE) {
            throw new IllegalArgumentException("A document source is 1 to " + MAX_SOURCE + " characters: " + source);
        }
    }

    private static <T> T archiving(Supplier<T> step) {
        try {
            return step.get();
        } catch (BadInputException e) {
            throw new DocumentRefusedException("Không lưu trữ được tài liệu: " + e.getMessage(),
                    "The document cannot be archived: " + e.getMessage(), e);
        } catch (ArchiveException e) {
            throw storage(e);
        }
    }

    private static DocumentStorageException storage(ArchiveException e) {
        return new DocumentStorageException("Kho lưu trữ tạm thời không dùng được; thử lại sau",
                "The archive failed (" + e.getMessage() + "); try again later", e);
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new DocumentRefusedException("Không đọc được tệp PDF đã ký " + file.getFileName(),
                    "Cannot read the signed PDF " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new DocumentStorageException("JDK thiếu SHA-256", "The JDK has no SHA-256", e);
        }
    }

    private static DocumentStorageException failure(String what, SQLException e) {
        return new DocumentStorageException("Lỗi cơ sở dữ liệu khi ghi danh mục tài liệu (" + what + ")",
                "Database failure on the document register (" + what + "): " + e.getMessage(), e);
    }
}
