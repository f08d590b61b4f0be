package vn.lienthong.gateway.application;

import java.time.OffsetDateTime;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import vn.lienthong.gateway.application.event.DossierRescheduled;
import vn.lienthong.gateway.application.event.DossierStatusChanged;
import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.notice.CitizenNotice;
import vn.lienthong.gateway.domain.notice.NoticeChannel;
import vn.lienthong.gateway.domain.notice.NoticeKind;
import vn.lienthong.gateway.domain.notice.NoticeOccasion;
import vn.lienthong.gateway.domain.notice.NoticeOutbox;
import vn.lienthong.gateway.domain.notice.NoticePolicy;
import vn.lienthong.gateway.domain.notice.NoticeText;
import vn.lienthong.gateway.domain.notice.NoticeTexts;
import vn.lienthong.gateway.domain.procedure.Procedure;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/**
 * Turns the dossier events the citizen can see into notices in the outbox, one per consented,
 * enabled channel. Observes synchronously: the rows commit with the dossier change or not at all.
 * Nothing is sent here; the notice routes send after the commit.
 */
@ApplicationScoped
public class CitizenNotices {

    private static final Logger LOG = Logger.getLogger(CitizenNotices.class.getName());

    @Inject
    NoticeOutbox outbox;

    @Inject
    ProcedureCatalogue catalogue;

    @Inject
    NoticePolicy policy;

    void statusChanged(@Observes DossierStatusChanged event) {
        Dossier d = event.dossier();
        NoticeKind kind = switch (event.to()) {
            case RECEIVED -> event.isIntake() ? NoticeKind.RECEIVED : null;
            case SUPPLEMENT_REQUESTED -> NoticeKind.SUPPLEMENT_REQUESTED;
            case COMPLETED -> NoticeKind.COMPLETED;
            case PARTIALLY_COMPLETED -> NoticeKind.PARTIALLY_COMPLETED;
            case REJECTED -> NoticeKind.REJECTED;
            case STOPPED -> NoticeKind.STOPPED;
            // Work inside the office is not messaged.
            case IN_PROGRESS -> null;
        };
        if (kind == null) {
            return;
        }
        // A supplement can be asked for more than once; the other moments happen once per dossier.
        String key = kind == NoticeKind.SUPPLEMENT_REQUESTED ? kind + "@" + event.at().toInstant() : kind.name();
        String note = event.documentsToAdd().isEmpty() ? event.note()
                : (event.note() == null ? "" : event.note().strip() + ". ") + "Giấy tờ cần bổ sung: "
                        + String.join("; ", event.documentsToAdd());
        draft(d, kind, key, null, note, event.at());
    }

    void rescheduled(@Observes DossierRescheduled event) {
        Dossier d = event.dossier();
        draft(d, NoticeKind.RESCHEDULED, NoticeKind.RESCHEDULED + "@" + d.dueAt().toInstant(), event.previousDueAt(),
                event.reason(), event.at());
    }

    private void draft(Dossier d, NoticeKind kind, String eventKey, OffsetDateTime previousDueAt, String note,
                       OffsetDateTime at) {
        Applicant a = d.applicant();
        boolean sms = a.consent().sms() && present(a.phone()) && policy.enabled(NoticeChannel.SMS);
        boolean email = a.consent().email() && present(a.email()) && policy.enabled(NoticeChannel.EMAIL);
        if (!sms && !email) {
            return;
        }
        NoticeOccasion occasion = new NoticeOccasion(kind, d.code().value(),
                catalogue.procedure(d.procedureCode()).map(Procedure::name).orElse(d.procedureCode()),
                a.fullName(), d.dueAt(), previousDueAt, note, policy.lookupUrl(d.code().value()));
        if (sms) {
            add(CitizenNotice.draft(d.code(), eventKey, NoticeChannel.SMS, a.phone().trim(), null,
                    NoticeTexts.sms(occasion), at));
        }
        if (email) {
            NoticeText text = NoticeTexts.email(occasion);
            add(CitizenNotice.draft(d.code(), eventKey, NoticeChannel.EMAIL, a.email().trim(), text.subject(),
                    text.body(), at));
        }
    }

    private void add(CitizenNotice notice) {
        if (!outbox.add(notice)) {
            LOG.fine(() -> "Notice " + notice.eventKey() + " of " + notice.dossierCode() + " by " + notice.channel()
                    + " exists already; not drafted twice");
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
