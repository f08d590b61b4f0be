package vn.lienthong.gateway.domain.document;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * The documents of each dossier, kept in the archive (signed PDF/A, tamper-evident ledger) and
 * listed per dossier.
 */
public interface DossierDocuments {

    /**
     * Archives an already signed PDF as it is (no rebuilding, no re-signing: its signatures must stay
     * valid) and lists it under the dossier. Idempotent per (dossier, source): a second deposit of the
     * same source answers the first document and stores nothing.
     */
    DossierDocument deposit(DossierCode code, DocumentKind kind, String title, String source, Path signedPdf,
                            String actor);

    /**
     * As {@link #deposit(DossierCode, DocumentKind, String, String, Path, String)}, for a paper signed in
     * this process a moment ago: what its signer states about it stands in for checking its signatures
     * again, once the stored bytes hash to the stated SHA-256; other bytes are refused.
     */
    default DossierDocument deposit(DossierCode code, DocumentKind kind, String title, String source, Path signedPdf,
                                    SignedPaper signed, String actor) {
        return deposit(code, kind, title, source, signedPdf, actor);
    }

    /**
     * Archives {@code revisedPdf}, the document's PDF with revisions after its last signature that only
     * add validation data (a paper issued at PAdES-BASELINE-T, brought to -LT later), as the next
     * version of the document's archive record, and lists it in the document's place: same id, source,
     * title and archive record, the new bytes. The earlier version is kept. The same bytes again change
     * nothing.
     *
     * @throws DocumentRefusedException the archive does not accept the revised PDF (it must start with the
     *                                  archived bytes); the document stays as it was
     */
    DossierDocument revise(DossierDocument document, Path revisedPdf, String actor);

    /**
     * The archive wrote a newer version of record {@code archiveId} (its LTA step, a renewal): the
     * document listed with it now has these bytes.
     */
    // A default, so registers that keep no digests (test fakes) need not implement it.
    default void follow(String archiveId, String sha256, long size) {
    }

    /**
     * Builds one signed PDF/A of scanned pages (JPEG or PDF, in page order) with the dossier's metadata
     * (code, procedure, agency, officer, the citizen ID as the archive's salted hash) and lists it as a
     * {@link DocumentKind#SCAN}. Idempotent per (dossier, source) like {@link #deposit}.
     *
     * @throws DocumentRefusedException a page cannot be archived; nothing is kept
     */
    // A default, so registers that only list deposits (test fakes) need not implement it.
    default DossierDocument digitize(Dossier dossier, String title, String source, List<Path> pages, String actor) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not digitize scans");
    }

    /**
     * Whether the document's signatures carry their validation data (PAdES-BASELINE-LT or later). A
     * scan sealed while no revocation data could be had does not, until its long-term update.
     */
    // A default, so registers that only list deposits (test fakes) need not implement it.
    default boolean longTerm(DossierDocument document) {
        return true;
    }

    /** Whether a document made from {@code source} already exists for the dossier. */
    Optional<DossierDocument> bySource(DossierCode code, String source);

    List<DossierDocument> ofDossier(DossierCode code);

    Optional<DossierDocument> find(DossierCode code, String id);

    /** Opens the archived bytes for reading (the archive records the read in its ledger). */
    InputStream open(DossierDocument document, String actor);
}
