package vn.lienthong.gateway.domain.dossier;

/** The citizen who files the dossier, and the channels they agreed to be notified on. */
public record Applicant(String fullName, CitizenId citizenId, String phone, String email, NoticeConsent consent) {

    public Applicant {
        consent = consent == null ? NoticeConsent.NONE : consent;
    }

    /** An applicant who gave no consent to notifications. */
    public Applicant(String fullName, CitizenId citizenId, String phone, String email) {
        this(fullName, citizenId, phone, email, NoticeConsent.NONE);
    }
}
