package vn.lienthong.gateway.domain.dossier;

/** The request names a procedure or an agency that the catalogue does not have. */
public class UnknownReferenceException extends DossierException {

    private final String field;

    public UnknownReferenceException(String field, String vietnamese, String english) {
        super(vietnamese, english);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
