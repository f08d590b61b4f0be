package vn.lienthong.gateway.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import vn.lienthong.gateway.application.event.AgencyStepDone;
import vn.lienthong.gateway.application.event.DossierStatusChanged;
import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.paper.PaperJob;
import vn.lienthong.gateway.domain.paper.PaperJobs;

/**
 * Orders the papers a dossier change calls for: form 01 at intake, form 06 at completion, a result
 * paper for every agency result. Runs inside the change's transaction, so the order commits with
 * it; it only writes a job row, rendering happens later on the paper route.
 */
@ApplicationScoped
public class PaperOrders {

    @Inject
    PaperJobs jobs;

    void statusChanged(@Observes DossierStatusChanged event) {
        if (event.isIntake()) {
            jobs.request(event.dossier().code(), DocumentKind.FORM_01, PaperJob.FORM_01, event.at());
        } else if (event.to() == DossierStatus.COMPLETED) {
            jobs.request(event.dossier().code(), DocumentKind.FORM_06, PaperJob.FORM_06, event.at());
        }
    }

    void stepDone(@Observes AgencyStepDone event) {
        jobs.request(event.dossier().code(), DocumentKind.RESULT, event.message().messageId(), event.at());
    }
}
