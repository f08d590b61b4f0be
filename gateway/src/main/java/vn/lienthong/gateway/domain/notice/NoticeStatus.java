package vn.lienthong.gateway.domain.notice;

/**
 * Where a notice stands in the outbox: waiting (PENDING), claimed by a sender (IN_FLIGHT), SENT,
 * refused for good by the provider (FAILED), or out of attempts after transient failures (DEAD).
 */
public enum NoticeStatus {
    PENDING,
    IN_FLIGHT,
    SENT,
    FAILED,
    DEAD
}
