package vn.lienthong.gateway.infrastructure.paper;

import java.time.Instant;
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
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.procedure.Procedure;

/**
 * What is written on each paper of a dossier: an agency's result ({@link AgencyResultPapers}),
 * form 01 or form 06 ({@link DeskForms}), each in the same frame: the national motto, the issuing
 * agency, the title, the dossier code, the content, issue place and date, the two signature places
 * (officer, then agency) and a verification line.
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

    private Composed compose(String title, String agencyName, Dossier dossier, OffsetDateTime issuedAt,
                             List<TextBlock> content, String officerCaption, String agencyCaption, String formNumber) {
        OffsetDateTime at = vietnam(issuedAt);
        String code = dossier.code().value();
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
        blocks.add(new TextBlock.Centered("Mã hồ sơ: " + code, BODY));
        blocks.add(new TextBlock.Gap(10));
        blocks.addAll(content);
        blocks.add(new TextBlock.Gap(12));
        blocks.add(new TextBlock.Columns(List.of(officerCaption, "(Ký số)"), List.of(agencyCaption, "(Ký số của cơ quan)"),
                HEAD));
        blocks.add(new TextBlock.SignatureSpace(PaperPress.STAMP_HEIGHT + 8));
        blocks.add(new TextBlock.Gap(6));
        blocks.add(new TextBlock.Paragraph("Xác thực giấy tờ: mã hồ sơ " + code + ". Tra cứu hồ sơ: "
                + issuer.publicBaseUrl() + "/api/v1/public/dossiers/" + code + " (kèm ?phone= 4 số cuối điện thoại). "
                + "Kiểm tra chữ ký số: gửi tệp này tới " + issuer.publicBaseUrl() + "/api/v1/verify", 8.5f));
        return new Composed(title, new TextDocument(title, code, agencyName, Instant.from(issuedAt), blocks));
    }

    static OffsetDateTime vietnam(OffsetDateTime t) {
        return t.withOffsetSameInstant(WorkingCalendar.VIETNAM);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
