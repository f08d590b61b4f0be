package vn.lienthong.gateway.infrastructure.camel;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RouteConfigurationsBuilder;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.infrastructure.agency.AgencyTls;
import vn.lienthong.gateway.infrastructure.persistence.DatabaseMigration;

/**
 * Owns the application's one CamelContext (Camel 4 has no camel-cdi): starts it once the
 * schema is migrated, with every RouteBuilder bean and the container's resources in its
 * registry, and stops it gracefully, draining in-flight exchanges, when the application stops.
 */
@ApplicationScoped
public class CamelRuntime {

    private static final Logger LOG = Logger.getLogger(CamelRuntime.class.getName());

    @Inject
    @Any
    Instance<RoutesBuilder> routes;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "lienthong.camel.shutdown-timeout-seconds", defaultValue = "30")
    long shutdownTimeoutSeconds;

    @Inject
    DataSource dataSource;

    @Inject
    AgencyTls agencyTls;

    @Resource
    ManagedExecutorService managedExecutor;

    @Resource
    ManagedScheduledExecutorService managedScheduledExecutor;

    private volatile CamelContext context;
    private Thread shutdownHook;

    void start(@Observes @Priority(DatabaseMigration.PRIORITY + 100) @Initialized(ApplicationScoped.class) Object started) {
        DefaultCamelContext camel = new DefaultCamelContext(false);
        // Before build(): building already looks up Camel's factory files (WarClassResolver says why).
        camel.setClassResolver(new WarClassResolver(camel, CamelRuntime.class.getClassLoader()));
        camel.build();
        camel.getCamelContextExtension().setName("lienthong-gateway");
        camel.getPropertiesComponent().addPropertiesSource(new MicroProfileConfigProperties(config));
        camel.getRegistry().bind("dataSource", dataSource);
        camel.getRegistry().bind("managedExecutor", managedExecutor);
        camel.getRegistry().bind("managedScheduledExecutor", managedScheduledExecutor);
        agencyTls.bindTo(camel.getRegistry());
        camel.getShutdownStrategy().setTimeout(shutdownTimeoutSeconds);
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        camel.getShutdownStrategy().setShutdownRoutesInReverseOrder(true);
        try {
            // Route configurations (the agency error policy) first: a route picks up the
            // configuration it names when it is added, and CDI hands the builders out in no
            // particular order. Added later, the policy was silently missing from some routes.
            List<RoutesBuilder> builders = routes.stream()
                    .sorted(Comparator.comparing((RoutesBuilder b) -> !(b instanceof RouteConfigurationsBuilder))
                            .thenComparing(b -> b.getClass().getName()))
                    .toList();
            for (RoutesBuilder builder : builders) {
                camel.addRoutes(builder);
            }
            // Routes from route templates (the agency adapters) once every template is known, as
            // Camel's own routes loader does; addRoutes alone leaves them out without a word.
            for (RoutesBuilder builder : builders) {
                camel.addTemplatedRoutes(builder);
            }
        } catch (Exception e) { // RoutesBuilder.addRoutesToCamelContext declares Exception
            throw new CamelStartupException("Cannot add routes to Camel: " + e.getMessage(), e);
        }
        camel.start();
        context = camel;
        // Payara Micro stops on SIGTERM without undeploying, so @PreDestroy would not run:
        // a JVM shutdown hook gives in-flight exchanges their graceful drain.
        shutdownHook = new Thread(this::stop, "camel-graceful-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        LOG.info(() -> "Camel " + camel.getVersion() + " started with routes " + camel.getRoutes().stream()
                .map(r -> r.getRouteId()).toList());
    }

    @PreDestroy
    synchronized void stop() {
        if (context == null) {
            return;
        }
        LOG.info(() -> "Stopping Camel; waiting up to " + shutdownTimeoutSeconds + " s for in-flight exchanges");
        context.stop();
        LOG.info("Camel stopped");
        context = null;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                LOG.fine("JVM already shutting down; the hook finds Camel stopped");
            }
        }
    }

    public CamelContext context() {
        return context;
    }

    public boolean isStarted() {
        return context != null && context.getStatus() == ServiceStatus.Started;
    }

    private final Object hintLock = new Object(); // not this: stop() holds the bean's monitor while Camel drains
    private ProducerTemplate hints;

    /**
     * Drops a wake-up hint on {@code endpoint} (a coalescing seda queue) without waiting; nothing
     * while Camel is not running, since the woken route's poller will find the work anyway.
     */
    public void nudge(String endpoint) {
        CamelContext running = context;
        if (running == null || running.getStatus() != ServiceStatus.Started) {
            return;
        }
        synchronized (hintLock) {
            if (hints == null || hints.getCamelContext() != running) {
                hints = running.createProducerTemplate();
            }
            hints.asyncSendBody(endpoint, "nudge");
        }
    }
}
