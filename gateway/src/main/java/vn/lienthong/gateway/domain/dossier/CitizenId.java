package vn.lienthong.gateway.domain.dossier;

import java.util.regex.Pattern;

/** A 12-digit personal identification number (số định danh cá nhân, as on the CCCD card). */
public record CitizenId(String value) {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    public CitizenId {
        if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
            throw new InvalidDossierException("citizenId",
                    "Số định danh cá nhân phải gồm đúng 12 chữ số",
                    "The personal identification number must be exactly 12 digits");
        }
    }

    /** The form shown outside the desk: the last four digits only. */
    public String masked() {
        return "********" + value.substring(8);
    }

    @Override
    public String toString() {
        return masked();
    }
}
