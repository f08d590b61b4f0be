package vn.lienthong.gateway.application;

import java.time.OffsetDateTime;

/** A new appointment date with the apology's reason (form 04). */
public record ExtendDossier(OffsetDateTime newDueAt, String reason, String actor) {
}
