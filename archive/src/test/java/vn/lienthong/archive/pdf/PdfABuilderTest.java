package vn.lienthong.archive.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.BadInputException;
import vn.lienthong.archive.DocumentMetadata;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.PdfAValidation;
import vn.lienthong.archive.TestImages;
import vn.lienthong.archive.store.Sha256;

class PdfABuilderTest {
    static final DocumentMetadata META = new DocumentMetadata("H15.50.05.13-261008-0975", "birth-certificate",
            "Giấy khai sinh", "1.011442.000.00.00.H38", "000.00.00.H30", "Nguyễn Thị Hồng Nhung",
            Instant.parse("2026-10-08T03:15:00Z"));

    @TempDir
    Path dir;

    private final PdfABuilder builder = new PdfABuilder(PdfOptions.defaults());

    @Test
    void jpegIsEmbeddedByteIdenticalOnAnA4PageAndPassesVeraPdf() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.page(2480, 3508, 1), 300, 0.6f);
        Path src = TestImages.write(dir, "scan.jpg", jpeg);
        Path out = dir.resolve("out.pdf");

        BuiltPdf built = builder.build(List.of(src), META, PdfAPart.A2B, out);

        assertEquals(2, built.pages());
        assertEquals(Sha256.ofBytes(jpeg), built.sources().get(0).sha256());
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            PDPage page = doc.getPage(1);
            assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.5f);
            assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.5f);
            PDImageXObject image = onlyImage(page);
            assertEquals(COSName.DCT_DECODE, image.getCOSObject().getDictionaryObject(COSName.FILTER));
            try (InputStream raw = image.getCOSObject().createRawInputStream()) {
                assertArrayEquals(jpeg, raw.readAllBytes(), "JPEG must pass through unchanged");
            }
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Giấy khai sinh"), text);
            assertTrue(text.contains("Người số hóa: Nguyễn Thị Hồng Nhung"), text);
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<lt:dossierCode>H15.50.05.13-261008-0975</lt:dossierCode>"), xmp);
            assertTrue(xmp.contains("sha256:" + Sha256.ofBytes(jpeg).hex()), xmp);
            assertTrue(xmp.contains("<lt:pageCount>2</lt:pageCount>"), xmp);
        }
        assertEquals("", PdfAValidation.failures(out, PdfAPart.A2B));
    }

    @Test
    void jpegsBeyondTheHeapBudgetGoThroughPdfBoxsCacheAndStayByteIdenticalToo() throws IOException {
        byte[] first = TestImages.jpeg(TestImages.page(620, 877, 4), 75, 0.7f);
        byte[] second = TestImages.jpeg(TestImages.page(620, 877, 5), 75, 0.7f);
        Path a = TestImages.write(dir, "a.jpg", first);
        Path b = TestImages.write(dir, "b.jpg", second);
        Path out = dir.resolve("budget.pdf");
        // Room for the first scan only: it is written from heap, the second is copied into PDFBox's cache.
        PdfABuilder small = new PdfABuilder(new PdfOptions(300, 100_000_000L, first.length, true));

        small.build(List.of(a, b), META, PdfAPart.A2B, out);

        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            for (int i = 1; i <= 2; i++) {
                try (InputStream raw = onlyImage(doc.getPage(i)).getCOSObject().createRawInputStream()) {
                    assertArrayEquals(i == 1 ? first : second, raw.readAllBytes(), "page " + i);
                }
            }
        }
        assertEquals("", PdfAValidation.failures(out, PdfAPart.A2B));
    }

    @Test
    void pngAndMultiPageTiffAreLosslessAndSizedByDpi() throws IOException {
        BufferedImage a = TestImages.page(400, 300, 2);
        BufferedImage b = TestImages.page(300, 400, 3);
        Path png = TestImages.write(dir, "a.png", TestImages.lossless("png", List.of(a), 100));
        Path tiff = TestImages.write(dir, "b.tif", TestImages.lossless("tiff", List.of(a, b), 50));
        Path out = dir.resolve("out.pdf");

        BuiltPdf built = builder.build(List.of(png, tiff), META, PdfAPart.A2B, out);

        assertEquals(4, built.pages());
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertEquals(400 * 72f / 100, doc.getPage(1).getMediaBox().getWidth(), 0.5f);
            assertEquals(400 * 72f / 50, doc.getPage(2).getMediaBox().getWidth(), 0.5f);
            assertEquals(400 * 72f / 50, doc.getPage(3).getMediaBox().getHeight(), 0.5f);
            assertSamePixels(a, onlyImage(doc.getPage(1)).getImage());
            assertSamePixels(b, onlyImage(doc.getPage(3)).getImage());
        }
        assertEquals("", PdfAValidation.failures(out, PdfAPart.A2B));
    }

    @Test
    void pdfPagesAreAppendedAndOriginalsAttachedForPdfA3() throws IOException {
        Path source = dir.resolve("result.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < 2; i++) {
                PDPage page = new PDPage(PDRectangle.A5);
                doc.addPage(page);
                PDImageXObject img = LosslessFactory.createFromImage(doc, TestImages.page(200, 280, i));
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(img, 20, 20, 200, 280);
                }
            }
            doc.save(source.toFile());
        }
        Path jpg = TestImages.write(dir, "scan.jpg", TestImages.jpeg(TestImages.page(600, 800, 4), 150, 0.7f));
        Path out = dir.resolve("out.pdf");

        BuiltPdf built = builder.build(List.of(jpg, source), META, PdfAPart.A3B, out);

        assertEquals(4, built.pages());
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertEquals(PDRectangle.A5.getWidth(), doc.getPage(2).getMediaBox().getWidth(), 0.5f);
            var files = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertEquals(2, files.size());
            var spec = files.values().iterator().next();
            assertEquals(COSName.getPDFName("Source"),
                    spec.getCOSObject().getDictionaryObject(COSName.getPDFName("AFRelationship")));
            assertArrayEquals(Files.readAllBytes(jpg), spec.getEmbeddedFile().toByteArray());
        }
        assertEquals("", PdfAValidation.failures(out, PdfAPart.A3B));
    }

    @Test
    void badInputIsRefusedWithAClearMessage() throws IOException {
        byte[] good = TestImages.jpeg(TestImages.page(300, 400, 5), 100, 0.7f);
        assertRefused(TestImages.write(dir, "empty.jpg", new byte[0]), "empty");
        assertRefused(TestImages.write(dir, "text.jpg", "not an image".getBytes(StandardCharsets.UTF_8)),
                "not a JPEG, PNG, TIFF or PDF");
        assertRefused(TestImages.write(dir, "cut.jpg", java.util.Arrays.copyOf(good, good.length / 2)), "truncated");
        assertRefused(TestImages.write(dir, "head.jpg", java.util.Arrays.copyOf(good, 40)), "truncated");
        byte[] png = TestImages.lossless("png", List.of(TestImages.page(64, 64, 6)), 100);
        assertRefused(TestImages.write(dir, "cut.png", java.util.Arrays.copyOf(png, png.length - 200)), "png");
        assertRefused(TestImages.write(dir, "huge.png", hugePngHeader()), "100000 x 100000");
        byte[] corrupt = png.clone();
        for (int i = 40; i < corrupt.length - 20; i += 7) {
            corrupt[i] ^= 0x5A;
        }
        assertRefused(TestImages.write(dir, "corrupt.png", corrupt), "png");
        assertRefused(TestImages.write(dir, "broken.pdf", "%PDF-1.7\n1 0 obj garbage".getBytes(StandardCharsets.US_ASCII)),
                "pdf");
        Path encrypted = dir.resolve("secret.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            doc.protect(policy);
            doc.save(encrypted.toFile());
        }
        assertRefused(encrypted, "password");
    }

    private void assertRefused(Path page, String expected) {
        Path out = dir.resolve("refused.pdf");
        BadInputException e = assertThrows(BadInputException.class,
                () -> builder.build(List.of(page), META, PdfAPart.A2B, out));
        assertTrue(e.getMessage().toLowerCase().contains(expected.toLowerCase()),
                page.getFileName() + ": " + e.getMessage());
    }

    /** A valid PNG signature and IHDR claiming 100000 x 100000 RGB pixels, and nothing else. */
    static byte[] hugePngHeader() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        b.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(100_000).putInt(100_000)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), 12, 17);
        b.putInt((int) crc.getValue());
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return b.array();
    }

    static PDImageXObject onlyImage(PDPage page) throws IOException {
        COSName name = page.getResources().getXObjectNames().iterator().next();
        return (PDImageXObject) page.getResources().getXObject(name);
    }

    static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if ((expected.getRGB(x, y) & 0xFFFFFF) != (actual.getRGB(x, y) & 0xFFFFFF)) {
                    throw new AssertionError("pixel " + x + "," + y + " differs");
                }
            }
        }
    }
}
