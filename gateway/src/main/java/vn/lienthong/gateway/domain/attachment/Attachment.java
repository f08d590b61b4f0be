package vn.lienthong.gateway.domain.attachment;

import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * A scanned document attached to a dossier (thành phần hồ sơ). The bytes live once in the blob
 * store under their SHA-256; this is the claim check that names them.
 *
 * @param contentType what the first bytes say the file is, not what its name or the client claims
 * @param fileName    the desk's name for it, for people; never used to find or type the bytes
 */
public record Attachment(long id,
                         DossierCode dossierCode,
                         String sha256,
                         long size,
                         String contentType,
                         String fileName,
                         OffsetDateTime createdAt) {
}
