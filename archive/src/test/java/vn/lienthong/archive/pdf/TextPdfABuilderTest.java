package vn.lienthong.archive.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.PdfAValidation;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;
import vn.lienthong.signing.pdf.VietnameseFont;
import vn.lienthong.signing.pdf.VisibleStamp;

class TextPdfABuilderTest {

    @TempDir
    Path dir;

    @Test
    void vietnameseTextIsExtractableAndThePdfIsPdfA2b() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(List.of(String.valueOf(i), "Tiếp nhận hồ sơ, chuyển Công an cấp xã (cư trú) bước " + i, "Đúng hạn"));
        }
        TextDocument document = new TextDocument("Trích lục khai sinh", "H15.50.05.13-261008-0975", "UBND xã Đồng Tâm",
                Instant.parse("2026-10-08T02:00:00Z"), List.of(
                new TextBlock.Columns(List.of("UBND XÃ ĐỒNG TÂM"), List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc"), 10.5f),
                new TextBlock.Centered("TRÍCH LỤC KHAI SINH", 15),
                new TextBlock.Field("Họ, chữ đệm, tên", "Nguyễn Thị Ánh Dương \u0007 with a bell and a Han character \u4E2D"),
                new TextBlock.Paragraph("https://example.invalid/" + "x".repeat(300), 9),
                new TextBlock.Table(List.of(1f, 6f, 2f), List.of("TT", "Nội dung", "Kết quả"), rows),
                new TextBlock.SignatureSpace(120)));
        Path pdf = dir.resolve("text.pdf");
        TextLayout layout;
        try (OutputStream out = Files.newOutputStream(pdf)) {
            layout = new TextPdfABuilder().build(document, out);
        }
        assertEquals("", PdfAValidation.failures(pdf, PdfAPart.A2B));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(layout.pages(), doc.getNumberOfPages());
            assertTrue(layout.pages() >= 2, "the long table runs onto a second page");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), text);
            assertTrue(text.contains("Nguyễn Thị Ánh Dương"), text);
            assertTrue(text.contains("bước 60"), text);
            assertTrue(text.contains("character ?"), "a character the font lacks becomes ?: " + text);
        }
        TextLayout.Box box = layout.signatureSpace().orElseThrow();
        assertEquals(layout.pages(), box.page());
        assertTrue(box.y() >= 52 && box.height() == 120);
    }

    /**
     * A paper whose every letter is in the Vietnamese font made once per JVM (dashes and arrows too) is
     * written in one copy of it shared by its pages, is PDF/A-2b, and a stamp signed onto it refers to
     * that copy instead of adding its own.
     */
    @Test
    void aVietnamesePaperUsesTheFontMadeOnceAndItsStampSharesIt() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(List.of(String.valueOf(i), "Một cửa → Công an phường “Hàng Bài” – bước " + i + "…", "Đúng hạn"));
        }
        TextDocument document = new TextDocument("Phiếu tiếp nhận", "000.00.00.H30-261008-0001", "UBND phường Hàng Bài",
                Instant.parse("2026-10-08T02:00:00Z"), List.of(
                new TextBlock.Columns(List.of("UBND PHƯỜNG HÀNG BÀI", "———"), List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "———"), 10.5f),
                new TextBlock.Centered("PHIẾU TIẾP NHẬN VÀ HẸN TRẢ KẾT QUẢ", 15),
                new TextBlock.Field("Họ, chữ đệm, tên", "Nguyễn Thị Ánh Dương\tlệ phí 50.000 ₫"),
                new TextBlock.Table(List.of(1f, 6f, 2f), List.of("TT", "Nội dung", "Kết quả"), rows),
                new TextBlock.SignatureSpace(80)));
        Path pdf = dir.resolve("phieu.pdf");
        TextLayout layout;
        try (OutputStream out = Files.newOutputStream(pdf)) {
            layout = new TextPdfABuilder().build(document, out);
        }
        assertEquals("", PdfAValidation.failures(pdf, PdfAPart.A2B));
        VietnameseFont font = VietnameseFont.get();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(layout.pages() >= 2, "the long table runs onto a second page");
            Set<COSObjectKey> copies = new HashSet<>();
            for (PDPage page : doc.getPages()) {
                COSDictionary fonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
                for (COSName name : fonts.keySet()) {
                    assertTrue(font.isThis(fonts.getItem(name)), "the font made once: " + fonts.getItem(name));
                    copies.add(((COSObject) fonts.getItem(name)).getKey());
                }
            }
            assertEquals(1, copies.size(), "one copy for every page: " + copies);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && text.contains("———"), text);
            assertTrue(text.contains("Một cửa → Công an phường “Hàng Bài” – bước 60…"), text);
            assertTrue(text.contains("Nguyễn Thị Ánh Dương lệ phí 50.000 ₫"), text);
        }

        TrialPki.Issued officer = TrialPki.create("Liên Thông test CA").issue(
                TrialPki.Profile.signer("Trần Thị Ánh", "UBND phường Hàng Bài", "RSA"));
        Path signed = dir.resolve("phieu.signed.pdf");
        TextLayout.Box space = layout.signatureSpace().orElseThrow();
        new PadesSigner().sign(pdf, signed, PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256)
                .withStamp(VisibleStamp.at(space.page(), space.x(), space.y(), 215, 58)),
                Pkcs12KeySource.ofKey(officer.key(), officer.chain(), ProviderPreference.JDK));
        assertEquals("", PdfAValidation.failures(signed, PdfAPart.A2B));
        try (PDDocument doc = Loader.loadPDF(signed.toFile())) {
            PDPage page = doc.getPage(space.page() - 1);
            COSDictionary pageFonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
            COSObjectKey pageFont = ((COSObject) pageFonts.getItem(pageFonts.keySet().iterator().next())).getKey();
            COSDictionary stampFonts = page.getAnnotations().get(0).getNormalAppearanceStream().getResources()
                    .getCOSObject().getCOSDictionary(COSName.FONT);
            COSBase stampFont = stampFonts.getItem(stampFonts.keySet().iterator().next());
            assertEquals(pageFont, ((COSObject) stampFont).getKey(), "the stamp refers to the page's copy");
        }
    }
}
