package vn.lienthong.gateway.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.attachment.Attachment;
import vn.lienthong.gateway.domain.attachment.AttachmentStorageException;
import vn.lienthong.gateway.domain.attachment.AttachmentType;
import vn.lienthong.gateway.domain.attachment.UnsupportedAttachmentException;
import vn.lienthong.gateway.domain.document.DossierDocument;
import vn.lienthong.gateway.domain.document.DossierDocuments;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * A multipart scan upload: every page kept as an attachment (the claim checks the land registry
 * connector sends), and all pages together archived as ONE signed PDF/A listed as the dossier's SCAN
 * document. Every page is typed by its bytes before anything is stored; the archive builds the PDF/A
 * before any attachment row is written, so a page the archive cannot read leaves nothing behind.
 * A scan sealed while no revocation data could be had is at PAdES-BASELINE-T; its long-term update
 * is ordered at once (see {@link PaperOrders#longTermUpdate}).
 * Not one transaction, like single attachments: the pages may be large.
 */
@ApplicationScoped
public class DossierScans {

    /** The SCAN document's title, on its cover page and in the list. */
    static final String TITLE = "Bản scan thành phần hồ sơ";

    @Inject
    DossierDesk desk;

    @Inject
    DossierAttachments attachments;

    @Inject
    DossierDocuments documents;

    @Inject
    PaperOrders papers;

    @Inject
    Clock clock;

    /** One spooled page, in page order. */
    public record Page(Path file, String fileName, long size) {
    }

    /** What an upload came to; {@code created} is false when the Idempotency-Key named an earlier upload. */
    public record Received(List<Attachment> attachments, DossierDocument document, boolean created) {
    }

    /**
     * Stores the pages of one upload.
     *
     * @param idempotencyKey the desk's name for this upload; a retry with the same key answers the first
     *                       result and stores nothing twice
     * @throws UnsupportedAttachmentException a page is neither JPEG nor PDF; nothing is kept
     */
    public Received receive(DossierCode code, List<Page> pages, Optional<String> idempotencyKey, String officer) {
        Dossier dossier = desk.find(code);
        List<AttachmentType> types = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            types.add(type(pages.get(i), i + 1));
        }
        String source = "scan-" + idempotencyKey.map(DossierScans::uploadId).orElseGet(() -> UUID.randomUUID().toString());
        Optional<DossierDocument> earlier = documents.bySource(code, source);
        DossierDocument document = earlier.orElseGet(() -> documents.digitize(dossier, TITLE, source,
                pages.stream().map(Page::file).toList(), officer));
        // Sealed while no revocation data could be had: at B-T now, brought to B-LT later. Checked on a
        // retry too, so a crash between the listing and this order is mended by the desk's retry.
        if (!documents.longTerm(document)) {
            papers.longTermUpdate(document, OffsetDateTime.now(clock));
        }
        // A retry finds each page's row (one per dossier and SHA-256) and its blob (content-addressed).
        List<Attachment> stored = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            try (InputStream in = Files.newInputStream(page.file())) {
                stored.add(attachments.attach(code, types.get(i).mediaType(), page.fileName(), page.size(), in)
                        .attachment());
            } catch (IOException e) {
                throw new AttachmentStorageException("Không đọc lại được trang " + (i + 1) + " đã nhận",
                        "Cannot read back received page " + (i + 1), e);
            }
        }
        return new Received(stored, document, earlier.isEmpty());
    }

    private static AttachmentType type(Page page, int number) {
        byte[] head;
        try (InputStream in = Files.newInputStream(page.file())) {
            head = in.readNBytes(AttachmentType.MAGIC_LENGTH);
        } catch (IOException e) {
            throw new AttachmentStorageException("Không đọc lại được trang " + number + " đã nhận",
                    "Cannot read back received page " + number, e);
        }
        return AttachmentType.sniff(head).orElseThrow(() -> new UnsupportedAttachmentException(
                "Trang " + number + " (" + page.fileName() + ") không phải JPEG hay PDF; không trang nào được lưu",
                "Page " + number + " (" + page.fileName() + ") is neither a JPEG nor a PDF; no page was stored"));
    }

    /** A stable id from the desk's key: any characters in, a fixed-length name out. */
    static String uploadId(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
