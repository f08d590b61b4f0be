package vn.lienthong.gateway.routes;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.application.AgencyExchanges;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * What a flow route can do to a dossier, each step read from and written to the database in the
 * caller's transaction: start an agency step (once), ask whether steps are done, complete.
 */
@ApplicationScoped
public class FlowProgress {

    @Inject
    AgencyExchanges exchanges;

    /** Starts {@code operation} unless it was started before; its own deadline is {@code workingDays} away. */
    public void start(DossierCode code, String operation, int workingDays) {
        exchanges.startStep(code, operation, workingDays);
    }

    public void complete(DossierCode code) {
        exchanges.completeFlow(code);
    }

    /** Whether every one of {@code operations} has its result, for the exchange's dossier. */
    public boolean done(Exchange exchange, String... operations) {
        return exchanges.stepsDone(exchange.getMessage().getBody(DossierCode.class), List.of(operations));
    }
}
