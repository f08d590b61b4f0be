package vn.lienthong.archive.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.lienthong.archive.BadInputException;

/** The kinds of page sources the archive accepts, recognised by their content, not their file name. */
public enum PageKind {
    JPEG, PNG, TIFF, PDF;

    public static PageKind detect(Path file) {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new BadInputException("Cannot read page source " + file + ": " + e.getMessage(), e);
        }
        if (n == 0) {
            throw new BadInputException("Page source " + file.getFileName() + " is empty (0 bytes) / Tệp rỗng");
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (n >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return PNG;
        }
        if (n >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42))) {
            return TIFF;
        }
        if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            return PDF;
        }
        throw new BadInputException("Page source " + file.getFileName()
                + " is not a JPEG, PNG, TIFF or PDF (whatever its extension says) / Không phải tệp ảnh hoặc PDF");
    }
}
