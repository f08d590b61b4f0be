package vn.lienthong.gateway.infrastructure.camel;

/** Camel could not start; the deployment fails rather than run without its routes. */
public class CamelStartupException extends RuntimeException {

    public CamelStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
