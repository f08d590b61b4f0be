package vn.lienthong.signing.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import vn.lienthong.signing.MalformedInputException;

/**
 * Verifies CMS (detached or enveloping) and PDF signatures into a {@link VerificationReport}.
 * Files are streamed: a 30 MB PDF is hashed from disk, never held in heap.
 */
public final class SignatureVerifier {
    private static final int SNIFF = 1024;
    private final SignerCheck signers;

    public SignatureVerifier(VerificationPolicy policy) {
        this.signers = new SignerCheck(new CertificateCheck(policy));
    }

    /**
     * Verifies a PDF, or a CMS file (with {@code detachedContent} when detached; may be null).
     *
     * @throws MalformedInputException when the file is neither a readable PDF nor a CMS structure
     */
    public VerificationReport verify(Path file, Path detachedContent) {
        return isPdf(file) ? verifyPdf(file) : verifyCms(file, detachedContent);
    }

    /** Verifies a CMS SignedData file; {@code detachedContent} is required for detached signatures. */
    public VerificationReport verifyCms(Path cmsFile, Path detachedContent) {
        byte[] der;
        try {
            der = Files.readAllBytes(cmsFile);
        } catch (NoSuchFileException e) {
            throw new MalformedInputException("File not found: " + cmsFile);
        } catch (IOException e) {
            throw new MalformedInputException("Cannot read " + cmsFile + ": " + e.getMessage(), e);
        }
        return verifyCms(der, detachedContent, cmsFile.getFileName().toString());
    }

