package vn.lienthong.signing.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.MalformedInputException;
import vn.lienthong.signing.ltv.ArchiveTimestamp;
import vn.lienthong.signing.tsp.TimestampSource;
import vn.lienthong.signing.SignatureCreationException;
import vn.lienthong.signing.ltv.LongTermResult;
import vn.lienthong.signing.ltv.RevocationSource;
import vn.lienthong.signing.ltv.ValidationData;
import vn.lienthong.signing.ltv.ValidationDataCollector;

/**
 * Extends the signatures of a PDF from PAdES-BASELINE-T to -LT: gathers certificates, OCSP
 * responses and CRLs for every signer, CA and TSA certificate, and appends them as a DSS
 * dictionary (ETSI EN 319 142-1, 5.4) in a new incremental revision, so every earlier signature
 * stays valid; and from -LT to -LTA with a document time-stamp over it ({@link #extendToArchive}). When some status cannot be had the PDF is left as it is and the result says why.
 */
public final class PadesLongTerm {
    static final COSName DSS = COSName.getPDFName("DSS");
    static final COSName CERTS = COSName.getPDFName("Certs");
    static final COSName OCSPS = COSName.getPDFName("OCSPs");
    static final COSName CRLS = COSName.getPDFName("CRLs");

    private final ValidationDataCollector collector;

    public PadesLongTerm(RevocationSource source) {
        this.collector = new ValidationDataCollector(source);
    }

    /** Appends the validation data of every signature of {@code pdf} to the file itself. */
    public LongTermResult extend(Path pdf) {
        return extend(pdf, false);
    }

    /** With {@code newestTimestampOnly}, only for the TSA of the newest document time-stamp (a renewal's need). */
    private LongTermResult extend(Path pdf, boolean newestTimestampOnly) {
        byte[] increment;
        ValidationData data;
        long length;
        try {
            length = Files.size(pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                Set<X509Certificate> targets = new LinkedHashSet<>();
                Set<X509Certificate> pool = new LinkedHashSet<>();
                List<PDSignature> signatures = doc.getSignatureDictionaries();
                PDSignature newest = newestDocumentTimestamp(signatures);
                for (PDSignature signature : signatures) {
                    Set<X509Certificate> wanted = !newestTimestampOnly || signature == newest ? targets
                            : new LinkedHashSet<>();
                    certificatesOf(signature, wanted, pool);
                }
                if (targets.isEmpty()) {
                    return new LongTermResult("none", 0, 0, 0, List.of("the PDF has no CMS signature"));
                }
                data = collector.collect(targets, pool);
                if (!data.complete()) {
                    return new LongTermResult(LongTermResult.T, 0, 0, 0, data.missing());
                }
                writeDss(doc, data);
                try (IncrementCapture capture = new IncrementCapture(length)) {
                    doc.saveIncremental(capture);
                    increment = capture.increment();
                }
            }
        } catch (IOException e) {
            throw new MalformedInputException("Cannot read " + pdf + ": " + e.getMessage(), e);
        }
        append(pdf, increment, "validation data");
        return new LongTermResult(LongTermResult.LT, data.certificates().size(), data.ocspResponses().size(),
                data.crls().size(), List.of());
    }

    /**
     * Extends {@code pdf} to PAdES-BASELINE-LTA in place: the validation data of every signature and
     * time-stamp (B-LT), a document time-stamp from {@code tsa} over everything including that DSS
     * dictionary, then the validation data of the time-stamp's own TSA certificate. Run again on an
     * LTA document it renews it: fresh validation data and a new document time-stamp over the old ones.
     * When validation data is missing the PDF keeps what it had before the call and the result says why.
     */
    public LongTermResult extendToArchive(Path pdf, TimestampSource tsa) {
        return extendToArchive(pdf, tsa, tsa.imprintDigest());
    }

