package vn.lienthong.gateway.infrastructure.archive;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.jdbcx.JdbcDataSource;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveConfig;
import vn.lienthong.archive.index.ConnectionSource;
import vn.lienthong.archive.ledger.HeadPolicy;
import vn.lienthong.archive.pdf.PdfOptions;
import vn.lienthong.archive.sign.CmsHeadSigner;
import vn.lienthong.archive.sign.PadesDocumentSigner;
import vn.lienthong.archive.sign.SigningKey;
import vn.lienthong.gateway.infrastructure.messagelog.GatewayKeyConfiguration;
import vn.lienthong.gateway.infrastructure.persistence.DatabaseMigration;

/**
 * The gateway's one {@link Archive}, opened when the application starts and closed when it stops.
 * It signs documents and ledger heads with the gateway's own key (the message log's keystore, the
 * DEMO PKI's gateway seal in demo mode): scans at PAdES-BASELINE-LT with the PKI's TSA and
 * revocation data.
 *
 * <p>The archive's index is its own H2 file in the archive directory, opened through Payara's
 * bundled H2 (2.2.224, the version the archive is built and tested with), not the gateway's
 * DataSource: the index holds one connection for its whole life (a pooled, JTA-enlisted connection
 * must not be pinned), it anchors the ledger file beside it (the archive directory alone is a
 * consistent backup, readable by the archive CLI), and a rolled-back gateway transaction must not
 * take archive rows with it while the blob and the ledger entry stay.
 */
@ApplicationScoped
public class GatewayArchive {

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
    GatewayKeyConfiguration gatewayKey;

    @Inject
    Clock clock;

    /** A pseudo-scoped singleton: {@link Archive} is final, so it cannot sit behind a normal scope's proxy. */
    @Produces
    @Singleton
    Archive open() {
        Path dir = Path.of(archiveDir.orElse(dataDir + "/archive")).toAbsolutePath().normalize();
        // The same key, and the same rule for a DEMO key, as the message log.
        SigningKey sealed = SigningKey.of(gatewayKey.open()).withRevocation(gatewayKey.revocation());
        SigningKey signing = gatewayKey.timestamps().map(sealed::withTimestamps).orElse(sealed);
        ArchiveConfig config = new ArchiveConfig(dir, Optional.of(index(dir)), Optional.empty(),
                new PadesDocumentSigner(signing), new CmsHeadSigner(signing), HeadPolicy.defaults(),
                PdfOptions.defaults(), Period.ofYears(retentionYears), clock);
        Archive archive = Archive.open(config);
        LOG.info(() -> "Archive open in " + dir + ", signing as " + signing.signerName());
        return archive;
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

    /** The same H2 file the archive would open by itself, so the archive CLI reads this index too. */
    private static ConnectionSource index(Path dir) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("index") + ";DB_CLOSE_ON_EXIT=FALSE");
        h2.setUser("sa");
        h2.setPassword("");
        return ConnectionSource.of(h2);
    }
}
