package vn.lienthong.gateway.domain.archive;

/**
 * An archived document that a fixity audit found not intact.
 *
 * @param outcome MISSING, CORRUPTED or SIGNATURE_INVALID
 */
public record DamagedRecord(String recordId, String dossierCode, String documentType, String outcome, String detail) {
}
