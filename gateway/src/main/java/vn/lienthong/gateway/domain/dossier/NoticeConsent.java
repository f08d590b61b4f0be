package vn.lienthong.gateway.domain.dossier;

/**
 * Which channels the citizen agreed to be told on about their dossier (opt-in): without a yes,
 * nothing is sent. Consent without the matching phone or e-mail address sends nothing either.
 */
public record NoticeConsent(boolean sms, boolean email) {

    public static final NoticeConsent NONE = new NoticeConsent(false, false);
}
