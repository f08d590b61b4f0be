package vn.lienthong.gateway.domain.dossier;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Filters for listing dossiers; null means "any". Dates are receipt dates in Vietnam, inclusive.
 * The scope is the caller's: an exact agency filter must fall inside it. {@code text} is what a desk
 * officer types in the search box: a dossier code (or its beginning), a citizen ID (all 12 digits),
 * or part of the applicant's name, any case.
 */
public record DossierQuery(AgencyScope scope,
                           DossierStatus status,
                           String procedureCode,
                           String agencyCode,
                           boolean overdueOnly,
                           LocalDate receivedFrom,
                           LocalDate receivedTo,
                           String text,
                           int page,
                           int size) {

    /** The longest search text accepted: longer than any name or code. */
    public static final int MAX_TEXT = 100;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    public DossierQuery {
        if (text != null) {
            // One form of each Vietnamese letter (a keyboard may send "ễ" as e + two combining marks).
            text = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
            if (text.isEmpty()) {
                text = null;
            } else if (text.length() > MAX_TEXT) {
                throw new InvalidDossierException("q", "Nội dung tìm kiếm tối đa " + MAX_TEXT + " ký tự",
                        "The search text may be at most " + MAX_TEXT + " characters");
            }
        }
    }

    /** Whether the search text is a whole citizen ID, which is matched exactly and nothing else. */
    public boolean textIsCitizenId() {
        return text != null && TWELVE_DIGITS.matcher(text).matches();
    }
}
