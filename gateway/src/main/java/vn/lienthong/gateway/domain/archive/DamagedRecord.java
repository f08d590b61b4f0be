package vn.lienthong.gateway.domain.archive;

/**
 * An archived document that a fixity audit found not intact, or intact but signed by a signer the
 * trust anchors do not accept.
 *
 * @param outcome MISSING, CORRUPTED, SIGNATURE_INVALID or UNTRUSTED
 */
public record DamagedRecord(String recordId, String dossierCode, String documentType, String outcome, String detail) {
}
