package vn.lienthong.gateway.domain.dossier;

import vn.lienthong.gateway.domain.RefusedException;

/** The request names a procedure or an agency that the catalogue does not have. */
public class UnknownReferenceException extends RefusedException {

    private final String field;

    public UnknownReferenceException(String field, String vietnamese, String english) {
        super(vietnamese, english, null);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
