package vn.lienthong.gateway.infrastructure.agency;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for the TLS tests: a CA, the certificates it issues (EC P-256), and PKCS12 files of them.
 * The integration tests' AgencyTlsIT uses it too, through this module's test-jar.
 */
public final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    /** A key pair and its certificate chain, leaf first. */
    public record Issued(KeyPair keys, X509Certificate[] chain) {

        public X509Certificate certificate() {
            return chain[0];
        }
    }

    private TestPki() {
    }

    public static Issued ca(String commonName) {
        KeyPair keys = keyPair();
        X500Name name = new X500Name("CN=" + commonName + ",O=Lien Thong tests");
        try {
            X509v3CertificateBuilder b = builder(name, name, keys);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new Issued(keys, new X509Certificate[] {sign(b, keys)});
        } catch (CertIOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server (and client) certificate; each name is an IP address if it parses as one, else a DNS name. */
    public static Issued issue(Issued ca, String commonName, String... names) {
        KeyPair keys = keyPair();
        try {
            X509v3CertificateBuilder b = builder(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                    new X500Name("CN=" + commonName + ",O=Lien Thong tests"), keys);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            if (names.length > 0) {
                GeneralName[] sans = new GeneralName[names.length];
                for (int i = 0; i < names.length; i++) {
                    sans[i] = new GeneralName(isIp(names[i]) ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
            }
            return new Issued(keys, new X509Certificate[] {sign(b, ca.keys()), ca.certificate()});
        } catch (CertIOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PKCS12 file with one private key entry per alias. */
    public static Path keystore(Path file, String password, Map<String, Issued> entries) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (Map.Entry<String, Issued> e : entries.entrySet()) {
                store.setKeyEntry(e.getKey(), e.getValue().keys().getPrivate(), password.toCharArray(), e.getValue().chain());
            }
            return write(store, file, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS12 file of trusted certificates. */
    public static Path truststore(Path file, String password, X509Certificate... trusted) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < trusted.length; i++) {
                store.setCertificateEntry("ca-" + i, trusted[i]);
            }
            return write(store, file, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(KeyStore store, Path file, String password) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isIp(String name) {
        if (!name.matches("[0-9.]+|[0-9a-fA-F:]+:[0-9a-fA-F:]*")) {
            return false;
        }
        try {
            InetAddress.getByName(name);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
