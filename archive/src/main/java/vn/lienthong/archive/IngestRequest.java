package vn.lienthong.archive;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One document to archive: its pages in order, what it is, and how long to keep it.
 *
 * @param citizenId  stored only as a salted hash, for search
 * @param retainUntil empty means the archive's default retention
 * @param actor      who asks (officer or system), for the ledger
 */
public record IngestRequest(List<Path> pages, DocumentMetadata metadata, Optional<String> citizenId,
                            Optional<LocalDate> retainUntil, PdfAPart pdfaPart, String actor) {
    public IngestRequest {
        pages = List.copyOf(pages);
        Objects.requireNonNull(metadata, "metadata");
        citizenId = Objects.requireNonNullElse(citizenId, Optional.empty());
        retainUntil = Objects.requireNonNullElse(retainUntil, Optional.empty());
        pdfaPart = Objects.requireNonNullElse(pdfaPart, PdfAPart.A2B);
        actor = actor == null || actor.isBlank() ? metadata.operator() : actor;
    }

    public static IngestRequest of(List<Path> pages, DocumentMetadata metadata) {
        return new IngestRequest(pages, metadata, Optional.empty(), Optional.empty(), PdfAPart.A2B,
                metadata.operator());
    }

    public IngestRequest withCitizenId(String id) {
        return new IngestRequest(pages, metadata, Optional.of(id), retainUntil, pdfaPart, actor);
    }

    public IngestRequest retainUntil(LocalDate day) {
        return new IngestRequest(pages, metadata, citizenId, Optional.of(day), pdfaPart, actor);
    }

    public IngestRequest as(PdfAPart part) {
        return new IngestRequest(pages, metadata, citizenId, retainUntil, part, actor);
    }
}
