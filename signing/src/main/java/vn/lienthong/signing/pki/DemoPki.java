package vn.lienthong.signing.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.lienthong.signing.KeyAccessException;
import vn.lienthong.signing.SignatureCreationException;
import vn.lienthong.signing.key.TrialPki;

/**
 * The DEMO PKI: one root CA, one issuing CA under it, and end-entity certificates for officers,
 * agency seals, the gateway seal, the OCSP responder and the TSA. Every certificate names its CRL
 * distribution point and AIA (OCSP, caIssuers) under {@link PkiSettings#publicBaseUrl()}.
 * Never for production: a province plugs in its real CA instead.
 */
public final class DemoPki {
    static final String ROOT_FILE = "root-ca.p12";
    static final String ISSUING_FILE = "issuing-ca.p12";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PkiSettings settings;
    private final Clock clock;
    private final CertificateAuthority root;
    private final CertificateAuthority issuing;

    private DemoPki(PkiSettings settings, Clock clock, CertificateAuthority root, CertificateAuthority issuing) {
        this.settings = settings;
        this.clock = clock;
        this.root = root;
        this.issuing = issuing;
    }

    /** Creates a new root and issuing CA (RSA-3072 root, RSA-2048 issuing). */
    public static DemoPki create(PkiSettings settings, Clock clock) {
        Instant now = clock.instant();
        Date from = Date.from(now.minus(Duration.ofDays(1)));
        Date until = Date.from(now.plus(settings.caValidity()));
        KeyPair rootKeys = generate("RSA", 3072);
        X500Name rootName = caName(settings, "Lien Thong DEMO Root CA - NOT FOR PRODUCTION");
        X509Certificate rootCert = sign(caBuilder(rootName, rootName, rootKeys.getPublic(), null, from, until, 1, null),
                rootKeys.getPrivate());
        CertificateAuthority root = new CertificateAuthority(rootKeys.getPrivate(), rootCert);
        KeyPair issuingKeys = generate("RSA", 2048);
        X509Certificate issuingCert = sign(caBuilder(caName(settings,
                "Lien Thong DEMO Issuing CA - NOT FOR PRODUCTION"), rootName, issuingKeys.getPublic(), rootCert,
                from, until, 0, settings), rootKeys.getPrivate());
        return new DemoPki(settings, clock, root,
                new CertificateAuthority(issuingKeys.getPrivate(), issuingCert));
    }

    /** Loads the CAs {@link #save} wrote to {@code dir}. */
    public static DemoPki load(Path dir, char[] password, PkiSettings settings, Clock clock) {
        return new DemoPki(settings, clock, readAuthority(dir.resolve(ROOT_FILE), password),
                readAuthority(dir.resolve(ISSUING_FILE), password));
    }

    /** Whether {@code dir} holds a saved DEMO PKI. */
    public static boolean existsIn(Path dir) {
        return Files.isRegularFile(dir.resolve(ROOT_FILE)) && Files.isRegularFile(dir.resolve(ISSUING_FILE));
    }

    /**
     * Writes both CAs as PKCS#12 ({@code root-ca.p12}, {@code issuing-ca.p12}) and their
     * certificates as PEM ({@code root-ca.pem}, {@code issuing-ca.pem}); each file appears whole
     * (written aside, then moved).
     */
    public void save(Path dir, char[] password) {
        try {
            Files.createDirectories(dir);
            writeKeystore(dir.resolve(ROOT_FILE), password, "ca", root.key(), List.of(root.certificate()));
            writeKeystore(dir.resolve(ISSUING_FILE), password, "ca", issuing.key(),
                    List.of(issuing.certificate(), root.certificate()));
            writeAtomically(dir.resolve("root-ca.pem"), pem(root.certificate()));
            writeAtomically(dir.resolve("issuing-ca.pem"), pem(issuing.certificate()));
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot save the DEMO PKI in " + dir + ": " + e.getMessage(), e);
        }
    }

    public PkiSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public CertificateAuthority root() {
        return root;
    }

    public CertificateAuthority issuing() {
        return issuing;
    }

    /** The CA part of every end-entity chain: issuing CA, then root. */
    public List<X509Certificate> caChain() {
        return List.of(issuing.certificate(), root.certificate());
    }

    /** Generates an RSA-2048 key pair and issues its certificate; chain end entity, issuing CA, root. */
    public TrialPki.Issued issue(EndEntity subject) {
        KeyPair keys = generate("RSA", 2048);
        return new TrialPki.Issued(keys.getPrivate(), chain(certify(keys.getPublic(), subject)));
    }

    /** Issues a certificate for a key generated elsewhere (a token, an HSM). */
    public X509Certificate certify(PublicKey publicKey, EndEntity subject) {
        Instant now = clock.instant();
        return certify(publicKey, subject, now.minus(Duration.ofMinutes(5)), now.plus(settings.endEntityValidity()));
    }