    /**
     * As {@link #extendToArchive(Path, TimestampSource)}, with the time-stamp's imprint made with
     * {@code digest} (a renewal moves to a stronger one before the old weakens). A document that
     * already has a document time-stamp gets validation data for its newest one's TSA only: the
     * signers' data is already in it, under that time-stamp.
     */
    public LongTermResult extendToArchive(Path pdf, TimestampSource tsa, DigestAlgorithm digest) {
        boolean renewal = !documentTimestamps(pdf).isEmpty();
        long before;
        try {
            before = Files.size(pdf);
        } catch (IOException e) {
            throw new MalformedInputException("Cannot read " + pdf + ": " + e.getMessage(), e);
        }
        LongTermResult lt = extend(pdf, renewal);
        if (!lt.longTerm()) {
            return lt;
        }
        DocumentTimestamp.append(pdf, tsa, digest);
        LongTermResult tsaData = extend(pdf, true);
        if (!tsaData.longTerm()) {
            // Without the TSA's validation data the time-stamp is no archival evidence: leave the file as it was.
            truncate(pdf, before);
            return new LongTermResult(LongTermResult.T, 0, 0, 0, tsaData.missing());
        }
        return new LongTermResult(LongTermResult.LTA, lt.certificates() + tsaData.certificates(),
                lt.ocspResponses() + tsaData.ocspResponses(), lt.crls() + tsaData.crls(), List.of());
    }

