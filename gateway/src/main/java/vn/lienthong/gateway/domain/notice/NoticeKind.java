package vn.lienthong.gateway.domain.notice;

/** The moments the citizen is told about: the status changes they can see, and a new appointment date. */
public enum NoticeKind {
    RECEIVED,
    SUPPLEMENT_REQUESTED,
    COMPLETED,
    REJECTED,
    RESCHEDULED
}
