package vn.lienthong.gateway.domain.document;

import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * One archived document of a dossier.
 *
 * @param id        stable public id, used in {@code /dossiers/{code}/documents/{id}}
 * @param source    what it was made from, unique per dossier (e.g. the agency message id of a result,
 *                  "form-01", or the upload's request id); depositing the same source twice is a no-op
 * @param archiveId the record id in the archive module
 */
public record DossierDocument(String id, DossierCode dossierCode, DocumentKind kind, String title, String contentType,
                              String sha256, long size, String source, String archiveId, OffsetDateTime createdAt) {
}
