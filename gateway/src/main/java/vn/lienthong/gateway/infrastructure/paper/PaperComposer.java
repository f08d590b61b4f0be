package vn.lienthong.gateway.infrastructure.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import vn.lienthong.archive.pdf.TextBlock;
import vn.lienthong.archive.pdf.TextDocument;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierRegister;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.paper.DeskDecision;
import vn.lienthong.gateway.domain.procedure.Procedure;

/**
 * What is written on each paper of a dossier: an agency's result ({@link AgencyResultPapers}),
 * forms 01 to 06 ({@link DeskForms}), each in the same frame: the national motto, the issuing
 * agency, the title, the dossier code, the content, issue place and date, the two signature places
 * (officer, then agency) and a verification line. The dossier register (form 07) has the same
 * frame with the period for the code and the agency's signature alone.
 */
public final class PaperComposer {

    static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO_2 = "Độc lập - Tự do - Hạnh phúc";
    private static final float HEAD = 10.5f;
    static final float BODY = 11f;

    /**
     * Where papers are issued and looked up.
     *
     * @param place         the locality written before the date ("Hà Nội, ngày …")
     * @param publicBaseUrl the gateway's public address, for the verification line
     */
    public record Issuer(String place, String publicBaseUrl) {
        public Issuer {
            publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                    : publicBaseUrl;
        }
    }

    /** A composed paper: the title it is listed under, and its content. */
    public record Composed(String title, TextDocument document) {
    }

    private final Issuer issuer;

    public PaperComposer(Issuer issuer) {
        this.issuer = issuer;
    }

    /** The paper of one agency result, chosen by the message's operation. */
    public Composed result(Dossier dossier, AgencyMessage message, String agencyName, OffsetDateTime issuedAt) {
        AgencyResultPapers.Content content = AgencyResultPapers.content(dossier, message);
        return compose(content.title(), agencyName, dossier, issuedAt, content.fields(), "CÁN BỘ XỬ LÝ",
                agencyName.toUpperCase(Locale.ROOT), null);
    }

    /** Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
    public Composed form01(Dossier dossier, Optional<Procedure> procedure, String deskName, OffsetDateTime issuedAt) {
        return compose("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", deskName, dossier, issuedAt,
                DeskForms.form01(dossier, procedure, deskName), "NGƯỜI TIẾP NHẬN", deskName.toUpperCase(Locale.ROOT),
                "Mẫu số 01");
    }

    /** Form 06: Phiếu kiểm soát quá trình giải quyết hồ sơ, one row per hand-over or agency step. */
    public Composed form06(Dossier dossier, List<DossierEvent> history, Optional<Procedure> procedure, String deskName,
                           OffsetDateTime issuedAt) {
        return compose("Phiếu kiểm soát quá trình giải quyết hồ sơ", deskName, dossier, issuedAt,
                DeskForms.form06(dossier, history, procedure), "NGƯỜI LẬP PHIẾU", deskName.toUpperCase(Locale.ROOT),
                "Mẫu số 06");
    }

    /** Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
    public Composed form02(Dossier dossier, Optional<Procedure> procedure, String deskName, DeskDecision decision) {
        return compose("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", deskName, dossier, decision.at(),
                DeskForms.form02(dossier, procedure, deskName, decision), "NGƯỜI YÊU CẦU BỔ SUNG",
                deskName.toUpperCase(Locale.ROOT), "Mẫu số 02");
    }

    /** Form 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
    public Composed form03(Dossier dossier, Optional<Procedure> procedure, String deskName, DeskDecision decision) {
        return compose("Phiếu từ chối tiếp nhận giải quyết hồ sơ", deskName, dossier, decision.at(),
                DeskForms.form03(dossier, procedure, deskName, decision), "NGƯỜI TỪ CHỐI",
                deskName.toUpperCase(Locale.ROOT), "Mẫu số 03");
    }

    /** Form 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
    public Composed form04(Dossier dossier, Optional<Procedure> procedure, String deskName, DeskDecision decision) {
        return compose("Phiếu xin lỗi và hẹn lại ngày trả kết quả", deskName, dossier, decision.at(),
                DeskForms.form04(dossier, procedure, deskName, decision), "NGƯỜI LẬP PHIẾU",
                deskName.toUpperCase(Locale.ROOT), "Mẫu số 04");
    }

    /** Form 05: Thông báo dừng giải quyết hồ sơ. */
    public Composed form05(Dossier dossier, Optional<Procedure> procedure, String deskName, DeskDecision decision) {
        return compose("Thông báo dừng giải quyết hồ sơ", deskName, dossier, decision.at(),
                DeskForms.form05(dossier, procedure, deskName, decision), "NGƯỜI THÔNG BÁO",
                deskName.toUpperCase(Locale.ROOT), "Mẫu số 05");
    }

