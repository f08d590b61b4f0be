package vn.lienthong.archive;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a digitized document is: written into the PDF's XMP and onto its cover page.
 *
 * @param title        human title with Vietnamese diacritics, e.g. "Giấy khai sinh"
 * @param documentType short machine type, e.g. "birth-certificate"
 */
public record DocumentMetadata(String dossierCode, String documentType, String title, String procedureCode,
                               String agencyCode, String operator, Instant digitizedAt) {
    private static final Pattern CODE = Pattern.compile("[\\p{Alnum}._\\-]{1,64}");

    public DocumentMetadata {
        Objects.requireNonNull(digitizedAt, "digitizedAt");
        require("dossier code", dossierCode, true);
        require("document type", documentType, true);
        require("procedure code", procedureCode, false);
        require("agency code", agencyCode, false);
        title = title == null || title.isBlank() ? documentType : title.strip();
        operator = operator == null ? "" : operator.strip();
        procedureCode = procedureCode == null ? "" : procedureCode;
        agencyCode = agencyCode == null ? "" : agencyCode;
    }

    private static void require(String what, String value, boolean mandatory) {
        if ((value == null || value.isEmpty()) && !mandatory) {
            return;
        }
        if (value == null || !CODE.matcher(value).matches()) {
            throw new BadInputException("Invalid " + what + " '" + value
                    + "': use 1-64 letters, digits, '.', '_' or '-' / Mã không hợp lệ");
        }
    }
}
