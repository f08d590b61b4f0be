package vn.lienthong.archive.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import vn.lienthong.archive.StorageException;

/**
 * Content-addressed, crash-safe blob store: {@code blobs/ab/cd/abcd...} named by the SHA-256 of the bytes.
 *
 * <p>A write goes to {@code tmp/}, is fsynced, renamed atomically into place and the directory is
 * fsynced, so after a crash a blob path holds either nothing or the complete bytes.
 */
public final class BlobStore {
    private static final int BUFFER = 1 << 20;

    private final Path blobs;
    private final Path tmp;

    public BlobStore(Path root) {
        this.blobs = root.resolve("blobs");
        this.tmp = root.resolve("tmp");
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(tmp);
            removeLeftoverTempFiles();
        } catch (IOException e) {
            throw new StorageException("Cannot prepare the blob store under " + root, e);
        }
    }

    /** The directory for the store's temporary files; the same file system, so renames stay atomic. */
    public Path tempDirectory() {
        return tmp;
    }

    /** Starts a blob that is written in steps; see {@link BlobDraft}. */
    public BlobDraft draft() {
        Path part = tmp.resolve(UUID.randomUUID() + ".part");
        try {
            return new BlobDraft(this, part, FileChannel.open(part, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new StorageException("Cannot create a temporary blob in " + tmp + ": " + e.getMessage(), e);
        }
    }

    /** Copies a file into the store. */
    public StoredBlob put(Path source) {
        return write(out -> Files.copy(source, out));
    }

    /** Stores whatever {@code writer} produces, hashing it on the way. */
    public StoredBlob write(BlobWriter writer) {
        Path part = tmp.resolve(UUID.randomUUID() + ".part");
        try {
            MessageDigest digest = Sha256.newDigest();
            long size;
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                CountingOutputStream counting = new CountingOutputStream(Channels.newOutputStream(channel));
                OutputStream out = new BufferedOutputStream(new DigestOutputStream(counting, digest), BUFFER);
                writer.writeTo(out);
                out.flush();
                size = counting.count;
                channel.force(true);
            }
            return place(part, Sha256.of(digest.digest()), size);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(part);
            throw new StorageException("Cannot write a blob: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    /**
     * Moves a finished file from {@link #tempDirectory()} into the store without copying it:
     * it is hashed and fsynced in place, then renamed.
     */
    public StoredBlob adopt(Path finished) {
        if (!finished.toAbsolutePath().getParent().equals(tmp.toAbsolutePath())) {
            throw new IllegalArgumentException("Only files in " + tmp + " can be adopted: " + finished);
        }
        try {
            MessageDigest digest = Sha256.newDigest();
            long size = 0;
            try (FileChannel channel = FileChannel.open(finished, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
                int n;
                while ((n = channel.read(buffer)) >= 0) {
                    buffer.flip();
                    digest.update(buffer);
                    buffer.clear();
                    size += n;
                }
                channel.force(true);
            }
            return place(finished, Sha256.of(digest.digest()), size);
        } catch (IOException e) {
            deleteQuietly(finished);
            throw new StorageException("Cannot store " + finished.getFileName() + ": " + e.getMessage(), e);
        }
    }

    StoredBlob place(Path part, Sha256 hash, long size) throws IOException {
        Path target = path(hash);
        if (Files.exists(target)) {
            Files.delete(part);
            return new StoredBlob(hash, size, false);
        }
        createDirectoriesDurably(target.getParent());
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new StorageException("The blob directory does not support atomic rename", e);
        }
        fsyncDirectory(target.getParent());
        return new StoredBlob(hash, size, true);
    }

    public Path path(Sha256 hash) {
        String hex = hash.hex();
        return blobs.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    public boolean exists(Sha256 hash) {
        return Files.isRegularFile(path(hash));
    }

    public InputStream open(Sha256 hash) {
        try {
            return Files.newInputStream(path(hash));
        } catch (IOException e) {
            throw new StorageException("Cannot open blob " + hash, e);
        }
    }

    /** Re-reads a blob and returns the digest of what is on disk now, or empty when it is gone. */
    public Optional<Sha256> rehash(Sha256 hash) {
        try (FileChannel channel = FileChannel.open(path(hash), StandardOpenOption.READ)) {
            MessageDigest digest = Sha256.newDigest();
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
            return Optional.of(Sha256.of(digest.digest()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("Cannot read blob " + hash, e);
        }
    }

    public long size(Sha256 hash) {
        try {
            return Files.size(path(hash));
        } catch (IOException e) {
            throw new StorageException("Cannot stat blob " + hash, e);
        }
    }

    public void delete(Sha256 hash) {
        try {
            Path target = path(hash);
            Files.deleteIfExists(target);
            fsyncDirectory(target.getParent());
        } catch (IOException e) {
            throw new StorageException("Cannot delete blob " + hash, e);
        }
    }

    /** Every blob path in the store, for audits. */
    public List<Path> list() {
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new StorageException("Cannot list blobs", e);
        }
    }

    private void removeLeftoverTempFiles() throws IOException {
        // Leftovers are writes a crash interrupted before their rename; they were never visible.
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp)) {
            parts.forEach(leftovers::add);
        }
        for (Path part : leftovers) {
            Files.deleteIfExists(part);
        }
    }

    private void createDirectoriesDurably(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createDirectoriesDurably(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            return; // another writer created it first; its creator fsyncs the parent
        }
        fsyncDirectory(dir.getParent());
    }

    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // The next open() removes leftovers in tmp/; the original failure is what the caller needs.
            System.getLogger(BlobStore.class.getName())
                    .log(System.Logger.Level.WARNING, "Cannot remove temporary file " + part, e);
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
