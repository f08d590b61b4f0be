package vn.lienthong.gateway.domain.notice;

/** How a citizen is told: SMS through the SMS gateway's HTTP API, or e-mail through SMTP. */
public enum NoticeChannel {
    SMS,
    EMAIL
}
