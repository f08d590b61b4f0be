package vn.lienthong.gateway.infrastructure.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.domain.attachment.AttachmentStorageException;
import vn.lienthong.gateway.domain.attachment.AttachmentTooLargeException;
import vn.lienthong.gateway.domain.attachment.BlobStore;
import vn.lienthong.gateway.domain.attachment.IncompleteUploadException;

/**
 * The blob store on disk: {@code <lienthong.attachments.dir>/<sha256>}. An upload goes to a temp
 * file in {@code incoming/} on the same file system, hashed on the way through one 64 KiB buffer,
 * is forced to disk, then renamed into place atomically, so a name only ever shows complete bytes.
 * Several gateways may share the directory (docs/cluster.md).
 */
@ApplicationScoped
public class ContentAddressedFiles implements BlobStore {

    private static final Logger LOG = Logger.getLogger(ContentAddressedFiles.class.getName());
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    @Inject
    @ConfigProperty(name = "lienthong.attachments.dir")
    String directory;

    @Inject
    @ConfigProperty(name = "lienthong.attachments.leftover-minutes", defaultValue = "60")
    long leftoverMinutes;

    private Clock clock = Clock.systemUTC();
    private volatile Path root;

    public ContentAddressedFiles() {
    }

    /** For tests and tools: a store in this directory. */
    public ContentAddressedFiles(Path directory) {
        this(directory, Duration.ofHours(1), Clock.systemUTC());
    }

    /** For tests: a store in this directory that drops partial uploads untouched for {@code leftoverAge} by {@code clock}. */
    ContentAddressedFiles(Path directory, Duration leftoverAge, Clock clock) {
        this.directory = directory.toString();
        this.leftoverMinutes = leftoverAge.toMinutes();
        this.clock = clock;
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) {
        Path blobs = root();
        Path incoming;
        try {
            incoming = Files.createTempFile(blobs.resolve("incoming"), "upload-", ".part");
        } catch (IOException e) {
            throw storageFailure(e);
        }
        boolean moved = false;
        try (FileChannel out = FileChannel.open(incoming, StandardOpenOption.WRITE)) {
            MessageDigest sha256 = sha256();
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            for (int n = read(content, buffer); n >= 0; n = read(content, buffer)) {
                size += n;
                if (size > maxBytes) {
                    throw new AttachmentTooLargeException(maxBytes);
                }
                sha256.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            String name = HexFormat.of().formatHex(sha256.digest());
            Path blob = blobs.resolve(name);
            if (!Files.exists(blob)) {
                out.force(true);
                Files.move(incoming, blob, StandardCopyOption.ATOMIC_MOVE);
                moved = true;
                forceDirectory(blobs);
            }
            // else: the same bytes are already stored under this name; the copy is dropped below.
            return new StoredBlob(name, size);
        } catch (IOException e) {
            throw storageFailure(e);
        } finally {
            if (!moved) {
                deleteQuietly(incoming);
            }
        }
    }

    @Override
    public Optional<Path> locate(String sha256) {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path blob = root().resolve(sha256);
        return Files.isRegularFile(blob) ? Optional.of(blob) : Optional.empty();
    }

    /** Reading the request body failing is the client's broken upload, not the store's. */
    private static int read(InputStream content, byte[] buffer) {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new IncompleteUploadException(
                    "Tải lên bị gián đoạn trước khi hết tệp; gửi lại tệp",
                    "The upload broke off before the end of the file; send it again", e);
        }
    }

    private Path root() {
        Path r = root;
        if (r == null) {
            synchronized (this) {
                r = root;
                if (r == null) {
                    r = Path.of(directory).toAbsolutePath().normalize();
                    try {
                        Files.createDirectories(r.resolve("incoming"));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot create the attachment store " + r, e);
                    }
                    dropLeftovers(r.resolve("incoming"), clock.instant().minus(Duration.ofMinutes(leftoverMinutes)));
                    root = r;
                }
            }
        }
        return r;
    }

    /**
     * Partial uploads of a gateway that died mid-upload, nobody will finish them: those last written
     * before {@code cutoff}. A younger one may be another live node's upload in progress (its file
     * changes as the bytes arrive), so it stays.
     */
    private static void dropLeftovers(Path incoming, Instant cutoff) {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(incoming, "upload-*.part")) {
            for (Path part : parts) {
                if (lastWritten(part).isBefore(cutoff)) {
                    deleteQuietly(part);
                    LOG.info(() -> "Removed the partial upload " + part + " left by an earlier run");
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "Cannot list " + incoming + " for partial uploads: " + e.getMessage());
        }
    }

    /** When the file was last written; now (so kept) when that cannot be read, e.g. it was just renamed away. */
    private static Instant lastWritten(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }

    /** Makes the rename itself durable; file systems that cannot open a directory (Windows) are skipped. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.fine(() -> "Directory " + dir + " cannot be forced on this file system: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning(() -> "Cannot delete " + file + ": " + e.getMessage());
        }
    }

    private static AttachmentStorageException storageFailure(IOException e) {
        return new AttachmentStorageException(
                "Kho tệp đính kèm không ghi được (" + e.getClass().getSimpleName() + "); báo bộ phận kỹ thuật",
                "The attachment store cannot write (" + e.getClass().getSimpleName() + "); tell the operators", e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
