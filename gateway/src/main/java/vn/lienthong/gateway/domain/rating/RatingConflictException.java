package vn.lienthong.gateway.domain.rating;

import vn.lienthong.gateway.domain.RefusedException;

/** The dossier cannot be rated now: it was rated already, or it is not finished yet. */
public class RatingConflictException extends RefusedException {

    public RatingConflictException(String vietnamese, String english) {
        super(vietnamese, english, null);
    }

    public static RatingConflictException alreadyRated(String code) {
        return new RatingConflictException("Hồ sơ " + code + " đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần",
                "Dossier " + code + " has been rated already; each dossier is rated once");
    }
}
