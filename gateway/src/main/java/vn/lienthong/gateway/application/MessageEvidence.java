package vn.lienthong.gateway.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.domain.messagelog.MessageLog;
import vn.lienthong.gateway.domain.messagelog.MessageLogQuery;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.PurgeAnchor;
import vn.lienthong.gateway.domain.messagelog.SignedBatch;
import vn.lienthong.gateway.domain.messagelog.Verification;

/**
 * The message log as evidence: its verification, its pages for an administrator, its batch
 * signatures on a timer, and its retention (records older than the retention period go; the
 * purge is itself a record of the chain).
 */
@ApplicationScoped
public class MessageEvidence {

    private static final Logger LOG = Logger.getLogger(MessageEvidence.class.getName());

    @Inject
    MessageLog log;

    @Inject
    Clock clock;

    /** 0 keeps records forever. */
    @Inject
    @ConfigProperty(name = "lienthong.message-log.retention-days", defaultValue = "3650")
    long retentionDays;

    public Verification verify() {
        return log.verify();
    }

    public List<MessageRecord> page(MessageLogQuery query) {
        return log.find(query);
    }

    /** Signs what the writer has not signed yet (the "every T seconds" half of the batch rule). */
    public Optional<SignedBatch> seal() {
        return log.seal();
    }

    public Optional<PurgeAnchor> purgeExpired() {
        if (retentionDays <= 0) {
            return Optional.empty();
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        Optional<PurgeAnchor> anchor = log.purge(cutoff);
        anchor.ifPresent(a -> LOG.info(() -> "Message log retention (" + retentionDays + " days): purged "
                + a.recordsPurged() + " records through record " + a.lastPurgedId() + "; the chain now starts at anchor "
                + a.id()));
        return anchor;
    }
}
