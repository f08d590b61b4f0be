package vn.lienthong.gateway.application;

/** A verified caller asked for something outside its agency or its role: answered 403. */
public class OutOfScopeException extends RuntimeException {

    private final String vietnamese;

    public OutOfScopeException(String vietnamese, String english) {
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
