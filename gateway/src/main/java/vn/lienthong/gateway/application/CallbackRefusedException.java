package vn.lienthong.gateway.application;

/** An agency callback that did not prove which agency sent it: answered 401, never acted on. */
public class CallbackRefusedException extends RuntimeException {

    private final String vietnamese;

    public CallbackRefusedException(String vietnamese, String english) {
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
