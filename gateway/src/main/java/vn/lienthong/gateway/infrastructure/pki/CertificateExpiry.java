package vn.lienthong.gateway.infrastructure.pki;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.domain.certificate.SigningCertificate;
import vn.lienthong.gateway.infrastructure.messagelog.GatewayKeyConfiguration;
import vn.lienthong.gateway.infrastructure.paper.PaperConfiguration;
import vn.lienthong.gateway.infrastructure.persistence.DatabaseMigration;

/**
 * Warns well before a certificate the gateway signs with, a CA certificate or the TSA certificate
 * expires: a WARNING at start for each one within {@code lienthong.pki.expiry-warning-days}, the
 * days left of the soonest as a metric, and every one within the window in the readiness check's
 * data (still UP: an expiring certificate is work for an administrator, not a reason to stop).
 */
@ApplicationScoped
public class CertificateExpiry {

    private static final Logger LOG = Logger.getLogger(CertificateExpiry.class.getName());

    /** One watched certificate. */
    record Watched(String name, Instant notAfter) {
    }

    @Inject
    GatewayPki pki;

    @Inject
    GatewayKeyConfiguration gatewayKey;

    @Inject
    MetricRegistry metrics;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "lienthong.pki.expiry-warning-days", defaultValue = "60")
    int warningDays;

    @Inject
    PaperConfiguration papers;

    private volatile List<X509Certificate> gatewayChain;
    /** The configured paper keys' certificates, read from their files at most every ten minutes. */
    private volatile List<X509Certificate> paperKeys;
    private volatile Instant paperKeysRead = Instant.MIN;

    @PostConstruct
    void register() {
        metrics.gauge(Metadata.builder().withName("lienthong_pki_certificate_days_left")
                .withDescription("Days until the soonest of the gateway's signing, CA and TSA certificates expires "
                        + "(negative once expired); the readiness check signing-certificates names it")
                .build(), () -> soonest().map(w -> daysLeft(w, clock.instant())).orElse(Long.MAX_VALUE));
    }

    /** At start, after the database is migrated: one WARNING per certificate within the window. */
    void atStart(@Observes @Priority(DatabaseMigration.PRIORITY + 60) @Initialized(ApplicationScoped.class) Object started) {
        try {
            for (Watched w : expiring()) {
                LOG.warning(() -> describe(w, clock.instant()) + "; renew it before then (docs/papers.md)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot check the signing certificates' expiry", e);
        }
    }

    @Produces
    @Readiness
    HealthCheck signingCertificates() {
        return () -> {
            var response = HealthCheckResponse.named("signing-certificates").up()
                    .withData("warningDays", warningDays);
            Instant now = clock.instant();
            List<Watched> expiring;
            try {
                soonest().ifPresent(w -> response.withData("soonest", describe(w, now)));
                expiring = expiring();
            } catch (StorageException e) {
                // The officers' certificates live in the database: while it is unreachable this check says
                // so (503 with a reason), where a thrown exception made Payara answer /health/ready with 500.
                return HealthCheckResponse.named("signing-certificates").down()
                        .withData("error", "the signing certificates cannot be read: " + e.getMessage()).build();
            }
            response.withData("expiringWithinWindow", expiring.size());
            for (int i = 0; i < expiring.size(); i++) {
                response.withData("expiring." + (i + 1), describe(expiring.get(i), now));
            }
            return response.build();
        };
    }

    /** Every watched certificate that expires within the window (or has expired), soonest first. */
    List<Watched> expiring() {
        Instant limit = clock.instant().plus(Duration.ofDays(warningDays));
        return watched().stream().filter(w -> w.notAfter().isBefore(limit)).toList();
    }

    private java.util.Optional<Watched> soonest() {
        return watched().stream().findFirst();
    }

    /**
     * The gateway's seal and its CA chain; in demo mode the DEMO CAs, OCSP responder, TSA and the
     * papers' current keys; otherwise the province TSA's certificate (once it has stamped) and the
     * configured paper keys with their CA chains. Each certificate once, soonest first.
     */
    List<Watched> watched() {
        List<Watched> all = new ArrayList<>();
        Set<X509Certificate> seen = new HashSet<>();
        List<X509Certificate> chain = gatewayChain;
        if (chain == null) {
            chain = gatewayKey.open().certificateChain();
            gatewayChain = chain;
        }
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            if (seen.add(c)) {
                all.add(new Watched((i == 0 ? "gateway seal " : "CA ") + c.getSubjectX500Principal().getName(),
                        c.getNotAfter().toInstant()));
            }
        }
        if (pki.available()) {
            for (Map.Entry<String, X509Certificate> e : pki.demoCertificates().entrySet()) {
                all.add(new Watched(e.getKey(), e.getValue().getNotAfter().toInstant()));
            }
            for (SigningCertificate c : pki.signingNow()) {
                all.add(new Watched(c.role().toLowerCase(java.util.Locale.ROOT) + " " + c.holder() + " (" + c.serial()
                        + ")", c.notAfter().toInstant()));
            }
        } else {
            pki.provinceTsaCertificate().filter(seen::add).ifPresent(c -> all.add(new Watched(
                    "TSA " + c.getSubjectX500Principal().getName(), c.getNotAfter().toInstant())));
            for (X509Certificate c : paperKeys()) {
                if (seen.add(c)) {
                    all.add(new Watched((c.getBasicConstraints() >= 0 ? "CA " : "paper key ")
                            + c.getSubjectX500Principal().getName(), c.getNotAfter().toInstant()));
                }
            }
        }
        all.sort(Comparator.comparing(Watched::notAfter));
        return all;
    }

    private List<X509Certificate> paperKeys() {
        Instant now = clock.instant();
        if (paperKeys == null || paperKeysRead.isBefore(now.minus(Duration.ofMinutes(10)))) {
            paperKeys = papers.keyCertificates();
            paperKeysRead = now;
        }
        return paperKeys;
    }

    static long daysLeft(Watched w, Instant now) {
        return Math.floorDiv(Duration.between(now, w.notAfter()).toHours(), 24);
    }

    static String describe(Watched w, Instant now) {
        long days = daysLeft(w, now);
        return w.name() + (days < 0 ? " expired on " : " expires on ") + OffsetDateTime.ofInstant(w.notAfter(),
                java.time.ZoneOffset.UTC).toLocalDate() + (days < 0 ? "" : " (" + days + " days left)");
    }
}
