package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import vn.lienthong.gateway.application.event.OutboxMessageDue;
import vn.lienthong.gateway.infrastructure.camel.CamelRuntime;

/**
 * Starts delivery as soon as a due message has committed, instead of at the next poll (up to
 * {@code lienthong.outbox.poll-ms} later). Only a hint: the poller stays the safety net, and a
 * lost nudge costs one poll period. Nudges coalesce: one waiting is enough, more are dropped, so
 * a burst of intakes makes a few claims, not one per dossier.
 */
@ApplicationScoped
public class OutboxNudge {

    /** The drain's wake-up queue. */
    static final String QUEUE = "seda:outbox-nudge?size=1&discardWhenFull=true";

    @Inject
    CamelRuntime camel;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxMessageDue due) {
        camel.nudge(QUEUE);
    }
}
