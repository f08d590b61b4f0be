package vn.lienthong.gateway.domain.attachment;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed storage of attachment bytes: a blob is named by its SHA-256, written once and
 * never changed, so the same scan attached twice is stored once and a name always means the same bytes.
 */
public interface BlobStore {

    /**
     * Streams {@code content} into the store, never holding it whole in memory.
     *
     * @throws AttachmentTooLargeException after {@code maxBytes}; nothing is kept
     * @throws IncompleteUploadException   when the content cannot be read to its end
     * @throws AttachmentStorageException  when it cannot be written
     */
    StoredBlob put(InputStream content, long maxBytes);

    /** Where the blob with this SHA-256 lies, for streaming it out again; empty when there is none. */
    Optional<Path> locate(String sha256);

    /** A blob as stored: its name (lower-case hex SHA-256) and its length. */
    record StoredBlob(String sha256, long size) {
    }
}
