package vn.lienthong.gateway.domain.notice;

import java.time.OffsetDateTime;
import java.util.UUID;

import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * One message to a citizen on one channel, as the notice outbox holds it. {@code noticeId} is
 * stable across retries: the SMS provider de-duplicates on it ({@code X-Request-Id}) and the
 * e-mail carries it as its Message-ID. {@code eventKey} names the dossier event; one event and
 * channel make at most one notice. Attempts are counted by the outbox when it claims a notice for
 * sending; retries and dead notices are the outbox's.
 */
public record CitizenNotice(long id, String noticeId, DossierCode dossierCode, String eventKey, NoticeChannel channel,
                            String recipient, String subject, String body, NoticeStatus status, int attempts,
                            String lastError, OffsetDateTime nextAttemptAt, OffsetDateTime createdAt,
                            OffsetDateTime updatedAt) {

    /** A new notice, due at once. */
    public static CitizenNotice draft(DossierCode dossierCode, String eventKey, NoticeChannel channel,
                                      String recipient, String subject, String body, OffsetDateTime now) {
        return new CitizenNotice(0, UUID.randomUUID().toString(), dossierCode, eventKey, channel, recipient, subject,
                body, NoticeStatus.PENDING, 0, null, now, now, now);
    }

    public CitizenNotice sent(OffsetDateTime now) {
        return with(NoticeStatus.SENT, null, now);
    }

    /** The provider refused the notice for good (a bad number or address): no retry would help. */
    public CitizenNotice failed(String error, OffsetDateTime now) {
        return with(NoticeStatus.FAILED, error, now);
    }

    private CitizenNotice with(NoticeStatus s, String error, OffsetDateTime now) {
        return new CitizenNotice(id, noticeId, dossierCode, eventKey, channel, recipient, subject, body, s, attempts,
                error, now, createdAt, now);
    }
}
