package vn.lienthong.signing.cms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import vn.lienthong.signing.MalformedInputException;
import vn.lienthong.signing.SignatureCreationException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.tsp.TimestampSource;

/**
 * Builds CMS SignedData (CAdES-B-B, or B-T with a time-stamp source) in three steps:
 * {@link #dataToSign} → {@link KeySource#sign} → {@link #embed}. It never sees a private key
 * and never sees a PDF.
 */
public final class CmsSigner {
    private static final DefaultSignatureAlgorithmIdentifierFinder SIG_ALGS =
            new DefaultSignatureAlgorithmIdentifierFinder();

    private final TimestampSource timestamps;

    /** A signer for level B-B. */
    public CmsSigner() {
        this(null);
    }

    /** A signer that adds a signature-time-stamp (level B-T) when {@code timestamps} is not null. */
    public CmsSigner(TimestampSource timestamps) {
        this.timestamps = timestamps;
    }

    /** Step 1 for in-memory content, detached or enveloping. */
    public CmsDataToSign dataToSign(byte[] content, List<X509Certificate> chain, CmsParameters parameters) {
        byte[] digest = parameters.digest().newDigest().digest(content);
        return build(digest, chain, parameters, parameters.enveloping() ? content.clone() : null, Instant.now());
    }

    /** Step 1 for a file, streamed through the digest; enveloping reads it into memory once. */
    public CmsDataToSign dataToSign(Path content, List<X509Certificate> chain, CmsParameters parameters) {
        if (parameters.enveloping()) {
            try {
                return dataToSign(Files.readAllBytes(content), chain, parameters);
            } catch (IOException e) {
                throw new MalformedInputException("Cannot read " + content + ": " + e.getMessage(), e);
            }
        }
        return build(digestOf(content, parameters.digest().newDigest()), chain, parameters, null, Instant.now());
    }

    /** Step 1 when the caller already hashed the content (PAdES byte ranges, HSM pipelines). Detached only. */
    public CmsDataToSign dataToSignForDigest(byte[] contentDigest, List<X509Certificate> chain,
            CmsParameters parameters, Instant signingTime) {
        if (parameters.enveloping()) {
            throw new IllegalArgumentException("An enveloping signature needs the content, not its digest");
        }
        if (contentDigest.length != parameters.digest().length()) {
            throw new IllegalArgumentException("Digest length " + contentDigest.length + " does not match "
                    + parameters.digest().jcaName());
        }
        return build(contentDigest.clone(), chain, parameters, null, signingTime);
    }

    /** Step 3: wraps the key source's signature value into the DER of a ContentInfo/SignedData. */
    public byte[] embed(CmsDataToSign data, byte[] signatureValue) {
        CMSSignedData signed = generate(data, new FixedValueSigner(algorithmId(data), data.bytesToSign(),
                signatureValue));
        if (timestamps != null) {
            signed = addSignatureTimestamp(signed);
        }
        try {
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot encode SignedData", e);
        }
    }

    /** All three steps with one key source. */
    public byte[] sign(byte[] content, CmsParameters parameters, KeySource key) {
        CmsDataToSign data = dataToSign(content, key.certificateChain(), parameters);
        return embed(data, key.sign(data.bytesToSign(), data.spec()));
    }

    /** All three steps for a file. */
    public byte[] sign(Path content, CmsParameters parameters, KeySource key) {
        CmsDataToSign data = dataToSign(content, key.certificateChain(), parameters);
        return embed(data, key.sign(data.bytesToSign(), data.spec()));
    }

    static byte[] digestOf(Path file, MessageDigest digest) {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (IOException e) {
            throw new MalformedInputException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private CmsDataToSign build(byte[] digest, List<X509Certificate> chain, CmsParameters parameters,
            byte[] content, Instant signingTime) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("Certificate chain is empty");
        }
        // Whole seconds: signing-time has no fractions, and step 3 must rebuild identical bytes.
        Instant time = Instant.ofEpochSecond(signingTime.getEpochSecond());
        CmsDataToSign draft = new CmsDataToSign(new byte[0], parameters, chain, digest, time, content);
        // Encoded exactly as BouncyCastle's SignerInfoGenerator does (a DER SET of the attributes);
        // embed() checks the generator signs these very bytes.
        AttributeTable table = new CadesAttributes(draft, chainInfo(chain)).getAttributes(
                Map.of(CMSAttributeTableGenerator.CONTENT_TYPE, CMSObjectIdentifiers.data));
        try {
            byte[] toSign = new DERSet(table.toASN1EncodableVector()).getEncoded(ASN1Encoding.DER);
            return new CmsDataToSign(toSign, parameters, chain, digest, time, content);
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot encode signed attributes", e);
        }
    }

    /** Parsed forms of the chain, kept for the last chain seen: signing the same chain repeatedly is the norm. */
    private record ChainInfo(List<X509Certificate> chain, X509CertificateHolder signer, JcaCertStore store,
            Attribute signingCertificateV2) {
    }

    private volatile ChainInfo lastChain;

