package vn.lienthong.gateway.application;

import vn.lienthong.gateway.domain.UnavailableException;

/** The identity provider's discovery document could not be read: sign-in waits for the provider. */
public class IdentityProviderUnreachableException extends UnavailableException {

    private static final long serialVersionUID = 1L;

    public IdentityProviderUnreachableException(String english, Throwable cause) {
        super("Không kết nối được tới hệ thống đăng nhập của tỉnh; xin thử lại sau ít phút", english, cause);
    }
}
