package vn.lienthong.gateway.domain.document;

/** A dossier document that cannot be stored or found, with the reason in Vietnamese and in English. */
public abstract class DocumentException extends RuntimeException {

    private final String vietnamese;

    protected DocumentException(String vietnamese, String english, Throwable cause) {
        super(english, cause);
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return getMessage();
    }
}
