package vn.lienthong.gateway.domain.document;

import java.util.Locale;

/** What a dossier's document is, as the desk and the citizen know it. */
public enum DocumentKind {
    /** The scanned pages the desk uploaded, as one signed PDF/A per upload. */
    SCAN,
    /** An agency's result (birth extract, residence confirmation, BHYT card, benefit decision…), signed twice. */
    RESULT,
    /** Form 01: receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả). */
    FORM_01,
    /** Form 02: request to supplement and complete the dossier (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ). */
    FORM_02,
    /** Form 03: refusal to receive and settle the dossier (Phiếu từ chối tiếp nhận giải quyết hồ sơ). */
    FORM_03,
    /** Form 04: apology and new appointment date (Phiếu xin lỗi và hẹn lại ngày trả kết quả). */
    FORM_04,
    /** Form 05: notice that the dossier's settlement is stopped (Thông báo dừng giải quyết hồ sơ). */
    FORM_05,
    /** Form 06: tracking sheet of the processing steps (Phiếu kiểm soát quá trình giải quyết hồ sơ). */
    FORM_06;

    /** The document type the archive records it under: "scan", "result", "form-01"… */
    public String archiveType() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
