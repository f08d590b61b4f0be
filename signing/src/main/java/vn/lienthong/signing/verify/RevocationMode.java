package vn.lienthong.signing.verify;

/** What to conclude when revocation cannot be checked. */
public enum RevocationMode {
    /** No status (or no source configured) makes the signature INDETERMINATE / TRY_LATER. */
    REQUIRE,
    /** Check when a CRL or OCSP responder is configured, otherwise only warn (the Decree's "warn" case). */
    WARN
}
