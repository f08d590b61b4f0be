package vn.lienthong.gateway.domain.dossier;

import java.util.EnumSet;
import java.util.Set;

/** Where a dossier stands, as the citizen sees it, and which moves the one-stop desk allows from there. */
public enum DossierStatus {
    RECEIVED("Mới tạo / đã tiếp nhận", "Received"),
    IN_PROGRESS("Đang xử lý", "In progress"),
    SUPPLEMENT_REQUESTED("Yêu cầu bổ sung hồ sơ", "Supplement requested"),
    COMPLETED("Đã hoàn thành", "Completed"),
    /**
     * A liên thông dossier closed by an officer, with a reason, after one agency's branch failed for
     * good: the other agencies' results stand and are handed over.
     */
    PARTIALLY_COMPLETED("Hoàn thành một phần", "Partially completed"),
    REJECTED("Bị từ chối", "Rejected"),
    STOPPED("Dừng giải quyết", "Stopped");

    private final String vietnamese;
    private final String english;

    DossierStatus(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }

    /** The statuses this one may move to. Finished dossiers move nowhere. */
    public Set<DossierStatus> next() {
        return switch (this) {
            // "4 on the spot": some procedures are settled at the counter, so RECEIVED may complete directly.
            case RECEIVED -> EnumSet.of(IN_PROGRESS, SUPPLEMENT_REQUESTED, COMPLETED, PARTIALLY_COMPLETED, REJECTED,
                    STOPPED);
            case IN_PROGRESS -> EnumSet.of(SUPPLEMENT_REQUESTED, COMPLETED, PARTIALLY_COMPLETED, REJECTED, STOPPED);
            case SUPPLEMENT_REQUESTED -> EnumSet.of(IN_PROGRESS, REJECTED, STOPPED);
            case COMPLETED, PARTIALLY_COMPLETED, REJECTED, STOPPED -> EnumSet.noneOf(DossierStatus.class);
        };
    }

    /**
     * The moves an officer makes with a plain status change: all of {@link #next()} but
     * PARTIALLY_COMPLETED, which only closing a liên thông flow with a failed step reaches.
     */
    public Set<DossierStatus> deskTransitions() {
        Set<DossierStatus> moves = EnumSet.noneOf(DossierStatus.class);
        moves.addAll(next());
        moves.remove(PARTIALLY_COMPLETED);
        return moves;
    }

    public boolean canMoveTo(DossierStatus target) {
        return next().contains(target);
    }

    public boolean isFinished() {
        return isResult() || this == REJECTED || this == STOPPED;
    }

    /** A result is handed to the citizen: counted early, on time or late against the appointment. */
    public boolean isResult() {
        return this == COMPLETED || this == PARTIALLY_COMPLETED;
    }
}
