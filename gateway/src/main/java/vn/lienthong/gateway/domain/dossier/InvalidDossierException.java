package vn.lienthong.gateway.domain.dossier;

/** A value in a request breaks a domain rule; names the field so the caller can fix it. */
public class InvalidDossierException extends DossierException {

    private final String field;

    public InvalidDossierException(String field, String vietnamese, String english) {
        super(vietnamese, english);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
