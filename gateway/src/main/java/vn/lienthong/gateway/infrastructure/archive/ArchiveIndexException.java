package vn.lienthong.gateway.infrastructure.archive;

import vn.lienthong.gateway.domain.GatewayException;

/** The archive index cannot be opened as configured; the deployment fails with one line naming the setting. */
public class ArchiveIndexException extends GatewayException {

    public ArchiveIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
