package vn.lienthong.gateway.domain.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A dossier code (mã hồ sơ): {@code {agency code}-{yymmdd}-{sequence of that agency on that day}},
 * e.g. {@code H15.50.05.13-261008-0975}. The sequence has at least four digits.
 */
public record DossierCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9.]{1,40}-\\d{6}-\\d{4,7}");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    public DossierCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidDossierException("code",
                    "Mã hồ sơ phải có dạng {mã cơ quan}-{yymmdd}-{số thứ tự}, ví dụ 000.00.00.H30-261008-0975",
                    "A dossier code looks like {agency code}-{yymmdd}-{sequence}, e.g. 000.00.00.H30-261008-0975");
        }
    }

    public static DossierCode of(String agencyCode, LocalDate receivedOn, int sequence) {
        if (sequence < 1 || sequence > 9_999_999) {
            throw new IllegalArgumentException("Daily sequence out of range: " + sequence);
        }
        return new DossierCode(agencyCode + "-" + receivedOn.format(YYMMDD) + "-" + String.format("%04d", sequence));
    }

    public int sequence() {
        return Integer.parseInt(value.substring(value.lastIndexOf('-') + 1));
    }

    public String agencyCode() {
        return value.substring(0, value.length() - sequencePartLength() - 8);
    }

    private int sequencePartLength() {
        return value.length() - value.lastIndexOf('-') - 1;
    }

    @Override
    public String toString() {
        return value;
    }
}