    /** Form 07: Sổ theo dõi hồ sơ of one receiving unit for a period; sealed by the agency alone. */
    public Composed form07(DossierRegister register) {
        String number = register.agencyCode() + "/" + register.from() + "/" + register.to();
        return frame("Sổ theo dõi hồ sơ", register.agencyName(), number, "Từ ngày " + day(register.from())
                        + " đến ngày " + day(register.to()), register.madeAt(), DeskForms.form07(register),
                List.of(), register.agencyName().toUpperCase(Locale.ROOT), "Mẫu số 07",
                "Kiểm tra chữ ký số: gửi tệp này tới " + issuer.publicBaseUrl() + "/api/v1/verify");
    }

    private Composed compose(String title, String agencyName, Dossier dossier, OffsetDateTime issuedAt,
                             List<TextBlock> content, String officerCaption, String agencyCaption, String formNumber) {
        String code = dossier.code().value();
        return frame(title, agencyName, code, "Mã hồ sơ: " + code, issuedAt, content,
                List.of(officerCaption, "(Ký số)"), agencyCaption, formNumber,
                "Xác thực giấy tờ: mã hồ sơ " + code + ". Tra cứu hồ sơ: " + issuer.publicBaseUrl()
                        + "/api/v1/public/dossiers/" + code + " (kèm ?phone= 4 số cuối điện thoại). "
                        + "Kiểm tra chữ ký số: gửi tệp này tới " + issuer.publicBaseUrl() + "/api/v1/verify");
    }

    /** The frame every paper shares; {@code officerCaption} empty when only the agency signs. */
    private Composed frame(String title, String agencyName, String code, String subtitle, OffsetDateTime issuedAt,
                           List<TextBlock> content, List<String> officerCaption, String agencyCaption,
                           String formNumber, String verification) {
        OffsetDateTime at = vietnam(issuedAt);
        List<TextBlock> blocks = new ArrayList<>();
        if (formNumber != null) {
            blocks.add(new TextBlock.Columns(List.of(), List.of(formNumber), 9));
        }
        blocks.add(new TextBlock.Columns(List.of(agencyName.toUpperCase(Locale.ROOT), "———", "Số: " + code),
                List.of(MOTTO, MOTTO_2, "———"), HEAD));
        blocks.add(new TextBlock.Columns(List.of(), List.of(issuer.place() + ", ngày " + two(at.getDayOfMonth())
                + " tháng " + two(at.getMonthValue()) + " năm " + at.getYear()), HEAD));
        blocks.add(new TextBlock.Gap(10));
        blocks.add(new TextBlock.Centered(title.toUpperCase(Locale.ROOT), 15));
        blocks.add(new TextBlock.Centered(subtitle, BODY));
        blocks.add(new TextBlock.Gap(10));
        blocks.addAll(content);
        blocks.add(new TextBlock.Gap(12));
        blocks.add(new TextBlock.Columns(officerCaption, List.of(agencyCaption, "(Ký số của cơ quan)"), HEAD));
        blocks.add(new TextBlock.SignatureSpace(PaperPress.STAMP_HEIGHT + 8));
        blocks.add(new TextBlock.Gap(6));
        blocks.add(new TextBlock.Paragraph(verification, 8.5f));
        return new Composed(title, new TextDocument(title, code, agencyName, Instant.from(issuedAt), blocks));
    }

    static OffsetDateTime vietnam(OffsetDateTime t) {
        return t.withOffsetSameInstant(WorkingCalendar.VIETNAM);
    }

    private static String day(LocalDate d) {
        return two(d.getDayOfMonth()) + "/" + two(d.getMonthValue()) + "/" + d.getYear();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
