package vn.lienthong.gateway.infrastructure.paper;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import vn.lienthong.archive.pdf.TextBlock;
import vn.lienthong.archive.pdf.TextDocument;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.PersonalDataMask;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.procedure.Procedure;

/**
 * What is written on each paper of a dossier: an agency's result (by the message's operation),
 * form 01 (receipt and appointment slip) and form 06 (tracking sheet), each with the national
 * motto, the issuing agency, the title, the dossier code, the content, issue place and date, the
 * two signature places (officer, then agency) and a verification line. Forms 01 and 06 never show
 * a citizen ID or phone number in full; a result may carry the new personal ID, that is its point.
 */
public final class PaperComposer {

    static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO_2 = "Độc lập - Tự do - Hạnh phúc";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final float HEAD = 10.5f;
    private static final float BODY = 11f;

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
        JsonObject result = parse(message.result());
        JsonObject form = withSubject(parse(dossier.formData()));
        String person = text(form, "tenTre", "childName", "hoTenNguoiChet", "deceasedName", "hoTen", "fullName")
                .orElse(dossier.applicant().fullName());
        List<TextBlock> fields = new ArrayList<>();
        String title;
        switch (message.operation()) {
            case "BIRTH_REGISTRATION" -> {
                title = "Trích lục khai sinh";
                field(fields, "Số đăng ký", text(result, "registrationNumber"));
                field(fields, "Họ, chữ đệm, tên", Optional.of(person));
                field(fields, "Số định danh cá nhân", text(result, "personalId"));
                field(fields, "Ngày, tháng, năm sinh", date(form, "ngaySinh", "birthDate"));
                field(fields, "Giới tính", text(form, "gioiTinh", "sex"));
                field(fields, "Nơi sinh", text(form, "noiSinh", "birthPlace"));
                field(fields, "Người yêu cầu", Optional.of(dossier.applicant().fullName()));
            }
            case "DEATH_REGISTRATION" -> {
                title = "Trích lục khai tử";
                field(fields, "Số đăng ký", text(result, "registrationNumber"));
                field(fields, "Họ, chữ đệm, tên người đã chết", Optional.of(person));
                field(fields, "Số định danh cá nhân", text(result, "personalId"));
                field(fields, "Ngày chết", date(form, "ngayChet", "deathDate"));
                field(fields, "Nơi chết", text(form, "noiChet", "deathPlace"));
                field(fields, "Người đi khai tử", Optional.of(dossier.applicant().fullName()));
            }
            case "PERMANENT_RESIDENCE_REGISTRATION" -> {
                title = "Xác nhận đăng ký thường trú";
                field(fields, "Số hồ sơ cư trú", text(result, "residenceRecord"));
                field(fields, "Người được đăng ký thường trú", Optional.of(person));
                field(fields, "Nơi thường trú", text(form, "noiThuongTru", "diaChi", "address"));
                field(fields, "Kết quả", Optional.of(result.getBoolean("registered", true)
                        ? "Đã đăng ký thường trú, cập nhật Cơ sở dữ liệu về cư trú" : "Chưa đăng ký"));
            }
            case "PERMANENT_RESIDENCE_REMOVAL" -> {
                title = "Xác nhận xóa đăng ký thường trú";
                field(fields, "Số hồ sơ cư trú", text(result, "residenceRecord"));
                field(fields, "Người bị xóa đăng ký thường trú", Optional.of(person));
                field(fields, "Lý do", Optional.of("Người đăng ký thường trú đã chết"));
                field(fields, "Kết quả", Optional.of("Đã xóa đăng ký thường trú, cập nhật Cơ sở dữ liệu về cư trú"));
            }
            case "BHYT_CARD_UNDER_6", "BHYT_CARD_REISSUE" -> {
                title = "Thông tin thẻ bảo hiểm y tế";
                field(fields, "Mã số BHXH", text(result, "socialInsuranceNumber"));
                field(fields, "Họ, chữ đệm, tên", Optional.of(person));
                field(fields, "Ngày sinh", date(form, "ngaySinh", "birthDate"));
                field(fields, "Đối tượng", Optional.of("BHYT_CARD_UNDER_6".equals(message.operation())
                        ? "Trẻ em dưới 6 tuổi" : "Cấp lại thẻ BHYT"));
                field(fields, "Giá trị sử dụng từ ngày", date(result, "cardValidFrom"));
                field(fields, "Đến ngày", date(result, "cardValidTo"));
            }
            case "FUNERAL_SURVIVOR_BENEFIT" -> {
                title = "Quyết định hưởng trợ cấp mai táng, tử tuất";
                field(fields, "Số quyết định", text(result, "decisionNumber"));
                field(fields, "Mã số BHXH của người đã chết", text(result, "socialInsuranceNumber"));
                field(fields, "Người đã chết", Optional.of(person));
                field(fields, "Người hưởng trợ cấp", Optional.of(dossier.applicant().fullName()));
                field(fields, "Chế độ", Optional.of("Trợ cấp mai táng; trợ cấp tuất theo Luật Bảo hiểm xã hội"));
            }
            case "LAND_USE_CHANGE" -> {
                title = "Xác nhận đăng ký biến động đất đai";
                field(fields, "Số vào sổ", text(result, "registrationNumber"));
                field(fields, "Số phát hành Giấy chứng nhận", text(result, "certificateSerial"));
                field(fields, "Người sử dụng đất", Optional.of(dossier.applicant().fullName()));
                field(fields, "Hồ sơ địa chính", Optional.of(result.getBoolean("cadastralUpdated", false)
                        ? "Đã cập nhật" : "Chưa cập nhật"));
            }
            default -> {
                title = "Kết quả giải quyết hồ sơ";
                field(fields, "Nghiệp vụ", Optional.of(message.operation()));
                for (Map.Entry<String, JsonValue> e : result.entrySet()) {
                    field(fields, e.getKey(), Optional.of(e.getValue() instanceof JsonString s ? s.getString()
                            : e.getValue().toString()));
                }
            }
        }
        field(fields, "Mã hồ sơ liên thông", Optional.of(dossier.code().value()));
        field(fields, "Mã thông điệp", Optional.of(message.messageId()));
        return compose(title, agencyName, dossier, issuedAt, fields, "CÁN BỘ XỬ LÝ", agencyName.toUpperCase(Locale.ROOT));
    }

    /** Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
    public Composed form01(Dossier dossier, Optional<Procedure> procedure, String deskName, OffsetDateTime issuedAt) {
        List<TextBlock> fields = new ArrayList<>();
        fields.add(new TextBlock.Paragraph(deskName + " tiếp nhận hồ sơ của:", BODY));
        field(fields, "Ông/Bà", Optional.of(dossier.applicant().fullName()));
        field(fields, "Số định danh cá nhân", Optional.of(dossier.applicant().citizenId().masked()));
        field(fields, "Số điện thoại", Optional.ofNullable(dossier.applicant().phone()).map(PersonalDataMask::mask));
        field(fields, "Nội dung yêu cầu giải quyết", Optional.of(procedure.map(Procedure::name)
                .orElse("Thủ tục " + dossier.procedureCode())));
        field(fields, "Mã thủ tục", Optional.of(dossier.procedureCode()));
        field(fields, "Hình thức nộp", Optional.of(switch (dossier.channel()) {
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
        field(fields, "Thời gian nhận hồ sơ", Optional.of(time(dossier.receivedAt())));
        field(fields, "Thời gian trả kết quả", Optional.of(time(dossier.dueAt())));
        field(fields, "Nơi trả kết quả", Optional.of("Bộ phận một cửa, " + deskName));
        field(fields, "Người tiếp nhận", Optional.of(dossier.receivedBy()));
        fields.add(new TextBlock.Paragraph("Vào Sổ theo dõi hồ sơ, quyển số 01/" + dossier.receivedAt().getYear()
                + ", số thứ tự " + dossier.code().sequence() + ".", BODY));
        return compose("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", deskName, dossier, issuedAt, fields,
                "NGƯỜI TIẾP NHẬN", deskName.toUpperCase(Locale.ROOT), "Mẫu số 01");
    }

    /** Form 06: Phiếu kiểm soát quá trình giải quyết hồ sơ, one row per hand-over or agency step. */
    public Composed form06(Dossier dossier, List<DossierEvent> history, Optional<Procedure> procedure, String deskName,
                           OffsetDateTime issuedAt) {
        List<TextBlock> fields = new ArrayList<>();
        field(fields, "Người nộp hồ sơ", Optional.of(dossier.applicant().fullName()));
        field(fields, "Thủ tục", Optional.of(procedure.map(Procedure::name).orElse(dossier.procedureCode())));
        field(fields, "Ngày nhận", Optional.of(time(dossier.receivedAt())));
        field(fields, "Ngày hẹn trả", Optional.of(time(dossier.dueAt())));
        if (dossier.timeliness() != null) {
            field(fields, "Kết quả giải quyết", Optional.of(switch (dossier.timeliness()) {
                case EARLY -> "Hoàn thành trước hạn";
                case ON_TIME -> "Hoàn thành đúng hạn";
                case LATE -> "Hoàn thành quá hạn";
            }));
        }
        fields.add(new TextBlock.Gap(4));
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (DossierEvent e : history) {
            rows.add(List.of(String.valueOf(++n), step(e), units(e), SHORT.format(vietnam(e.occurredAt())),
                    e.stepDeadline() == null ? "" : SHORT.format(vietnam(e.stepDeadline())), punctuality(e),
                    e.actor() == null ? "" : PersonalDataMask.mask(e.actor())));
        }
        fields.add(new TextBlock.Table(List.of(0.7f, 3.0f, 4.0f, 2.2f, 2.2f, 2.0f, 2.6f),
                List.of("TT", "Bước", "Bên giao → bên nhận / ghi chú", "Thời điểm", "Hạn bước", "Đúng hạn", "Người thực hiện"),
                rows));
        fields.add(new TextBlock.Gap(4));
        return compose("Phiếu kiểm soát quá trình giải quyết hồ sơ", deskName, dossier, issuedAt, fields,
                "NGƯỜI LẬP PHIẾU", deskName.toUpperCase(Locale.ROOT), "Mẫu số 06");
    }

    private Composed compose(String title, String agencyName, Dossier dossier, OffsetDateTime issuedAt,
                             List<TextBlock> content, String officerCaption, String agencyCaption) {
        return compose(title, agencyName, dossier, issuedAt, content, officerCaption, agencyCaption, null);
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

    private static void field(List<TextBlock> fields, String label, Optional<String> value) {
        value.filter(v -> !v.isBlank()).ifPresent(v -> fields.add(new TextBlock.Field(label, v)));
    }

    /**
     * The form's fields, with those of the person the dossier is about (the newborn in
     * {@code child}, the deceased in {@code deceased}; see docs/flows.md) laid over them, so that
     * {@code fullName}, {@code birthDate}… name that person rather than the applicant.
     */
    private static JsonObject withSubject(JsonObject form) {
        for (String key : List.of("child", "deceased")) {
            if (form.get(key) instanceof JsonObject subject) {
                JsonObjectBuilder merged = Json.createObjectBuilder(form);
                subject.forEach(merged::add);
                return merged.build();
            }
        }
        return form;
    }

    /** A date as Vietnamese papers write it, dd/MM/yyyy; anything not an ISO date is printed as given. */
    private static Optional<String> date(JsonObject json, String... keys) {
        return text(json, keys).map(v -> v.matches("\\d{4}-\\d{2}-\\d{2}")
                ? v.substring(8, 10) + "/" + v.substring(5, 7) + "/" + v.substring(0, 4) : v);
    }

    private static Optional<String> text(JsonObject json, String... keys) {
        for (String k : keys) {
            JsonValue v = json.get(k);
            if (v instanceof JsonString s && !s.getString().isBlank()) {
                return Optional.of(s.getString());
            }
            if (v != null && v.getValueType() == JsonValue.ValueType.NUMBER) {
                return Optional.of(v.toString());
            }
        }
        return Optional.empty();
    }

    private static JsonObject parse(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue v = reader.readValue();
            return v instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException e) {
            // A result that is not an object is still a result: the generic paper shows nothing of it.
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static OffsetDateTime vietnam(OffsetDateTime t) {
        return t.withOffsetSameInstant(WorkingCalendar.VIETNAM);
    }

    private static String time(OffsetDateTime t) {
        return TIME.format(vietnam(t));
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
