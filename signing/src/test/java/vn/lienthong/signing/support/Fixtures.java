package vn.lienthong.signing.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;

/** One trial PKI per test JVM (key generation is the slow part) and small input documents. */
public final class Fixtures {
    public static final TrialPki PKI = TrialPki.create("Liên Thông Test Root");
    public static final TrialPki.Issued RSA_SIGNER =
            PKI.issue(TrialPki.Profile.signer("Nguyễn Văn An", "UBND Phường Hàng Bạc", "RSA"));
    public static final TrialPki.Issued EC_SIGNER =
            PKI.issue(TrialPki.Profile.signer("Trần Thị Bình", "UBND Phường Hàng Bạc", "EC"));
    public static final TrialPki.Issued AGENCY_SIGNER =
            PKI.issue(TrialPki.Profile.signer("UBND Phường Hàng Bạc", "UBND Quận Hoàn Kiếm", "RSA"));

    private Fixtures() {
    }

    public static Pkcs12KeySource rsaKey() {
        return Pkcs12KeySource.ofKey(RSA_SIGNER.key(), RSA_SIGNER.chain(), ProviderPreference.NATIVE_IF_AVAILABLE);
    }

    public static Pkcs12KeySource ecKey() {
        return Pkcs12KeySource.ofKey(EC_SIGNER.key(), EC_SIGNER.chain(), ProviderPreference.NATIVE_IF_AVAILABLE);
    }

    public static Pkcs12KeySource agencyKey() {
        return Pkcs12KeySource.ofKey(AGENCY_SIGNER.key(), AGENCY_SIGNER.chain(), ProviderPreference.JDK);
    }

    public static X509CRL emptyCrl() {
        return PKI.crl(List.of());
    }

    public static Path writeCaPem(Path dir) {
        return write(dir.resolve("ca.pem"), TrialPki.pem("CERTIFICATE", encoded(PKI.caCertificate())));
    }

    public static Path writeCrlPem(Path dir, X509CRL crl) {
        try {
            return write(dir.resolve("ca.crl.pem"), TrialPki.pem("X509 CRL", crl.getEncoded()));
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small text PDF of {@code pages} A4 pages. */
    public static Path textPdf(Path file, int pages) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 14);
                    cs.newLineAtOffset(72, 760);
                    cs.showText("Giay tiep nhan ho so - page " + i);
                    cs.endText();
                }
            }
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flips one bit of the byte at {@code offset} (negative counts from the end). */
    public static Path flipByte(Path source, Path target, long offset) {
        byte[] b = read(source);
        int at = (int) (offset < 0 ? b.length + offset : offset);
        b[at] ^= 0x01;
        return write(target, b);
    }
}
