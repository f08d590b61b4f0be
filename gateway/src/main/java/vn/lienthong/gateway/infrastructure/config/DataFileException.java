package vn.lienthong.gateway.infrastructure.config;

/** A shipped or provided data file (catalogue, calendar override) is missing or malformed. */
public class DataFileException extends RuntimeException {

    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataFileException(String message) {
        super(message);
    }
}
