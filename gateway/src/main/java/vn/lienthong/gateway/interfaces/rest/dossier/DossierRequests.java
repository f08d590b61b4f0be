package vn.lienthong.gateway.interfaces.rest.dossier;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.dossier.NoticeConsent;

/** The JSON bodies the dossier API accepts. Constraint messages are "Vietnamese | English". */
public final class DossierRequests {

    private DossierRequests() {
    }

    /** POST /api/v1/dossiers. Desk systems code against these names. */
    public record Submit(
            @NotBlank(message = "Bắt buộc: mã thủ tục | Required: the procedure code")
            @Size(max = 40, message = "Tối đa 40 ký tự | At most 40 characters")
            String procedureCode,
            @NotBlank(message = "Bắt buộc: mã cơ quan tiếp nhận | Required: the receiving agency code")
            @Size(max = 40, message = "Tối đa 40 ký tự | At most 40 characters")
            @Pattern(regexp = "[A-Z0-9.]+", message = "Mã cơ quan chỉ gồm chữ in hoa, chữ số và dấu chấm | "
                    + "An agency code has upper-case letters, digits and dots only")
            String agencyCode,
            @NotNull(message = "Bắt buộc: thông tin người nộp | Required: the applicant")
            @Valid
            Applicant applicant,
            JsonObject formData,
            @NotNull(message = "Bắt buộc: kênh tiếp nhận COUNTER hoặc ONLINE | Required: channel, COUNTER or ONLINE")
            Channel channel,
            @Size(max = 100, message = "Tối đa 100 ký tự | At most 100 characters")
            String receivedBy) {
    }

    /** The citizen filing the dossier. */
    public record Applicant(
            @NotBlank(message = "Bắt buộc: họ và tên | Required: full name")
            @Size(max = 200, message = "Tối đa 200 ký tự | At most 200 characters")
            String fullName,
            @NotNull(message = "Bắt buộc: số định danh cá nhân | Required: personal identification number")
            @Pattern(regexp = "\\d{12}", message = "Số định danh cá nhân phải gồm đúng 12 chữ số | "
                    + "The personal identification number must be exactly 12 digits")
            String citizenId,
            @Pattern(regexp = "(\\+84|0)\\d{9,10}", message = "Số điện thoại không hợp lệ, ví dụ 0912345678 | "
                    + "Invalid phone number, e.g. 0912345678")
            String phone,
            @Email(message = "Địa chỉ email không hợp lệ | Invalid email address")
            @Size(max = 254, message = "Tối đa 254 ký tự | At most 254 characters")
            String email,
            @JsonbProperty("notify")
            Notify notifications) {
    }

    /** The applicant's consent to be told about the dossier by SMS and e-mail; absent means no. */
    public record Notify(Boolean sms, Boolean email) {

        public NoticeConsent consent() {
            return new NoticeConsent(Boolean.TRUE.equals(sms), Boolean.TRUE.equals(email));
        }
    }

    /** POST /api/v1/dossiers/{code}/steps: a hand-over (form 06). */
    public record Step(
            @Size(max = 100, message = "Tối đa 100 ký tự | At most 100 characters")
            String actor,
            @Size(max = 200, message = "Tối đa 200 ký tự | At most 200 characters")
            String fromUnit,
            @NotBlank(message = "Bắt buộc: đơn vị nhận | Required: the receiving unit (toUnit)")
            @Size(max = 200, message = "Tối đa 200 ký tự | At most 200 characters")
            String toUnit,
            OffsetDateTime deadline,
            @DecimalMin(value = "0.25", message = "Tối thiểu 0,25 giờ | At least 0.25 hours")
            BigDecimal workingHours,
            @Size(max = 2000, message = "Tối đa 2000 ký tự | At most 2000 characters")
            String note,
            @Size(max = 40, message = "Tối đa 40 ký tự | At most 40 characters")
            String toAgency) {
    }

    /**
     * POST /api/v1/dossiers/{code}/transitions. To SUPPLEMENT_REQUESTED the desk issues form 02 and
     * may list {@code documentsToAdd}; to REJECTED form 03; to STOPPED form 05.
     */
    public record Transition(
            @NotNull(message = "Bắt buộc: trạng thái mới | Required: the new status")
            DossierStatus status,
            @NotBlank(message = "Bắt buộc: lý do | Required: the reason")
            @Size(max = 2000, message = "Tối đa 2000 ký tự | At most 2000 characters")
            String reason,
            @Size(max = 100, message = "Tối đa 100 ký tự | At most 100 characters")
            String actor,
            @Size(max = 20, message = "Tối đa 20 giấy tờ | At most 20 documents")
            List<@NotBlank(message = "Tên giấy tờ không được để trống | A document name may not be blank")
                 @Size(max = 200, message = "Tối đa 200 ký tự | At most 200 characters") String> documentsToAdd) {
    }

    /**
     * POST /api/v1/dossiers/{code}/on-the-spot: the decision ("4 tại chỗ"); only APPROVED is settled
     * there, a refusal goes through a transition.
     */
    public record OnTheSpotDecision(
            @NotNull(message = "Bắt buộc: quyết định (APPROVED) | Required: the decision (APPROVED)")
            Decision decision,
            @Size(max = 1000, message = "Tối đa 1000 ký tự | At most 1000 characters")
            String note) {

        /** What the officer decided at the counter. */
        public enum Decision { APPROVED }
    }

    /** POST /api/v1/dossiers/{code}/extensions: apology and new date (form 04). */
    public record Extension(
            @NotNull(message = "Bắt buộc: ngày hẹn trả mới | Required: the new appointment date")
            OffsetDateTime newDueAt,
            @NotBlank(message = "Bắt buộc: lý do xin lỗi, gia hạn | Required: the reason for the delay")
            @Size(max = 2000, message = "Tối đa 2000 ký tự | At most 2000 characters")
            String reason,
            @Size(max = 100, message = "Tối đa 100 ký tự | At most 100 characters")
            String actor) {
    }

    /** Closing a liên thông dossier as partially completed after a step failed for good. */
    public record Closing(
            @NotBlank(message = "Bắt buộc: lý do | Required: the reason")
            @Size(max = 2000, message = "Tối đa 2000 ký tự | At most 2000 characters")
            String reason,
            @Size(max = 100, message = "Tối đa 100 ký tự | At most 100 characters")
            String actor) {
    }
}
