package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import vn.lienthong.gateway.application.event.AgencyStepDone;
import vn.lienthong.gateway.application.event.DossierRescheduled;
import vn.lienthong.gateway.application.event.DossierStatusChanged;
import vn.lienthong.gateway.infrastructure.camel.CamelRuntime;

/**
 * Wakes the paper route once a change that ordered a paper has committed, so the paper does not
 * wait for the next poll. Only a hint: a lost nudge costs one poll period, nothing more.
 */
@ApplicationScoped
public class PaperNudge {

    /** The route's wake-up queue; one waiting nudge is enough, more are dropped. */
    public static final String QUEUE = "seda:paper-nudge?size=1&discardWhenFull=true";

    @Inject
    CamelRuntime camel;

    void afterStatus(@Observes(during = TransactionPhase.AFTER_SUCCESS) DossierStatusChanged event) {
        nudge();
    }

    void afterRescheduled(@Observes(during = TransactionPhase.AFTER_SUCCESS) DossierRescheduled event) {
        nudge();
    }

    void afterStep(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgencyStepDone event) {
        nudge();
    }

    private void nudge() {
        camel.nudge(QUEUE);
    }
}
