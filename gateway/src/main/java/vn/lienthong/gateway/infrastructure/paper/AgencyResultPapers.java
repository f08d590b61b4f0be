package vn.lienthong.gateway.infrastructure.paper;

import java.io.StringReader;
import java.util.List;
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
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;

/**
 * What an agency's result paper says, one kind per operation (birth and death extracts, residence
 * confirmations, health insurance cards, benefit decisions, land registration), read from the
 * agency's result and the dossier's form. A result may carry the new personal ID: that is its point.
 */
final class AgencyResultPapers {

    /** The paper's title and its fields, for {@link PaperComposer} to set in the common frame. */
    record Content(String title, List<TextBlock> fields) {
    }

    private AgencyResultPapers() {
    }

    /** The title and fields of the paper of one agency result, chosen by the message's operation. */
    static Content content(Dossier dossier, AgencyMessage message) {
        JsonObject result = parse(message.result());
        JsonObject form = withSubject(parse(dossier.formData()));
        String person = text(form, "tenTre", "childName", "hoTenNguoiChet", "deceasedName", "hoTen", "fullName")
                .orElse(dossier.applicant().fullName());
        PaperFields fields = new PaperFields();
        String title;
        switch (message.operation()) {
            case "BIRTH_REGISTRATION" -> {
                title = "Trích lục khai sinh";
                fields.field("Số đăng ký", text(result, "registrationNumber"));
                fields.field("Họ, chữ đệm, tên", Optional.of(person));
                fields.field("Số định danh cá nhân", text(result, "personalId"));
                fields.field("Ngày, tháng, năm sinh", date(form, "ngaySinh", "birthDate"));
                fields.field("Giới tính", text(form, "gioiTinh", "sex"));
                fields.field("Nơi sinh", text(form, "noiSinh", "birthPlace"));
                fields.field("Người yêu cầu", Optional.of(dossier.applicant().fullName()));
            }
            case "DEATH_REGISTRATION" -> {
                title = "Trích lục khai tử";
                fields.field("Số đăng ký", text(result, "registrationNumber"));
                fields.field("Họ, chữ đệm, tên người đã chết", Optional.of(person));
                fields.field("Số định danh cá nhân", text(result, "personalId"));
                fields.field("Ngày chết", date(form, "ngayChet", "deathDate"));
                fields.field("Nơi chết", text(form, "noiChet", "deathPlace"));
                fields.field("Người đi khai tử", Optional.of(dossier.applicant().fullName()));
            }
            case "PERMANENT_RESIDENCE_REGISTRATION" -> {
                title = "Xác nhận đăng ký thường trú";
                fields.field("Số hồ sơ cư trú", text(result, "residenceRecord"));
                fields.field("Người được đăng ký thường trú", Optional.of(person));
                fields.field("Nơi thường trú", text(form, "noiThuongTru", "diaChi", "address"));
                fields.field("Kết quả", Optional.of(result.getBoolean("registered", true)
                        ? "Đã đăng ký thường trú, cập nhật Cơ sở dữ liệu về cư trú" : "Chưa đăng ký"));
            }
            case "PERMANENT_RESIDENCE_REMOVAL" -> {
                title = "Xác nhận xóa đăng ký thường trú";
                fields.field("Số hồ sơ cư trú", text(result, "residenceRecord"));
                fields.field("Người bị xóa đăng ký thường trú", Optional.of(person));
                fields.field("Lý do", Optional.of("Người đăng ký thường trú đã chết"));
                fields.field("Kết quả", Optional.of("Đã xóa đăng ký thường trú, cập nhật Cơ sở dữ liệu về cư trú"));
            }
            case "BHYT_CARD_UNDER_6", "BHYT_CARD_REISSUE" -> {
                title = "Thông tin thẻ bảo hiểm y tế";
                fields.field("Mã số BHXH", text(result, "socialInsuranceNumber"));
                fields.field("Họ, chữ đệm, tên", Optional.of(person));
                fields.field("Ngày sinh", date(form, "ngaySinh", "birthDate"));
                fields.field("Đối tượng", Optional.of("BHYT_CARD_UNDER_6".equals(message.operation())
                        ? "Trẻ em dưới 6 tuổi" : "Cấp lại thẻ BHYT"));
                fields.field("Giá trị sử dụng từ ngày", date(result, "cardValidFrom"));
                fields.field("Đến ngày", date(result, "cardValidTo"));
            }
            case "FUNERAL_SURVIVOR_BENEFIT" -> {
                title = "Quyết định hưởng trợ cấp mai táng, tử tuất";
                fields.field("Số quyết định", text(result, "decisionNumber"));
                fields.field("Mã số BHXH của người đã chết", text(result, "socialInsuranceNumber"));
                fields.field("Người đã chết", Optional.of(person));
                fields.field("Người hưởng trợ cấp", Optional.of(dossier.applicant().fullName()));
                fields.field("Chế độ", Optional.of("Trợ cấp mai táng; trợ cấp tuất theo Luật Bảo hiểm xã hội"));
            }
            case "LAND_USE_CHANGE" -> {
                title = "Xác nhận đăng ký biến động đất đai";
                fields.field("Số vào sổ", text(result, "registrationNumber"));
                fields.field("Số phát hành Giấy chứng nhận", text(result, "certificateSerial"));
                fields.field("Người sử dụng đất", Optional.of(dossier.applicant().fullName()));
                fields.field("Hồ sơ địa chính", Optional.of(result.getBoolean("cadastralUpdated", false)
                        ? "Đã cập nhật" : "Chưa cập nhật"));
            }
            default -> {
                title = "Kết quả giải quyết hồ sơ";
                fields.field("Nghiệp vụ", Optional.of(message.operation()));
                for (Map.Entry<String, JsonValue> e : result.entrySet()) {
                    fields.field(e.getKey(), Optional.of(e.getValue() instanceof JsonString s ? s.getString()
                            : e.getValue().toString()));
                }
            }
        }
        fields.field("Mã hồ sơ liên thông", Optional.of(dossier.code().value()));
        fields.field("Mã thông điệp", Optional.of(message.messageId()));
        return new Content(title, fields.blocks());
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
}
