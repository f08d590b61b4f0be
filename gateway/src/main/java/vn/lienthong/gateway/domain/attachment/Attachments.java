package vn.lienthong.gateway.domain.attachment;

import java.util.List;
import java.util.Optional;

import vn.lienthong.gateway.domain.dossier.DossierCode;

/** The register of dossiers' attachments (which blob belongs to which dossier, under which name). */
public interface Attachments {

    /** Records the attachment and answers it with its id. */
    Attachment add(Attachment attachment);

    /** The dossier's attachment with this content, if it was attached before. */
    Optional<Attachment> find(DossierCode code, String sha256);

    /** The dossier's attachments in the order they were attached. */
    List<Attachment> ofDossier(DossierCode code);
}
