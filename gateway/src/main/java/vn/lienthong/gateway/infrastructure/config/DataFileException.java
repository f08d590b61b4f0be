package vn.lienthong.gateway.infrastructure.config;

import vn.lienthong.gateway.domain.GatewayException;

/** A shipped or provided data file (catalogue, calendar override) is missing or malformed. */
public class DataFileException extends GatewayException {

    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataFileException(String message) {
        super(message, null);
    }
}
