package vn.lienthong.gateway.domain.notice;

import java.text.Normalizer;

/**
 * Vietnamese SMS without diacritics, as brandname SMS is commonly sent: plain text fits the GSM-7
 * alphabet at 160 characters a segment (153 when concatenated), while one accented letter would
 * switch the whole message to UCS-2 at 70 (67) a segment.
 */
public final class SmsText {

    /** GSM 03.38 extension characters: each takes two septets. */
    private static final String EXTENSION = "^{}\\[~]|";

    private SmsText() {
    }

    /** {@code text} with its diacritics removed ("Hồ sơ đã tiếp nhận" → "Ho so da tiep nhan"); other non-GSM characters become '?'. */
    public static String plain(String text) {
        String stripped = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            out.append(c == '\n' || (c >= ' ' && c < 0x7f && c != '`') ? c : '?');
        }
        return out.toString();
    }

    /** Septets the text takes in GSM-7; only meaningful for text returned by {@link #plain}. */
    public static int septets(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return n;
    }

    /** How many SMS segments the GSM-7 text is billed as. */
    public static int segments(String text) {
        int septets = septets(text);
        return septets <= 160 ? 1 : (septets + 152) / 153;
    }
}
