package vn.lienthong.gateway.application;

import java.security.cert.X509Certificate;

/**
 * Proves that a callback comes from the agency it claims, by mutual TLS or by the agency's HMAC
 * signature ({@link vn.lienthong.gateway.domain.exchange.CallbackSignature}), before anything reads it.
 */
public interface CallbackAuthentication {

    /** Whether {@code agencyId} is a connected agency that may send callbacks at all. */
    boolean knows(String agencyId);

    /**
     * Refuses with {@link CallbackRefusedException} unless the callback is proven to come from
     * {@code agencyId}, and a signature is not one seen before; returns how it was proven.
     */
    String verify(String agencyId, byte[] body, String timestamp, String signature, X509Certificate[] clientChain);
}
