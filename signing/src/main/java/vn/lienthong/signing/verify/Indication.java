package vn.lienthong.signing.verify;

/** ETSI EN 319 102-1 main indication of a signature validation. */
public enum Indication {
    TOTAL_PASSED,
    INDETERMINATE,
    TOTAL_FAILED;

    /** The worse of two indications: FAILED beats INDETERMINATE beats PASSED. */
    public Indication worst(Indication other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
