package vn.lienthong.signing.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessReadMemoryMappedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import vn.lienthong.signing.MalformedInputException;
import vn.lienthong.signing.SignatureCreationException;
import vn.lienthong.signing.cms.CmsDataToSign;
import vn.lienthong.signing.cms.CmsParameters;
import vn.lienthong.signing.cms.CmsSigner;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.tsp.TimestampSource;

/**
 * Adds PAdES-BASELINE-B (or -T) signatures as incremental updates, in three steps:
 * {@link #prepare} writes the new revision with an empty /Contents and returns the data to
 * sign; a {@link KeySource} signs it; {@link #embed} writes the CMS into the placeholder.
 * PDFBox stays in this class and {@link StampAppearance}; neither ever sees a key.
 */
public final class PadesSigner {
    /** ETSI EN 319 142-1: the SubFilter of PAdES baseline signatures. */
    public static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    /**
     * The CMS around the chain: SignedData and SignerInfo framing, algorithm identifiers, the signed
     * attributes, a signature value of up to 1,024 bytes (RSA-8192); the signer's issuer name counts
     * apart, twice (the SignerInfo's issuer and serial, the signing-certificate-v2 attribute).
     */
    private static final int CMS_RESERVE = 2_048;
    /** A signature time-stamp token with its TSA's chain: 8 KB, unchanged, for a production TSA's token. */
    private static final int TIMESTAMP_RESERVE = 8_192;

    private final CmsSigner cms;
    private final boolean timestamped;

    /** PAdES-BASELINE-B. */
    public PadesSigner() {
        this(null);
    }

    /** PAdES-BASELINE-T when {@code timestamps} is not null. */
    public PadesSigner(TimestampSource timestamps) {
        this.cms = new CmsSigner(timestamps);
        this.timestamped = timestamps != null;
    }

