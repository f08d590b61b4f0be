package vn.lienthong.gateway.infrastructure.messagelog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

import javax.sql.DataSource;

import vn.lienthong.gateway.domain.messagelog.ChainSigner;
import vn.lienthong.gateway.domain.messagelog.LoggedMessage;
import vn.lienthong.gateway.domain.messagelog.MessageKind;
import vn.lienthong.gateway.domain.messagelog.MessageLog;
import vn.lienthong.gateway.domain.messagelog.MessageLogQuery;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.PurgeAnchor;
import vn.lienthong.gateway.domain.messagelog.SignedBatch;
import vn.lienthong.gateway.domain.messagelog.Verification;
import vn.lienthong.gateway.infrastructure.persistence.JdbcMessageLogReader;
import vn.lienthong.gateway.infrastructure.persistence.JdbcMessageLogStore;

/**
 * The message log on a DataSource, without a container: writes through the single writer, reads
 * straight from the tables. The CDI bean wraps one; tests and the benchmark use it directly.
 */
public final class ChainedMessageLog implements MessageLog, AutoCloseable {

    /**
     * @param batchRecords sign as soon as this many records are unsigned
     * @param maxGroup     at most this many records per transaction
     * @param commitWait   how long a caller waits for its record's commit
     */
    public record Settings(long batchRecords, int maxGroup, Duration commitWait) {
    }

    private final JdbcMessageLogReader reader;
    private final Supplier<ChainSigner> signer;
    private final MessageLogWriter writer;

    public ChainedMessageLog(DataSource dataSource, Supplier<ChainSigner> signer, Clock clock, ThreadFactory threads,
                             Settings settings) {
        this.reader = new JdbcMessageLogReader(dataSource);
        this.signer = signer;
        this.writer = new MessageLogWriter(new JdbcMessageLogStore(dataSource), signer, clock, threads, settings.maxGroup(), settings.batchRecords(),
                settings.commitWait(), ChainedMessageLog::purgeRecord).start();
    }

    @Override
    public MessageRecord append(LoggedMessage message) {
        return writer.append(message);
    }

    @Override
    public Optional<SignedBatch> seal() {
        return writer.seal();
    }

    @Override
    public Optional<PurgeAnchor> purge(Instant cutoff) {
        return writer.purge(cutoff);
    }

    @Override
    public Verification verify() {
        return reader.verify(signer.get());
    }

    @Override
    public List<MessageRecord> find(MessageLogQuery query) {
        return reader.find(query);
    }

    /** Signs the tail and stops the writer. */
    @Override
    public void close() {
        writer.close();
    }

    /** The PURGE record: what went, and where the chain now starts. */
    static LoggedMessage purgeRecord(PurgeAnchor anchor, Instant cutoff) {
        return LoggedMessage.of(MessageKind.PURGE, null, "purge-anchor-" + anchor.id(), null, null, null,
                "{\"purgedThroughRecord\":" + anchor.lastPurgedId() + ",\"lastPurgedHash\":\"" + anchor.lastPurgedHash()
                        + "\",\"recordsPurged\":" + anchor.recordsPurged() + ",\"olderThan\":\"" + cutoff
                        + "\",\"anchor\":" + anchor.id() + "}");
    }
}
