package vn.lienthong.gateway.infrastructure.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.domain.paper.CertificateUnusableException;
import vn.lienthong.gateway.domain.paper.PaperKeyException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.ltv.RevocationSource;

/**
 * The province's paper keys as configured: one PKCS#12 file per officer and per agency named by
 * {officer} and {agency}, each checked (validity, its CA's CRL) before it signs, a renewed file
 * picked up in its place; or one key for all when nothing is named.
 */
class ConfiguredPaperKeysTest {

    private static final String AGENCY = "000.00.20.H30";
    private static final TrialPki CA = TrialPki.create("Lien Thong province test CA");

    @TempDir
    Path dir;

    private final List<X509Certificate> revoked = new CopyOnWriteArrayList<>();
    /** The CA's CRL as its distribution point would serve it; no OCSP responder. */
    private final RevocationSource crl = new RevocationSource() {
        @Override
        public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
            return Optional.empty();
        }

        @Override
        public Optional<X509CRL> crl(X509Certificate certificate, X509Certificate issuer) {
            return Optional.of(CA.crl(List.copyOf(revoked)));
        }
    };
    private ConfiguredPaperKeys keys;

    @BeforeEach
    void keys() {
        keys = new ConfiguredPaperKeys(location("officer", dir.resolve("officers/{agency}/{officer}.p12")),
                location("agency", dir.resolve("agencies/{agency}.p12")), Optional.of(crl), Clock.systemUTC());
    }

    @Test
    void eachOfficerSignsWithTheirOwnKeyAndTheAgencyWithItsSeal() {
        write("officers/" + AGENCY + "/cb.an.p12", "Nguyen Van An", null);
        write("officers/" + AGENCY + "/cb.binh.p12", "Tran Thi Binh", null);
        write("agencies/" + AGENCY + ".p12", "UBND xa Test", null);

        KeySource an = keys.officer("cb.an", AGENCY, "UBND xã Test");
        KeySource binh = keys.officer("cb.binh", AGENCY, "UBND xã Test");

        assertTrue(subject(an).contains("Nguyen Van An"), subject(an));
        assertTrue(subject(binh).contains("Tran Thi Binh"), subject(binh));
        assertNotEquals(an.signerCertificate(), binh.signerCertificate());
        assertSame(an, keys.officer("cb.an", AGENCY, "UBND xã Test"), "opened once and kept");
        assertTrue(subject(keys.agency(AGENCY, "UBND xã Test")).contains("UBND xa Test"));
        keys.close();
    }

    @Test
    void anOfficerWithoutAKeyFileFailsThePaperNamingTheFile() {
        PaperKeyException e = assertThrows(PaperKeyException.class, () -> keys.officer("cb.chua-co", AGENCY, "x"));
        assertTrue(e.getMessage().contains(dir.resolve("officers/" + AGENCY + "/cb.chua-co.p12").toString()),
                e.getMessage());
    }

    @Test
    void anIdThatWouldLeaveTheKeyFolderIsRefused() {
        for (String id : List.of("../agencies/" + AGENCY, "..", "a/b", "")) {
            PaperKeyException e = assertThrows(PaperKeyException.class, () -> keys.officer(id, AGENCY, "x"), id);
            assertTrue(e.getMessage().contains("cannot name a key file"), e.getMessage());
        }
    }

    @Test
    void anExpiredOrRevokedCertificateStopsThePaperWithTheReasonUntilARenewedKeyIsInstalled() {
        write("officers/" + AGENCY + "/cb.cu.p12", "Le Van Cu", Instant.now().minus(Duration.ofDays(1)));
        CertificateUnusableException expired = assertThrows(CertificateUnusableException.class,
                () -> keys.officer("cb.cu", AGENCY, "x"));
        assertTrue(expired.getMessage().contains("expired on") && expired.getMessage().contains("cb.cu.p12"),
                expired.getMessage());

        TrialPki.Issued stolen = write("officers/" + AGENCY + "/cb.dung.p12", "Pham Dung", null);
        assertTrue(subject(keys.officer("cb.dung", AGENCY, "x")).contains("Pham Dung"));
        revoked.add(stolen.certificate());
        CertificateUnusableException refused = assertThrows(CertificateUnusableException.class,
                () -> keys.officer("cb.dung", AGENCY, "x"));
        assertTrue(refused.getMessage().contains("revoked at") && refused.getMessage().contains("CRL"),
                refused.getMessage());

        TrialPki.Issued renewed = write("officers/" + AGENCY + "/cb.dung.p12", "Pham Dung", null);
        assertEquals(renewed.certificate(), keys.officer("cb.dung", AGENCY, "x").signerCertificate(),
                "the renewed key in the same place is taken");
    }

    @Test
    void withoutPlaceholdersOneKeySignsForEveryOfficer() {
        write("officer.p12", "Can bo chung", null);
        ConfiguredPaperKeys shared = new ConfiguredPaperKeys(location("officer", dir.resolve("officer.p12")),
                location("agency", dir.resolve("agency.p12")), Optional.empty(), Clock.systemUTC());
        assertSame(shared.officer("cb.an", AGENCY, "x"), shared.officer("cb.binh", AGENCY, "x"));
        assertTrue(!ConfiguredPaperKeys.perHolder(location("officer", dir.resolve("officer.p12"))));
    }

    @Test
    void anAgencyKeyNamedAfterTheOfficerIsAConfigurationError() {
        assertThrows(PaperKeyException.class, () -> new ConfiguredPaperKeys(location("officer", dir.resolve("o.p12")),
                location("agency", dir.resolve("{officer}.p12")), Optional.empty(), Clock.systemUTC()));
    }

    @Test
    void theStartChecksThatTheFolderOfPerOfficerFilesExists() throws IOException {
        assertTrue(PaperConfiguration.missing(location("officer", dir.resolve("missing/{agency}/{officer}.p12")), true)
                .orElseThrow().contains("does not exist"));
        Files.createDirectories(dir.resolve("present"));
        assertEquals(Optional.empty(), PaperConfiguration.missing(
                location("officer", dir.resolve("present/{agency}/{officer}.p12")), true));
    }

    private static PaperKeys.Location location(String role, Path keystore) {
        return new PaperKeys.Location(role, Optional.empty(), keystore, "secret", role);
    }

    private TrialPki.Issued write(String file, String name, Instant notAfter) {
        TrialPki.Profile profile = TrialPki.Profile.signer(name, "UBND xa Test", "RSA");
        if (notAfter != null) {
            profile = profile.validity(notAfter.minus(Duration.ofDays(30)), notAfter);
        }
        TrialPki.Issued issued = CA.issue(profile);
        Path path = dir.resolve(file);
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TrialPki.writePkcs12(issued, path, "secret".toCharArray(), file.contains("agenc") ? "agency" : "officer");
        return issued;
    }

    private static String subject(KeySource key) {
        return key.signerCertificate().getSubjectX500Principal().getName();
    }
}
