package vn.lienthong.gateway.domain.paper;

/** A signing key of the papers (officer or agency) cannot be opened or created; the configuration must change. */
public class PaperKeyException extends PaperException {

    public PaperKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
