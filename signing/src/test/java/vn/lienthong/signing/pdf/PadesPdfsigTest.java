package vn.lienthong.signing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.support.Fixtures;
import vn.lienthong.signing.support.Pdfsig;
import vn.lienthong.signing.support.Tool;

/** poppler's pdfsig judges our PAdES output: every signature valid, the last one covers the file. */
class PadesPdfsigTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void pdfsig() {
        assertTrue(Tool.available("pdfsig"), "pdfsig (poppler-utils) is not installed (.ci/run installs it)");
    }

    @Test
    void officerThenAgencyBothStayValid() {
        Path input = Fixtures.textPdf(dir.resolve("ket-qua.pdf"), 2);
        Path once = dir.resolve("ket-qua.signed1.pdf");
        Path twice = dir.resolve("ket-qua.signed2.pdf");
        new PadesSigner().sign(input, once, PadesParameters.invisible(SignatureAlgorithm.RSA_PSS,
                DigestAlgorithm.SHA256).withCertification(Certification.FORM_FILLING_AND_SIGNING), Fixtures.rsaKey());
        List<Pdfsig.Entry> first = Pdfsig.check(once, dir);
        assertEquals(1, first.size(), first.toString());
        assertTrue(first.get(0).valid() && first.get(0).totalDocument(), first.toString());

        new PadesSigner().sign(once, twice, PadesParameters.invisible(SignatureAlgorithm.RSA_PKCS1,
                DigestAlgorithm.SHA256).withStamp(VisibleStamp.at(1, 340, 40, 220, 60)), Fixtures.agencyKey());
        List<Pdfsig.Entry> both = Pdfsig.check(twice, dir);
        assertEquals(2, both.size(), both.toString());
        assertTrue(both.get(0).valid() && both.get(1).valid(), both.toString());
        assertTrue(both.get(1).totalDocument(), "the agency signature covers the whole file: " + both);
    }

    @Test
    void ecdsaVisibleStampIsValidAndTamperingIsCaught() {
        Path input = Fixtures.textPdf(dir.resolve("phieu.pdf"), 1);
        Path signed = dir.resolve("phieu.signed.pdf");
        new PadesSigner().sign(input, signed, PadesParameters.invisible(SignatureAlgorithm.ECDSA,
                DigestAlgorithm.SHA384).withStamp(VisibleStamp.at(1, 50, 50, 250, 70)), Fixtures.ecKey());
        List<Pdfsig.Entry> ok = Pdfsig.check(signed, dir);
        assertTrue(ok.get(0).valid() && ok.get(0).totalDocument(), ok.toString());

        Path tampered = Fixtures.flipByte(signed, dir.resolve("phieu.tampered.pdf"), 200);
        List<Pdfsig.Entry> bad = Pdfsig.check(tampered, dir);
        assertTrue(bad.get(0).digestMismatch(), bad.toString());
    }

    /**
     * The stamp's font is parsed once and lent to each stamp: stamps drawn one after another, with
     * different Vietnamese text, are each valid and each carry their own embedded subset.
     */
    @Test
    void stampsDrawnWithTheReusedFontAreValidAndEachEmbedsItsSubset() throws java.io.IOException {
        String[][] texts = {{"Trần Thị Ánh", "UBND phường Hàng Bài"}, {"Nguyễn Văn Đức", "Bảo hiểm xã hội Việt Nam"}};
        for (int i = 0; i < texts.length; i++) {
            Path input = Fixtures.textPdf(dir.resolve("dau-" + i + ".pdf"), 1);
            Path signed = dir.resolve("dau-" + i + ".signed.pdf");
            new PadesSigner().sign(input, signed, PadesParameters.invisible(SignatureAlgorithm.RSA_PKCS1,
                    DigestAlgorithm.SHA256).withStamp(VisibleStamp.at(1, 50, 50, 260, 70).withTexts(texts[i][0], texts[i][1])),
                    Fixtures.agencyKey());
            List<Pdfsig.Entry> entries = Pdfsig.check(signed, dir);
            assertTrue(entries.size() == 1 && entries.get(0).valid() && entries.get(0).totalDocument(), entries.toString());
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(signed.toFile())) {
                var appearance = doc.getPage(0).getAnnotations().get(0).getNormalAppearanceStream();
                var resources = appearance.getResources();
                var font = resources.getFont(resources.getFontNames().iterator().next());
                assertTrue(font.isEmbedded() && font.getName().matches("[A-Z]{6}\\+DejaVuSans.*"),
                        "an embedded subset of DejaVu Sans: " + font.getName());
            }
        }
    }

    /**
     * The stamps of one paper are drawn straight into it in the stamp font made once: the agency's
     * stamp refers to the font object the officer's revision wrote, so the paper carries one copy.
     */
    @Test
    void theSecondStampOfAPaperUsesTheFontOfTheFirst() throws java.io.IOException {
        Path input = Fixtures.textPdf(dir.resolve("phieu-hai-dau.pdf"), 1);
        Path once = dir.resolve("phieu-hai-dau.1.pdf");
        Path twice = dir.resolve("phieu-hai-dau.2.pdf");
        new PadesSigner().sign(input, once, PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256)
                .withStamp(VisibleStamp.at(1, 50, 50, 215, 58).withTexts("Trần Thị Ánh", "UBND phường Hàng Bài")),
                Fixtures.rsaKey());
        new PadesSigner().sign(once, twice, PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256)
                .withStamp(VisibleStamp.at(1, 300, 50, 215, 58).withTexts("Nguyễn Văn Đức", "Bảo hiểm xã hội Việt Nam")),
                Fixtures.agencyKey());
        List<Pdfsig.Entry> entries = Pdfsig.check(twice, dir);
        assertTrue(entries.size() == 2 && entries.stream().allMatch(Pdfsig.Entry::valid)
                && entries.get(1).totalDocument(), entries.toString());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(twice.toFile())) {
            var annotations = doc.getPage(0).getAnnotations();
            assertEquals(2, annotations.size(), "both stamps on the page");
            java.util.Set<org.apache.pdfbox.cos.COSObjectKey> fonts = new java.util.HashSet<>();
            for (var annotation : annotations) {
                var resources = annotation.getNormalAppearanceStream().getResources();
                var name = resources.getFontNames().iterator().next();
                var font = resources.getFont(name);
                assertTrue(font.isEmbedded() && font.getName().matches("[A-Z]{6}\\+DejaVuSans.*"), font.getName());
                var fontDictionaries = (org.apache.pdfbox.cos.COSDictionary) resources.getCOSObject()
                        .getDictionaryObject(org.apache.pdfbox.cos.COSName.FONT);
                fonts.add(((org.apache.pdfbox.cos.COSObject) fontDictionaries.getItem(name)).getKey());
            }
            assertEquals(1, fonts.size(), "one font object for both stamps: " + fonts);
        }
    }

    /** A name with a letter the stamp font does not hold (Cyrillic) is drawn from a template with its own subset. */
    @Test
    void aLetterOutsideTheStampFontGoesTheTemplateWay() throws java.io.IOException {
        Path input = Fixtures.textPdf(dir.resolve("ngoai.pdf"), 1);
        Path signed = dir.resolve("ngoai.signed.pdf");
        new PadesSigner().sign(input, signed, PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256)
                .withStamp(VisibleStamp.at(1, 50, 50, 260, 70).withTexts("Иван Петров", "Đại sứ quán")), Fixtures.rsaKey());
        List<Pdfsig.Entry> entries = Pdfsig.check(signed, dir);
        assertTrue(entries.size() == 1 && entries.get(0).valid() && entries.get(0).totalDocument(), entries.toString());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(signed.toFile())) {
            var resources = doc.getPage(0).getAnnotations().get(0).getNormalAppearanceStream().getResources();
            var name = resources.getFontNames().iterator().next();
            var font = resources.getFont(name);
            assertTrue(font.isEmbedded() && !VietnameseFont.get().isThis(font.getCOSObject()), font.getName());
        }
    }

    @Test
    void appendedInPlaceSignatureIsValidForPoppler() {
        Path pdf = Fixtures.textPdf(dir.resolve("so-hoa.pdf"), 3);
        java.security.MessageDigest digest = DigestAlgorithm.SHA256.newDigest();
        digest.update(Fixtures.read(pdf));
        PadesSigner signer = new PadesSigner();
        PreparedPdf prepared = signer.prepareAppending(pdf, digest, Fixtures.rsaKey().certificateChain(),
                PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256));
        signer.embed(prepared, Fixtures.rsaKey().sign(prepared.bytesToSign(), prepared.spec()));
        List<Pdfsig.Entry> entries = Pdfsig.check(pdf, dir);
        assertEquals(1, entries.size(), entries.toString());
        assertTrue(entries.get(0).valid() && entries.get(0).totalDocument(), entries.toString());
    }
}
