package vn.lienthong.gateway.domain;

/** The request names a dossier, a document or an exchange message that does not exist. */
public abstract class NoSuchRecordException extends GatewayException {

    private static final long serialVersionUID = 1L;

    protected NoSuchRecordException(String vietnamese, String english) {
        super(vietnamese, english, null);
    }
}
