package vn.lienthong.gateway.infrastructure.paper;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.lienthong.gateway.domain.paper.CertificateUnusableException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoTrustServices;
import vn.lienthong.signing.pki.EndEntity;
import vn.lienthong.signing.pki.MemoryRevocationRegistry;
import vn.lienthong.signing.pki.PkiSettings;
import vn.lienthong.signing.pki.Revocation;

/**
 * Paper keys from an in-process DEMO PKI, as the gateway issues them in demo mode: one key per
 * officer and per agency under one root, a TSA and revocation data; a revoked officer is refused.
 */
final class DemoPaperKeys implements PaperKeys.Issuer {

    final DemoTrustServices services;
    private final Map<String, TrialPki.Issued> issued = new ConcurrentHashMap<>();

    private DemoPaperKeys(DemoTrustServices services) {
        this.services = services;
    }

    static DemoPaperKeys create() {
        DemoPki pki = DemoPki.create(PkiSettings.demo(URI.create("https://dichvucong.example.vn")), Clock.systemUTC());
        return new DemoPaperKeys(DemoTrustServices.create(pki, new MemoryRevocationRegistry()));
    }

    X509Certificate root() {
        return services.pki().root().certificate();
    }

    /** PAdES-BASELINE-LT: the DEMO TSA and the DEMO PKI's own revocation data. */
    PaperPress press() {
        return new PaperPress(services.tsa(), services.revocationSource());
    }

    void revoke(String officerId, String agencyCode) {
        services.revoke(issued.get(agencyCode + "/" + officerId).certificate(), Instant.now(), Revocation.KEY_COMPROMISE);
    }

    @Override
    public KeySource officer(String officerId, String agencyCode, String agencyName) {
        TrialPki.Issued key = issued.computeIfAbsent(agencyCode + "/" + officerId,
                k -> services.issue(EndEntity.officer(officerId, agencyName)));
        services.revocationSource();
        if (services.issuingCrl().getRevokedCertificate(key.certificate()) != null) {
            throw new CertificateUnusableException("certificate " + key.certificate().getSerialNumber().toString(16)
                    + " of " + officerId + " was revoked");
        }
        return Pkcs12KeySource.ofKey(key.key(), key.chain(), ProviderPreference.JDK);
    }

    @Override
    public KeySource agency(String agencyCode, String agencyName) {
        TrialPki.Issued key = issued.computeIfAbsent("seal:" + agencyCode,
                k -> services.issue(EndEntity.agencySeal(agencyCode, agencyName)));
        return Pkcs12KeySource.ofKey(key.key(), key.chain(), ProviderPreference.JDK);
    }
}
