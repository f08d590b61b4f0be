package vn.lienthong.signing.verify;

import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;
import vn.lienthong.signing.DigestAlgorithm;

/** Validates one SignerInfo against a content digest: digest, signature value, ESS, time-stamp, certificate. */
final class SignerCheck {
    private static final Map<String, String> DIGEST_NAMES = Map.of(
            "2.16.840.1.101.3.4.2.1", "SHA-256", "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512", "1.3.14.3.2.26", "SHA-1",
            "2.16.840.1.101.3.4.2.8", "SHA3-256", "2.16.840.1.101.3.4.2.9", "SHA3-384",
            "2.16.840.1.101.3.4.2.10", "SHA3-512");
    private static final String RSA = "1.2.840.113549.1.1.1";
    private static final String RSA_PSS = "1.2.840.113549.1.1.10";
    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";

    /** Computes the digest of the signed content with the named JCA digest. */
    interface ContentDigest {
        byte[] digest(String jcaDigestName);
    }

    /** What the caller knows beyond the CMS. */
    record Context(int index, String name, String profile, Optional<Instant> claimedTimeOverride,
            List<Finding> extraFindings, Optional<PdfCoverage> coverage, DocumentRevocationData embedded,
            boolean archiveTimestamped) {

        Context(int index, String name, String profile, Optional<Instant> claimedTimeOverride,
                List<Finding> extraFindings, Optional<PdfCoverage> coverage) {
            this(index, name, profile, claimedTimeOverride, extraFindings, coverage, DocumentRevocationData.NONE,
                    false);
        }
    }

    private final CertificateCheck certificates;

    SignerCheck(CertificateCheck certificates) {
        this.certificates = certificates;
    }

    SignatureReport check(CMSSignedData signedData, SignerInformation signer, ContentDigest content, Context ctx) {
        List<Finding> findings = new ArrayList<>(ctx.extraFindings());
        List<X509Certificate> pool = new ArrayList<>(certificates(signedData.getCertificates()));
        pool.addAll(ctx.embedded().certificates());
        Optional<X509Certificate> cert = findSigner(signedData.getCertificates(), signer);
        String digestName = DIGEST_NAMES.getOrDefault(signer.getDigestAlgOID(), signer.getDigestAlgOID());
        String algorithm = algorithmName(signer, digestName);
        AttributeTable signed = signer.getSignedAttributes();
        Optional<Instant> claimed = ctx.claimedTimeOverride().isPresent() ? ctx.claimedTimeOverride()
                : signingTime(signed);

        if (!DIGEST_NAMES.containsKey(signer.getDigestAlgOID()) || "SHA-1".equals(digestName)) {
            findings.add(Finding.of(Reason.CRYPTO_CONSTRAINTS_FAILURE, "digest " + digestName));
        }
        if (signer.getEncryptionAlgOID().equals(RSA) || algorithm.startsWith("rsa/")) {
            findings.add(Finding.of(Reason.NOT_PSS));
        }

        // 1. digest of the content against the message-digest attribute
        byte[] computed = null;
        if (DIGEST_NAMES.containsKey(signer.getDigestAlgOID())) {
            computed = content.digest(digestName);
        }
        if (signed != null) {
            Attribute md = signed.get(CMSAttributes.messageDigest);
            if (md == null) {
                findings.add(Finding.of(Reason.FORMAT_FAILURE, "no message-digest attribute"));
            } else if (computed != null && !MessageDigest.isEqual(computed,
                    ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets())) {
                findings.add(Finding.of(Reason.HASH_FAILURE, digestName));
            }
        }

        // 2. signature value with the signer's public key
        Optional<Instant> tstTime = Optional.empty();
        if (cert.isEmpty()) {
            findings.add(Finding.of(Reason.NO_SIGNING_CERTIFICATE_FOUND, signer.getSID().toString()));
        } else {
            verifyValue(signer, cert.get(), digestName, computed, findings);
            essCheck(signed, cert.get(), findings);
            tstTime = timestamp(signer, pool, findings);
            Instant at = tstTime.orElse(Instant.now());
            if (tstTime.isEmpty() && claimed.isPresent()) {
                findings.add(Finding.of(Reason.SIGNING_TIME_CLAIMED, claimed.get().toString()));
            }
            findings.addAll(certificates.signer(cert.get(), pool, at, ctx.embedded()));
        }
        Indication indication = Indication.TOTAL_PASSED;
        for (Finding f : findings) {
            if (f.reason().indication() != null) {
                indication = indication.worst(f.reason().indication());
            }
        }
        String level = level(ctx.profile(), signed, tstTime.isPresent());
        if (level.endsWith("-T") && findings.stream().anyMatch(f -> f.reason() == Reason.REVOCATION_FROM_DOCUMENT)) {
            level = level.substring(0, level.length() - 1) + (ctx.archiveTimestamped() ? "LTA" : "LT");
        }
        return new SignatureReport(ctx.index(), ctx.name(), indication, findings,
                cert.map(c -> c.getSubjectX500Principal().getName()), algorithm, level, claimed, tstTime,
                ctx.coverage());
    }

