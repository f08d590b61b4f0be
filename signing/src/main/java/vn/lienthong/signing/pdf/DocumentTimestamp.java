package vn.lienthong.signing.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.MalformedInputException;
import vn.lienthong.signing.SignatureCreationException;
import vn.lienthong.signing.tsp.TimestampSource;

/**
 * A PAdES document time-stamp (ETSI EN 319 142-1, 5.4.3: /Type /DocTimeStamp, /SubFilter
 * ETSI.RFC3161): an RFC 3161 token over the byte range of a new incremental revision, i.e. over
 * the whole document as it stands, its DSS dictionary included.
 */
final class DocumentTimestamp {
    /** The SubFilter of a document time-stamp. */
    static final COSName ETSI_RFC3161 = COSName.getPDFName("ETSI.RFC3161");
    /** A token with the TSA's chain of three RSA certificates takes ~5 KB; twice that leaves room. */
    private static final int RESERVE = 12_288;

    private DocumentTimestamp() {
    }

    /** Appends a document time-stamp from {@code tsa}, whose imprint is {@code digest} of the byte range. */
    static void append(Path pdf, TimestampSource tsa, DigestAlgorithm digest) {
        byte[] increment;
        try {
            long length = Files.size(pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                PDSignature signature = new PDSignature();
                signature.setType(COSName.DOC_TIME_STAMP);
                signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
                signature.setSubFilter(ETSI_RFC3161);
                SignatureOptions options = new SignatureOptions();
                options.setPreferredSignatureSize(RESERVE);
                try (options; IncrementCapture capture = new IncrementCapture(length)) {
                    doc.addSignature(signature, options);
                    ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(capture);
                    MessageDigest md = digest.newDigest();
                    try (InputStream content = external.getContent()) {
                        byte[] buffer = new byte[1 << 16];
                        for (int n; (n = content.read(buffer)) > 0; ) {
                            md.update(buffer, 0, n);
                        }
                    }
                    byte[] token = tsa.timestamp(md.digest(), digest);
                    if (token.length > RESERVE) {
                        throw new SignatureCreationException("The time-stamp token needs " + token.length
                                + " bytes but only " + RESERVE + " were reserved");
                    }
                    external.setSignature(token);
                    increment = capture.increment();
                }
            }
        } catch (IOException e) {
            throw new MalformedInputException("Cannot read " + pdf + ": " + e.getMessage(), e);
        }
        PadesLongTerm.append(pdf, increment, "a document time-stamp");
    }
}
