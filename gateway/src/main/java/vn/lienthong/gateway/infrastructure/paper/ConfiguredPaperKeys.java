package vn.lienthong.gateway.infrastructure.paper;

import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import vn.lienthong.gateway.domain.paper.CertificateUnusableException;
import vn.lienthong.gateway.domain.paper.PaperKeyException;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs11KeySource;
import vn.lienthong.signing.ltv.RevocationSource;
import vn.lienthong.signing.ltv.RevocationStatus;

/**
 * The province's own paper keys, as configured: one per officer and one per agency when the
 * keystore path or the key alias names {@value #OFFICER} or {@value #AGENCY} (a PKCS#12 file each,
 * e.g. {@code /etc/lienthong/keys/{agency}/{officer}.p12}, or one key per alias on one PKCS#11 token,
 * e.g. alias {@code {agency}-{officer}}), else one key that signs every paper. A key is opened on
 * first use and kept. Its certificate is checked before each paper: expired, not yet valid or
 * revoked (its CA's OCSP or CRL says so) stops the paper with the reason; a renewed key installed
 * in the same place is picked up then. When the revocation sources do not answer the paper is signed
 * (and brought to B-LT later), as with the DEMO PKI.
 */
public final class ConfiguredPaperKeys implements PaperKeys.Issuer {

    private static final Logger LOG = Logger.getLogger(ConfiguredPaperKeys.class.getName());

