package vn.lienthong.archive.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Element;
import vn.lienthong.archive.ArchiveException;

/** A synthetic A4 scan at 300 dpi (about 1 MB of JPEG), so the benchmark needs no sample files. */
final class SampleScan {
    private SampleScan() {
    }

    static byte[] a4At300Dpi(long seed) {
        int w = 2480;
        int h = 3508;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(250, 248, 240));
        g.fillRect(0, 0, w, h);
        Random r = new Random(seed);
        g.setColor(new Color(30, 30, 60));
        for (int y = 200; y < h - 200; y += 48) {
            for (int x = 200; x < w - 200; x += 14 + r.nextInt(10)) {
                g.fillRect(x, y + r.nextInt(6), 6 + r.nextInt(8), 18 + r.nextInt(10));
            }
        }
        g.dispose();
        // Paper grain: scanners never deliver flat white, and it is what makes a real scan ~1 MB.
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                int v = 235 + r.nextInt(20);
                if ((img.getRGB(x, y) & 0xFF) > 200) {
                    img.setRGB(x, y, (v << 16) | (v << 8) | v);
                }
            }
        }
        return jpeg(img, 300, 0.6f);
    }

    static byte[] jpeg(BufferedImage img, int dpi, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            IIOMetadataNode tree = (IIOMetadataNode) meta.getAsTree("javax_imageio_jpeg_image_1.0");
            Element jfif = (Element) tree.getElementsByTagName("app0JFIF").item(0);
            jfif.setAttribute("resUnits", "1");
            jfif.setAttribute("Xdensity", Integer.toString(dpi));
            jfif.setAttribute("Ydensity", Integer.toString(dpi));
            meta.setFromTree("javax_imageio_jpeg_image_1.0", tree);
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, meta), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ArchiveException("Cannot generate the sample scan", e);
        }
    }
}