    /**
     * Whether the newest revision of {@code pdf} carries a DSS dictionary: its validation data were
     * added (B-LT or later). {@link #extend} writes all of them or none, so a PDF this module signed
     * without one is at B-T and waits for its update. Reads the cross-reference and the catalog only.
     */
    public static boolean hasValidationData(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getDocumentCatalog().getCOSObject().getCOSDictionary(DSS) != null;
        } catch (IOException e) {
            throw new MalformedInputException("Cannot read " + pdf + ": " + e.getMessage(), e);
        }
    }

    /** The document time-stamps of {@code pdf}, oldest first: what a renewal looks at. */
    public static List<ArchiveTimestamp> documentTimestamps(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<PDSignature> stamps = new ArrayList<>(doc.getSignatureDictionaries().stream()
                    .filter(PadesLongTerm::isDocumentTimestamp).toList());
            stamps.sort(java.util.Comparator.comparingLong(PadesLongTerm::revisionEnd));
            List<ArchiveTimestamp> out = new ArrayList<>();
            for (PDSignature s : stamps) {
                out.add(ArchiveTimestamp.of(token(s)));
            }
            return out;
        } catch (IOException e) {
            throw new MalformedInputException("Cannot read " + pdf + ": " + e.getMessage(), e);
        }
    }

    private static PDSignature newestDocumentTimestamp(List<PDSignature> signatures) {
        return signatures.stream().filter(PadesLongTerm::isDocumentTimestamp)
                .max(java.util.Comparator.comparingLong(PadesLongTerm::revisionEnd)).orElse(null);
    }

    private static boolean isDocumentTimestamp(PDSignature s) {
        return DocumentTimestamp.ETSI_RFC3161.getName().equals(s.getSubFilter());
    }

    private static long revisionEnd(PDSignature s) {
        int[] range = s.getByteRange();
        return range == null || range.length != 4 ? Long.MAX_VALUE : (long) range[2] + range[3];
    }

    private static TimeStampToken token(PDSignature s) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(s.getContents())) {
            return new TimeStampToken(new CMSSignedData(ContentInfo.getInstance(in.readObject())));
        } catch (CMSException | TSPException | IllegalArgumentException e) {
            throw new MalformedInputException("A document time-stamp is unreadable: " + e.getMessage(), e);
        }
    }

    static void append(Path pdf, byte[] increment, String what) {
        try (FileChannel channel = FileChannel.open(pdf, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(increment);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot append " + what + " to " + pdf + ": " + e.getMessage(), e);
        }
    }

    private static void truncate(Path pdf, long length) {
        try (FileChannel channel = FileChannel.open(pdf, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot restore " + pdf + ": " + e.getMessage(), e);
        }
    }

    /** The signer and TSA certificates of one signature (targets) and every certificate it carries (pool). */
    private static void certificatesOf(PDSignature signature, Set<X509Certificate> targets,
            Set<X509Certificate> pool) throws IOException {
        byte[] contents = signature.getContents();
        if (contents == null || contents.length == 0) {
            return;
        }
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            ASN1Primitive first = in.readObject();
            if (first == null) {
                return;
            }
            CMSSignedData cms = new CMSSignedData(ContentInfo.getInstance(first));
            addAll(cms, pool);
            for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
                matching(cms, signer).forEach(targets::add);
                AttributeTable unsigned = signer.getUnsignedAttributes();
                Attribute tst = unsigned == null ? null
                        : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
                if (tst != null) {
                    TimeStampToken token = new TimeStampToken(new CMSSignedData(
                            tst.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
                    CMSSignedData tokenCms = token.toCMSSignedData();
                    addAll(tokenCms, pool);
                    for (SignerInformation tsa : tokenCms.getSignerInfos().getSigners()) {
                        matching(tokenCms, tsa).forEach(targets::add);
                    }
                }
            }
            // A document time-stamp (ETSI.RFC3161) is itself a token: its signer is the TSA.
        } catch (CMSException | TSPException | IllegalArgumentException e) {
            throw new MalformedInputException("A signature's CMS is unreadable: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> matching(CMSSignedData cms, SignerInformation signer) {
        List<X509Certificate> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        java.util.Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        for (X509CertificateHolder h : matches) {
            out.add(convert(h));
        }
        return out;
    }

    private static void addAll(CMSSignedData cms, Set<X509Certificate> pool) {
        for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
            pool.add(convert(h));
        }
    }

    private static X509Certificate convert(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new MalformedInputException("An embedded certificate is unreadable: " + e.getMessage(), e);
        }
    }

    /** A new DSS dictionary holding the old one's entries and the new data; the catalog points to it. */
    private static void writeDss(PDDocument doc, ValidationData data) throws IOException {
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        COSDictionary old = catalog.getCOSDictionary(DSS);
        COSDictionary dss = new COSDictionary();
        List<byte[]> certs = new ArrayList<>();
        List<byte[]> crls = new ArrayList<>();
        try {
            for (X509Certificate c : data.certificates()) {
                certs.add(c.getEncoded());
            }
            for (X509CRL c : data.crls()) {
                crls.add(c.getEncoded());
            }
        } catch (CertificateEncodingException | CRLException e) {
            throw new SignatureCreationException("Cannot encode validation data: " + e.getMessage(), e);
        }
        dss.setItem(CERTS, streams(doc, old, CERTS, certs));
        dss.setItem(OCSPS, streams(doc, old, OCSPS, data.ocspResponses()));
        dss.setItem(CRLS, streams(doc, old, CRLS, crls));
        dss.setNeedToBeUpdated(true);
        catalog.setItem(DSS, dss);
        catalog.setNeedToBeUpdated(true);
    }

    private static COSArray streams(PDDocument doc, COSDictionary old, COSName key, List<byte[]> values)
            throws IOException {
        COSArray array = new COSArray();
        COSArray previous = old == null ? null : old.getCOSArray(key);
        if (previous != null) {
            for (COSBase item : previous) {
                array.add(item);
            }
        }
        Set<ByteBuffer> present = new java.util.HashSet<>();
        if (previous != null) {
            for (COSBase item : previous) {
                COSBase value = item instanceof COSObject o ? o.getObject() : item;
                if (value instanceof COSStream kept) {
                    try (java.io.InputStream in = kept.createInputStream()) {
                        present.add(ByteBuffer.wrap(in.readAllBytes()));
                    }
                }
            }
        }
        for (byte[] value : values) {
            if (!present.add(ByteBuffer.wrap(value))) {
                continue; // already in the DSS dictionary: a renewal adds only what is new
            }
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(value);
            }
            stream.setNeedToBeUpdated(true);
            array.add(stream);
        }
        array.setNeedToBeUpdated(true);
        return array;
    }
}
