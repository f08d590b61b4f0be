package vn.lienthong.gateway.application;

import vn.lienthong.gateway.domain.RefusedException;

/** A verified caller asked for something outside its agency or its role: answered 403. */
public class OutOfScopeException extends RefusedException {

    public OutOfScopeException(String vietnamese, String english) {
        super(vietnamese, english, null);
    }
}
