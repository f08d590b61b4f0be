package vn.lienthong.gateway.infrastructure.verification;

/** An uploaded document the verifier will not (or cannot now) check, with the reason in Vietnamese and English. */
public abstract class DocumentRefusedException extends RuntimeException {

    private final String vietnamese;

    protected DocumentRefusedException(String vietnamese, String english, Throwable cause) {
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
