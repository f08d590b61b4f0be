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
import vn.lienthong.signing.MalformedInputException;
import vn.lienthong.signing.SignatureCreationException;
import vn.lienthong.signing.ltv.LongTermResult;
import vn.lienthong.signing.ltv.RevocationSource;
import vn.lienthong.signing.ltv.ValidationData;
import vn.lienthong.signing.ltv.ValidationDataCollector;

/**
 * Extends the signatures of a PDF from PAdES-BASELINE-T to -LT: gathers certificates, OCSP
 * responses and CRLs for every signer, CA and TSA certificate, and appends them as a DSS
 * dictionary (ETSI EN 319 142-1, 5.4) in a new incremental revision, so every earlier signature
 * stays valid. When some status cannot be had the PDF is left as it is and the result says why.
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
        byte[] increment;
        ValidationData data;
        long length;
        try {
            length = Files.size(pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                Set<X509Certificate> targets = new LinkedHashSet<>();
                Set<X509Certificate> pool = new LinkedHashSet<>();
                for (PDSignature signature : doc.getSignatureDictionaries()) {
                    certificatesOf(signature, targets, pool);
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
        try (FileChannel channel = FileChannel.open(pdf, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(increment);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot append validation data to " + pdf + ": " + e.getMessage(), e);
        }
        return new LongTermResult(LongTermResult.LT, data.certificates().size(), data.ocspResponses().size(),
                data.crls().size(), List.of());
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
        for (byte[] value : values) {
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