    private ChainInfo chainInfo(List<X509Certificate> chain) {
        ChainInfo cached = lastChain;
        if (cached != null && (cached.chain() == chain || cached.chain().equals(chain))) {
            return cached;
        }
        try {
            X509CertificateHolder signer = new X509CertificateHolder(chain.get(0).getEncoded());
            ChainInfo info = new ChainInfo(chain, signer, new JcaCertStore(chain),
                    new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                            new DERSet(CadesAttributes.signingCertificateV2(signer))));
            lastChain = info;
            return info;
        } catch (CertificateEncodingException | IOException e) {
            throw new SignatureCreationException("Cannot encode the certificate chain: " + e.getMessage(), e);
        }
    }

    private static AlgorithmIdentifier algorithmId(CmsDataToSign data) {
        return SIG_ALGS.find(data.spec().bcName());
    }

    private CMSSignedData generate(CmsDataToSign data, ContentSigner signer) {
        try {
            ChainInfo chain = chainInfo(data.chain());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new PrecomputedDigests(data))
                    .setSignedAttributeGenerator(new CadesAttributes(data, chain))
                    .build(signer, chain.signer()));
            generator.addCertificates(chain.store());
            CMSTypedData content = data.encapsulatedContent() != null
                    ? new CMSProcessableByteArray(data.encapsulatedContent())
                    : new CMSAbsentContent();
            return generator.generate(content, data.encapsulatedContent() != null);
        } catch (CMSException | OperatorCreationException e) {
            throw new SignatureCreationException("Cannot build SignedData: " + e.getMessage(), e);
        }
    }

    private CMSSignedData addSignatureTimestamp(CMSSignedData signed) {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        byte[] imprint = timestamps.imprintDigest().newDigest().digest(signer.getSignature());
        byte[] token = timestamps.timestamp(imprint, timestamps.imprintDigest());
        try {
            ASN1EncodableVector attrs = new ASN1EncodableVector();
            attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(ASN1Primitive.fromByteArray(token))));
            SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attrs));
            return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
        } catch (IOException e) {
            throw new SignatureCreationException("TSA token is not valid DER", e);
        }
    }

    /** content-type, message-digest, [signing-time], signing-certificate-v2 — exactly CAdES-B-B. */
    private static final class CadesAttributes implements CMSAttributeTableGenerator {
        private final CmsDataToSign data;
        private final ChainInfo chain;

        CadesAttributes(CmsDataToSign data, ChainInfo chain) {
            this.data = data;
            this.chain = chain;
        }

        @Override
        public AttributeTable getAttributes(@SuppressWarnings("rawtypes") Map params) {
            ASN1ObjectIdentifier contentType = (ASN1ObjectIdentifier) params.get(CONTENT_TYPE);
            Hashtable<ASN1ObjectIdentifier, Attribute> table = new Hashtable<>();
            table.put(CMSAttributes.contentType, new Attribute(CMSAttributes.contentType, new DERSet(contentType)));
            table.put(CMSAttributes.messageDigest, new Attribute(CMSAttributes.messageDigest,
                    new DERSet(new DEROctetString(data.contentDigest()))));
            if (data.parameters().includeSigningTime()) {
                table.put(CMSAttributes.signingTime, new Attribute(CMSAttributes.signingTime,
                        new DERSet(new Time(Date.from(data.signingTime())))));
            }
            table.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2, chain.signingCertificateV2());
            return new AttributeTable(table);
        }

        static ASN1Encodable signingCertificateV2(X509CertificateHolder signerCert) {
            byte[] hash;
            try {
                hash = MessageDigest.getInstance("SHA-256").digest(signerCert.getEncoded());
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                throw new SignatureCreationException("Cannot hash signer certificate", e);
            }
            IssuerSerial issuerSerial = new IssuerSerial(
                    new GeneralNames(new GeneralName(X500Name.getInstance(signerCert.getIssuer()))),
                    signerCert.getSerialNumber());
            ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash,
                    issuerSerial);
            return new SigningCertificateV2(new ESSCertIDv2[] {id});
        }
    }

    /** Hands BouncyCastle the digest computed in step 1 instead of re-hashing the content. */
    private static final class PrecomputedDigests implements DigestCalculatorProvider {
        private final CmsDataToSign data;

        PrecomputedDigests(CmsDataToSign data) {
            this.data = data;
        }

        @Override
        public DigestCalculator get(AlgorithmIdentifier algorithm) {
            return new DigestCalculator() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return algorithm;
                }

                @Override
                public OutputStream getOutputStream() {
                    return OutputStream.nullOutputStream();
                }

                @Override
                public byte[] getDigest() {
                    return data.contentDigest().clone();
                }
            };
        }
    }

    /** Step 3's signer: returns the value the key source produced, after checking it signed these bytes. */
    private static final class FixedValueSigner implements ContentSigner {
        private final AlgorithmIdentifier algorithm;
        private final byte[] expected;
        private final byte[] value;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        FixedValueSigner(AlgorithmIdentifier algorithm, byte[] expected, byte[] value) {
            this.algorithm = algorithm;
            this.expected = expected;
            this.value = value.clone();
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return bytes;
        }

        @Override
        public byte[] getSignature() {
            if (!Arrays.equals(expected, bytes.toByteArray())) {
                throw new SignatureCreationException("Signed attributes changed between step 1 and step 3");
            }
            return value;
        }
    }
}
