package vn.lienthong.signing.verify;

import java.util.Objects;

/** One reason with its detail (e.g. the exception text or the offending value). */
public record Finding(Reason reason, String detail) {

    public Finding {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    public static Finding of(Reason reason) {
        return new Finding(reason, "");
    }

    public static Finding of(Reason reason, String detail) {
        return new Finding(reason, detail);
    }

    /** "vi / en (detail)". */
    public String message() {
        return reason.vi() + " / " + reason.en() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
