package vn.lienthong.gateway.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NoticeTextsTest {

    private static final String CODE = "H15.50.05.13-261008-0975";
    private static final String LONGEST_PROCEDURE = "Liên thông thủ tục hành chính: Đăng ký khai sinh, đăng ký "
            + "thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi";

    private static NoticeOccasion occasion(NoticeKind kind, String url) {
        return new NoticeOccasion(kind, CODE, LONGEST_PROCEDURE, "Nguyễn Thị Diệu",
                OffsetDateTime.parse("2026-10-15T16:30:00+07:00"), OffsetDateTime.parse("2026-10-08T10:00:00+07:00"),
                "Bổ sung bản sao CCCD 001190012345 của người đi khai", url);
    }

    @Test
    void diacriticsAreStrippedForSms() {
        assertEquals("Ho so da duoc tiep nhan. Dang ky khai sinh, cong dan DUONG",
                SmsText.plain("Hồ sơ đã được tiếp nhận. Đăng ký khai sinh, công dân ĐƯỜNG"));
        assertEquals("Xin loi ong/ba: ngay hen moi 15/10/2026", SmsText.plain("Xin lỗi ông/bà: ngày hẹn mới 15/10/2026"));
        assertEquals("a?b", SmsText.plain("a€b"), "what GSM-7 cannot carry is replaced, not sent as UCS-2");
    }

    @Test
    void segmentsCountGsmSeptets() {
        assertEquals(1, SmsText.segments("x".repeat(160)));
        assertEquals(2, SmsText.segments("x".repeat(161)));
        assertEquals(2, SmsText.segments("x".repeat(306)));
        assertEquals(3, SmsText.segments("x".repeat(307)));
        assertEquals(2, SmsText.segments("[".repeat(80) + "x"), "extension characters take two septets");
    }

    @ParameterizedTest
    @EnumSource(NoticeKind.class)
    void everySmsIsPlainGsmInAtMostTwoSegmentsWithCodeAndLookUp(NoticeKind kind) {
        String url = "https://dichvucong.quangninh.gov.vn/tra-cuu?ma=" + CODE;
        String sms = NoticeTexts.sms(occasion(kind, url));
        assertTrue(sms.chars().allMatch(c -> c >= 32 && c < 127), sms);
        assertTrue(SmsText.segments(sms) <= 2, sms.length() + ": " + sms);
        assertTrue(sms.contains(CODE) && sms.endsWith(url), sms);
        assertFalse(sms.contains("001190012345"), sms);
    }

    @Test
    void anUnusuallyLongLookUpUrlKeepsTheSmsInTwoSegmentsAndTheUrlWhole() {
        String url = "https://" + "a".repeat(200) + ".gov.vn/tra-cuu?ma=" + CODE;
        String sms = NoticeTexts.sms(occasion(NoticeKind.RESCHEDULED, url));
        assertTrue(SmsText.segments(sms) <= 2, sms);
        assertTrue(sms.endsWith(" " + url) && sms.startsWith("Xin loi"), sms);
    }

    @Test
    void theReceiptSmsReadsAsWritten() {
        assertEquals("Ho so " + CODE + " da duoc tiep nhan. Hen tra ket qua ngay 15/10/2026. Tra cuu: http://x/"
                + CODE, NoticeTexts.sms(occasion(NoticeKind.RECEIVED, "http://x/" + CODE)));
    }

    @Test
    void emailsKeepTheirDiacriticsAndMaskNumbersInTheOfficersNote() {
        NoticeText mail = NoticeTexts.email(occasion(NoticeKind.RESCHEDULED, "http://x/" + CODE));
        assertEquals("Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ " + CODE, mail.subject());
        assertTrue(mail.body().startsWith("Kính gửi ông/bà Nguyễn Thị Diệu,"), mail.body());
        assertTrue(mail.body().contains("chưa giải quyết xong theo ngày hẹn 08/10/2026"), mail.body());
        assertTrue(mail.body().contains("Ngày hẹn trả kết quả mới: 15/10/2026."), mail.body());
        assertTrue(mail.body().contains("Bổ sung bản sao CCCD 0011******45"), mail.body());
        assertTrue(mail.body().contains("http://x/" + CODE), mail.body());
        assertFalse(mail.body().contains("001190012345"), "no citizen ID in any message");
    }

    @ParameterizedTest
    @EnumSource(NoticeKind.class)
    void everyEmailHasASubjectTheCodeAndTheProcedure(NoticeKind kind) {
        NoticeText mail = NoticeTexts.email(occasion(kind, "http://x/" + CODE));
        assertTrue(mail.subject().contains(CODE), mail.subject());
        assertTrue(mail.body().contains(LONGEST_PROCEDURE) && mail.body().contains("Tra cứu"), mail.body());
        assertFalse(mail.body().contains("{"), "every placeholder filled: " + mail.body());
    }

    @Test
    void theResultEmailLinksToTheRatingFormAndNoOtherDoes() {
        String url = "https://dichvucong.tinh.gov.vn/tra-cuu?ma=" + CODE;
        assertTrue(NoticeTexts.email(occasion(NoticeKind.COMPLETED, url)).body().contains(url + "#danh-gia"));
        assertFalse(NoticeTexts.email(occasion(NoticeKind.RECEIVED, url)).body().contains("#danh-gia"));
    }
}
