package vn.lienthong.gateway.domain.messagelog;

/**
 * A page of the log, newest first; null filters mean any.
 *
 * @param beforeId only records with a smaller id (the previous page's last id); null for the newest
 */
public record MessageLogQuery(String dossierCode, String agencyId, Long beforeId, int limit) {
}
