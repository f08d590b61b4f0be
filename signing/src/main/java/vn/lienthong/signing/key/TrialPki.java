package vn.lienthong.signing.key;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.lienthong.signing.SignatureCreationException;

/**
 * A throw-away PKI for trials and tests: a root CA, signer and TSA certificates, and CRLs.
 * Never for production keys.
 */
public final class TrialPki {
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
    private final KeyPair caKeys;
    private final X509Certificate caCertificate;

    /** An issued certificate with its private key, chain signer first and the root last. */
    public record Issued(PrivateKey key, List<X509Certificate> chain) {
        public Issued {
            chain = List.copyOf(chain);
        }

        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    /** What kind of certificate to issue. */
    public record Profile(String commonName, String organisation, String keyAlgorithm, Instant notBefore,
            Instant notAfter, boolean timeStamping) {

        /** A signer valid from a day ago for two years. */
        public static Profile signer(String commonName, String organisation, String keyAlgorithm) {
            Instant now = Instant.now();
            return new Profile(commonName, organisation, keyAlgorithm, now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(730)), false);
        }

        public static Profile tsa(String commonName) {
            Instant now = Instant.now();
            return new Profile(commonName, "Liên Thông trial TSA", "RSA", now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(730)), true);
        }

        public Profile validity(Instant from, Instant until) {
            return new Profile(commonName, organisation, keyAlgorithm, from, until, timeStamping);
        }
    }

    private TrialPki(KeyPair caKeys, X509Certificate caCertificate) {
        this.caKeys = caKeys;
        this.caCertificate = caCertificate;
    }

    /** A new RSA-2048 root CA valid for ten years. */
    public static TrialPki create(String caName) {
        KeyPair keys = generate("RSA");
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + caName + ",O=Liên Thông trial,C=VN");
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofDays(2))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new TrialPki(keys, certificate(builder, keys.getPrivate()));
        } catch (IOException | GeneralSecurityException e) {
            throw new SignatureCreationException("Cannot create trial CA", e);
        }
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** Generates a key pair ("RSA" 2048 or "EC" P-256) and issues a certificate for it. */
    public Issued issue(Profile profile) {
        KeyPair keys = generate(profile.keyAlgorithm());
        return new Issued(keys.getPrivate(), List.of(certify(keys.getPublic(), profile), caCertificate));
    }

    /** Issues a certificate for a public key generated elsewhere, e.g. on a PKCS#11 token. */
    public X509Certificate certify(PublicKey publicKey, Profile profile) {
        X500Name subject = new X500Name("CN=" + profile.commonName() + ",O=" + profile.organisation() + ",C=VN");
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(),
                    Date.from(profile.notBefore()), Date.from(profile.notAfter()), subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(caCertificate))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
            if (profile.timeStamping()) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, true,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            } else {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            }
            return certificate(builder, caKeys.getPrivate());
        } catch (IOException | GeneralSecurityException e) {
            throw new SignatureCreationException("Cannot issue trial certificate", e);
        }
    }

    /** A CRL valid from an hour ago for a week, listing {@code revoked}. */
    public X509CRL crl(List<X509Certificate> revoked) {
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(
                caCertificate.getSubjectX500Principal().getEncoded()), Date.from(now.minus(Duration.ofHours(1))));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        for (X509Certificate c : revoked) {
            builder.addCRLEntry(c.getSerialNumber(), Date.from(now.minus(Duration.ofMinutes(30))),
                    CRLReason.keyCompromise);
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
            builder.addExtension(Extension.cRLNumber, false,
                    new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(SERIALS.incrementAndGet())));
            return new JcaX509CRLConverter().getCRL(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new SignatureCreationException("Cannot issue trial CRL", e);
        }
    }

    /** Writes a PKCS#12 file with one key entry (alias "signer") and its chain. */
    public static void writePkcs12(Issued issued, Path file, char[] password, String alias) {
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, issued.key(), password, issued.chain().toArray(new X509Certificate[0]));
            store.store(out, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new SignatureCreationException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** PEM text of a certificate or CRL. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if ("EC".equalsIgnoreCase(algorithm)) {
                generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            } else {
                generator.initialize(2048, new SecureRandom());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new SignatureCreationException("Cannot generate " + algorithm + " key", e);
        }
    }

    private static X509Certificate certificate(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot sign certificate", e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }
}
