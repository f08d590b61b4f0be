package vn.lienthong.gateway.application;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.ExchangeConflictException;
import vn.lienthong.gateway.domain.exchange.Outbox;
import vn.lienthong.gateway.domain.exchange.UnknownExchangeException;

/**
 * What an officer does about agency requests that failed for good or ran out of retries (dead
 * letters): list them, send one again, retry a dossier's step, or close the dossier partially.
 */
@ApplicationScoped
@Transactional
public class DeadLetters {

    @Inject
    Outbox outbox;

    @Inject
    DossierRepository dossiers;

    @Inject
    ProcessingRecord record;

    @Inject
    AgencyRequests requests;

    /** At most {@code limit} dead letters, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgencyMessage> list(int limit) {
        return outbox.deadLetters(limit);
    }

    /** Sends a dead letter again, with fresh attempts and the same message id (the agency de-duplicates). */
    public AgencyMessage replay(long id, String actor) {
        AgencyMessage m = outbox.findById(id).orElseThrow(() -> new UnknownExchangeException(
                "Không có thư chết số " + id, "No dead letter with id " + id));
        if (!m.status().isDeadLetter()) {
            throw new ExchangeConflictException("Thông điệp " + id + " đang ở trạng thái " + m.status()
                    + ", không phải thư chết", "Message " + id + " is " + m.status() + ", not a dead letter");
        }
        OffsetDateTime now = record.now();
        AgencyMessage replayed = requests.resend(m.replayed(now));
        dossiers.record(m.dossierCode(), new DossierEvent(DossierEvent.Kind.HANDOVER, null, null, actor, null,
                record.agencyName(m.agencyId()), null, null,
                "Gửi lại thông điệp " + m.messageId() + " / replayed", now));
        return replayed;
    }

    /**
     * An officer retries a step that failed for good or ran out of retries, once the cause is fixed:
     * the same message (same id, so an agency that did act will not act twice) goes out again.
     */
    public AgencyMessage retryStep(DossierCode code, String operation, String actor) {
        Dossier dossier = record.locked(code);
        if (dossier.status().isFinished()) {
            throw new ExchangeConflictException("Hồ sơ " + code + " đã kết thúc (" + dossier.status().vietnamese()
                    + "), không thử lại được", "Dossier " + code + " is " + dossier.status() + "; nothing to retry");
        }
        AgencyMessage m = outbox.ofDossier(code).stream().filter(x -> x.operation().equals(operation)).findFirst()
                .orElseThrow(() -> new UnknownExchangeException("Hồ sơ " + code + " không có bước " + operation,
                        "Dossier " + code + " has no step " + operation));
        return replay(m.id(), actor);
    }

    /**
     * An officer closes a liên thông dossier whose step failed for good: the results already in are
     * handed over, the dossier is PARTIALLY_COMPLETED, and the reason is in its history. Refused while
     * a step is still under way, so that no agency answers a closed dossier.
     */
    public Dossier closePartially(DossierCode code, String reason, String actor) {
        Dossier dossier = record.locked(code);
        List<AgencyMessage> steps = outbox.ofDossier(code);
        if (dossier.status().isFinished()) {
            throw new ExchangeConflictException("Hồ sơ " + code + " đã kết thúc (" + dossier.status().vietnamese() + ")",
                    "Dossier " + code + " is already " + dossier.status());
        }
        if (steps.stream().noneMatch(m -> m.status().isDeadLetter())) {
            throw new ExchangeConflictException("Hồ sơ " + code + " không có bước liên thông nào bị lỗi",
                    "Dossier " + code + " has no failed agency step; it completes on its own");
        }
        List<String> running = steps.stream().filter(m -> switch (m.status()) {
            case PENDING, IN_FLIGHT, ACCEPTED -> true;
            default -> false;
        }).map(AgencyMessage::operation).toList();
        if (!running.isEmpty()) {
            throw new ExchangeConflictException("Còn bước đang xử lý: " + String.join(", ", running),
                    "Steps still under way: " + String.join(", ", running));
        }
        String failed = steps.stream().filter(m -> m.status().isDeadLetter()).map(AgencyMessage::operation)
                .reduce((a, b) -> a + ", " + b).orElse("");
        return record.closePartially(dossier, "Hoàn thành một phần (bước lỗi: " + failed + "): " + reason, reason,
                actor, record.now());
    }
}
