package vn.lienthong.archive.pdf;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.w3c.dom.NodeList;
import vn.lienthong.archive.ArchiveException;
import vn.lienthong.archive.BadInputException;
import vn.lienthong.archive.DocumentMetadata;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.store.Sha256;

/**
 * Builds an unsigned PDF/A-2b (or 3b) from scans and PDFs, streaming pages through PDFBox's
 * temp-file cache so that memory stays bounded whatever the dossier's size.
 */
public final class PdfABuilder {
    private static final float POINTS_PER_INCH = 72f;
    /** ISO 32000 implementation limit, which PDF/A-2 makes normative. */
    private static final float MAX_PAGE_POINTS = 14_400f;

    private final PdfOptions options;
    private final PdfAConformance conformance = PdfAConformance.standard();

    public PdfABuilder(PdfOptions options) {
        this.options = options;
    }

    /** Writes the PDF/A to the file {@code out}; see {@link #build(List, DocumentMetadata, PdfAPart, OutputStream)}. */
    public BuiltPdf build(List<Path> pages, DocumentMetadata metadata, PdfAPart part, Path out) {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            return build(pages, metadata, part, o);
        } catch (IOException e) {
            throw new ArchiveException("Cannot write the PDF/A to " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the PDF/A to {@code out} (not closed; buffer it, PDFBox writes small pieces). On bad input throws
     * {@link BadInputException}, and what was written is garbage the caller discards.
     */
    public BuiltPdf build(List<Path> pages, DocumentMetadata metadata, PdfAPart part, OutputStream out) {
        if (pages.isEmpty()) {
            throw new BadInputException("A document needs at least one page / Hồ sơ phải có ít nhất một trang");
        }
        List<PDDocument> appended = new ArrayList<>();
        // The font goes back only after the save, which subsets it.
        try (PdfAConformance.FontLoan font = conformance.borrowFont();
                PDDocument doc = new PDDocument(MemoryUsageSetting.setupMixed(options.heapCacheBytes()).streamCache)) {
            List<SourceFile> sources = new ArrayList<>();
            if (options.coverPage()) {
                doc.addPage(new PDPage(PDRectangle.A4)); // filled in once the page count is known
            }
            ScanBudget budget = new ScanBudget(options.heapCacheBytes());
            for (Path page : pages) {
                sources.add(addSource(doc, page, appended, budget));
            }
            int pageCount = doc.getNumberOfPages();
            if (options.coverPage()) {
                drawCover(doc, doc.getPage(0), font.embedIn(doc), metadata, pageCount);
            }
            if (part == PdfAPart.A3B) {
                attachOriginals(doc, sources, metadata.digitizedAt());
            }
            conformance.declare(doc, XmpPacket.build(metadata, part, pageCount, sources, Instant.now()));
            doc.save(out, CompressParameters.NO_COMPRESSION);
            out.flush();
            return new BuiltPdf(pageCount, sources);
        } catch (IOException e) {
            throw new ArchiveException("Cannot write the PDF/A: " + e.getMessage(), e);
        } finally {
            for (PDDocument source : appended) {
                closeSource(source);
            }
        }
    }

    private SourceFile addSource(PDDocument doc, Path file, List<PDDocument> appended, ScanBudget budget) {
        PageKind kind = PageKind.detect(file);
        String name = file.getFileName().toString();
        try {
            return switch (kind) {
                case JPEG -> addJpeg(doc, file, name, budget);
                case PNG, TIFF -> addRaster(doc, file, name, kind);
                case PDF -> addPdf(doc, file, name, appended);
            };
        } catch (IOException e) {
            throw new BadInputException("Cannot read " + kind + " page source " + name + ": " + e.getMessage()
                    + " / Không đọc được tệp", e);
        } catch (ArchiveException e) {
            throw e;
        } catch (RuntimeException e) {
            // Image decoders signal corrupt data with arbitrary runtime exceptions.
            throw new BadInputException(kind + " page source " + name + " is corrupt: " + e
                    + " / Tệp bị hỏng", e);
        }
    }

    private SourceFile addJpeg(PDDocument doc, Path file, String name, ScanBudget budget) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        JpegHeader h = JpegHeader.parse(bytes, name);
        checkPixels(name, h.width(), h.height());
        PDColorSpace cs = h.components() == 1 ? PDDeviceGray.INSTANCE : PDDeviceRGB.INSTANCE;
        // The original bytes become the image stream as they are: DCTDecode passthrough, no re-encoding.
        PDImageXObject image;
        if (budget.take(bytes.length)) {
            // Within the heap budget the stream reads from these bytes at save time: no copy at all.
            COSStream stream = new COSStream(null, new RandomAccessReadBuffer(bytes).createView(0, bytes.length));
            stream.setItem(COSName.FILTER, COSName.DCT_DECODE);
            image = new PDImageXObject(new PDStream(stream), null);
            image.setWidth(h.width());
            image.setHeight(h.height());
            image.setBitsPerComponent(8);
            image.setColorSpace(cs);
        } else {
            // Beyond it PDFBox copies them into its stream cache, which spills to a temp file.
            image = new PDImageXObject(doc, new ByteArrayInputStream(bytes), COSName.DCT_DECODE, h.width(),
                    h.height(), 8, cs);
        }
        addImagePage(doc, image, name, h.dpiX(), h.dpiY());
        return new SourceFile(file, PageKind.JPEG, Sha256.ofBytes(bytes), bytes.length, 1);
    }

    private SourceFile addRaster(PDDocument doc, Path file, String name, PageKind kind) throws IOException {
        Sha256 hash = hashFile(file);
        int count;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new BadInputException("No decoder for " + kind + " page source " + name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                count = reader.getNumImages(true);
                if (count < 1) {
                    throw new BadInputException(kind + " page source " + name + " holds no image");
                }
                for (int i = 0; i < count; i++) {
                    checkPixels(name, reader.getWidth(i), reader.getHeight(i));
                    int[] dpi = kind == PageKind.TIFF ? tiffDpi(reader.getImageMetadata(i))
                            : pngDpi(reader.getImageMetadata(i));
                    BufferedImage img = reader.read(i);
                    int type = img.getColorModel().getColorSpace().getType();
                    if (type != ColorSpace.TYPE_RGB && type != ColorSpace.TYPE_GRAY) {
                        throw new BadInputException(kind + " page source " + name
                                + " is not greyscale or RGB; convert it to RGB before archiving");
                    }
                    PDImageXObject image = LosslessFactory.createFromImage(doc, img);
                    addImagePage(doc, image, name, dpi[0], dpi[1]);
                }
            } finally {
                reader.dispose();
            }
        }
        return new SourceFile(file, kind, hash, Files.size(file), count);
    }

