package vn.lienthong.archive.sign;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import vn.lienthong.archive.SignatureCheck;

/**
 * Cryptographic integrity of detached CMS signatures (digest and signature value against the
 * embedded signer certificate): what fixity needs. It does not judge trust, validity periods or
 * revocation; that is the signing module's verifier's job for legal validation.
 */
public final class CmsSignatureCheck {
    private static final String DOCUMENT_TIMESTAMP = "ETSI.RFC3161";
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private CmsSignatureCheck() {
    }

    /** Checks a detached CMS over in-memory content and that it was made by {@code expectedSigner}. */
    public static SignatureCheck detached(byte[] content, byte[] cms, X509Certificate expectedSigner) {
        SignatureCheck check = verify(new CMSProcessableByteArray(content), cms);
        if (check.valid() && expectedSigner != null && !expectedSigner.getSubjectX500Principal().getName()
                .equals(check.signer())) {
            return SignatureCheck.failed(check.signer(), "signed by another key than the archive's");
        }
        return check;
    }

    /**
     * Checks every signature of a PDF, and that the last one covers the whole file, or everything
     * after it is validation data (PAdES-BASELINE-LT's DSS dictionary).
     */
    public static SignatureCheck pdf(Path file) {
        try (PDDocument doc = Loader.loadPDF(file.toFile(), MemoryUsageSetting.setupTempFileOnly().streamCache)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return SignatureCheck.failed("", "the PDF carries no signature");
            }
            long length = Files.size(file);
            String signer = "";
            for (int i = 0; i < signatures.size(); i++) {
                PDSignature s = signatures.get(i);
                int[] range = s.getByteRange();
                if (range == null || range.length != 4 || range[0] != 0) {
                    return SignatureCheck.failed(signer, "signature " + (i + 1) + " has a malformed byte range");
                }
                long signedEnd = (long) range[2] + range[3];
                if (i == signatures.size() - 1 && signedEnd != length) {
                    java.util.Optional<String> other = signedEnd > length ? java.util.Optional.of("beyond the file")
                            : ValidationDataRevisions.otherChange(doc, file, signedEnd);
                    if (other.isPresent()) {
                        return SignatureCheck.failed(signer, "the last signature does not cover the whole file ("
                                + other.get() + ")");
                    }
                }
                // /Contents is zero-padded to its reserved size; BouncyCastle wants exactly one DER object.
                byte[] contents = derObject(s.getContents());
                if (DOCUMENT_TIMESTAMP.equals(s.getSubFilter())) {
                    SignatureCheck stamp = documentTimestamp(new FileRanges(file, range), contents);
                    if (!stamp.valid()) {
                        return SignatureCheck.failed(signer, "document time-stamp " + (i + 1) + ": " + stamp.reason());
                    }
                    continue;
                }
                SignatureCheck one = verify(new FileRanges(file, range), contents);
                if (!one.valid()) {
                    return one;
                }
                signer = one.signer();
            }
            return SignatureCheck.ok(signer);
        } catch (IOException e) {
            return SignatureCheck.failed("", "unreadable PDF: " + e.getMessage());
        }
    }

    /**
     * A PAdES document time-stamp (PAdES-BASELINE-LTA): the token's imprint is the digest of the
     * byte range, and the token is signed by the TSA certificate it carries.
     */
    private static SignatureCheck documentTimestamp(FileRanges ranges, byte[] der) {
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(der));
            String oid = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
            MessageDigest digest = vn.lienthong.signing.DigestAlgorithm.fromOid(oid).newDigest();
            try (OutputStream out = new java.security.DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                ranges.write(out);
            }
            if (!MessageDigest.isEqual(digest.digest(), token.getTimeStampInfo().getMessageImprintDigest())) {
                return SignatureCheck.failed("", "imprint does not match the document (digest mismatch)");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = token.getCertificates().getMatches(token.getSID());
            if (certs.isEmpty()) {
                return SignatureCheck.failed("", "the TSA certificate is not embedded");
            }
            X509Certificate tsa = new JcaX509CertificateConverter().getCertificate(certs.iterator().next());
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(tsa));
            return SignatureCheck.ok(tsa.getSubjectX500Principal().getName());
        } catch (TSPException | CMSException e) {
            return SignatureCheck.failed("", "invalid token: " + e.getMessage());
        } catch (IOException | CertificateException | OperatorCreationException | RuntimeException e) {
            // Untrusted bytes: a damaged token is a failed check, never an error of the verifier.
            return SignatureCheck.failed("", "malformed token: " + e);
        }
    }

    private static byte[] derObject(byte[] padded) {
        if (padded.length < 2 || padded[0] != 0x30) {
            return padded;
        }
        int first = padded[1] & 0xFF;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int n = first & 0x7F;
            if (n < 1 || n > 4 || padded.length < 2 + n) {
                return padded;
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (padded[2 + i] & 0xFF);
            }
            header = 2 + n;
        }
        long total = header + length;
        return total <= padded.length ? java.util.Arrays.copyOf(padded, (int) total) : padded;
    }

    private static SignatureCheck verify(CMSTypedData content, byte[] cms) {
        try {
            CMSSignedData signed = new CMSSignedData(content, cms);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return SignatureCheck.failed("", "expected one signer, found " + signers.size());
            }
            SignerInformation info = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = signed.getCertificates()
                    .getMatches((Selector<X509CertificateHolder>) info.getSID());
            if (certs.isEmpty()) {
                return SignatureCheck.failed("", "the signer certificate is not embedded");
            }
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(certs.iterator().next());
            String name = cert.getSubjectX500Principal().getName();
            // BouncyCastle for the signature value (RSASSA-PSS naming), the JDK for the digest (SHA-NI).
            SignerInformationVerifier verifier = new SignerInformationVerifier(
                    new DefaultCMSSignatureAlgorithmNameGenerator(), new DefaultSignatureAlgorithmIdentifierFinder(),
                    new JcaContentVerifierProviderBuilder().setProvider(BC).build(cert),
                    new JcaDigestCalculatorProviderBuilder().build());
            boolean ok = info.verify(verifier);
            return ok ? SignatureCheck.ok(name) : SignatureCheck.failed(name, "signature value does not verify");
        } catch (CMSException e) {
            return SignatureCheck.failed("", "digest mismatch or malformed CMS: " + e.getMessage());
        } catch (CertificateException | OperatorCreationException | IllegalArgumentException e) {
            return SignatureCheck.failed("", "cannot check the signature: " + e.getMessage());
        } catch (RuntimeException e) {
            // The bytes are untrusted: BouncyCastle's ASN.1 layer answers some damaged structures with a
            // ClassCastException or IllegalStateException (a flipped tag reads as another type), not a
            // CMSException. A damaged signature is a failed check, never an error of the verifier.
            return SignatureCheck.failed("", "malformed CMS: " + e);
        }
    }

    /** The signed byte ranges of a PDF, streamed from the file rather than loaded into memory. */
    private record FileRanges(Path file, int[] range) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                copy(raf, range[0], range[1], out);
                copy(raf, range[2], range[3], out);
            }
        }

        @Override
        public Object getContent() {
            return file;
        }

        private static void copy(RandomAccessFile raf, long offset, long length, OutputStream out) throws IOException {
            raf.seek(offset);
            byte[] buffer = new byte[1 << 16];
            long left = length;
            while (left > 0) {
                int n = raf.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("file shorter than its byte range");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
