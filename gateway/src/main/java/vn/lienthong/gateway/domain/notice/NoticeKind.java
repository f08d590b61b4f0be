package vn.lienthong.gateway.domain.notice;

/** The moments the citizen is told about: the status changes they can see, and a new appointment date. */
public enum NoticeKind {
    RECEIVED,
    SUPPLEMENT_REQUESTED,
    COMPLETED,
    /** A liên thông dossier closed with the results of the agencies that succeeded. */
    PARTIALLY_COMPLETED,
    REJECTED,
    RESCHEDULED,
    /** The settlement was stopped (form 05). */
    STOPPED
}
