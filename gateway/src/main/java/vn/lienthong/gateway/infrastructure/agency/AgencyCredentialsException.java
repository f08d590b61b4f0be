package vn.lienthong.gateway.infrastructure.agency;

import vn.lienthong.gateway.domain.GatewayException;


/** No token could be had from the agency's OAuth2 endpoint; an IOException cause makes delivery retry. */
public class AgencyCredentialsException extends GatewayException {

    public AgencyCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
