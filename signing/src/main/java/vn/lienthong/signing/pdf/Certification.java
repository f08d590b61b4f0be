package vn.lienthong.signing.pdf;

/** DocMDP permission of a certifying (first) signature, ISO 32000 table 254. */
public enum Certification {
    /** No changes at all after signing. */
    NO_CHANGES(1),
    /** Form filling and further signatures allowed (the officer-then-agency flow needs this). */
    FORM_FILLING_AND_SIGNING(2),
    /** As 2, plus annotations. */
    ANNOTATIONS_FORM_FILLING_AND_SIGNING(3);

    private final int permission;

    Certification(int permission) {
        this.permission = permission;
    }

    public int permission() {
        return permission;
    }
}
