package vn.lienthong.signing.verify;

/** One object touched by an incremental update after a signature. */
public record Change(Kind kind, String description) {

    /** What the update touched. */
    public enum Kind {
        SIGNATURE,
        FORM_FIELD,
        ANNOTATION,
        APPEARANCE,
        STRUCTURE,
        OTHER
    }
}
