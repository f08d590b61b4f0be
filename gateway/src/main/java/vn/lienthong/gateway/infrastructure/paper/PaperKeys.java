package vn.lienthong.gateway.infrastructure.paper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import vn.lienthong.gateway.domain.paper.PaperKeyException;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs11KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;

/**
 * The two keys a paper is signed with: the competent officer's, then the agency's. Either issued
 * per officer and per agency ({@link Issuer}: the DEMO PKI in demo mode; otherwise the province's
 * PKCS#12 keystores or PKCS#11 token as configured, {@link ConfiguredPaperKeys}, which may also be
 * one key for all), or two opened keys that sign every paper.
 */
public final class PaperKeys implements AutoCloseable {

    /**
     * Where one key is.
     *
     * @param role          "officer" or "agency", for messages
     * @param pkcs11Config  a SunPKCS11 configuration file; when present the token is used and the keystore ignored
     * @param keystore      the PKCS#12 file
     * @param password      the keystore password, or the token PIN
     * @param alias         the key's alias; null takes the first key
     */
    public record Location(String role, Optional<Path> pkcs11Config, Path keystore, String password, String alias) {
    }

    /** Who signs one paper: the officer (the token's officer id) of an agency. */
    public record Signatory(String officerId, String agencyCode, String agencyName) {
    }

    /** The two keys of one paper. */
    public record Signers(KeySource officer, KeySource agency) {
    }

    /** Hands out one key per officer and per agency; keeps them (the caller does not close them). */
    public interface Issuer extends AutoCloseable {

        /** @throws vn.lienthong.gateway.domain.paper.CertificateUnusableException when the officer's certificate is revoked or expired */
        KeySource officer(String officerId, String agencyCode, String agencyName);

        KeySource agency(String agencyCode, String agencyName);

        /** Closes the keys it opened itself; nothing by default (the DEMO PKI's stay with the PKI). */
        @Override
        default void close() {
        }
    }

    private final KeySource officer;
    private final KeySource agency;
    private final Issuer issuer;

    private PaperKeys(KeySource officer, KeySource agency, Issuer issuer) {
        this.officer = officer;
        this.agency = agency;
        this.issuer = issuer;
    }

    /** Keys per officer and agency from {@code issuer}. */
    public static PaperKeys issuedBy(Issuer issuer) {
        return new PaperKeys(null, null, issuer);
    }

    /** Opens both configured keys, which then sign every paper. */
    public static PaperKeys open(Location officer, Location agency) {
        KeySource o = open(officer);
        KeySource a;
        try {
            a = open(agency);
        } catch (PaperKeyException e) {
            o.close();
            throw e;
        }
        return new PaperKeys(o, a, null);
    }

    /** The keys that sign a paper of {@code who}. */
    public Signers signers(Signatory who) {
        if (issuer == null) {
            return new Signers(officer, agency);
        }
        return new Signers(issuer.officer(who.officerId(), who.agencyCode(), who.agencyName()),
                issuer.agency(who.agencyCode(), who.agencyName()));
    }

    /** The agency's seal alone, for a report the agency signs without an officer (the register, form 07). */
    public KeySource agency(String agencyCode, String agencyName) {
        return issuer == null ? agency : issuer.agency(agencyCode, agencyName);
    }

    @Override
    public void close() {
        if (officer != null) {
            officer.close();
        }
        if (agency != null) {
            agency.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    static KeySource open(Location l) {
        char[] secret = l.password() == null ? null : l.password().toCharArray();
        try {
            if (l.pkcs11Config().isPresent()) {
                return Pkcs11KeySource.open(l.pkcs11Config().get(), secret, l.alias());
            }
            if (!Files.exists(l.keystore())) {
                throw new PaperKeyException("The " + l.role() + " keystore " + l.keystore() + " does not exist; set "
                        + "lienthong.papers." + l.role() + ".keystore (or .pkcs11-config) to the "
                        + l.role() + "'s signing key", null);
            }
            // The JDK signs: a few signatures per dossier do not need the native provider in the container.
            return Pkcs12KeySource.open(l.keystore(), secret, l.alias(), ProviderPreference.JDK);
        } catch (SigningException e) {
            throw new PaperKeyException("Cannot open the " + l.role() + " signing key (" + describe(l) + "): "
                    + e.getMessage(), e);
        }
    }

    private static String describe(Location l) {
        return l.pkcs11Config().map(p -> "PKCS#11 " + p).orElse(l.keystore().toString());
    }
}
