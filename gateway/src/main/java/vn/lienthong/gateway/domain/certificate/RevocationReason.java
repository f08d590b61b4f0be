package vn.lienthong.gateway.domain.certificate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The RFC 5280 CRLReason an administrator may give when revoking a certificate. */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** By name, any case, with '-' or '_' (e.g. "key-compromise", "KEY_COMPROMISE"); empty when unknown. */
    public static Optional<RevocationReason> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** The name of a code read back from the database; the number itself when unknown. */
    public static String name(Integer code) {
        if (code == null) {
            return "no reason";
        }
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst().map(Enum::name)
                .orElse(String.valueOf(code));
    }
}
