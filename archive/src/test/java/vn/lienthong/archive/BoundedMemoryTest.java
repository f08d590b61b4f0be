package vn.lienthong.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 500-page, 500 MB dossier is ingested by a child JVM limited to 256 MB of heap. */
class BoundedMemoryTest {
    static final int PAGES = 500;

    @TempDir
    Path dir;

    @Test
    void fiveHundredMegabyteDossierFitsIn256MegabytesOfHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), BigDossier.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, child.exitValue(), output);
        String[] result = output.lines().filter(l -> l.startsWith("RESULT")).findFirst().orElseThrow().split(" ");
        long inputBytes = Long.parseLong(result[1]);
        int pages = Integer.parseInt(result[2]);
        long pdfBytes = Long.parseLong(result[3]);
        assertTrue(inputBytes >= 500_000_000L, "input was only " + inputBytes);
        assertEquals(PAGES + 1, pages);
        assertTrue(pdfBytes > inputBytes, "the JPEGs are embedded unchanged, so the PDF is larger");
    }

    /** Child: one ~1 MB JPEG used for every page (so the test generates one image, not 500). */
    public static final class BigDossier {
        public static void main(String[] args) throws IOException {
            Path dir = Path.of(args[0]);
            byte[] jpeg = TestImages.jpeg(noisyPage(), 300, 0.9f);
            Path page = TestImages.write(dir, "page.jpg", jpeg);
            try (Archive archive = Archive.open(TestArchives.config(dir.resolve("data")))) {
                ArchiveRecord r = archive.ingest(IngestRequest.of(Collections.nCopies(PAGES, page),
                        TestArchives.metadata("H15.50.05.13-261008-0500")));
                System.out.println("RESULT " + ((long) jpeg.length * PAGES) + " " + r.pages() + " " + r.size()
                        + " heap-max " + Runtime.getRuntime().maxMemory());
            }
        }

        private static java.awt.image.BufferedImage noisyPage() {
            // Random pixels compress badly: a 1240x1754 page (A4 at 150 dpi) gives a JPEG of about 1 MB.
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1240, 1754,
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            java.util.Random random = new java.util.Random(1);
            byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
            random.nextBytes(data);
            return img;
        }
    }
}