    /**
     * A PDF document time-stamp (SubFilter ETSI.RFC3161): the token's imprint against the byte
     * range, its signature and ESS binding, and the TSA's chain at the token's time.
     */
    SignatureReport documentTimestamp(CMSSignedData signedData, ContentDigest content, Context ctx) {
        List<Finding> findings = new ArrayList<>(ctx.extraFindings());
        Optional<Instant> genTime = Optional.empty();
        Optional<String> tsaName = Optional.empty();
        String algorithm = "?";
        try {
            TimeStampToken token = new TimeStampToken(signedData);
            DigestAlgorithm imprint = DigestAlgorithm.fromOid(token.getTimeStampInfo().getMessageImprintAlgOID()
                    .getId());
            SignerInformation signer = signedData.getSignerInfos().getSigners().iterator().next();
            algorithm = algorithmName(signer, DIGEST_NAMES.getOrDefault(signer.getDigestAlgOID(),
                    signer.getDigestAlgOID())) + ", imprint " + imprint.jcaName();
            if (!MessageDigest.isEqual(content.digest(imprint.jcaName()),
                    token.getTimeStampInfo().getMessageImprintDigest())) {
                findings.add(Finding.of(Reason.HASH_FAILURE, "document time-stamp imprint " + imprint.jcaName()));
            }
            List<X509Certificate> pool = new ArrayList<>(certificates(token.getCertificates()));
            pool.addAll(ctx.embedded().certificates());
            genTime = checkToken(token, pool, findings);
            tsaName = certificates(token.getCertificates()).stream().filter(c -> token.getSID().match(holder(c)))
                    .findFirst().map(c -> c.getSubjectX500Principal().getName());
        } catch (TSPException | IOException | IllegalArgumentException | vn.lienthong.signing.SigningException e) {
            findings.add(Finding.of(Reason.FORMAT_FAILURE, "document time-stamp: " + e.getMessage()));
        }
        Indication indication = Indication.TOTAL_PASSED;
        for (Finding f : findings) {
            if (f.reason().indication() != null) {
                indication = indication.worst(f.reason().indication());
            }
        }
        return new SignatureReport(ctx.index(), ctx.name(), indication, findings, tsaName, algorithm,
                DOCUMENT_TIMESTAMP, genTime, genTime, ctx.coverage());
    }

    /** The level reported for a document time-stamp. */
    static final String DOCUMENT_TIMESTAMP = "PAdES document time-stamp (ETSI.RFC3161)";

