package vn.lienthong.gateway.routes;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.application.LienThongSteps;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * What a flow route can do to a dossier, each step read from and written to the database in the
 * caller's transaction: start an agency step (once), ask whether steps are done, complete.
 */
@ApplicationScoped
public class FlowProgress {

    @Inject
    LienThongSteps steps;

    /** Starts {@code operation} unless it was started before; its own deadline is {@code workingDays} away. */
    public void start(DossierCode code, String operation, int workingDays) {
        steps.start(code, operation, workingDays);
    }

    public void complete(DossierCode code) {
        steps.complete(code);
    }

    /** Whether every one of {@code operations} has its result, for the exchange's dossier. */
    public boolean done(Exchange exchange, String... operations) {
        return steps.done(exchange.getMessage().getBody(DossierCode.class), List.of(operations));
    }
}
