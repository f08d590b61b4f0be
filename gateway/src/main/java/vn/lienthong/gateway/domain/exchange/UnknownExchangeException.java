package vn.lienthong.gateway.domain.exchange;

import vn.lienthong.gateway.domain.NoSuchRecordException;

/** No message matches this ticket, message id or dead letter id. */
public class UnknownExchangeException extends NoSuchRecordException {

    public UnknownExchangeException(String vietnamese, String english) {
        super(vietnamese, english);
    }
}
