package vn.lienthong.gateway.infrastructure.messagelog;

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
    @ConfigProperty(name = "lienthong.message-log.batch-records", defaultValue = "1000")
    long batchRecords;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.max-group-records", defaultValue = "500")
    int maxGroup;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.commit-wait-ms", defaultValue = "30000")
    long commitWaitMs;

    @Inject
    GatewayKeyConfiguration gatewayKey;

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
                    signer = new CmsChainSigner(gatewayKey.open(), gatewayKey.timestamps().orElse(null));
                }
                s = signer;
            }
        }
        return s;
    }
}
