package vn.lienthong.gateway.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.domain.attachment.Attachment;
import vn.lienthong.gateway.domain.attachment.AttachmentTooLargeException;
import vn.lienthong.gateway.domain.attachment.AttachmentType;
import vn.lienthong.gateway.domain.attachment.Attachments;
import vn.lienthong.gateway.domain.attachment.BlobStore;
import vn.lienthong.gateway.domain.attachment.IncompleteUploadException;
import vn.lienthong.gateway.domain.attachment.UnsupportedAttachmentException;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * Scans attached to dossiers: streamed into the blob store (never whole in memory), typed by
 * their first bytes, and recorded against the dossier. Deliberately not one transaction: a
 * 100 MB upload must not hold a database connection; the row is written once the bytes are safe.
 */
@ApplicationScoped
public class DossierAttachments {

    private static final int MAX_NAME = 255;

    @Inject
    DossierDesk desk;

    @Inject
    Attachments attachments;

    @Inject
    BlobStore blobs;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "lienthong.attachments.max-bytes", defaultValue = "157286400")
    long maxBytes;

    /** What an upload came to: the attachment, and whether this call added it (false: the same scan was there). */
    public record Received(Attachment attachment, boolean created) {
    }

    /**
     * Attaches one scan to the dossier.
     *
     * @param declaredType   the request's Content-Type; must agree with what the bytes are
     * @param declaredLength the request's Content-Length, or -1 when it was sent chunked
     */
    public Received attach(DossierCode code, String declaredType, String fileName, long declaredLength,
                           InputStream content) {
        desk.find(code);
        AttachmentType declared = declaredType(declaredType);
        if (declaredLength > maxBytes) {
            throw new AttachmentTooLargeException(maxBytes);
        }
        PushbackInputStream body = new PushbackInputStream(content, AttachmentType.MAGIC_LENGTH);
        AttachmentType actual = sniff(body);
        if (actual != declared) {
            throw new UnsupportedAttachmentException(
                    "Nội dung tệp là " + actual.mediaType() + " nhưng yêu cầu khai Content-Type " + declared.mediaType(),
                    "The content is " + actual.mediaType() + " but the request declared Content-Type "
                            + declared.mediaType());
        }
        BlobStore.StoredBlob blob = blobs.put(body, maxBytes);
        if (declaredLength >= 0 && blob.size() != declaredLength) {
            throw new IncompleteUploadException(
                    "Nhận được " + blob.size() + " byte thay vì " + declaredLength + " (Content-Length); gửi lại tệp",
                    "Received " + blob.size() + " bytes instead of the " + declaredLength + " of Content-Length; "
                            + "send the file again", null);
        }
        return attachments.find(code, blob.sha256())
                .map(existing -> new Received(existing, false))
                .orElseGet(() -> new Received(attachments.add(new Attachment(0, code, blob.sha256(), blob.size(),
                        actual.mediaType(), name(fileName, blob.sha256(), actual), now())), true));
    }

    public List<Attachment> of(DossierCode code) {
        desk.find(code);
        return attachments.ofDossier(code);
    }

    public long maxBytes() {
        return maxBytes;
    }

    private static AttachmentType declaredType(String contentType) {
        String bare = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return AttachmentType.ofMediaType(bare).orElseThrow(() -> new UnsupportedAttachmentException(
                "Chỉ nhận bản scan PDF (Content-Type: application/pdf) hoặc JPEG (image/jpeg), không nhận '"
                        + bare + "'",
                "Only PDF (Content-Type: application/pdf) or JPEG (image/jpeg) scans are accepted, not '" + bare + "'"));
    }

    /** The type the first bytes show; the stream is pushed back so the store still sees every byte. */
    private static AttachmentType sniff(PushbackInputStream body) {
        byte[] head;
        try {
            head = body.readNBytes(AttachmentType.MAGIC_LENGTH);
            body.unread(head);
        } catch (IOException e) {
            throw new IncompleteUploadException( "Tải lên bị gián đoạn ngay từ đầu; gửi lại tệp",
                    "The upload broke off at its start; send it again", e);
        }
        return AttachmentType.sniff(head).orElseThrow(() -> new UnsupportedAttachmentException(
                "Nội dung không phải PDF (bắt đầu bằng %PDF-) hay JPEG (bắt đầu bằng FF D8 FF)",
                "The content is neither a PDF (starting %PDF-) nor a JPEG (starting FF D8 FF)"));
    }

    /** A name for people: no directories, no control characters, not too long; the hash when none was given. */
    static String name(String given, String sha256, AttachmentType type) {
        String name = given == null ? "" : given.replaceAll("\\p{Cntrl}", "").trim();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return sha256.substring(0, 16) + (type == AttachmentType.PDF ? ".pdf" : ".jpg");
        }
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM).truncatedTo(ChronoUnit.MILLIS);
    }
}
