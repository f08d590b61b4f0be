package vn.lienthong.signing.verify;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * The first {@code end} bytes of a file, i.e. one earlier revision, read from disk. PDFBox's own
 * RandomAccessReadView cannot be parsed as a document (object streams need nested views), so
 * this bounds the file reader itself.
 */
final class RevisionRead implements RandomAccessRead {
    private final RandomAccessReadBufferedFile file;
    private final long end;

    RevisionRead(Path path, long end) throws IOException {
        this.file = new RandomAccessReadBufferedFile(path);
        this.end = end;
    }

    @Override
    public int read() throws IOException {
        return file.getPosition() >= end ? -1 : file.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        long left = end - file.getPosition();
        if (left <= 0) {
            return -1;
        }
        return file.read(b, off, (int) Math.min(len, left));
    }

    @Override
    public long getPosition() throws IOException {
        return file.getPosition();
    }

    @Override
    public void seek(long position) throws IOException {
        file.seek(Math.min(position, end));
    }

    @Override
    public long length() {
        return end;
    }

    @Override
    public boolean isClosed() {
        return file.isClosed();
    }

    @Override
    public boolean isEOF() throws IOException {
        return file.getPosition() >= end;
    }

    @Override
    public RandomAccessReadView createView(long start, long length) throws IOException {
        return file.createView(start, Math.min(length, end - start));
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
