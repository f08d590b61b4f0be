package vn.lienthong.gateway.domain.dossier;

/** What the statistics are grouped by. */
public enum StatisticsGrouping {
    AGENCY,
    PROCEDURE,
    OFFICER
}