    static final String OFFICER = "{officer}";
    static final String AGENCY = "{agency}";
    /** What an officer id or agency code may be to name a file or alias: no path separators, no "..". */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9@_-][A-Za-z0-9@._-]{0,99}");

    private final PaperKeys.Location officer;
    private final PaperKeys.Location agency;
    private final Optional<RevocationSource> revocation;
    private final Clock clock;
    private final Map<String, KeySource> open = new ConcurrentHashMap<>();
    private final Map<Path, Pkcs11KeySource.Token> tokens = new ConcurrentHashMap<>();
    /** Tokens the expiry watch could not open; only a paper's own attempt logs in to them again. */
    private final Set<Path> unreadableTokens = ConcurrentHashMap.newKeySet();

    public ConfiguredPaperKeys(PaperKeys.Location officer, PaperKeys.Location agency, Optional<RevocationSource> revocation,
                        Clock clock) {
        if (names(agency, OFFICER)) {
            throw new PaperKeyException("The agency's key cannot depend on the officer: lienthong.papers.agency."
                    + "keystore and .key-alias may name " + AGENCY + " only", null);
        }
        this.officer = officer;
        this.agency = agency;
        this.revocation = revocation;
        this.clock = clock;
    }

    /** Whether {@code where} names one key per officer or per agency rather than one for all. */
    static boolean perHolder(PaperKeys.Location where) {
        return names(where, OFFICER) || names(where, AGENCY);
    }

    private static boolean names(PaperKeys.Location where, String placeholder) {
        return where.keystore().toString().contains(placeholder)
                || (where.alias() != null && where.alias().contains(placeholder));
    }

    @Override
    public KeySource officer(String officerId, String agencyCode, String agencyName) {
        return usable(resolve(officer, officerId, agencyCode), "officer " + officerId + " of " + agencyCode);
    }

    @Override
    public KeySource agency(String agencyCode, String agencyName) {
        return usable(resolve(agency, null, agencyCode), "agency " + agencyCode);
    }

    /** The location with the holder's names in place of the placeholders. */
    private static PaperKeys.Location resolve(PaperKeys.Location template, String officerId, String agencyCode) {
        return new PaperKeys.Location(template.role(), template.pkcs11Config(),
                Path.of(fill(template.keystore().toString(), officerId, agencyCode)), template.password(),
                template.alias() == null ? null : fill(template.alias(), officerId, agencyCode));
    }

    private static String fill(String template, String officerId, String agencyCode) {
        String out = template;
        if (out.contains(OFFICER)) {
            out = out.replace(OFFICER, checked(officerId, "officer id"));
        }
        if (out.contains(AGENCY)) {
            out = out.replace(AGENCY, checked(agencyCode, "agency code"));
        }
        return out;
    }

    private static String checked(String value, String what) {
        if (value == null || !NAME.matcher(value).matches() || value.contains("..")) {
            throw new PaperKeyException("The " + what + " '" + value + "' cannot name a key file or alias (letters, "
                    + "digits, @ . _ - only)", null);
        }
        return value;
    }

    /** The key at {@code where}, opened once; reopened once when its certificate is no longer usable. */
    private KeySource usable(PaperKeys.Location where, String holder) {
        String id = where.pkcs11Config().map(p -> "pkcs11:" + p + "#" + where.alias())
                .orElse(where.keystore() + "#" + where.alias());
        KeySource key = open.computeIfAbsent(id, k -> open(where));
        String unusable = unusable(key, holder);
        if (unusable != null) {
            // A renewed key may have been installed in the same place since: look once more.
            open.remove(id, key);
            key.close();
            key = open.computeIfAbsent(id, k -> open(where));
            unusable = unusable(key, holder);
            if (unusable != null) {
                throw new CertificateUnusableException("The gateway does not sign: " + unusable + "; install the "
                        + holder + "'s renewed key at " + describe(where) + " (docs/papers.md)");
            }
        }
        return key;
    }

    /** Why the key's certificate cannot sign now, or null when it can. */
    private String unusable(KeySource key, String holder) {
        X509Certificate cert = key.signerCertificate();
        Instant now = clock.instant();
        String what = "the certificate of " + holder + " (serial " + cert.getSerialNumber().toString(16) + ")";
        try {
            cert.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            return what + ", expired on " + cert.getNotAfter().toInstant();
        } catch (CertificateNotYetValidException e) {
            return what + ", not valid before " + cert.getNotBefore().toInstant();
        }
        // The key's own chain names its issuer; without one there is no status to ask for.
        List<X509Certificate> chain = key.certificateChain();
        if (revocation.isEmpty() || chain.size() < 2) {
            return null;
        }
        RevocationStatus status = RevocationStatus.fetch(cert, chain.get(1), now, revocation.get());
        return status.revokedBy(now) ? what + ", revoked at " + status.revokedAt().map(Instant::toString).orElse("?")
                + " (" + status.source() + ")" : null;
    }

    private KeySource open(PaperKeys.Location where) {
        if (where.pkcs11Config().isEmpty()) {
            return PaperKeys.open(where);
        }
        try {
            return token(where).key(where.alias());
        } catch (SigningException e) {
            throw new PaperKeyException("Cannot open the " + where.role() + " signing key (" + describe(where) + "): "
                    + e.getMessage(), e);
        }
    }

    /** The token of {@code where}, logged in once for every key on it and for reading its certificates. */
    private Pkcs11KeySource.Token token(PaperKeys.Location where) {
        return tokens.computeIfAbsent(where.pkcs11Config().get(), c -> Pkcs11KeySource.token(c,
                where.password() == null ? null : where.password().toCharArray()));
    }

    /**
     * The certificates of every key on the configured PKCS#11 tokens (officer's and agency's), for the
     * expiry warnings: read through the token's one login, which the keys then share (logged in now if
     * no paper has been signed yet). A token that cannot be opened is left out, with a WARNING, and the
     * watch does not try it again: a wrong PIN retried every few minutes would lock a real token.
     */
    public List<X509Certificate> tokenCertificates() {
        Set<X509Certificate> out = new LinkedHashSet<>();
        for (PaperKeys.Location where : List.of(officer, agency)) {
            if (where.pkcs11Config().isEmpty() || (!tokens.containsKey(where.pkcs11Config().get())
                    && unreadableTokens.contains(where.pkcs11Config().get()))) {
                continue;
            }
            try {
                out.addAll(token(where).certificates());
            } catch (SigningException e) {
                unreadableTokens.add(where.pkcs11Config().get());
                LOG.warning(
                        "Cannot read the certificates of the " + where.role() + " token " + where.pkcs11Config().get()
                                + " for their expiry: " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    private static String describe(PaperKeys.Location where) {
        return where.pkcs11Config().map(p -> "PKCS#11 " + p + ", alias " + where.alias())
                .orElse(where.keystore().toString());
    }

    @Override
    public void close() {
        open.values().forEach(KeySource::close);
        open.clear();
        tokens.values().forEach(Pkcs11KeySource.Token::close);
        tokens.clear();
    }
}
