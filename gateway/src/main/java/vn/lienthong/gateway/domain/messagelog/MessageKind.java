package vn.lienthong.gateway.domain.messagelog;

/** What a message log record holds: a message to or from an agency, or the log's own retention purge. */
public enum MessageKind {
    /** The gateway's request to an agency, as sent. */
    REQUEST("out"),
    /** The agency's reply to a request, as received. */
    RESPONSE("in"),
    /** An asynchronous agency's result, as received at /api/v1/callbacks/{agency}. */
    CALLBACK("in"),
    /** Old records were purged under the retention setting; the record says which. */
    PURGE("log");

    private final String direction;

    MessageKind(String direction) {
        this.direction = direction;
    }

    /** "out" or "in" as seen from the gateway; "log" for the log's own records. */
    public String direction() {
        return direction;
    }
}
