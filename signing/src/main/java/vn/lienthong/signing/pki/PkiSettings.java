package vn.lienthong.signing.pki;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the DEMO PKI issues: where its CRLs, OCSP responder and CA certificates are published,
 * which certificate policies each role carries, and for how long things are valid.
 *
 * @param publicBaseUrl the gateway's public address; PKI URLs are {@code {base}/pki/...}
 * @param organisation O of the CAs
 * @param policies certificate policy OIDs per role (configuration: see {@link #DEFAULT_SIGNER_POLICY})
 * @param caValidity validity of the root and issuing CA
 * @param endEntityValidity validity of end-entity certificates
 * @param crlValidity thisUpdate to nextUpdate of a CRL
 * @param ocspValidity thisUpdate to nextUpdate of an OCSP response
 */
public record PkiSettings(URI publicBaseUrl, String organisation, Map<PkiRole, List<String>> policies,
        Duration caValidity, Duration endEntityValidity, Duration crlValidity, Duration ocspValidity) {

    /**
     * (verify) A placeholder policy under a private arc: the OIDs of Vietnam's national root CA
     * (NEAC) policies for personal and organisation signing certificates are to be confirmed and
     * configured; DEMO certificates must never carry a real CA's policy OID.
     */
    public static final String DEFAULT_SIGNER_POLICY = "1.3.6.1.4.1.99999.2025.1.1";
    /** (verify) Placeholder TSA policy, also the DEMO TSA's TSTInfo policy. */
    public static final String DEFAULT_TSA_POLICY = "1.3.6.1.4.1.99999.2025.1.2";

    public PkiSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(organisation, "organisation");
        Map<PkiRole, List<String>> copy = new EnumMap<>(PkiRole.class);
        policies.forEach((role, oids) -> copy.put(role, List.copyOf(oids)));
        policies = Map.copyOf(copy);
        Objects.requireNonNull(caValidity, "caValidity");
        Objects.requireNonNull(endEntityValidity, "endEntityValidity");
        Objects.requireNonNull(crlValidity, "crlValidity");
        Objects.requireNonNull(ocspValidity, "ocspValidity");
        String base = publicBaseUrl.toString();
        if (base.endsWith("/")) {
            publicBaseUrl = URI.create(base.substring(0, base.length() - 1));
        }
    }

    /** DEMO defaults: CAs ten years, end entities two years, CRLs a day, OCSP responses an hour. */
    public static PkiSettings demo(URI publicBaseUrl) {
        return new PkiSettings(publicBaseUrl, "Lien Thong DEMO PKI",
                Map.of(PkiRole.OFFICER, List.of(DEFAULT_SIGNER_POLICY),
                        PkiRole.AGENCY_SEAL, List.of(DEFAULT_SIGNER_POLICY),
                        PkiRole.GATEWAY_SEAL, List.of(DEFAULT_SIGNER_POLICY),
                        PkiRole.TSA, List.of(DEFAULT_TSA_POLICY)),
                Duration.ofDays(3650), Duration.ofDays(730), Duration.ofDays(1), Duration.ofHours(1));
    }

    public PkiSettings withCrlValidity(Duration validity) {
        return new PkiSettings(publicBaseUrl, organisation, policies, caValidity, endEntityValidity, validity,
                ocspValidity);
    }

    public List<String> policiesOf(PkiRole role) {
        return policies.getOrDefault(role, List.of());
    }

    public URI rootCertificateUrl() {
        return url("/pki/root-ca.crt");
    }

    public URI issuingCertificateUrl() {
        return url("/pki/issuing-ca.crt");
    }

    public URI rootCrlUrl() {
        return url("/pki/root-ca.crl");
    }

    public URI issuingCrlUrl() {
        return url("/pki/issuing-ca.crl");
    }

    public URI ocspUrl() {
        return url("/pki/ocsp");
    }

    public URI tsaUrl() {
        return url("/pki/tsa");
    }

    private URI url(String path) {
        return URI.create(publicBaseUrl + path);
    }
}
