package vn.lienthong.gateway.infrastructure.verification;

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

/** PDFs written byte by byte to attack a parser, and a well-signed one to compare with. */
final class HostilePdfs {

    private HostilePdfs() {
    }

    /** Zeros deflated: {@code mebibytes} MiB decoded from about a thousandth of that. */
    static byte[] deflatedZeros(long mebibytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(9), 1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (long i = 0; i < mebibytes; i++) {
                deflate.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The catalog lives in an object stream that inflates to {@code mebibytes} MiB of zeros. */
    static Path objectStreamBomb(Path file, long mebibytes) {
        byte[] bomb = deflatedZeros(mebibytes);
        Writer w = new Writer();
        w.text("%PDF-1.5\n");
        long objStm = w.size();
        w.text("3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + bomb.length
                + " >>\nstream\n").bytes(bomb).text("\nendstream\nendobj\n");
        long xref = w.size();
        byte[] entries = xrefEntries(new long[][] {{0, 0, 65535}, {2, 3, 0}, {0, 0, 0}, {1, objStm, 0}, {1, xref, 0}});
        w.text("4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Length " + entries.length + " >>\nstream\n")
                .bytes(entries).text("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
        return w.to(file);
    }

    /** The cross-reference stream itself inflates to {@code mebibytes} MiB. */
    static Path xrefStreamBomb(Path file, long mebibytes) {
        byte[] bomb = deflatedZeros(mebibytes);
        Writer w = new Writer();
        w.text("%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
        long xref = w.size();
        w.text("3 0 obj\n<< /Type /XRef /Size 4 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length " + bomb.length
                + " >>\nstream\n").bytes(bomb).text("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
        return w.to(file);
    }

    /**
     * An object stream behind [/ASCIIHexDecode /FlateDecode]: the first stage reads the file, the
     * second inflates from memory. (PDFBox drops a repeated filter, so [/FlateDecode /FlateDecode]
     * would not explode.)
     */
    static Path chainedFilterBomb(Path file, long mebibytes) {
        byte[] deflated = deflatedZeros(mebibytes);
        StringBuilder hex = new StringBuilder(deflated.length * 2 + 1);
        for (byte x : deflated) {
            hex.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        byte[] bomb = hex.append('>').toString().getBytes(StandardCharsets.US_ASCII);
        Writer w = new Writer();
        w.text("%PDF-1.5\n");
        long objStm = w.size();
        w.text("3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter [/ASCIIHexDecode /FlateDecode] /Length "
                + bomb.length + " >>\nstream\n").bytes(bomb).text("\nendstream\nendobj\n");
        long xref = w.size();
        byte[] entries = xrefEntries(new long[][] {{0, 0, 65535}, {2, 3, 0}, {0, 0, 0}, {1, objStm, 0}, {1, xref, 0}});
        w.text("4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Length " + entries.length + " >>\nstream\n")
                .bytes(entries).text("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
        return w.to(file);
    }

    /** An AcroForm field nested {@code depth} arrays deep, and a field tree whose kids point back to the root. */
    static Path deepAndCyclic(Path file, int depth) {
        Writer w = new Writer();
        w.text("%PDF-1.7\n");
        long[] offsets = new long[7];
        offsets[1] = w.size();
        w.text("1 0 obj\n<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>\nendobj\n");
        offsets[2] = w.size();
        w.text("2 0 obj\n<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 1 >>\nendobj\n");
        offsets[3] = w.size();
        w.text("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
        offsets[4] = w.size();
        w.text("4 0 obj\n<< /T (a) /Kids [5 0 R] >>\nendobj\n");
        offsets[5] = w.size();
        w.text("5 0 obj\n<< /T (b) /Parent 4 0 R /Kids [4 0 R 6 0 R] >>\nendobj\n");
        offsets[6] = w.size();
        w.text("6 0 obj\n<< /FT /Sig /T (c) /Parent 5 0 R /V << /Type /Sig /ByteRange " + "[".repeat(depth)
                + "]".repeat(depth) + " >> >>\nendobj\n");
        return w.classicXref(offsets, 1).to(file);
    }

    /** A cross-reference table whose offsets point into nowhere, and a startxref past the end. */
    static Path brokenXref(Path file) {
        Writer w = new Writer();
        w.text("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                + "xref\n0 3\n0000000000 65535 f \n0000099999 00000 n \n0000888888 00000 n \n"
                + "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n77777777\n%%EOF\n");
        return w.to(file);
    }

    /** A one-page PDF signed (PAdES, RSA-PSS, SHA-256) by a signer of {@code pki}. */
    static Path signed(Path dir, TrialPki pki) {
        Path plain = dir.resolve("plain.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(72, 700);
                cs.showText("Giay khai sinh - ban sao trich luc");
                cs.endText();
            }
            doc.save(plain.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TrialPki.Issued signer = pki.issue(TrialPki.Profile.signer("Nguyễn Văn An", "UBND Phường Hàng Bạc", "RSA"));
        Path signed = dir.resolve("signed.pdf");
        try (Pkcs12KeySource key = Pkcs12KeySource.ofKey(signer.key(), signer.chain(), ProviderPreference.JDK)) {
            new PadesSigner().sign(plain, signed,
                    PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), key);
        }
        return signed;
    }

    /** A copy of {@code source} with one bit flipped inside its first stream (the page content, signed). */
    static Path flipped(Path source, Path target) {
        try {
            byte[] bytes = Files.readAllBytes(source);
            int stream = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("\nstream");
            bytes[stream + 20] ^= 0x01;
            return Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] xrefEntries(long[][] rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (long[] row : rows) {
                out.writeByte((int) row[0]);
                out.writeInt((int) row[1]);
                out.writeShort((int) row[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Appends text (ISO-8859-1) and bytes, and knows the offset of what comes next. */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer text(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Writer bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        long size() {
            return out.size();
        }

        Writer classicXref(long[] offsets, int root) {
            long xref = size();
            StringBuilder table = new StringBuilder("xref\n0 " + offsets.length + "\n0000000000 65535 f \n");
            for (int i = 1; i < offsets.length; i++) {
                table.append(String.format("%010d 00000 n \n", offsets[i]));
            }
            return text(table + "trailer\n<< /Size " + offsets.length + " /Root " + root + " 0 R >>\nstartxref\n"
                    + xref + "\n%%EOF\n");
        }

        Path to(Path file) {
            try {
                return Files.write(file, out.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
