package vn.lienthong.archive.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    /**
     * Starts the disk writing early: once the caller's bytes are all written, an fdatasync of them runs
     * here while the caller goes on (signing), so the fsync in {@link #commit()} finds little left to do.
     * These threads only wait on the disk (one per draft in flight, so no draft waits behind another's);
     * durability still rests on commit's own fsync, which runs after this one has finished.
     */
    private static final ExecutorService WRITEBACK = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "blob-writeback");
        t.setDaemon(true);
        return t;
    });

    private final BlobStore store;
    private final Path part;
    private final FileChannel channel;
    private final MessageDigest digest = Sha256.newDigest();
    private final HashingOutput output = new HashingOutput();
    private long hashed;
    private boolean done;
    private Future<?> writeback = CompletableFuture.completedFuture(null);

    BlobDraft(BlobStore store, Path part, FileChannel channel) {
        this.store = store;
        this.part = part;
        this.channel = channel;
    }

    /** The temp file, for code that appends to it after {@link #output()} is closed. */
    public Path path() {
        return part;
    }

    /**
     * Appends to the file and hashes on the way; closing it flushes, starts the early writeback and keeps
     * the draft open.
     */
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
            awaitWriteback();
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
                awaitWriteback();
            } catch (IOException e) {
                System.getLogger(BlobDraft.class.getName()).log(System.Logger.Level.DEBUG,
                        "Early writeback of an abandoned draft failed; it is deleted anyway", e);
            }
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

    private void awaitWriteback() throws IOException {
        try {
            writeback.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while waiting for the disk");
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
            if (writeback.isDone()) {
                writeback = WRITEBACK.submit(() -> {
                    channel.force(false);
                    return null;
                });
            }
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
