package vn.lienthong.archive.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.PdfAValidation;

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
}
