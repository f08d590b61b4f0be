package vn.lienthong.gateway.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.DossierQuery;
import vn.lienthong.gateway.domain.dossier.DossierRepository;

/** Keeps the count of open dossiers past their legal deadline, published as a metric for leaders' dashboards. */
@ApplicationScoped
public class OverdueWatch {

    private static final Logger LOG = Logger.getLogger(OverdueWatch.class.getName());

    @Inject
    DossierRepository dossiers;

    @Inject
    MetricRegistry metrics;

    @Inject
    Clock clock;

    private final AtomicLong overdue = new AtomicLong();

    @PostConstruct
    void register() {
        metrics.gauge(Metadata.builder().withName("lienthong_dossiers_overdue")
                .withDescription("Open dossiers past their deadline, as of the last recount").build(), overdue::get);
    }

    /** Recounts; called on a timer by the overdue-watch route. */
    public long recount() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM);
        long count = dossiers.search(new DossierQuery(null, null, null, null, true, null, null, null, 0, 1), now).total();
        long before = overdue.getAndSet(count);
        if (count != before) {
            LOG.info(() -> "Overdue dossiers: " + count + " (was " + before + ")");
        }
        return count;
    }
}
