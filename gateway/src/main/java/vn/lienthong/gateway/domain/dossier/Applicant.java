package vn.lienthong.gateway.domain.dossier;

/** The citizen who files the dossier. */
public record Applicant(String fullName, CitizenId citizenId, String phone, String email) {
}
