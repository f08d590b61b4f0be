package vn.lienthong.gateway.domain.rating;

/** Where a citizen's comment stands: only the leader sees it until it is approved. */
public enum Moderation {
    PENDING,
    APPROVED,
    REJECTED
}
