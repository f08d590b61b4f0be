package vn.lienthong.gateway.application;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import vn.lienthong.gateway.application.event.AgencyStepDone;
import vn.lienthong.gateway.application.event.DossierRescheduled;
import vn.lienthong.gateway.application.event.DossierStatusChanged;
import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.document.DossierDocument;
import vn.lienthong.gateway.domain.document.DossierDocuments;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.paper.DeskDecision;
import vn.lienthong.gateway.domain.paper.PaperJob;
import vn.lienthong.gateway.domain.paper.PaperJobs;

/**
 * Orders the papers a dossier change calls for: form 01 at intake, form 02 at each supplement
 * request, form 03 at a refusal, form 04 at each new appointment date, form 05 at a stop, form 06 at
 * completion, a result paper for every agency result. Runs inside the change's transaction, so the
 * order commits with it; it only writes a job row, rendering happens later on the paper route.
 * It also orders the long-term update of a scan sealed at B-T ({@link #longTermUpdate}).
 */
@ApplicationScoped
public class PaperOrders {

    @Inject
    PaperJobs jobs;

    public PaperOrders() {
    }

    /** Outside a container. */
    public PaperOrders(PaperJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * Orders the long-term update of an archived document sealed without its validation data (a scan
     * sealed while no revocation data could be had, {@link DossierDocuments#longTerm} false): the paper
     * route adds them when the CRL or OCSP answers again, as for a paper issued at B-T. A second order
     * of the same document is ignored.
     */
    public void longTermUpdate(DossierDocument document, OffsetDateTime at) {
        jobs.request(document.dossierCode(), document.kind(), PaperJob.longTermSource(document.source()), at);
    }

    void statusChanged(@Observes DossierStatusChanged event) {
        if (event.isIntake()) {
            jobs.request(event.dossier().code(), DocumentKind.FORM_01, PaperJob.FORM_01, event.at());
            return;
        }
        DocumentKind form = switch (event.to()) {
            case SUPPLEMENT_REQUESTED -> DocumentKind.FORM_02;
            case REJECTED -> DocumentKind.FORM_03;
            case STOPPED -> DocumentKind.FORM_05;
            case COMPLETED -> DocumentKind.FORM_06;
            case RECEIVED, IN_PROGRESS, PARTIALLY_COMPLETED -> null;
        };
        if (form == DocumentKind.FORM_06) {
            jobs.request(event.dossier().code(), form, PaperJob.FORM_06, event.at());
        } else if (form != null) {
            jobs.request(event.dossier().code(), form, PaperJob.deskSource(form, event.at()),
                    new DeskDecision(event.note(), event.to() == DossierStatus.SUPPLEMENT_REQUESTED
                            ? event.documentsToAdd() : List.of(), null, null, event.actor(), event.at()), event.at());
        }
    }

    void rescheduled(@Observes DossierRescheduled event) {
        jobs.request(event.dossier().code(), DocumentKind.FORM_04, PaperJob.deskSource(DocumentKind.FORM_04, event.at()),
                new DeskDecision(event.reason(), List.of(), event.previousDueAt(), event.dossier().dueAt(),
                        event.actor(), event.at()), event.at());
    }

    void stepDone(@Observes AgencyStepDone event) {
        jobs.request(event.dossier().code(), DocumentKind.RESULT, event.message().messageId(), event.at());
    }
}