    public VerificationReport verifyCms(byte[] der, Path detachedContent, String name) {
        CMSSignedData signed = parseCms(der, name);
        boolean enveloping = signed.getSignedContent() != null && signed.getSignedContent().getContent() != null;
        if (!enveloping && detachedContent == null) {
            throw new MalformedInputException(name + " is a detached signature: give its content (--content)");
        }
        if (!enveloping && !Files.isReadable(detachedContent)) {
            throw new MalformedInputException("Content file not readable: " + detachedContent);
        }
        byte[] envelope = enveloping ? (byte[]) signed.getSignedContent().getContent() : null;
        Map<String, byte[]> cache = new HashMap<>();
        SignerCheck.ContentDigest digest = alg -> cache.computeIfAbsent(alg, a -> enveloping
                ? newDigest(a).digest(envelope) : digestFile(detachedContent, a));
        List<SignatureReport> reports = new ArrayList<>();
        int index = 1;
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            reports.add(signers.check(signed, signer, digest, new SignerCheck.Context(index, "signer-" + index,
                    "CAdES", Optional.empty(), List.of(), Optional.empty())));
            index++;
        }
        return new VerificationReport(name, enveloping ? DocumentKind.CMS_ENVELOPING : DocumentKind.CMS_DETACHED,
                reports, "JDK providers");
    }

    /** Verifies every signature of a PDF, oldest first. */
    public VerificationReport verifyPdf(Path pdf) {
        try (PDDocument doc = loadPdf(pdf);
                FileChannel channel = FileChannel.open(pdf, StandardOpenOption.READ)) {
            long length = channel.size();
            List<PDSignature> signatures = new ArrayList<>(doc.getSignatureDictionaries());
            signatures.sort(Comparator.comparingLong(s -> revisionEnd(s)));
            Map<COSDictionary, String> names = fieldNames(doc);
            PdfDocMdp docMdp = PdfDocMdp.of(doc);
            DocumentRevocationData embedded = DocumentRevocationData.read(doc);
            long lastDocumentTimestamp = signatures.stream()
                    .filter(s -> "ETSI.RFC3161".equals(s.getSubFilter())).mapToLong(s -> revisionEnd(s)).max()
                    .orElse(-1);
            List<SignatureReport> reports = new ArrayList<>();
            for (int i = 0; i < signatures.size(); i++) {
                reports.add(verifyPdfSignature(doc, pdf, channel, length, signatures.get(i), i + 1,
                        names.getOrDefault(signatures.get(i).getCOSObject(), "Signature" + (i + 1)), docMdp,
                        embedded, lastDocumentTimestamp > revisionEnd(signatures.get(i))));
            }
            return new VerificationReport(pdf.getFileName().toString(), DocumentKind.PDF, reports, "JDK providers");
        } catch (IOException e) {
            throw new MalformedInputException("Cannot read " + pdf + ": " + e.getMessage(), e);
        }
    }

    private SignatureReport verifyPdfSignature(PDDocument doc, Path pdf, FileChannel channel, long length,
            PDSignature signature, int index, String name, PdfDocMdp docMdp, DocumentRevocationData embedded,
            boolean archiveTimestamped) throws IOException {
        long[] range = longs(signature.getCOSObject().getCOSArray(COSName.BYTERANGE));
        Optional<Instant> claimed = Optional.ofNullable(signature.getSignDate()).map(c -> c.toInstant());
        String subFilter = signature.getSubFilter() == null ? "" : signature.getSubFilter();
        List<Finding> extra = new ArrayList<>();
        String problem = PdfRevisions.rangeProblem(channel, range, length);
        long revisionEnd = range.length == 4 ? range[2] + range[3] : 0;
        List<Change> changes = List.of();
        boolean wholeRevision = problem == null && PdfRevisions.endsWithEof(channel, revisionEnd);
        if (problem != null) {
            extra.add(Finding.of(Reason.BYTE_RANGE_INVALID, problem));
        } else if (!wholeRevision) {
            extra.add(Finding.of(Reason.UNSIGNED_BYTES, "signed up to byte " + revisionEnd + " of " + length
                    + ", and no %%EOF there"));
        } else if (revisionEnd < length) {
            changes = PdfRevisions.changesAfter(doc, pdf, revisionEnd);
            extra.add(Finding.of(Reason.LATER_UPDATES, changes.size() + " object(s) changed"));
            changes.stream().filter(c -> c.kind() == Change.Kind.OTHER).findFirst()
                    .ifPresent(c -> extra.add(Finding.of(Reason.MODIFIED_AFTER_SIGNING, c.description())));
            docMdp.violation(signature, changes).ifPresent(extra::add);
        }
        PdfCoverage coverage = new PdfCoverage(toList(range), revisionEnd, length, wholeRevision, changes);
        String profile = switch (subFilter) {
            case "ETSI.CAdES.detached" -> "PAdES";
            case "adbe.pkcs7.detached" -> "PDF-CMS";
            case "ETSI.RFC3161" -> "DTS";
            default -> "";
        };
        if (profile.isEmpty()) {
            extra.add(Finding.of(Reason.UNSUPPORTED_FORMAT, "SubFilter " + subFilter));
            return new SignatureReport(index, name, Indication.INDETERMINATE, extra, Optional.empty(), subFilter,
                    subFilter, claimed, Optional.empty(), Optional.of(coverage));
        }
        CMSSignedData cms;
        try {
            cms = parseCms(signature.getContents(), name);
        } catch (MalformedInputException e) {
            extra.add(Finding.of(Reason.FORMAT_FAILURE, e.getMessage()));
            return new SignatureReport(index, name, Indication.TOTAL_FAILED, extra, Optional.empty(), "?", profile,
                    claimed, Optional.empty(), Optional.of(coverage));
        }
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        boolean rangeReadable = range.length == 4 && range[2] + range[3] <= length;
        SignerCheck.ContentDigest digest = alg -> {
            if (!rangeReadable) {
                return new byte[0];
            }
            try {
                return PdfRevisions.digest(channel, range, alg);
            } catch (IOException e) {
                throw new MalformedInputException("Cannot read the signed range: " + e.getMessage(), e);
            }
        };
        SignerCheck.Context context = new SignerCheck.Context(index, name, profile, claimed, extra,
                Optional.of(coverage), embedded, archiveTimestamped);
        if ("DTS".equals(profile)) {
            return signers.documentTimestamp(cms, digest, context);
        }
        return signers.check(cms, signer, digest, context);
    }

    private static long revisionEnd(PDSignature s) {
        long[] r = longs(s.getCOSObject().getCOSArray(COSName.BYTERANGE));
        return r.length == 4 ? r[2] + r[3] : Long.MAX_VALUE;
    }

    private static long[] longs(COSArray array) {
        if (array == null) {
            return new long[0];
        }
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            COSBase b = array.getObject(i);
            out[i] = b instanceof org.apache.pdfbox.cos.COSNumber n ? n.longValue() : -1;
        }
        return out;
    }

    private static List<Long> toList(long[] values) {
        List<Long> out = new ArrayList<>();
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    private static Map<COSDictionary, String> fieldNames(PDDocument doc) {
        Map<COSDictionary, String> names = new HashMap<>();
        for (PDSignatureField field : doc.getSignatureFields()) {
            if (field.getSignature() != null) {
                names.put(field.getSignature().getCOSObject(), field.getFullyQualifiedName());
            }
        }
        return names;
    }

    private static PDDocument loadPdf(Path pdf) {
        try {
            return Loader.loadPDF(pdf.toFile());
        } catch (NoSuchFileException e) {
            throw new MalformedInputException("File not found: " + pdf);
        } catch (IOException e) {
            throw new MalformedInputException("Not a readable PDF: " + pdf.getFileName() + " (" + e.getMessage() + ")",
                    e);
        }
    }

    static CMSSignedData parseCms(byte[] der, String name) {
        try {
            // Reads exactly one DER object: PDF /Contents carries zero padding after the CMS.
            org.bouncycastle.asn1.ASN1Primitive object;
            try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(der)) {
                object = in.readObject();
            }
            if (object == null) {
                throw new MalformedInputException(name + " is empty");
            }
            CMSSignedData signed = new CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(object));
            if (signed.getSignerInfos().size() == 0) {
                throw new MalformedInputException(name + " holds no SignerInfo");
            }
            return signed;
        } catch (CMSException | IOException | RuntimeException e) {
            if (e instanceof MalformedInputException m) {
                throw m;
            }
            // BouncyCastle signals truncated or garbage DER with assorted runtime exceptions.
            throw new MalformedInputException(name + " is not a CMS SignedData (truncated or not DER): "
                    + e.getMessage(), e);
        }
    }

    private static boolean isPdf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF-");
        } catch (NoSuchFileException e) {
            throw new MalformedInputException("File not found: " + file);
        } catch (IOException e) {
            throw new MalformedInputException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest newDigest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new MalformedInputException("Unsupported digest " + name, e);
        }
    }

    private static byte[] digestFile(Path file, String alg) {
        MessageDigest md = newDigest(alg);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return PdfRevisions.digest(channel, new long[] {0, channel.size(), channel.size(), 0}, alg);
        } catch (IOException e) {
            throw new MalformedInputException("Cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            md.reset();
        }
    }

    /** The DocMDP permission of a certifying signature, and what it forbids. */
    private record PdfDocMdp(COSDictionary certifying, int permission) {
        static PdfDocMdp of(PDDocument doc) {
            COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
            COSDictionary sig = perms == null ? null : perms.getCOSDictionary(COSName.DOCMDP);
            int p = 0;
            if (sig != null) {
                COSArray refs = sig.getCOSArray(COSName.getPDFName("Reference"));
                if (refs != null && refs.size() > 0 && refs.getObject(0) instanceof COSDictionary ref) {
                    COSDictionary params = ref.getCOSDictionary(COSName.getPDFName("TransformParams"));
                    p = params == null ? 2 : params.getInt(COSName.P, 2);
                }
            }
            return new PdfDocMdp(sig, p);
        }

        Optional<Finding> violation(PDSignature signature, Collection<Change> changes) {
            if (certifying == null || certifying != signature.getCOSObject()) {
                return Optional.empty();
            }
            for (Change c : changes) {
                boolean forbidden = switch (permission) {
                    case 1 -> true;
                    case 2 -> c.kind() == Change.Kind.ANNOTATION || c.kind() == Change.Kind.OTHER;
                    default -> c.kind() == Change.Kind.OTHER;
                };
                if (forbidden) {
                    return Optional.of(Finding.of(Reason.DOCMDP_VIOLATION, "P=" + permission + ": " + c.description()));
                }
            }
            return Optional.empty();
        }
    }
}
