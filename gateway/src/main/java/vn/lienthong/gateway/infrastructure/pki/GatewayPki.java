package vn.lienthong.gateway.infrastructure.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import vn.lienthong.gateway.domain.certificate.CertificateNotFoundException;
import vn.lienthong.gateway.domain.certificate.RevocationReason;
import vn.lienthong.gateway.domain.certificate.SigningCertificate;
import vn.lienthong.gateway.domain.certificate.SigningCertificates;
import vn.lienthong.gateway.domain.paper.CertificateUnusableException;
import vn.lienthong.gateway.domain.paper.PaperKeyException;
import vn.lienthong.gateway.domain.procedure.Agency;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.infrastructure.config.DemoMode;
import vn.lienthong.gateway.infrastructure.paper.PaperKeys;
import vn.lienthong.gateway.infrastructure.persistence.JdbcPkiCertificates;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.ltv.ArchiveTimestamp;
import vn.lienthong.signing.ltv.HttpRevocationSource;
import vn.lienthong.signing.ltv.RevocationSource;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoTrustServices;
import vn.lienthong.signing.pki.EndEntity;
import vn.lienthong.signing.pki.PkiSettings;
import vn.lienthong.signing.pki.Revocation;
import vn.lienthong.signing.tsp.Rfc3161Client;
import vn.lienthong.signing.tsp.TimestampSource;
import vn.lienthong.signing.tsp.TsaConfig;

/**
 * The one PKI behind everything the gateway signs. In demo mode: one DEMO root and issuing CA
 * (kept under {@code lienthong.pki.demo-dir}, shared by every node and every restart), its OCSP
 * responder and TSA, and under it one key per officer who signs and per agency seal (kept in the
 * database as password-protected PKCS#12, made on first use under a row lock) and the gateway's
 * seal. Outside demo mode: the configured TSA ({@code lienthong.pki.tsa-url}) and revocation data
 * from the URLs the certificates name.
 */
@ApplicationScoped
public class GatewayPki implements SigningCertificates, PaperKeys.Issuer {

    private static final Logger LOG = Logger.getLogger(GatewayPki.class.getName());
    static final String OFFICER = SigningCertificate.OFFICER;
    static final String AGENCY_SEAL = "AGENCY_SEAL";
    static final String GATEWAY_SEAL = "GATEWAY_SEAL";
    private static final String ALIAS = "key";

    @Inject
    Config config;
    @Inject
    DemoMode demo;
    @Inject
    Clock clock;
    @Inject
    JdbcPkiCertificates store;
    @Inject
    ProcedureCatalogue catalogue;

    /** The DEMO CAs and the OCSP and TSA keys, as read from the keys directory. */
    private record DemoKeys(DemoPki pki, TrialPki.Issued ocsp, TrialPki.Issued tsa) {
    }

    private DemoKeys demoKeys;
    private DemoTrustServices services;
    private final Map<String, KeySource> keys = new ConcurrentHashMap<>();
    private RevocationSource fetched;
    private Optional<TimestampSource> provinceTsa;
    private Optional<TsaConfig> provinceTsaConfig;
    private volatile X509Certificate tsaSeen;
    /** The DEMO OCSP responder switched off (a sandbox fault): its URL answers 503, papers fall back to CRLs. */
    private volatile boolean ocspDown;
    /** The DEMO PKI's answers as its responders would give them now, asked at each use (the TSA may be re-issued). */
    private final RevocationSource demoRevocation = new RevocationSource() {
        @Override
        public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
            return ocspDown ? Optional.empty() : services().revocationSource().ocsp(certificate, issuer);
        }

