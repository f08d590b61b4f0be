package vn.lienthong.gateway.domain.dossier;

import java.time.OffsetDateTime;

/** A dossier settled with a result, as the statistics see it: its group, unit, procedure and when it was settled. */
public record Settlement(String key, String agencyCode, String procedureCode, OffsetDateTime finishedAt) {
}