    private SourceFile addPdf(PDDocument doc, Path file, String name, List<PDDocument> appended) throws IOException {
        Sha256 hash = hashFile(file);
        PDDocument source;
        try {
            source = Loader.loadPDF(file.toFile(), MemoryUsageSetting.setupTempFileOnly().streamCache);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new BadInputException("PDF page source " + name + " is password-protected / Tệp PDF có mật khẩu", e);
        }
        appended.add(source); // its objects are copied on save, so it stays open until then
        if (source.isEncrypted()) {
            throw new BadInputException("PDF page source " + name + " is encrypted; archive an unencrypted copy"
                    + " / Tệp PDF bị mã hóa");
        }
        int count = source.getNumberOfPages();
        if (count < 1) {
            throw new BadInputException("PDF page source " + name + " has no pages / Tệp PDF không có trang");
        }
        for (PDPage page : source.getPages()) {
            PDPage imported = doc.importPage(page);
            imported.setResources(page.getResources());
        }
        return new SourceFile(file, PageKind.PDF, hash, Files.size(file), count);
    }

    private void addImagePage(PDDocument doc, PDImageXObject image, String name, int dpiX, int dpiY)
            throws IOException {
        float w = image.getWidth() * POINTS_PER_INCH / (dpiX > 0 ? dpiX : options.defaultDpi());
        float h = image.getHeight() * POINTS_PER_INCH / (dpiY > 0 ? dpiY : options.defaultDpi());
        if (w > MAX_PAGE_POINTS || h > MAX_PAGE_POINTS || w < 3 || h < 3) {
            throw new BadInputException("Page " + name + " would be " + Math.round(w / POINTS_PER_INCH) + " x "
                    + Math.round(h / POINTS_PER_INCH) + " inches; check its resolution (DPI)");
        }
        PDPage page = new PDPage(new PDRectangle(w, h));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE,
                false)) {
            cs.drawImage(image, 0, 0, w, h);
        }
    }

    private void checkPixels(String name, long width, long height) {
        if (width * height > options.maxPixels()) {
            throw new BadInputException("Image " + name + " declares " + width + " x " + height
                    + " pixels, more than the limit of " + options.maxPixels() + " / Ảnh quá lớn");
        }
    }

    private static void drawCover(PDDocument doc, PDPage page, PDType0Font font, DocumentMetadata m, int pageCount)
            throws IOException {
        String time = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
                .withZone(ZoneId.of("Asia/Ho_Chi_Minh")).format(m.digitizedAt());
        List<String> lines = new ArrayList<>();
        lines.add("Mã hồ sơ: " + m.dossierCode());
        lines.add("Loại giấy tờ: " + m.documentType());
        if (!m.procedureCode().isEmpty()) {
            lines.add("Thủ tục hành chính: " + m.procedureCode());
        }
        if (!m.agencyCode().isEmpty()) {
            lines.add("Cơ quan: " + m.agencyCode());
        }
        if (!m.operator().isEmpty()) {
            lines.add("Người số hóa: " + m.operator());
        }
        lines.add("Thời điểm số hóa: " + time);
        lines.add("Số trang: " + pageCount);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setFont(font, 16);
            cs.newLineAtOffset(72, 760);
            cs.showText("HỒ SƠ SỐ HÓA — " + m.title());
            cs.setFont(font, 11);
            cs.setLeading(18);
            cs.newLine();
            cs.newLine();
            for (String line : lines) {
                cs.showText(line);
                cs.newLine();
            }
            cs.endText();
        }
    }

    private static void attachOriginals(PDDocument doc, List<SourceFile> sources, Instant when) throws IOException {
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        Map<String, PDComplexFileSpecification> names = new java.util.LinkedHashMap<>();
        COSArray af = new COSArray();
        GregorianCalendar modified = GregorianCalendar.from(when.atZone(ZoneId.of("UTC")));
        int n = 0;
        for (SourceFile s : sources) {
            String name = String.format("%03d-%s", ++n, s.path().getFileName());
            PDEmbeddedFile embedded;
            try (InputStream in = Files.newInputStream(s.path())) {
                embedded = new PDEmbeddedFile(doc, in);
            }
            embedded.setSubtype(mime(s.kind()));
            embedded.setSize((int) Math.min(Integer.MAX_VALUE, s.size()));
            embedded.setModDate(modified);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(name);
            spec.setFileUnicode(name);
            spec.setFileDescription("Original source file / Tệp gốc, sha256:" + s.sha256().hex());
            spec.setEmbeddedFile(embedded);
            spec.setEmbeddedFileUnicode(embedded);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Source");
            names.put(name, spec);
            af.add(spec);
        }
        tree.setNames(names);
        PDDocumentNameDictionary dictionary = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        dictionary.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(dictionary);
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), af);
    }

    private static String mime(PageKind kind) {
        return switch (kind) {
            case JPEG -> "image/jpeg";
            case PNG -> "image/png";
            case TIFF -> "image/tiff";
            case PDF -> "application/pdf";
        };
    }

    /** PNG's pHYs chunk (pixels per metre), read natively: it is the only resolution PNG has. */
    private static int[] pngDpi(IIOMetadata metadata) {
        int[] dpi = {0, 0};
        if (metadata == null) {
            return dpi;
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_png_1.0");
        NodeList phys = root.getElementsByTagName("pHYs");
        if (phys.getLength() == 0) {
            return dpi;
        }
        IIOMetadataNode node = (IIOMetadataNode) phys.item(0);
        if (!"meter".equals(node.getAttribute("unitSpecifier"))) {
            return dpi;
        }
        try {
            dpi[0] = Math.round(Long.parseLong(node.getAttribute("pixelsPerUnitXAxis")) * 0.0254f);
            dpi[1] = Math.round(Long.parseLong(node.getAttribute("pixelsPerUnitYAxis")) * 0.0254f);
        } catch (NumberFormatException e) {
            return new int[] {0, 0}; // an unreadable resolution falls back to the configured default
        }
        return dpi;
    }

    /** TIFF's own resolution tags; the JDK's standard-metadata view of them does not round-trip. */
    private static int[] tiffDpi(IIOMetadata metadata) throws IOException {
        int[] dpi = {0, 0};
        if (metadata == null) {
            return dpi;
        }
        TIFFDirectory directory = TIFFDirectory.createFromMetadata(metadata);
        TIFFField unit = directory.getTIFFField(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT);
        float perInch = unit == null || unit.getAsInt(0) == BaselineTIFFTagSet.RESOLUTION_UNIT_INCH ? 1f
                : unit.getAsInt(0) == BaselineTIFFTagSet.RESOLUTION_UNIT_CENTIMETER ? 2.54f : 0f;
        TIFFField x = directory.getTIFFField(BaselineTIFFTagSet.TAG_X_RESOLUTION);
        TIFFField y = directory.getTIFFField(BaselineTIFFTagSet.TAG_Y_RESOLUTION);
        dpi[0] = x == null ? 0 : Math.round(x.getAsFloat(0) * perInch);
        dpi[1] = y == null ? dpi[0] : Math.round(y.getAsFloat(0) * perInch);
        return dpi;
    }

    /** How many bytes of JPEG scans one build may keep in heap as they are, until the PDF is saved. */
    private static final class ScanBudget {
        private long left;

        ScanBudget(long bytes) {
            this.left = bytes;
        }

        boolean take(long bytes) {
            if (bytes > left) {
                return false;
            }
            left -= bytes;
            return true;
        }
    }

    private static Sha256 hashFile(Path file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Sha256.of(digest.digest());
    }

    private static void closeSource(PDDocument source) {
        try {
            source.close();
        } catch (IOException e) {
            System.getLogger(PdfABuilder.class.getName()).log(System.Logger.Level.WARNING,
                    "Cannot close an appended PDF", e);
        }
    }
}
