package vn.lienthong.gateway.domain.dossier;

/** A dossier operation that cannot be done, with the reason in Vietnamese and in English. */
public abstract class DossierException extends RuntimeException {

    private final String vietnamese;

    protected DossierException(String vietnamese, String english) {
        super(english);
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return getMessage();
    }
}
