package vn.lienthong.gateway.domain.notice;

/** A message ready to send: subject (e-mail only, null for SMS) and body. */
public record NoticeText(String subject, String body) {
}
