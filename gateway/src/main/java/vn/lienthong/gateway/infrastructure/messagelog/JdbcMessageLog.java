package vn.lienthong.gateway.infrastructure.messagelog;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.domain.messagelog.ChainSigner;
import vn.lienthong.gateway.domain.messagelog.LoggedMessage;
import vn.lienthong.gateway.domain.messagelog.MessageLog;
import vn.lienthong.gateway.domain.messagelog.MessageLogQuery;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.PurgeAnchor;
import vn.lienthong.gateway.domain.messagelog.SignedBatch;
import vn.lienthong.gateway.domain.messagelog.Verification;

/**
 * The message log in the gateway's database: the CDI bean around a {@link ChainedMessageLog},
 * configured from MicroProfile Config. Its transactions are its own local ones (NOT_SUPPORTED
 * suspends a caller's JTA transaction): a record is evidence that a message went out or came in,
 * whatever becomes of the caller's work afterwards.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcMessageLog implements MessageLog {

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "lienthong.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.batch-records", defaultValue = "1000")
    long batchRecords;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.max-group-records", defaultValue = "500")
    int maxGroup;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.commit-wait-ms", defaultValue = "30000")
    long commitWaitMs;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.keystore-password", defaultValue = "demo-only")
    String keystorePassword;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.key-alias", defaultValue = "message-log")
    String keyAlias;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.demo-key.enabled")
    Optional<Boolean> demoKey;

    @Inject
    @ConfigProperty(name = "lienthong.db.url")
    Optional<String> externalDatabase;

    private ChainedMessageLog log;
    private volatile ChainSigner signer;

    @PostConstruct
    void start() {
        log = new ChainedMessageLog(dataSource, this::signer, clock, threads != null ? threads : Thread::new,
                new ChainedMessageLog.Settings(batchRecords, maxGroup, Duration.ofMillis(commitWaitMs)));
    }

    @PreDestroy
    void stop() {
        log.close();
    }

    @Override
    public MessageRecord append(LoggedMessage message) {
        return log.append(message);
    }

    @Override
    public Optional<SignedBatch> seal() {
        return log.seal();
    }

    @Override
    public Optional<PurgeAnchor> purge(Instant cutoff) {
        return log.purge(cutoff);
    }

    @Override
    public Verification verify() {
        return log.verify();
    }

    @Override
    public List<MessageRecord> find(MessageLogQuery query) {
        return log.find(query);
    }

    /** Opened on first use, so a keystore problem stops signing (and says why) but never the recording. */
    ChainSigner signer() {
        ChainSigner s = signer;
        if (s == null) {
            synchronized (this) {
                if (signer == null) {
                    Path file = Path.of(keystore.orElse(dataDir + "/keys/message-log-DEMO.p12")).toAbsolutePath().normalize();
                    signer = new CmsChainSigner(GatewaySigningKey.open(file, keystorePassword.toCharArray(), keyAlias,
                            demoKey.orElse(externalDatabase.isEmpty())));
                }
                s = signer;
            }
        }
        return s;
    }
}