        @Override
        public Optional<java.security.cert.X509CRL> crl(X509Certificate certificate, X509Certificate issuer) {
            return services().revocationSource().crl(certificate, issuer);
        }
    };

    @Override
    public boolean available() {
        return demo.enabled();
    }

    /** The DEMO CAs, OCSP responder and TSA; loaded, or created on the first start of the first node. */
    public synchronized DemoTrustServices services() {
        if (services == null) {
            DemoKeys keys = demoKeys();
            // Records the issuing CA, OCSP and TSA certificates: needs the migrated database.
            services = new DemoTrustServices(keys.pki(), store, keys.ocsp(), keys.tsa());
        }
        if (tsaNearsItsEnd(demoKeys.tsa().certificate())) {
            reissueTsa();
        }
        return services;
    }

    /**
     * Whether the DEMO TSA's certificate ends within the archive's renewal margin of the gateway's
     * clock: time-stamps it makes now would be due for renewal at once. With the demo clock moved
     * forward (years, to show the renewal) this is what a province's TSA operator does in time.
     */
    private boolean tsaNearsItsEnd(X509Certificate tsa) {
        Instant due = tsa.getNotAfter().toInstant().minus(Duration.ofDays(number("lienthong.archive.renewal.margin-days",
                180)));
        return !due.isAfter(clock.instant());
    }

    /**
     * The DEMO TSA's certificate re-issued (same key) for the gateway's time: valid from real time,
     * since the PKI stamps in real time, to the gateway's time plus an end entity's validity; written
     * to the keys directory so that restarts keep it.
     */
    private void reissueTsa() {
        DemoKeys keys = demoKeys;
        DemoPki pki = keys.pki();
        X509Certificate renewed = pki.certify(keys.tsa().certificate().getPublicKey(),
                EndEntity.tsa(pki.settings().organisation()), Instant.now().minus(Duration.ofMinutes(5)),
                clock.instant().plus(pki.settings().endEntityValidity()));
        TrialPki.Issued tsa = new TrialPki.Issued(keys.tsa().key(), pki.chain(renewed));
        DemoPki.writeKeystore(demoDir().resolve("tsa-DEMO.p12"), password(), ALIAS, tsa.key(), tsa.chain());
        demoKeys = new DemoKeys(pki, keys.ocsp(), tsa);
        services = new DemoTrustServices(pki, store, keys.ocsp(), tsa);
        LOG.warning(() -> "The DEMO TSA's certificate ended within the archive's renewal margin of the gateway's clock ("
                + clock.instant() + "); re-issued " + renewed.getSerialNumber().toString(16) + " until "
                + renewed.getNotAfter().toInstant());
    }

    private synchronized DemoKeys demoKeys() {
        if (demoKeys == null) {
            demoKeys = loadOrCreate();
        }
        return demoKeys;
    }

    /** Where the DEMO CAs' keystores and PEM certificates are ({@code root-ca.pem} is the trust anchor). */
    public Path demoDir() {
        return Path.of(text("lienthong.pki.demo-dir").orElse(dataDir() + "/keys/pki")).toAbsolutePath().normalize();
    }

    /** The DEMO root's certificate as PEM, created with the PKI if need be. */
    public Optional<Path> demoRoot() {
        demoKeys();
        return Optional.of(demoDir().resolve("root-ca.pem"));
    }

    /** The time-stamping authority papers and seals are stamped by: the DEMO TSA, or the configured one. */
    public synchronized Optional<TimestampSource> timestamps() {
        if (available()) {
            // Looked up at each stamp: its certificate may have been re-issued since (services()).
            return Optional.of(new TimestampSource() {
                @Override
                public byte[] timestamp(byte[] digest, DigestAlgorithm algorithm) {
                    return services().tsa().timestamp(digest, algorithm);
                }

                @Override
                public DigestAlgorithm imprintDigest() {
                    return services().tsa().imprintDigest();
                }
            });
        }
        // One client while the settings stay the same, so that the certificate it saw stays known.
        Optional<TsaConfig> wanted = tsa();
        if (provinceTsa == null || !wanted.equals(provinceTsaConfig)) {
            provinceTsaConfig = wanted;
            provinceTsa = wanted.map(c -> new WatchedTsa(new Rfc3161Client(c)));
        }
        return provinceTsa;
    }

    /**
     * The province TSA's certificate as its latest time-stamp carried it, for expiry warnings; empty
     * before the first time-stamp (the DEMO TSA's is among {@link #demoCertificates()}).
     */
    public Optional<X509Certificate> provinceTsaCertificate() {
        return Optional.ofNullable(tsaSeen);
    }

    /** The province's TSA, noting the certificate each token is signed with (it may change with a renewal). */
    private final class WatchedTsa implements TimestampSource {
        private final TimestampSource tsa;

        WatchedTsa(TimestampSource tsa) {
            this.tsa = tsa;
        }

        @Override
        public byte[] timestamp(byte[] digest, vn.lienthong.signing.DigestAlgorithm algorithm) {
            byte[] token = tsa.timestamp(digest, algorithm);
            try {
                tsaSeen = ArchiveTimestamp.of(token).tsa();
            } catch (SigningException e) {
                // A token without its certificate still stamps; the expiry watch just cannot see it.
                LOG.fine(() -> "The TSA's token carries no readable certificate: " + e.getMessage());
            }
            return token;
        }

        @Override
        public vn.lienthong.signing.DigestAlgorithm imprintDigest() {
            return tsa.imprintDigest();
        }
    }

    /**
     * The province's TSA outside demo mode: {@code lienthong.pki.tsa-url}, its timeout, HTTP Basic
     * credentials when it asks for them ({@code tsa-user}, {@code tsa-password}) and the TSA policy
     * to request ({@code tsa-policy}, an OID), each optional.
     */
    Optional<TsaConfig> tsa() {
        return text("lienthong.pki.tsa-url").map(url -> {
            TsaConfig tsa = TsaConfig.of(URI.create(url))
                    .withTimeout(Duration.ofMillis(number("lienthong.pki.tsa-timeout-ms", 10_000)));
            Optional<String> user = text("lienthong.pki.tsa-user");
            if (user.isPresent()) {
                tsa = tsa.withCredentials(user.get(), text("lienthong.pki.tsa-password").orElse(""));
            }
            return new TsaConfig(tsa.url(), tsa.timeout(), tsa.username(), tsa.password(),
                    text("lienthong.pki.tsa-policy"), tsa.digest());
        });
    }

    /**
     * Where revocation data for B-LT comes from: the DEMO PKI itself (its OCSP answers only while its
     * responder is on, {@link #ocspDown(boolean)}; its CRLs always), or the CAs' own CRL and OCSP URLs.
     */
    public synchronized RevocationSource revocation() {
        if (available()) {
            return demoRevocation;
        }
        // One for the papers, the seals and the key checks, so that they share its cache.
        if (fetched == null) {
            fetched = new HttpRevocationSource(Duration.ofMillis(number("lienthong.pki.revocation-timeout-ms", 10_000)),
                    Duration.ofHours(number("lienthong.pki.revocation-max-age-hours", 24)), Clock.systemUTC());
        }
        return fetched;
    }

    /**
     * Switches the DEMO OCSP responder off or on again, as a sandbox fault: while off, {@code POST
     * /pki/ocsp} answers 503 and the papers' and seals' validation data come from the CRLs.
     */
    public void ocspDown(boolean down) {
        if (ocspDown != down) {
            LOG.warning(() -> "The DEMO OCSP responder is switched " + (down ? "off (sandbox fault): revocation data "
                    + "from the CRLs only" : "on again"));
        }
        ocspDown = down;
    }

    public boolean ocspDown() {
        return ocspDown;
    }

    /** A new gateway seal (message log, scans, ledger heads), recorded so that OCSP knows it. */
    public TrialPki.Issued issueGatewaySeal() {
        DemoTrustServices trust = services();
        TrialPki.Issued seal = trust.pki().issue(EndEntity.gatewaySeal(trust.pki().settings().organisation()));
        store.replace(GATEWAY_SEAL, "gateway", now(), () -> new JdbcPkiCertificates.NewKey(seal.certificate(), null));
        return seal;
    }

    /**
     * The officer's key: made on first use; refused when the current one is revoked or expired,
     * until an administrator issues a new one.
     */
    @Override
    public KeySource officer(String officerId, String agencyCode, String agencyName) {
        DemoTrustServices trust = services();
        String holder = agencyCode + "/" + officerId;
        JdbcPkiCertificates.StoredKey key = currentOrCreate(OFFICER, holder,
                () -> newKey(trust, EndEntity.officer(officerId, agencyName)));
        String unusable = key.certificate().unusableAt(now());
        if (unusable != null) {
            throw new CertificateUnusableException("The gateway does not sign: " + unusable
                    + "; an administrator issues the officer a new one (POST /api/v1/admin/certificates/officers)");
        }
        return open(key);
    }

    /** The agency's seal: made on first use, and made anew when the current one is revoked or expired. */
    @Override
    public KeySource agency(String agencyCode, String agencyName) {
        DemoTrustServices trust = services();
        JdbcPkiCertificates.StoredKey key = currentOrCreate(AGENCY_SEAL, agencyCode,
                () -> newKey(trust, EndEntity.agencySeal(agencyCode, agencyName)));
        String unusable = key.certificate().unusableAt(now());
        if (unusable != null) {
            LOG.warning(() -> "The DEMO seal of " + agencyCode + " is not usable (" + unusable + "); issuing a new one");
            key = store.replace(AGENCY_SEAL, agencyCode, now(),
                    () -> newKey(trust, EndEntity.agencySeal(agencyCode, agencyName)));
        }
        return open(key);
    }

    /**
     * The holder's current key as the database has it now, so that a revocation or a new key from any
     * node counts for the very next paper. Read without a lock: only a holder without a key takes the
     * locked path that makes one, which had cost every paper an insert, a row lock and a commit.
     */
    private JdbcPkiCertificates.StoredKey currentOrCreate(String role, String holder,
                                                         java.util.function.Supplier<JdbcPkiCertificates.NewKey> create) {
        return store.current(role, holder).orElseGet(() -> store.currentOrCreate(role, holder, now(), create));
    }

    /** The DEMO PKI's own certificates by name (root, issuing CA, OCSP responder, TSA), for expiry warnings. */
    public Map<String, X509Certificate> demoCertificates() {
        DemoKeys keys = demoKeys();
        return Map.of("DEMO root CA", keys.pki().root().certificate(),
                "DEMO issuing CA", keys.pki().issuing().certificate(),
                "DEMO OCSP responder", keys.ocsp().certificate(),
                "DEMO TSA", keys.tsa().certificate());
    }

    /** The certificates the gateway signs papers with now (current, not revoked), for expiry warnings. */
    public List<SigningCertificate> signingNow() {
        List<SigningCertificate> now = new ArrayList<>();
        for (String role : List.of(OFFICER, AGENCY_SEAL)) {
            store.ofRole(role).stream().filter(c -> c.current() && !c.revoked()).forEach(now::add);
        }
        return now;
    }

    @Override
    public List<SigningCertificate> officers() {
        requireDemo();
        return store.ofRole(OFFICER);
    }

    @Override
    public SigningCertificate revoke(String serial, RevocationReason reason) {
        requireDemo();
        String normal = normalSerial(serial);
        String issuer = store.issuerOf(normal).orElseThrow(() -> new CertificateNotFoundException(serial));
        services();
        store.revoke(new Revocation(issuer, new BigInteger(normal, 16), clock.instant(), reason.code()));
        SigningCertificate revoked = store.find(normal).orElseThrow(() -> new CertificateNotFoundException(serial));
        LOG.warning(() -> "Certificate " + normal + " of " + revoked.holder() + " revoked (" + reason + ")");
        return revoked;
    }

    @Override
    public SigningCertificate issueOfficer(String officerId, String agencyCode) {
        requireDemo();
        DemoTrustServices trust = services();
        String agencyName = catalogue.agency(agencyCode).map(Agency::name).orElse(agencyCode);
        SigningCertificate issued = store.replace(OFFICER, agencyCode + "/" + officerId, now(),
                () -> newKey(trust, EndEntity.officer(officerId, agencyName))).certificate();
        LOG.info(() -> "Issued officer " + officerId + " of " + agencyCode + " the DEMO certificate " + issued.serial());
        return issued;
    }

    private void requireDemo() {
        if (!available()) {
            throw CertificateNotFoundException.pkiOff();
        }
    }

    private static String normalSerial(String serial) {
        String s = serial == null ? "" : serial.trim().toLowerCase(java.util.Locale.ROOT).replace(":", "");
        if (!s.matches("[0-9a-f]{1,64}")) {
            throw new CertificateNotFoundException(String.valueOf(serial));
        }
        return new BigInteger(s, 16).toString(16);
    }

    private JdbcPkiCertificates.NewKey newKey(DemoTrustServices trust, EndEntity subject) {
        TrialPki.Issued issued = trust.pki().issue(subject);
        return new JdbcPkiCertificates.NewKey(issued.certificate(), pkcs12(issued, password()));
    }

    private KeySource open(JdbcPkiCertificates.StoredKey key) {
        return keys.computeIfAbsent(key.certificate().serial(), serial -> {
            TrialPki.Issued issued = readPkcs12(key.keystore(), password());
            return Pkcs12KeySource.ofKey(issued.key(), issued.chain(), ProviderPreference.JDK);
        });
    }

    private static final Object IN_PROCESS = new Object();

    private DemoKeys loadOrCreate() {
        Path dir = demoDir();
        PkiSettings settings = PkiSettings.demo(URI.create(text("lienthong.public-base-url")
                .orElse("http://127.0.0.1:8080")));
        try {
            Files.createDirectories(dir);
            // A file lock is held per process (a second holder in the same JVM gets
            // OverlappingFileLockException), so this JVM's callers queue first.
            synchronized (IN_PROCESS) {
                return underFileLock(dir, password(), settings);
            }
        } catch (IOException | SigningException e) {
            throw new PaperKeyException("Cannot open or create the DEMO PKI in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Across nodes sharing the keys directory: one creates, the others load what it wrote. */
    private DemoKeys underFileLock(Path dir, char[] password, PkiSettings settings) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve("pki.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            // The PKI's own times (certificates, CRLs, OCSP, time-stamps) are real time, not the demo clock.
            DemoPki pki;
            if (DemoPki.existsIn(dir)) {
                pki = DemoPki.load(dir, password, settings, Clock.systemUTC());
            } else {
                pki = DemoPki.create(settings, Clock.systemUTC());
                pki.save(dir, password);
                LOG.warning("Created the DEMO PKI (root and issuing CA, not for production) in " + dir
                        + "; its root, " + dir.resolve("root-ca.pem") + ", is the one trust anchor of everything "
                        + "this gateway signs; docs/papers.md says how a province uses its real CA");
            }
            TrialPki.Issued ocsp = service(dir.resolve("ocsp-DEMO.p12"), password,
                    () -> pki.issue(EndEntity.ocspResponder(settings.organisation())));
            TrialPki.Issued tsa = service(dir.resolve("tsa-DEMO.p12"), password,
                    () -> pki.issue(EndEntity.tsa(settings.organisation())));
            return new DemoKeys(pki, ocsp, tsa);
        }
    }

    private static TrialPki.Issued service(Path file, char[] password, java.util.function.Supplier<TrialPki.Issued> issue) {
        if (Files.isRegularFile(file)) {
            return DemoPki.readKeystore(file, password);
        }
        TrialPki.Issued issued = issue.get();
        DemoPki.writeKeystore(file, password, ALIAS, issued.key(), issued.chain());
        return issued;
    }

    static byte[] pkcs12(TrialPki.Issued issued, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, issued.key(), password, issued.chain().toArray(new X509Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new PaperKeyException("Cannot write a DEMO keystore: " + e.getMessage(), e);
        }
    }

    static TrialPki.Issued readPkcs12(byte[] bytes, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : store.getCertificateChain(ALIAS)) {
                chain.add((X509Certificate) c);
            }
            return new TrialPki.Issued((PrivateKey) store.getKey(ALIAS, password), chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new PaperKeyException("Cannot read a DEMO keystore from the database (is lienthong.pki.demo-password "
                    + "the same on every node?): " + e.getMessage(), e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private char[] password() {
        return text("lienthong.pki.demo-password").orElse("demo-only").toCharArray();
    }

    private String dataDir() {
        return text("lienthong.data.dir").orElse("./data");
    }

    private Optional<String> text(String key) {
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank());
    }

    private int number(String key, int fallback) {
        return config.getOptionalValue(key, Integer.class).orElse(fallback);
    }
}
