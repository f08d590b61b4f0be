package vn.lienthong.gateway.interfaces.rest;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.domain.attachment.AttachmentException;
import vn.lienthong.gateway.domain.attachment.AttachmentStorageException;
import vn.lienthong.gateway.domain.attachment.AttachmentTooLargeException;

/** Too large 413, wrong type 415, broken upload 400, a store that cannot write 503 (logged with an incident id). */
@Provider
public class AttachmentProblemMapper implements ExceptionMapper<AttachmentException> {

    private static final Logger LOG = Logger.getLogger(AttachmentProblemMapper.class.getName());

    @Override
    public Response toResponse(AttachmentException e) {
        if (e instanceof AttachmentTooLargeException) {
            return Problem.of("attachment-too-large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "Tệp đính kèm quá lớn", "Attachment too large", e.vietnamese(), e.english()).toResponse();
        }
        if (e instanceof AttachmentStorageException storage && !storage.incompleteUpload()) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Attachment store failure, incident " + incident, e);
            return Problem.of("attachment-store-unavailable", Response.Status.SERVICE_UNAVAILABLE,
                    "Kho tệp đính kèm tạm thời không ghi được", "Attachment store unavailable",
                    e.vietnamese() + ". Mã sự cố: " + incident, e.english() + ". Incident: " + incident).toResponse();
        }
        if (e instanceof AttachmentStorageException) {
            return Problem.of("upload-incomplete", Response.Status.BAD_REQUEST,
                    "Tải lên không trọn vẹn", "Incomplete upload", e.vietnamese(), e.english()).toResponse();
        }
        return Problem.of("unsupported-attachment", Response.Status.UNSUPPORTED_MEDIA_TYPE,
                "Định dạng tệp không được nhận", "Unsupported attachment", e.vietnamese(), e.english()).toResponse();
    }
}
