package vn.lienthong.gateway.domain.dossier;

import java.time.OffsetDateTime;

/**
 * A dossier settled with a result, as the statistics see it: its group, unit, procedure, when it was
 * settled and whether it was settled on the spot ("4 tại chỗ").
 */
public record Settlement(String key, String agencyCode, String procedureCode, OffsetDateTime finishedAt,
                         boolean onTheSpot) {
}
