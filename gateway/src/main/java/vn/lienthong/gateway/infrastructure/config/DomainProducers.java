package vn.lienthong.gateway.infrastructure.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.domain.audit.TrustedProxies;
import vn.lienthong.gateway.domain.calendar.GoldenDays;
import vn.lienthong.gateway.domain.calendar.OfficeHours;
import vn.lienthong.gateway.domain.calendar.PublicHolidays;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.OnTheSpotDelegation;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/** Builds the framework-free domain objects (calendar, catalogue, clock) from MicroProfile Config. */
@ApplicationScoped
public class DomainProducers {

    private static final Logger LOG = Logger.getLogger(DomainProducers.class.getName());

    @Inject
    @ConfigProperty(name = "lienthong.calendar.office-hours", defaultValue = "07:30-11:30,13:30-17:30")
    String officeHours;

    @Inject
    @ConfigProperty(name = "lienthong.calendar.cut-off", defaultValue = "15:00")
    String cutOff;

    @Inject
    @ConfigProperty(name = "lienthong.calendar.override-dir")
    Optional<String> overrideDir;

    @Inject
    @ConfigProperty(name = "lienthong.catalogue.file")
    Optional<String> catalogueFile;

    @Inject
    @ConfigProperty(name = "lienthong.golden-days.file")
    Optional<String> goldenDaysFile;

    @Inject
    @ConfigProperty(name = "lienthong.on-the-spot.roles")
    Optional<String> onTheSpotRoles;

    @Inject
    @ConfigProperty(name = "lienthong.on-the-spot.officers")
    Optional<String> onTheSpotOfficers;

    @Produces
    @Singleton
    WorkingCalendar workingCalendar() {
        LocalTime cutOffTime;
        try {
            cutOffTime = LocalTime.parse(cutOff.trim());
        } catch (DateTimeParseException e) {
            throw new DataFileException("lienthong.calendar.cut-off must look like 15:00, not: " + cutOff, e);
        }
        var overrides = CalendarOverrideFiles.load(overrideDir.map(Path::of).orElse(null));
        LOG.info(() -> "Working calendar: office hours " + officeHours + ", cut-off " + cutOffTime
                + ", override files for years " + overrides.keySet());
        return new WorkingCalendar(new PublicHolidays(overrides), OfficeHours.parse(officeHours), cutOffTime);
    }

    @Produces
    @Singleton
    ProcedureCatalogue procedureCatalogue() {
        ProcedureCatalogue catalogue = CatalogueFile.load(catalogueFile.map(Path::of).orElse(null));
        LOG.info(() -> "Procedure catalogue " + catalogue.version() + ": " + catalogue.procedures().size()
                + " procedures, " + catalogue.agencies().size() + " receiving agencies");
        return catalogue;
    }

    @Produces
    @Singleton
    GoldenDays goldenDays(ProcedureCatalogue catalogue) {
        GoldenDays golden = GoldenDaysFile.load(goldenDaysFile.map(Path::of).orElse(null), catalogue);
        LOG.info(() -> "Golden days " + golden.version() + ": " + golden.units().size() + " units");
        return golden;
    }

    /** Who may decide on the spot ("4 tại chỗ"); a malformed entry stops the start with one line. */
    @Produces
    @Singleton
    OnTheSpotDelegation onTheSpotDelegation() {
        try {
            OnTheSpotDelegation delegation = OnTheSpotDelegation.of(onTheSpotRoles.orElse(null), onTheSpotOfficers.orElse(null));
            LOG.info(() -> "4 tại chỗ: roles " + delegation.roles() + ", delegated officers " + delegation.officers());
            return delegation;
        } catch (IllegalArgumentException e) {
            String line = "The gateway does not start: LIENTHONG_ON_THE_SPOT_OFFICERS (lienthong.on-the-spot.officers): "
                    + e.getMessage();
            throw StartRefusal.refuse(LOG, line, new DataFileException(line, e));
        }
    }

    /**
     * The load balancers whose {@code X-Forwarded-For} names the client ({@code lienthong.http.trusted-proxies});
     * a malformed entry stops the start with one line. Read from Config: Payara's config producer cannot
     * inject an {@code Optional<List<String>>}.
     */
    @Produces
    @Singleton
    TrustedProxies trustedProxies(Config config) {
        return trustedProxies(config.getOptionalValues("lienthong.http.trusted-proxies", String.class).orElse(List.of()));
    }

    static TrustedProxies trustedProxies(List<String> entries) {
        try {
            TrustedProxies proxies = TrustedProxies.of(entries);
            LOG.info(() -> "Trusted proxies (X-Forwarded-For believed from): " + (proxies.size() == 0 ? "none" : entries));
            return proxies;
        } catch (IllegalArgumentException e) {
            String line = "The gateway does not start: LIENTHONG_HTTP_TRUSTED_PROXIES (lienthong.http.trusted-proxies): "
                    + e.getMessage();
            throw StartRefusal.refuse(LOG, line, new DataFileException(line, e));
        }
    }

    /** Reads the delegation and the trusted proxies with the application, so a malformed entry fails the start. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started, OnTheSpotDelegation delegation,
                      TrustedProxies proxies) {
        delegation.roles();
        proxies.size();
    }

    /** UTC, moved forward only by the demo clock ({@link DemoClockSetting}), in demo mode. */
    @Produces
    @Singleton
    Clock clock(DemoClockSetting demoClock) {
        return demoClock.clock();
    }
}
