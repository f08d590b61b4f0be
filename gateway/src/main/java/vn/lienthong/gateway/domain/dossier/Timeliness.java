package vn.lienthong.gateway.domain.dossier;

/** How a completed dossier stands against its legal deadline: early (before the deadline's day), on time, late. */
public enum Timeliness {
    EARLY,
    ON_TIME,
    LATE
}
