package vn.lienthong.gateway.domain.paper;

/** A paper could not be made: its data, its keys, rendering or signing failed. */
public class PaperException extends RuntimeException {

    public PaperException(String message, Throwable cause) {
        super(message, cause);
    }
}
