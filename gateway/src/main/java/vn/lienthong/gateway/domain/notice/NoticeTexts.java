package vn.lienthong.gateway.domain.notice;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

import vn.lienthong.gateway.domain.dossier.PersonalDataMask;

/**
 * Every text the gateway sends to citizens, in one place. E-mails are Vietnamese with full
 * diacritics; SMS texts are written with diacritics here too and sent without them
 * ({@link SmsText#plain}), short enough for at most two GSM-7 segments. Placeholders:
 * {code} dossier code, {procedure} procedure name, {name} the citizen's name, {due} the
 * appointment date, {previousDue} the one before a rescheduling, {note} the officer's reason
 * (personal numbers masked), {url} the public look-up ({url}#danh-gia: its rating form, in the
 * result notice). No message ever holds the citizen ID.
 */
public final class NoticeTexts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    /** Two GSM-7 segments; a longer SMS is cut at a word and ends with the look-up URL kept whole. */
    static final int SMS_MAX_SEPTETS = 306;

    private static final String GREETING = "Kính gửi ông/bà {name},\n\n";
    private static final String FOOTER = "\n\nTra cứu tình trạng hồ sơ (nhập 4 số cuối điện thoại đã khai): {url}\n\n"
            + "Đây là thư tự động của Bộ phận Một cửa, xin ông/bà vui lòng không trả lời thư này.";

    private static final Map<NoticeKind, String> SUBJECTS = new EnumMap<>(Map.of(
            NoticeKind.RECEIVED, "Hồ sơ {code} đã được tiếp nhận",
            NoticeKind.SUPPLEMENT_REQUESTED, "Hồ sơ {code} cần bổ sung, hoàn thiện",
            NoticeKind.COMPLETED, "Hồ sơ {code} đã có kết quả",
            NoticeKind.PARTIALLY_COMPLETED, "Hồ sơ {code} đã có kết quả một phần",
            NoticeKind.REJECTED, "Hồ sơ {code} không được giải quyết",
            NoticeKind.RESCHEDULED, "Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {code}",
            NoticeKind.STOPPED, "Hồ sơ {code} dừng giải quyết"));

    private static final Map<NoticeKind, String> EMAILS = new EnumMap<>(Map.of(
            NoticeKind.RECEIVED, "Hồ sơ {code} về thủ tục \"{procedure}\" đã được tiếp nhận.\n"
                    + "Trạng thái: Đã tiếp nhận.\nNgày hẹn trả kết quả: {due}.",
            NoticeKind.SUPPLEMENT_REQUESTED, "Hồ sơ {code} về thủ tục \"{procedure}\" cần được bổ sung, hoàn thiện.\n"
                    + "Trạng thái: Yêu cầu bổ sung hồ sơ.\nNội dung cần bổ sung: {note}\n"
                    + "Thời hạn giải quyết tạm dừng cho đến khi ông/bà nộp đủ hồ sơ bổ sung.",
            NoticeKind.COMPLETED, "Hồ sơ {code} về thủ tục \"{procedure}\" đã được giải quyết xong.\n"
                    + "Trạng thái: Đã hoàn thành.\nMời ông/bà đến nhận kết quả theo giấy tiếp nhận và hẹn trả kết quả "
                    + "(ngày hẹn {due}).\nMời ông/bà đánh giá chất lượng phục vụ (một lần, không cần đăng nhập): "
                    + "{url}#danh-gia",
            NoticeKind.PARTIALLY_COMPLETED, "Hồ sơ {code} về thủ tục \"{procedure}\" đã được giải quyết một phần: "
                    + "có kết quả của các cơ quan đã giải quyết xong.\nTrạng thái: Hoàn thành một phần.\nLý do: {note}\n"
                    + "Mời ông/bà đến nhận kết quả theo giấy tiếp nhận và hẹn trả kết quả.",
            NoticeKind.REJECTED, "Hồ sơ {code} về thủ tục \"{procedure}\" không được giải quyết.\n"
                    + "Trạng thái: Bị từ chối.\nLý do: {note}",
            NoticeKind.RESCHEDULED, "Cơ quan giải quyết chân thành xin lỗi ông/bà: hồ sơ {code} về thủ tục "
                    + "\"{procedure}\" chưa giải quyết xong theo ngày hẹn {previousDue}.\nLý do: {note}\n"
                    + "Ngày hẹn trả kết quả mới: {due}.\nMong ông/bà thông cảm.",
            NoticeKind.STOPPED, "Hồ sơ {code} về thủ tục \"{procedure}\" dừng giải quyết.\n"
                    + "Trạng thái: Dừng giải quyết.\nLý do: {note}\n"
                    + "Thông báo dừng giải quyết hồ sơ (mẫu 05) có tại Bộ phận Một cửa."));

    private static final Map<NoticeKind, String> SMS = new EnumMap<>(Map.of(
            NoticeKind.RECEIVED, "Hồ sơ {code} đã được tiếp nhận. Hẹn trả kết quả ngày {due}. Tra cứu: {url}",
            NoticeKind.SUPPLEMENT_REQUESTED, "Hồ sơ {code} cần bổ sung. Xem thư điện tử hoặc liên hệ Bộ phận "
                    + "Một cửa. Tra cứu: {url}",
            NoticeKind.COMPLETED, "Hồ sơ {code} đã có kết quả. Mời ông/bà đến nhận theo giấy hẹn. Tra cứu: {url}",
            NoticeKind.PARTIALLY_COMPLETED, "Hồ sơ {code} đã có kết quả một phần. Mời ông/bà đến nhận theo giấy "
                    + "hẹn. Tra cứu: {url}",
            NoticeKind.REJECTED, "Hồ sơ {code} không được giải quyết. Lý do xem tại Bộ phận Một cửa. Tra cứu: {url}",
            NoticeKind.RESCHEDULED, "Xin lỗi ông/bà: hồ sơ {code} chậm trả kết quả. Hẹn trả mới ngày {due}. "
                    + "Tra cứu: {url}",
            NoticeKind.STOPPED, "Hồ sơ {code} dừng giải quyết. Lý do xem tại Bộ phận Một cửa. Tra cứu: {url}"));

    private NoticeTexts() {
    }

    public static NoticeText email(NoticeOccasion o) {
        return new NoticeText(fill(SUBJECTS.get(o.kind()), o), fill(GREETING + EMAILS.get(o.kind()) + FOOTER, o));
    }

    /** The SMS body, already without diacritics. */
    public static String sms(NoticeOccasion o) {
        String text = SmsText.plain(fill(SMS.get(o.kind()), o));
        if (SmsText.septets(text) <= SMS_MAX_SEPTETS) {
            return text;
        }
        // Only an unusually long base URL gets here: keep the URL whole, cut the words before it.
        String url = " " + SmsText.plain(o.lookupUrl());
        String head = text.substring(0, text.lastIndexOf(url.trim())).trim();
        int room = Math.max(0, SMS_MAX_SEPTETS - SmsText.septets(url) - 3);
        return (head.length() > room ? head.substring(0, room) + "..." : head) + url;
    }

    private static String fill(String template, NoticeOccasion o) {
        return template
                .replace("{code}", o.dossierCode())
                .replace("{procedure}", orDash(o.procedureName()))
                .replace("{name}", orDash(o.citizenName()))
                .replace("{due}", day(o.dueAt()))
                .replace("{previousDue}", day(o.previousDueAt()))
                .replace("{note}", o.note() == null || o.note().isBlank() ? "-" : PersonalDataMask.mask(o.note().trim()))
                .replace("{url}", o.lookupUrl());
    }

    private static String day(OffsetDateTime t) {
        return t == null ? "-" : t.withOffsetSameInstant(VIETNAM).format(DAY);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