    /** Checks a token's signature, ESS binding, EKU and TSA chain; its genTime when all is well. */
    private Optional<Instant> checkToken(TimeStampToken token, List<X509Certificate> pool, List<Finding> findings) {
        Optional<X509Certificate> tsaCert = pool.stream().filter(c -> token.getSID().match(holder(c))).findFirst();
        if (tsaCert.isEmpty()) {
            findings.add(Finding.of(Reason.TIMESTAMP_FAILURE, "TSA certificate not in the token"));
            return Optional.empty();
        }
        try {
            // Checks the token's signature, its ESS certificate binding and the TSA's timeStamping EKU.
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCert.get()));
        } catch (TSPException | OperatorCreationException | IllegalArgumentException e) {
            findings.add(Finding.of(Reason.TIMESTAMP_FAILURE, e.getMessage()));
            return Optional.empty();
        }
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        List<Finding> tsa = certificates.timestampAuthority(tsaCert.get(), pool, genTime);
        if (!tsa.isEmpty()) {
            findings.add(Finding.of(Reason.TIMESTAMP_FAILURE, "TSA: " + tsa.get(0).message()));
            return Optional.empty();
        }
        return Optional.of(genTime);
    }

    private static void verifyValue(SignerInformation signer, X509Certificate cert, String digestName,
            byte[] computed, List<Finding> findings) {
        try {
            Signature sig = signatureFor(signer, digestName);
            sig.initVerify(cert.getPublicKey());
            byte[] signedAttrs = signer.getEncodedSignedAttributes();
            if (signedAttrs == null) {
                // Without signed attributes the value signs the content itself; we only support that
                // when the scheme can take the pre-hashed digest, which JCA cannot: report it.
                findings.add(Finding.of(Reason.UNSUPPORTED_FORMAT, "SignerInfo without signed attributes"));
                return;
            }
            sig.update(signedAttrs);
            if (!sig.verify(signer.getSignature())) {
                findings.add(Finding.of(Reason.SIG_CRYPTO_FAILURE));
            }
        } catch (GeneralSecurityException | IOException e) {
            findings.add(Finding.of(Reason.SIG_CRYPTO_FAILURE, e.getMessage()));
        }
    }

    private static Signature signatureFor(SignerInformation signer, String digestName)
            throws GeneralSecurityException, IOException {
        String enc = signer.getEncryptionAlgOID();
        String shortDigest = digestName.replace("-", "");
        if (enc.equals(RSA_PSS)) {
            Signature sig = Signature.getInstance("RSASSA-PSS");
            AlgorithmParameters params = AlgorithmParameters.getInstance("RSASSA-PSS");
            params.init(signer.getEncryptionAlgParams());
            sig.setParameter(params.getParameterSpec(PSSParameterSpec.class));
            return sig;
        }
        if (enc.equals(RSA) || enc.startsWith("1.2.840.113549.1.1.")) {
            return Signature.getInstance(shortDigest + "withRSA");
        }
        if (enc.equals(EC_PUBLIC_KEY) || enc.startsWith("1.2.840.10045.4.3.")) {
            return Signature.getInstance(shortDigest + "withECDSA");
        }
        throw new GeneralSecurityException("unsupported signature algorithm " + enc);
    }

    private static String algorithmName(SignerInformation signer, String digestName) {
        String enc = signer.getEncryptionAlgOID();
        String scheme = enc.equals(RSA_PSS) ? "rsa-pss"
                : enc.startsWith("1.2.840.113549.1.1.") ? "rsa"
                : enc.equals(EC_PUBLIC_KEY) || enc.startsWith("1.2.840.10045.4.3.") ? "ecdsa" : enc;
        return scheme + "/" + digestName;
    }

    private static void essCheck(AttributeTable signed, X509Certificate cert, List<Finding> findings) {
        if (signed == null) {
            return;
        }
        Attribute v2 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (v2 == null) {
            return;
        }
        try {
            SigningCertificateV2 sc = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0));
            ESSCertIDv2 id = sc.getCerts()[0];
            String oid = id.getHashAlgorithm().getAlgorithm().getId();
            MessageDigest md = MessageDigest.getInstance(DIGEST_NAMES.getOrDefault(oid, oid));
            if (!MessageDigest.isEqual(md.digest(cert.getEncoded()), id.getCertHash())) {
                findings.add(Finding.of(Reason.FORMAT_FAILURE,
                        "signing-certificate-v2 does not match the signer certificate"));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            findings.add(Finding.of(Reason.FORMAT_FAILURE, "signing-certificate-v2 unreadable: " + e.getMessage()));
        }
    }

    private Optional<Instant> timestamp(SignerInformation signer, List<X509Certificate> signerPool,
            List<Finding> findings) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attr = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attr == null) {
            return Optional.empty();
        }
        try {
            ASN1Encodable value = attr.getAttrValues().getObjectAt(0);
            TimeStampToken token = new TimeStampToken(new CMSSignedData(value.toASN1Primitive().getEncoded()));
            String imprintOid = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
            MessageDigest md = MessageDigest.getInstance(DigestAlgorithm.fromOid(imprintOid).jcaName());
            if (!MessageDigest.isEqual(md.digest(signer.getSignature()),
                    token.getTimeStampInfo().getMessageImprintDigest())) {
                findings.add(Finding.of(Reason.TIMESTAMP_FAILURE, "message imprint does not match the signature"));
                return Optional.empty();
            }
            if (certificates(token.getCertificates()).stream().noneMatch(c -> token.getSID().match(holder(c)))) {
                findings.add(Finding.of(Reason.TIMESTAMP_FAILURE, "TSA certificate not in the token"));
                return Optional.empty();
            }
            List<X509Certificate> pool = new ArrayList<>(certificates(token.getCertificates()));
            pool.addAll(signerPool);
            return checkToken(token, pool, findings);
        } catch (IOException | CMSException | TSPException | GeneralSecurityException
                | IllegalArgumentException | IllegalStateException e) {
            findings.add(Finding.of(Reason.TIMESTAMP_FAILURE, e.getMessage()));
            return Optional.empty();
        }
    }

    private static String level(String profile, AttributeTable signed, boolean timestamped) {
        boolean ess = signed != null && (signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null
                || signed.get(PKCSObjectIdentifiers.id_aa_signingCertificate) != null);
        boolean signingTime = signed != null && signed.get(CMSAttributes.signingTime) != null;
        boolean baseline = switch (profile) {
            case "CAdES" -> ess && signingTime;
            case "PAdES" -> ess && !signingTime;
            default -> false;
        };
        if (!baseline) {
            return "CMS" + (timestamped ? " with signature time-stamp" : "");
        }
        return profile + "-BASELINE-" + (timestamped ? "T" : "B");
    }

    private static Optional<Instant> signingTime(AttributeTable signed) {
        Attribute st = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (st == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Time.getInstance(st.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<X509Certificate> findSigner(Store<X509CertificateHolder> store, SignerInformation signer) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
        return matches.stream().findFirst().map(SignerCheck::convert);
    }

    static List<X509Certificate> certificates(Store<X509CertificateHolder> store) {
        List<X509Certificate> out = new ArrayList<>();
        for (X509CertificateHolder h : store.getMatches(null)) {
            out.add(convert(h));
        }
        return out;
    }

    private static X509Certificate convert(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Embedded certificate is not parseable: " + e.getMessage(), e);
        }
    }

    private static X509CertificateHolder holder(X509Certificate cert) {
        try {
            return new X509CertificateHolder(cert.getEncoded());
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
