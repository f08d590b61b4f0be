package vn.lienthong.gateway.domain.exchange;

import vn.lienthong.gateway.domain.RefusedException;

/** The message is not in a state that allows this: a late callback, or a replay of a live message. */
public class ExchangeConflictException extends RefusedException {

    public ExchangeConflictException(String vietnamese, String english) {
        super(vietnamese, english, null);
    }
}