    /**
     * Step 1: writes {@code output} = {@code input} + a new revision holding the signature
     * dictionary (and stamp), hashes its byte range, and returns the CMS data to sign.
     */
    public PreparedPdf prepare(Path input, Path output, List<X509Certificate> chain, PadesParameters parameters) {
        if (samePath(input, output)) {
            throw new IllegalArgumentException("Output must differ from input: the update is written while reading");
        }
        int reserve = reserveFor(chain, parameters);
        try (PDDocument doc = load(input)) {
            PDSignature signature = new PDSignature();
            SignatureOptions options = addSignature(doc, signature, chain, parameters, reserve);
            try (options; OutputStream out = Files.newOutputStream(output)) {
                ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
                int[] range = signature.getByteRange();
                MessageDigest digest = parameters.digest().newDigest();
                try (InputStream content = external.getContent()) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = content.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
                // Writes the whole file with a zero-filled placeholder; embed() fills it in place.
                external.setSignature(new byte[0]);
                CmsDataToSign data = cms.dataToSignForDigest(digest.digest(), chain,
                        CmsParameters.forPades(parameters.algorithm(), parameters.digest()),
                        parameters.signingTime());
                long contentsOffset = (long) range[1] + 1;
                int capacity = (range[2] - range[1] - 2) / 2;
                return new PreparedPdf(output, contentsOffset, capacity, data);
            }
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * Step 1 for a PDF the caller has just written and hashed: appends the new revision to
     * {@code pdf} itself instead of writing a copy, and continues the caller's digest instead of
     * reading the file again. {@code digestOfFile} must have consumed exactly the bytes now in
     * {@code pdf}, with the parameters' digest algorithm; it is cloned, never changed. Earlier
     * revisions are not rewritten, so the byte range still ends at the new revision's end;
     * {@link #embed} fills the placeholder in place as after {@link #prepare}.
     */
    public PreparedPdf prepareAppending(Path pdf, MessageDigest digestOfFile, List<X509Certificate> chain,
            PadesParameters parameters) {
        if (!digestOfFile.getAlgorithm().equalsIgnoreCase(parameters.digest().jcaName())) {
            throw new IllegalArgumentException("The file's digest is " + digestOfFile.getAlgorithm()
                    + " but the signature uses " + parameters.digest().jcaName());
        }
        int reserve = reserveFor(chain, parameters);
        try {
            long length = Files.size(pdf);
            byte[] increment;
            int[] range;
            CmsDataToSign data;
            try (PDDocument doc = loadMapped(pdf, length)) {
                PDSignature signature = new PDSignature();
                SignatureOptions options = addSignature(doc, signature, chain, parameters, reserve);
                try (options; IncrementCapture capture = new IncrementCapture(length)) {
                    ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(capture);
                    // PDFBox writes the earlier revisions again before the new one; the capture drops them.
                    external.setSignature(new byte[0]);
                    increment = capture.increment();
                    range = signature.getByteRange();
                }
                if (range[1] < length || range[2] > length + increment.length) {
                    throw new SignatureCreationException("The signature of " + pdf + " is not in the new revision");
                }
                MessageDigest digest = copyOf(digestOfFile);
                int contentsStart = (int) (range[1] - length);
                int contentsEnd = (int) (range[2] - length);
                digest.update(increment, 0, contentsStart);
                digest.update(increment, contentsEnd, increment.length - contentsEnd);
                data = cms.dataToSignForDigest(digest.digest(), chain,
                        CmsParameters.forPades(parameters.algorithm(), parameters.digest()), parameters.signingTime());
            }
            try (FileChannel channel = FileChannel.open(pdf, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(increment);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            return new PreparedPdf(pdf, (long) range[1] + 1, (range[2] - range[1] - 2) / 2, data);
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot append a signature to " + pdf + ": " + e.getMessage(), e);
        }
    }

    /** Step 3: builds the CMS around the signature value and writes it into the placeholder. */
    public void embed(PreparedPdf prepared, byte[] signatureValue) {
        byte[] signedData = cms.embed(prepared.cms(), signatureValue);
        if (signedData.length > prepared.contentsCapacity()) {
            throw new SignatureCreationException("Signature needs " + signedData.length + " bytes but only "
                    + prepared.contentsCapacity() + " were reserved; raise reservedBytes");
        }
        byte[] hex = HexFormat.of().withUpperCase().formatHex(signedData).getBytes(StandardCharsets.US_ASCII);
        try (RandomAccessFile file = new RandomAccessFile(prepared.output().toFile(), "rw")) {
            file.seek(prepared.contentsOffset() - 1);
            if (file.read() != '<') {
                throw new SignatureCreationException(prepared.output() + " changed since prepare(): no /Contents there");
            }
            file.write(hex);
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot write the signature into " + prepared.output(), e);
        }
    }

    /** All three steps with one key source. */
    public void sign(Path input, Path output, PadesParameters parameters, KeySource key) {
        PreparedPdf prepared = prepare(input, output, key.certificateChain(), parameters);
        embed(prepared, key.sign(prepared.bytesToSign(), prepared.spec()));
    }

    private int reserveFor(List<X509Certificate> chain, PadesParameters parameters) {
        if (parameters.reservedBytes() > 0) {
            return parameters.reservedBytes();
        }
        // Sized to what this level and chain need, never cut: embed() refuses a CMS that outgrows it.
        // PDFBox writes the zero-filled placeholder one hex digit at a time, so a B-B signature no longer
        // reserves a time-stamp's room (the 20 KB reserve was 40,000 writes per signature).
        int size = CMS_RESERVE + 2 * chain.get(0).getIssuerX500Principal().getEncoded().length
                + (timestamped ? TIMESTAMP_RESERVE : 0);
        for (X509Certificate c : chain) {
            try {
                size += c.getEncoded().length;
            } catch (CertificateEncodingException e) {
                size += 2_048;
            }
        }
        return size;
    }

    /**
     * Adds the signature dictionary and stamp of the new revision to {@code doc}, the same for both
     * kinds of step 1; answers the options, to be closed after the incremental save.
     */
    private static SignatureOptions addSignature(PDDocument doc, PDSignature signature,
            List<X509Certificate> chain, PadesParameters parameters, int reserve) throws IOException {
        if (parameters.certification().isPresent() && !doc.getSignatureDictionaries().isEmpty()) {
            throw new IllegalArgumentException("Only the first signature of a document may certify it (DocMDP)");
        }
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(ETSI_CADES_DETACHED);
        StampAppearance.rdn(chain.get(0), "CN").ifPresent(signature::setName);
        parameters.reason().ifPresent(signature::setReason);
        parameters.location().ifPresent(signature::setLocation);
        Calendar when = Calendar.getInstance(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
        when.setTimeInMillis(parameters.signingTime().getEpochSecond() * 1000);
        signature.setSignDate(when);
        parameters.certification().ifPresent(c -> certify(doc, signature, c));

        SignatureOptions options = new SignatureOptions();
        options.setPreferredSignatureSize(reserve);
        if (parameters.stamp().isPresent()) {
            VisibleStamp stamp = parameters.stamp().get();
            if (stamp.page() > doc.getNumberOfPages()) {
                options.close();
                throw new IllegalArgumentException("Page " + stamp.page() + " does not exist; the document has "
                        + doc.getNumberOfPages());
            }
            options.setPage(stamp.page() - 1);
            String[] lines = StampAppearance.lines(stamp, chain.get(0), parameters.signingTime());
            VietnameseFont font = VietnameseFont.get();
            if (java.util.Arrays.stream(lines).allMatch(font::covers)) {
                // Added invisible, then drawn into this document: no template PDF, no font subset per stamp.
                doc.addSignature(signature, options);
                StampAppearance.drawInto(doc, signature, stamp, lines);
                return options;
            }
            byte[] template = StampAppearance.template(stamp, doc.getPage(stamp.page() - 1).getMediaBox(),
                    chain.get(0), parameters.signingTime());
            options.setVisualSignature(new ByteArrayInputStream(template));
        }
        doc.addSignature(signature, options);
        return options;
    }

    private static PDDocument loadMapped(Path pdf, long length) {
        try {
            // Mapped: PDFBox reads the whole earlier revision once more to "copy" it, at memory speed.
            RandomAccessRead source = length < Integer.MAX_VALUE ? new RandomAccessReadMemoryMappedFile(pdf)
                    : new RandomAccessReadBufferedFile(pdf);
            return Loader.loadPDF(source);
        } catch (IOException e) {
            throw new MalformedInputException("Not a readable PDF: " + pdf + " (" + e.getMessage() + ")", e);
        }
    }

    private static MessageDigest copyOf(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalArgumentException("The digest of " + digest.getProvider() + " cannot be continued", e);
        }
    }

    private static PDDocument load(Path input) {
        try {
            // From a file, not bytes: incremental saving copies the original revision from it.
            return Loader.loadPDF(input.toFile());
        } catch (IOException e) {
            throw new MalformedInputException("Not a readable PDF: " + input + " (" + e.getMessage() + ")", e);
        }
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** DocMDP transform (ISO 32000-1 12.8.2.2), as in PDFBox's signing examples. */
    private static void certify(PDDocument doc, PDSignature signature, Certification certification) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        params.setInt(COSName.P, certification.permission());
        params.setName(COSName.V, "1.2");
        params.setNeedToBeUpdated(true);
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        reference.setItem(COSName.getPDFName("TransformMethod"), COSName.getPDFName("DocMDP"));
        reference.setItem(COSName.getPDFName("TransformParams"), params);
        reference.setNeedToBeUpdated(true);
        COSArray references = new COSArray();
        references.add(reference);
        references.setNeedToBeUpdated(true);
        signature.getCOSObject().setItem(COSName.getPDFName("Reference"), references);
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        COSDictionary perms = new COSDictionary();
        perms.setItem(COSName.getPDFName("DocMDP"), signature);
        catalog.setItem(COSName.getPDFName("Perms"), perms);
        catalog.setNeedToBeUpdated(true);
        perms.setNeedToBeUpdated(true);
    }
}
