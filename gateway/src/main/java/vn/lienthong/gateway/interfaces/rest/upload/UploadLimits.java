package vn.lienthong.gateway.interfaces.rest.upload;

/**
 * What one upload endpoint accepts. The body as a whole is capped before this by
 * {@link RequestBodyGuard}; these limits apply inside it.
 *
 * @param maxFileBytes largest file (part) in bytes
 * @param maxFiles file parts in one multipart body
 * @param maxFields other (form field) parts, each at most {@link UploadReader#MAX_FIELD_BYTES}
 */
public record UploadLimits(long maxFileBytes, int maxFiles, int maxFields) {

    public UploadLimits {
        if (maxFileBytes < 1 || maxFiles < 1 || maxFields < 0) {
            throw new IllegalArgumentException("Upload limits out of range");
        }
    }
}
