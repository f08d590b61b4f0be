package vn.lienthong.gateway.domain.dossier;

import vn.lienthong.gateway.domain.RefusedException;

/** A value in a request breaks a domain rule; names the field so the caller can fix it. */
public class InvalidDossierException extends RefusedException {

    private final String field;

    public InvalidDossierException(String field, String vietnamese, String english) {
        super(vietnamese, english, null);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
