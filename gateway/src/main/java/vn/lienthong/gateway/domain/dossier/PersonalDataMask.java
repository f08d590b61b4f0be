package vn.lienthong.gateway.domain.dossier;

import java.util.regex.Pattern;

/**
 * Hides citizen ID and phone numbers in free text before it is written to a log or shown as a
 * diagnostic (Decree 13/2023/NĐ-CP): the first four and the last two digits stay, every digit
 * between becomes {@code *}, so {@code 001190012345} reads {@code 0011******45} and
 * {@code 0912345678} reads {@code 0912****78}.
 *
 * <p>What counts, looking at each run of ASCII digits that has no digit right before or after it:
 * <ul>
 *   <li>exactly 12 digits: a personal identification number (CCCD), or {@code +84} and ten digits;</li>
 *   <li>10 or 11 digits starting with 0: a mobile or landline number as the API accepts it;</li>
 *   <li>11 digits starting with 84 right after a {@code +}: the same number in international form.</li>
 * </ul>
 * E-mail addresses keep the first letter of their local part and the domain:
 * {@code dieu@example.vn} reads {@code d***@example.vn}.
 * A run inside letters (an ID glued to a label) still counts. This deliberately masks a little
 * more than personal data (any 12-digit number): a log loses nothing it needs, and guessing wrong
 * the other way would leak. Epoch milliseconds (13 digits), epoch seconds (10 digits, not starting
 * with 0), ports, counts and the dossier code's groups are left alone.
 */
public final class PersonalDataMask {

    private static final Pattern EMAIL =
            Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");

    private static final int KEEP_FIRST = 4;
    private static final int KEEP_LAST = 2;

    private PersonalDataMask() {
    }

    /** Whether {@code text} holds anything {@link #mask} would change; allocates nothing. */
    public static boolean containsPersonalData(CharSequence text) {
        if (text == null) {
            return false;
        }
        if (containsEmail(text)) {
            return true;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int end = runEnd(text, i);
            if (isPersonal(text, i, end)) {
                return true;
            }
            i = end;
        }
        return false;
    }

    /** {@code text} with every citizen ID, phone number and e-mail address masked; the same instance when there is none. */
    public static String mask(String text) {
        if (!containsPersonalData(text)) {
            return text;
        }
        if (containsEmail(text)) {
            text = EMAIL.matcher(text).replaceAll("$1***@$2");
        }
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = runEnd(text, i);
            if (isPersonal(text, i, end)) {
                out.append(text, i, i + KEEP_FIRST);
                out.append("*".repeat(end - i - KEEP_FIRST - KEEP_LAST));
                out.append(text, end - KEEP_LAST, end);
            } else {
                out.append(text, i, end);
            }
            i = end;
        }
        return out.toString();
    }

    /** A cheap '@' test first: almost no log line has one. */
    private static boolean containsEmail(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '@') {
                return EMAIL.matcher(text).find();
            }
        }
        return false;
    }

    private static boolean isPersonal(CharSequence text, int start, int end) {
        int length = end - start;
        if (length == 12) {
            return true;
        }
        if ((length == 10 || length == 11) && text.charAt(start) == '0') {
            return true;
        }
        return length == 11 && start > 0 && text.charAt(start - 1) == '+'
                && text.charAt(start) == '8' && text.charAt(start + 1) == '4';
    }

    private static int runEnd(CharSequence text, int start) {
        int end = start;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
