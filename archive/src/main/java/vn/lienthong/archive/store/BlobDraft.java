package vn.lienthong.archive.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import vn.lienthong.archive.StorageException;

/**
 * A blob written in steps into the store's temp directory: the caller streams bytes through
 * {@link #output()}, which hashes them on the way; other code may then append to the file (a
 * signature revision) and patch what it appended; {@link #commit()} hashes only those later
 * bytes, fsyncs once and renames the file into place. Closing an uncommitted draft deletes it.
 *
 * <p>Bytes already hashed must not change afterwards; only appended bytes may be patched.
 */
public final class BlobDraft implements AutoCloseable {
    private static final int BUFFER = 1 << 20;

    private final BlobStore store;
    private final Path part;
    private final FileChannel channel;
    private final MessageDigest digest = Sha256.newDigest();
    private final HashingOutput output = new HashingOutput();
    private long hashed;
    private boolean done;

    BlobDraft(BlobStore store, Path part, FileChannel channel) {
        this.store = store;
        this.part = part;
        this.channel = channel;
    }

    /** The temp file, for code that appends to it after {@link #output()} is closed. */
    public Path path() {
        return part;
    }

    /** Appends to the file and hashes on the way; closing it flushes but keeps the draft open. */
    public OutputStream output() {
        return output;
    }

    /** A copy of the SHA-256 over the bytes written through {@link #output()} so far, to be continued. */
    public MessageDigest digestSoFar() {
        try {
            output.flushBuffer();
            return (MessageDigest) digest.clone();
        } catch (IOException e) {
            throw new StorageException("Cannot write " + part.getFileName() + ": " + e.getMessage(), e);
        } catch (CloneNotSupportedException e) {
            throw new StorageException("The JDK's SHA-256 cannot be cloned", e);
        }
    }

    /** Hashes what was appended since, fsyncs the file once and moves it into the store. */
    public StoredBlob commit() {
        try {
            output.flushBuffer();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long position = hashed;
            for (int n; (n = channel.read(buffer, position)) > 0; position += n) {
                digest.update(buffer.array(), 0, n);
                buffer.clear();
            }
            channel.force(true);
            channel.close();
            StoredBlob blob = store.place(part, Sha256.of(digest.digest()), position);
            done = true;
            return blob;
        } catch (IOException e) {
            throw new StorageException("Cannot store " + part.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!done) {
            try {
                channel.close();
            } catch (IOException e) {
                System.getLogger(BlobDraft.class.getName()).log(System.Logger.Level.WARNING,
                        "Cannot close " + part + "; it is removed at the next start", e);
            }
            BlobStore.deleteQuietly(part);
            done = true;
        }
    }

    /** Buffers, hashes each full buffer once and writes it with one system call. */
    private final class HashingOutput extends OutputStream {
        private final byte[] buffer = new byte[BUFFER];
        private int count;

        @Override
        public void write(int b) throws IOException {
            if (count == buffer.length) {
                flushBuffer();
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (count == buffer.length) {
                    flushBuffer();
                }
                int n = Math.min(len, buffer.length - count);
                System.arraycopy(b, off, buffer, count, n);
                count += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            flushBuffer();
        }

        @Override
        public void close() throws IOException {
            flushBuffer();
        }

        void flushBuffer() throws IOException {
            if (count == 0) {
                return;
            }
            digest.update(buffer, 0, count);
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, count);
            while (bytes.hasRemaining()) {
                channel.write(bytes, hashed + bytes.position());
            }
            hashed += count;
            count = 0;
        }
    }
}
