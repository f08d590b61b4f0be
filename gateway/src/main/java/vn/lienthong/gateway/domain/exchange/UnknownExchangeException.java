package vn.lienthong.gateway.domain.exchange;

/** No message matches this ticket, message id or dead letter id. */
public class UnknownExchangeException extends ExchangeException {

    public UnknownExchangeException(String vietnamese, String english) {
        super(vietnamese, english);
    }
}
