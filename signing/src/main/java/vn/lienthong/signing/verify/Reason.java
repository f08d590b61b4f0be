package vn.lienthong.signing.verify;

/**
 * Why a signature got its indication (ETSI sub-indications where one exists), with the message
 * in Vietnamese and English. A reason without an indication is a warning or a note.
 */
public enum Reason {
    FORMAT_FAILURE(Indication.TOTAL_FAILED,
            "Cấu trúc chữ ký không hợp lệ", "The signature structure is malformed"),
    HASH_FAILURE(Indication.TOTAL_FAILED,
            "Giá trị băm không khớp: nội dung đã bị sửa đổi sau khi ký",
            "Digest mismatch: the content was changed after signing"),
    SIG_CRYPTO_FAILURE(Indication.TOTAL_FAILED,
            "Giá trị chữ ký không hợp lệ với khóa công khai của người ký",
            "The signature value does not verify with the signer's public key"),
    BYTE_RANGE_INVALID(Indication.TOTAL_FAILED,
            "Vùng ký (ByteRange) không bao phủ toàn bộ phiên bản tài liệu ngoài chữ ký",
            "The ByteRange does not cover the whole document revision except the signature"),
    DOCMDP_VIOLATION(Indication.TOTAL_FAILED,
            "Tài liệu đã được sửa đổi trái với quyền hạn chứng thực (DocMDP)",
            "The document was changed beyond what its certification (DocMDP) allows"),
    NO_SIGNING_CERTIFICATE_FOUND(Indication.INDETERMINATE,
            "Không tìm thấy chứng thư số của người ký", "The signing certificate was not found"),
    NO_CERTIFICATE_CHAIN_FOUND(Indication.INDETERMINATE,
            "Không xây dựng được chuỗi chứng thực tới tổ chức tin cậy",
            "No certificate chain to a trusted anchor could be built"),
    OUT_OF_BOUNDS_NO_POE(Indication.INDETERMINATE,
            "Chứng thư số không còn hiệu lực (hết hạn hoặc chưa có hiệu lực) tại thời điểm kiểm tra",
            "The certificate was not valid (expired or not yet valid) at the validation time"),
    // EU DSS 6.4 (CertificateNotRevokedCheck, RevocationDateAfterBestSignatureTimeCheck) answers a
    // revocation at or before the best signature time with INDETERMINATE/REVOKED_NO_POE (a CA:
    // REVOKED_CA_NO_POE): nothing proves the signature existed before it. Not valid, as for us.
    REVOKED_NO_POE(Indication.INDETERMINATE,
            "Chứng thư số của người ký đã bị thu hồi trước thời điểm ký đã được chứng minh (không có bằng chứng "
                    + "chữ ký tồn tại trước khi thu hồi)",
            "The signer's certificate was revoked before the proven signing time (no proof that the signature "
                    + "existed before the revocation)"),
    REVOKED_CA_NO_POE(Indication.INDETERMINATE,
            "Chứng thư số của một tổ chức chứng thực trong chuỗi đã bị thu hồi trước thời điểm ký đã được chứng minh",
            "A CA certificate of the chain was revoked before the proven signing time"),
    TRY_LATER(Indication.INDETERMINATE,
            "Không kiểm tra được tình trạng thu hồi của chứng thư số",
            "The revocation status of the certificate could not be determined"),
    SIG_CONSTRAINTS_FAILURE(Indication.INDETERMINATE,
            "Chứng thư số không được phép dùng để ký (KeyUsage)",
            "The certificate's key usage does not allow signing"),
    CRYPTO_CONSTRAINTS_FAILURE(Indication.INDETERMINATE,
            "Thuật toán hoặc độ dài khóa không đạt yêu cầu của Thông tư 15/2025/TT-BKHCN",
            "Algorithm or key size below Circular 15/2025/TT-BKHCN requirements"),
    TIMESTAMP_FAILURE(Indication.INDETERMINATE,
            "Dấu thời gian không hợp lệ", "The time-stamp token is invalid"),
    UNSIGNED_BYTES(Indication.INDETERMINATE,
            "Vùng ký không kết thúc ở cuối một phiên bản tài liệu: phần sau không được ký",
            "The signed range does not end at the end of a revision: what follows is unsigned"),
    MODIFIED_AFTER_SIGNING(Indication.INDETERMINATE,
            "Tài liệu có thay đổi nội dung sau khi ký", "The document content was changed after signing"),
    UNSUPPORTED_FORMAT(Indication.INDETERMINATE,
            "Định dạng chữ ký chưa được hỗ trợ", "This signature format is not supported"),
    REVOCATION_NOT_CHECKED(null,
            "Chưa kiểm tra tình trạng thu hồi (không cấu hình CRL/OCSP)",
            "Revocation was not checked (no CRL or OCSP configured)"),
    LATER_UPDATES(null,
            "Tài liệu có bản cập nhật sau chữ ký này", "The document has incremental updates after this signature"),
    NOT_PSS(null,
            "RSA PKCS#1 v1.5: Thông tư 15/2025 khuyến nghị RSASSA-PSS",
            "RSA PKCS#1 v1.5: Circular 15/2025 asks for RSASSA-PSS"),
    REVOCATION_FROM_DOCUMENT(null,
            "Tình trạng thu hồi được kiểm tra bằng dữ liệu kèm trong tài liệu (DSS)",
            "Revocation was checked with the validation data embedded in the document (DSS)"),
    REVOKED_AFTER_SIGNING(null,
            "Chứng thư số bị thu hồi sau thời điểm ký đã được gắn dấu thời gian: chữ ký vẫn hợp lệ",
            "The certificate was revoked after the time-stamped signing time: the signature stays valid"),
    SIGNING_TIME_CLAIMED(null,
            "Thời điểm ký do người ký tự khai, không có dấu thời gian",
            "The signing time is claimed by the signer; there is no time-stamp");

    private final Indication indication;
    private final String vi;
    private final String en;

    Reason(Indication indication, String vi, String en) {
        this.indication = indication;
        this.vi = vi;
        this.en = en;
    }

    /** The indication this reason forces, or null for a warning that leaves the indication alone. */
    public Indication indication() {
        return indication;
    }

    public String vi() {
        return vi;
    }

    public String en() {
        return en;
    }
}
