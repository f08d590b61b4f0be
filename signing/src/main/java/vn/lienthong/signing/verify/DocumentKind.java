package vn.lienthong.signing.verify;

/** What kind of signed document was verified. */
public enum DocumentKind {
    CMS_DETACHED,
    CMS_ENVELOPING,
    PDF
}
