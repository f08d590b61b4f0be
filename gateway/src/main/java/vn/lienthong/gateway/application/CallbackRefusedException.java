package vn.lienthong.gateway.application;

import vn.lienthong.gateway.domain.RefusedException;

/** An agency callback that did not prove which agency sent it: answered 401, never acted on. */
public class CallbackRefusedException extends RefusedException {

    public CallbackRefusedException(String vietnamese, String english) {
        super(vietnamese, english, null);
    }
}
