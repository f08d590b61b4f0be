package vn.lienthong.gateway.infrastructure.paper;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.lienthong.archive.pdf.TextBlock;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.PersonalDataMask;
import vn.lienthong.gateway.domain.procedure.Procedure;

/**
 * What the one-stop desk's own forms say: form 01 (receipt and appointment slip) and form 06
 * (tracking sheet). Neither ever shows a citizen ID or phone number in full.
 */
final class DeskForms {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private DeskForms() {
    }

    /** Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
    static List<TextBlock> form01(Dossier dossier, Optional<Procedure> procedure, String deskName) {
        PaperFields fields = new PaperFields();
        fields.add(new TextBlock.Paragraph(deskName + " tiếp nhận hồ sơ của:", PaperComposer.BODY));
        fields.field("Ông/Bà", Optional.of(dossier.applicant().fullName()));
        fields.field("Số định danh cá nhân", Optional.of(dossier.applicant().citizenId().masked()));
        fields.field("Số điện thoại", Optional.ofNullable(dossier.applicant().phone()).map(PersonalDataMask::mask));
        fields.field("Nội dung yêu cầu giải quyết", Optional.of(procedure.map(Procedure::name)
                .orElse("Thủ tục " + dossier.procedureCode())));
        fields.field("Mã thủ tục", Optional.of(dossier.procedureCode()));
        fields.field("Hình thức nộp", Optional.of(switch (dossier.channel()) {
            case COUNTER -> "Trực tiếp tại Bộ phận một cửa";
            case ONLINE -> "Trực tuyến qua Cổng dịch vụ công";
        }));
        List<String> documents = procedure.map(Procedure::requiredDocuments).orElse(List.of());
        if (!documents.isEmpty()) {
            fields.add(new TextBlock.Gap(4));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                rows.add(List.of(String.valueOf(i + 1), PersonalDataMask.mask(documents.get(i)), "1"));
            }
            fields.add(new TextBlock.Table(List.of(1f, 12f, 2f), List.of("TT", "Thành phần hồ sơ", "Số lượng"), rows));
            fields.add(new TextBlock.Gap(4));
        }
        fields.field("Thời gian nhận hồ sơ", Optional.of(time(dossier.receivedAt())));
        fields.field("Thời gian trả kết quả", Optional.of(time(dossier.dueAt())));
        fields.field("Nơi trả kết quả", Optional.of("Bộ phận một cửa, " + deskName));
        fields.field("Người tiếp nhận", Optional.of(dossier.receivedBy()));
        fields.add(new TextBlock.Paragraph("Vào Sổ theo dõi hồ sơ, quyển số 01/" + dossier.receivedAt().getYear()
                + ", số thứ tự " + dossier.code().sequence() + ".", PaperComposer.BODY));
        return fields.blocks();
    }

    /** Form 06: Phiếu kiểm soát quá trình giải quyết hồ sơ, one row per hand-over or agency step. */
    static List<TextBlock> form06(Dossier dossier, List<DossierEvent> history, Optional<Procedure> procedure) {
        PaperFields fields = new PaperFields();
        fields.field("Người nộp hồ sơ", Optional.of(dossier.applicant().fullName()));
        fields.field("Thủ tục", Optional.of(procedure.map(Procedure::name).orElse(dossier.procedureCode())));
        fields.field("Ngày nhận", Optional.of(time(dossier.receivedAt())));
        fields.field("Ngày hẹn trả", Optional.of(time(dossier.dueAt())));
        if (dossier.timeliness() != null) {
            fields.field("Kết quả giải quyết", Optional.of(switch (dossier.timeliness()) {
                case EARLY -> "Hoàn thành trước hạn";
                case ON_TIME -> "Hoàn thành đúng hạn";
                case LATE -> "Hoàn thành quá hạn";
            }));
        }
        fields.add(new TextBlock.Gap(4));
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (DossierEvent e : history) {
            rows.add(List.of(String.valueOf(++n), step(e), units(e), shortTime(e.occurredAt()),
                    e.stepDeadline() == null ? "" : shortTime(e.stepDeadline()), punctuality(e),
                    e.actor() == null ? "" : PersonalDataMask.mask(e.actor())));
        }
        fields.add(new TextBlock.Table(List.of(0.7f, 3.0f, 4.0f, 2.2f, 2.2f, 2.0f, 2.6f),
                List.of("TT", "Bước", "Bên giao → bên nhận / ghi chú", "Thời điểm", "Hạn bước", "Đúng hạn", "Người thực hiện"),
                rows));
        fields.add(new TextBlock.Gap(4));
        return fields.blocks();
    }

    private static String step(DossierEvent e) {
        String what = switch (e.kind()) {
            case RECEIVED -> "Tiếp nhận hồ sơ";
            case HANDOVER -> "Chuyển hồ sơ";
            case TRANSITION -> e.toStatus() == null ? "Đổi trạng thái" : e.toStatus().vietnamese();
            case EXTENSION -> "Hẹn lại ngày trả";
            case AGENCY_SENT -> "Gửi cơ quan liên thông";
            case AGENCY_ACCEPTED -> "Cơ quan liên thông tiếp nhận";
            case AGENCY_RESULT -> "Cơ quan liên thông trả kết quả";
            case AGENCY_FAILED -> "Liên thông không thành công";
            case PAPER_REFUSED -> "Chưa ký số được giấy tờ";
        };
        return what;
    }

    private static String units(DossierEvent e) {
        StringBuilder s = new StringBuilder();
        if (e.fromUnit() != null || e.toUnit() != null) {
            s.append(e.fromUnit() == null ? "" : e.fromUnit()).append(" → ").append(e.toUnit() == null ? "" : e.toUnit());
        }
        if (e.note() != null && !e.note().isBlank()) {
            s.append(s.isEmpty() ? "" : "; ").append(e.note());
        }
        return PersonalDataMask.mask(s.toString());
    }

    private static String punctuality(DossierEvent e) {
        if (e.stepDeadline() == null) {
            return "";
        }
        return e.occurredAt().isAfter(e.stepDeadline()) ? "Trễ hạn" : "Đúng hạn";
    }

    private static String time(OffsetDateTime t) {
        return TIME.format(PaperComposer.vietnam(t));
    }

    private static String shortTime(OffsetDateTime t) {
        return SHORT.format(PaperComposer.vietnam(t));
    }
}
