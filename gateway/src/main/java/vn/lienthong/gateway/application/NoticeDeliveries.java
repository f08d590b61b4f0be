package vn.lienthong.gateway.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.notice.CitizenNotice;
import vn.lienthong.gateway.domain.notice.NoticeChannel;
import vn.lienthong.gateway.domain.notice.NoticeOutbox;
import vn.lienthong.gateway.domain.notice.NoticePolicy;
import vn.lienthong.gateway.domain.notice.NoticeStatus;
import vn.lienthong.gateway.domain.dossier.PersonalDataMask;

/**
 * The notice outbox's use cases for the delivery routes and the admin view: claim due notices,
 * record each outcome (sent, retry with backoff and jitter, dead after the last attempt, failed
 * for good). Each call is its own transaction.
 */
@ApplicationScoped
@Transactional
public class NoticeDeliveries {

    private static final Logger LOG = Logger.getLogger(NoticeDeliveries.class.getName());

    @Inject
    NoticeOutbox outbox;

    @Inject
    NoticePolicy policy;

    @Inject
    Clock clock;

    /** Jitter source; the tests seed it. */
    DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    /** Claims due notices of one channel; the claim commits on its own. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<CitizenNotice> claimDue(NoticeChannel channel) {
        OffsetDateTime now = now();
        return outbox.claimDue(channel, now, now.plus(policy.lease()), policy.batchSize());
    }

    public void sent(String noticeId) {
        outbox.find(noticeId).ifPresent(n -> outbox.update(n.sent(now())));
    }

    public void retryLater(String noticeId, String reason) {
        outbox.find(noticeId).ifPresent(n -> {
            CitizenNotice stored = outbox.retryLater(n, policy.retries(), random, reason, now());
            if (stored.status() == NoticeStatus.DEAD) {
                LOG.warning(() -> "Notice " + noticeId + " (" + n.channel() + ", dossier " + n.dossierCode()
                        + ") is dead after " + stored.attempts() + " attempts: " + PersonalDataMask.mask(reason));
            }
        });
    }

    public void failed(String noticeId, String reason) {
        outbox.find(noticeId).ifPresent(n -> {
            LOG.warning(() -> "Notice " + noticeId + " (" + n.channel() + ", dossier " + n.dossierCode()
                    + ") refused for good: " + PersonalDataMask.mask(reason));
            outbox.update(n.failed(reason, now()));
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CitizenNotice> list(NoticeStatus status, int limit) {
        return outbox.list(status, limit);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM).truncatedTo(ChronoUnit.MILLIS);
    }
}
