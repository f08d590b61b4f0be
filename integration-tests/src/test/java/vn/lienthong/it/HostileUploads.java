package vn.lienthong.it;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;

/** What VerifyEndpointIT uploads: a PAdES-signed PDF, a tampered copy, a decompression bomb, multipart bodies. */
final class HostileUploads {

    static final String BOUNDARY = "----lienthongIT9f8e7d6c";

    private HostileUploads() {
    }

    /** A one-page PDF signed (PAdES-B, RSA-PSS, SHA-256) by a signer of {@code pki}. */
    static byte[] signedPdf(Path dir, TrialPki pki) {
        try {
            Files.createDirectories(dir);
            Path plain = dir.resolve("plain.pdf");
            try (PDDocument doc = new PDDocument()) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("Trich luc khai sinh - ban sao");
                    cs.endText();
                }
                doc.save(plain.toFile());
            }
            TrialPki.Issued signer = pki.issue(TrialPki.Profile.signer("Nguyễn Văn An", "UBND Phường Hàng Bạc", "RSA"));
            Path signed = dir.resolve("signed.pdf");
            try (Pkcs12KeySource key = Pkcs12KeySource.ofKey(signer.key(), signer.chain(), ProviderPreference.JDK)) {
                new PadesSigner().sign(plain, signed,
                        PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), key);
            }
            return Files.readAllBytes(signed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy with one bit flipped inside the page content stream (signed bytes, not structure). */
    static byte[] flipped(byte[] pdf) {
        byte[] copy = pdf.clone();
        int stream = new String(copy, StandardCharsets.ISO_8859_1).indexOf("\nstream");
        copy[stream + 20] ^= 0x01;
        return copy;
    }

    /** About 1 MB whose object stream inflates to {@code mebibytes} MiB of zeros. */
    static byte[] objectStreamBomb(int mebibytes) {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(deflated, new Deflater(9), 1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mebibytes; i++) {
                deflate.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bomb = deflated.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.5\n".getBytes(StandardCharsets.US_ASCII));
        long objStm = out.size();
        out.writeBytes(("3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + bomb.length
                + " >>\nstream\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bomb);
        out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        long xref = out.size();
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        try (DataOutputStream e = new DataOutputStream(entries)) {
            long[][] rows = {{0, 0, 65535}, {2, 3, 0}, {0, 0, 0}, {1, objStm, 0}, {1, xref, 0}};
            for (long[] row : rows) {
                e.writeByte((int) row[0]);
                e.writeInt((int) row[1]);
                e.writeShort((int) row[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.writeBytes(("4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Length " + entries.size()
                + " >>\nstream\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(entries.toByteArray());
        out.writeBytes(("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A multipart/form-data body; {@code files} alternate file name and bytes, each sent as a part 'file'. */
    static byte[] multipart(Object... files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < files.length; i += 2) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + files[i] + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) files[i + 1]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
