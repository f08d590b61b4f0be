package vn.lienthong.gateway.domain.document;

/** What a dossier's document is, as the desk and the citizen know it. */
public enum DocumentKind {
    /** The scanned pages the desk uploaded, as one signed PDF/A per upload. */
    SCAN,
    /** An agency's result (birth extract, residence confirmation, BHYT card, benefit decision…), signed twice. */
    RESULT,
    /** Form 01: receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả). */
    FORM_01,
    /** Form 06: tracking sheet of the processing steps (Phiếu kiểm soát quá trình giải quyết hồ sơ). */
    FORM_06
}
