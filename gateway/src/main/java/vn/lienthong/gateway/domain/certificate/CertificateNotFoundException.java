package vn.lienthong.gateway.domain.certificate;

import vn.lienthong.gateway.domain.NoSuchRecordException;

/** No certificate of the DEMO PKI has the serial asked for, or the DEMO PKI is off (404). */
public class CertificateNotFoundException extends NoSuchRecordException {

    private static final long serialVersionUID = 1L;

    public CertificateNotFoundException(String serial) {
        super("Không có chứng thư số mang số hiệu " + serial, "No certificate of the DEMO PKI has serial " + serial);
    }

    private CertificateNotFoundException(String vietnamese, String english) {
        super(vietnamese, english);
    }

    /** The DEMO PKI exists only in demo mode. */
    public static CertificateNotFoundException pkiOff() {
        return new CertificateNotFoundException("Hạ tầng khóa công khai DEMO chỉ có ở chế độ demo (LIENTHONG_DEMO)",
                "The DEMO PKI exists only in demo mode (LIENTHONG_DEMO)");
    }
}
