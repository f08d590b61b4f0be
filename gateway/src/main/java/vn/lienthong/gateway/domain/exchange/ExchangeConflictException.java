package vn.lienthong.gateway.domain.exchange;

/** The message is not in a state that allows this: a late callback, or a replay of a live message. */
public class ExchangeConflictException extends ExchangeException {

    public ExchangeConflictException(String vietnamese, String english) {
        super(vietnamese, english);
    }
}