    /** Issues a certificate valid between the given instants (tests: expired or not yet valid). */
    public X509Certificate certify(PublicKey publicKey, EndEntity subject, Instant notBefore, Instant notAfter) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, subject.organisation());
        if (!subject.identifier().isEmpty()) {
            name.addRDN(BCStyle.SERIALNUMBER, subject.identifier());
        }
        name.addRDN(BCStyle.CN, subject.commonName());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuing.certificate(), serial(),
                    Date.from(notBefore), Date.from(notAfter), name.build(), publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(issuing.certificate()))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
            switch (subject.role()) {
                case OFFICER, AGENCY_SEAL, GATEWAY_SEAL -> builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                case TSA -> builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, true,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                case OCSP_RESPONDER -> builder.addExtension(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning))
                        // RFC 6960 4.2.2.2.1: the responder's own certificate is not checked for revocation.
                        .addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                default -> throw new IllegalArgumentException("Unknown role " + subject.role());
            }
            addPolicies(builder, settings.policiesOf(subject.role()));
            addPublication(builder, settings, settings.issuingCrlUrl(), settings.issuingCertificateUrl(), true);
            return sign(builder, issuing.key());
        } catch (IOException | GeneralSecurityException e) {
            throw new SignatureCreationException("Cannot issue a DEMO certificate for " + subject.commonName(), e);
        }
    }

    /** {@code certificate} followed by the issuing CA and the root. */
    public List<X509Certificate> chain(X509Certificate certificate) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(caChain());
        return List.copyOf(chain);
    }

    /** Writes a PKCS#12 with one key entry and its chain, whole (written aside, then moved). */
    public static void writeKeystore(Path file, char[] password, String alias, PrivateKey key,
            List<X509Certificate> chain) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(new X509Certificate[0]));
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, password);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | GeneralSecurityException e) {
            throw new SignatureCreationException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the first key entry of a PKCS#12 written by {@link #writeKeystore}. */
    public static TrialPki.Issued readKeystore(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new TrialPki.Issued((PrivateKey) store.getKey(alias, password), chain);
                }
            }
            throw new KeyAccessException(file + " holds no key entry");
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyAccessException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** PEM text of a certificate. */
    public static String pem(X509Certificate certificate) {
        try {
            return TrialPki.pem("CERTIFICATE", certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new SignatureCreationException("Cannot encode " + certificate.getSubjectX500Principal(), e);
        }
    }

    private static CertificateAuthority readAuthority(Path file, char[] password) {
        TrialPki.Issued read = readKeystore(file, password);
        return new CertificateAuthority(read.key(), read.certificate());
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static X500Name caName(PkiSettings settings, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, settings.organisation())
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static X509v3CertificateBuilder caBuilder(X500Name subject, X500Name issuer, PublicKey key,
            X509Certificate issuerCert, Date from, Date until, int pathLength, PkiSettings publishedUnder) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(), from, until, subject,
                    key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
            if (issuerCert != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuerCert));
                // The issuing CA's status is published by the root's CRL only (no OCSP for CAs).
                addPublication(builder, publishedUnder, publishedUnder.rootCrlUrl(),
                        publishedUnder.rootCertificateUrl(), false);
            }
            return builder;
        } catch (IOException | GeneralSecurityException e) {
            throw new SignatureCreationException("Cannot build a DEMO CA certificate", e);
        }
    }

    private static void addPolicies(X509v3CertificateBuilder builder, List<String> oids) throws IOException {
        if (oids.isEmpty()) {
            return;
        }
        PolicyInformation[] info = oids.stream()
                .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid))).toArray(PolicyInformation[]::new);
        builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(info));
    }

    private static void addPublication(X509v3CertificateBuilder builder, PkiSettings settings,
            java.net.URI crl, java.net.URI caIssuers, boolean ocsp) throws IOException {
        GeneralNames crlName = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier,
                crl.toString()));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(crlName), null, null)}));
        ASN1EncodableVector access = new ASN1EncodableVector();
        if (ocsp) {
            access.add(new AccessDescription(AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, settings.ocspUrl().toString())));
        }
        access.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                new GeneralName(GeneralName.uniformResourceIdentifier, caIssuers.toString())));
        builder.addExtension(Extension.authorityInfoAccess, false,
                AuthorityInformationAccess.getInstance(new DERSequence(access)));
    }

    static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if ("EC".equals(algorithm)) {
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            } else {
                generator.initialize(bits, RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new SignatureCreationException("Cannot generate a " + algorithm + " key", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new SignatureCreationException("Cannot sign a DEMO certificate", e);
        }
    }

    /** 127 random bits: unique without coordination between nodes, positive as RFC 5280 asks. */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(120);
    }
}
