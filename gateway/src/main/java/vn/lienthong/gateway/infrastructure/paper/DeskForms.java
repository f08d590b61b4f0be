package vn.lienthong.gateway.infrastructure.paper;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.lienthong.archive.pdf.TextBlock;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierRegister;
import vn.lienthong.gateway.domain.dossier.PersonalDataMask;
import vn.lienthong.gateway.domain.paper.DeskDecision;
import vn.lienthong.gateway.domain.procedure.Procedure;

/**
 * What the one-stop desk's own forms say (Circular 03/2025/TT-VPCP): form 01 (receipt and
 * appointment slip), forms 02 to 05 (supplement request, refusal, apology with a new date, stop
 * notice), form 06 (tracking sheet) and form 07 (dossier register). None ever shows a citizen ID or
 * phone number in full.
 */
final class DeskForms {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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

    /** Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, listing the documents to add. */
    static List<TextBlock> form02(Dossier dossier, Optional<Procedure> procedure, String deskName, DeskDecision d) {
        PaperFields fields = addressee(dossier, procedure, deskName);
        fields.add(new TextBlock.Paragraph("Sau khi xem xét, hồ sơ chưa đầy đủ, hợp lệ. Đề nghị Ông/Bà bổ sung, "
                + "hoàn thiện hồ sơ gồm những nội dung sau:", PaperComposer.BODY));
        if (!d.documentsToAdd().isEmpty()) {
            fields.add(new TextBlock.Gap(4));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < d.documentsToAdd().size(); i++) {
                rows.add(List.of(String.valueOf(i + 1), PersonalDataMask.mask(d.documentsToAdd().get(i))));
            }
            fields.add(new TextBlock.Table(List.of(1f, 14f), List.of("TT", "Giấy tờ cần bổ sung, hoàn thiện"), rows));
            fields.add(new TextBlock.Gap(4));
        }
        fields.field("Lý do", reason(d));
        fields.add(new TextBlock.Paragraph("Thời hạn giải quyết hồ sơ tạm dừng từ " + time(d.at())
                + " cho đến khi Ông/Bà nộp đủ hồ sơ bổ sung. Trong quá trình bổ sung, hoàn thiện hồ sơ nếu có vướng "
                + "mắc, Ông/Bà liên hệ Bộ phận một cửa, " + deskName + " để được hướng dẫn.", PaperComposer.BODY));
        officer(fields, "Người yêu cầu bổ sung", d);
        return fields.blocks();
    }

    /** Form 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
    static List<TextBlock> form03(Dossier dossier, Optional<Procedure> procedure, String deskName, DeskDecision d) {
        PaperFields fields = addressee(dossier, procedure, deskName);
        fields.add(new TextBlock.Paragraph("Sau khi xem xét, " + deskName + " từ chối tiếp nhận, giải quyết hồ sơ "
                + "này với lý do sau:", PaperComposer.BODY));
        fields.field("Lý do từ chối", reason(d));
        fields.add(new TextBlock.Paragraph("Xin thông báo để Ông/Bà được biết và thực hiện. Ông/Bà có quyền khiếu nại "
                + "theo quy định của pháp luật.", PaperComposer.BODY));
        officer(fields, "Người từ chối", d);
        return fields.blocks();
    }

    /** Form 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
    static List<TextBlock> form04(Dossier dossier, Optional<Procedure> procedure, String deskName, DeskDecision d) {
        PaperFields fields = addressee(dossier, procedure, deskName);
        fields.field("Ngày hẹn trả kết quả đã ghi trên giấy tiếp nhận", Optional.ofNullable(d.previousDueAt())
                .map(DeskForms::time));
        fields.add(new TextBlock.Paragraph("Tuy nhiên đến nay, " + deskName + " chưa trả kết quả giải quyết hồ sơ "
                + "cho Ông/Bà đúng hẹn.", PaperComposer.BODY));
        fields.field("Lý do", reason(d));
        fields.add(new TextBlock.Paragraph("Sự chậm trễ này đã gây phiền hà, tốn kém cho Ông/Bà. " + deskName
                + " xin lỗi Ông/Bà và hẹn lại ngày trả kết quả như sau:", PaperComposer.BODY));
        fields.field("Ngày hẹn trả kết quả mới", Optional.ofNullable(d.newDueAt()).map(DeskForms::time));
        fields.add(new TextBlock.Paragraph("Rất mong nhận được sự thông cảm của Ông/Bà.", PaperComposer.BODY));
        officer(fields, "Người lập phiếu", d);
        return fields.blocks();
    }

    /** Form 05: Thông báo dừng giải quyết hồ sơ. */
    static List<TextBlock> form05(Dossier dossier, Optional<Procedure> procedure, String deskName, DeskDecision d) {
        PaperFields fields = addressee(dossier, procedure, deskName);
        fields.add(new TextBlock.Paragraph(deskName + " thông báo dừng giải quyết hồ sơ này kể từ " + time(d.at())
                + ".", PaperComposer.BODY));
        fields.field("Lý do dừng giải quyết", reason(d));
        fields.add(new TextBlock.Paragraph("Xin thông báo để Ông/Bà được biết. Mọi vướng mắc xin liên hệ Bộ phận một "
                + "cửa, " + deskName + ".", PaperComposer.BODY));
        officer(fields, "Người thông báo", d);
        return fields.blocks();
    }

    /** Form 07: Sổ theo dõi hồ sơ, one row per dossier received, and the totals. */
    static List<TextBlock> form07(DossierRegister register) {
        PaperFields fields = new PaperFields();
        fields.field("Đơn vị tiếp nhận", Optional.of(register.agencyName() + " (" + register.agencyCode() + ")"));
        fields.field("Thời gian", Optional.of("từ ngày " + DAY.format(register.from()) + " đến ngày "
                + DAY.format(register.to())));
        fields.field("Số liệu tính đến", Optional.of(time(register.madeAt())));
        fields.add(new TextBlock.Gap(4));
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (DossierRegister.Row r : register.rows()) {
            rows.add(List.of(String.valueOf(++n), r.code(), r.procedureName(), PersonalDataMask.mask(r.applicant()),
                    day(r.receivedAt()), day(r.dueAt()), r.returnedAt() == null ? "" : day(r.returnedAt()),
                    r.status().vietnamese(),
                    r.standing() == null ? "" : r.standing().vietnamese()));
        }
        fields.add(new TextBlock.Table(List.of(0.8f, 3.6f, 2.8f, 2.4f, 3.0f, 3.0f, 3.0f, 2.0f, 2.0f),
                List.of("TT", "Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày nhận", "Hẹn trả", "Ngày trả", "Trạng thái",
                        "Kết quả"), rows));
        fields.add(new TextBlock.Gap(6));
        fields.add(new TextBlock.Paragraph("Tổng số " + register.rows().size() + " hồ sơ; đã trả kết quả trước hạn "
                + register.count(DossierRegister.Standing.EARLY) + ", đúng hạn "
                + register.count(DossierRegister.Standing.ON_TIME) + ", quá hạn "
                + register.count(DossierRegister.Standing.LATE) + "; đang giải quyết trong hạn "
                + register.count(DossierRegister.Standing.IN_TIME) + ", quá hạn "
                + register.count(DossierRegister.Standing.OVERDUE) + ".", PaperComposer.BODY));
        return fields.blocks();
    }

    /** "Kính gửi" and what the dossier is, the opening of forms 02 to 05. */
    private static PaperFields addressee(Dossier dossier, Optional<Procedure> procedure, String deskName) {
        PaperFields fields = new PaperFields();
        fields.add(new TextBlock.Paragraph("Kính gửi: Ông/Bà " + dossier.applicant().fullName(), PaperComposer.BODY));
        fields.add(new TextBlock.Paragraph(deskName + " đã tiếp nhận hồ sơ của Ông/Bà lúc " + time(dossier.receivedAt())
                + ".", PaperComposer.BODY));
        fields.field("Nội dung yêu cầu giải quyết", Optional.of(procedure.map(Procedure::name)
                .orElse("Thủ tục " + dossier.procedureCode())));
        fields.field("Mã thủ tục", Optional.of(dossier.procedureCode()));
        return fields;
    }

    private static Optional<String> reason(DeskDecision d) {
        return Optional.ofNullable(d.reason()).map(String::strip).map(PersonalDataMask::mask);
    }

    private static void officer(PaperFields fields, String label, DeskDecision d) {
        fields.field(label, Optional.ofNullable(d.officer()));
        fields.field("Thời điểm", Optional.ofNullable(d.at()).map(DeskForms::time));
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
            case ON_THE_SPOT -> "Phê duyệt tại chỗ (4 tại chỗ)";
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

    private static String day(OffsetDateTime t) {
        return DAY.format(PaperComposer.vietnam(t));
    }

    private static String shortTime(OffsetDateTime t) {
        return SHORT.format(PaperComposer.vietnam(t));
    }
}
