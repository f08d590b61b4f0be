package vn.lienthong.gateway.domain.rating;

import vn.lienthong.gateway.domain.NoSuchRecordException;

/** No dossier matches the code and phone digits given, or no comment has the id given. */
public class NoRatingTargetException extends NoSuchRecordException {

    public NoRatingTargetException(String vietnamese, String english) {
        super(vietnamese, english);
    }

    /** What the look-up answers too, so rating does not tell which codes exist. */
    public static NoRatingTargetException noDossier() {
        return new NoRatingTargetException("Không có hồ sơ nào khớp mã hồ sơ và số điện thoại đã nhập",
                "No dossier matches this code and phone number");
    }
}
