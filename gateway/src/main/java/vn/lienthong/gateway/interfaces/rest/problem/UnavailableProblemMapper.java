package vn.lienthong.gateway.interfaces.rest.problem;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.application.IdentityProviderUnreachableException;
import vn.lienthong.gateway.domain.UnavailableException;
import vn.lienthong.gateway.domain.attachment.AttachmentStorageException;
import vn.lienthong.gateway.domain.document.DocumentStorageException;
import vn.lienthong.gateway.domain.document.VerifierBusyException;

/**
 * Something the request needs cannot serve now: 503, with Retry-After when the verifier is busy.
 * A store that fails is logged under an incident id that the body quotes; a database failure
 * wrapped in another exception is answered the same by {@link FallbackProblemMapper}.
 */
@Provider
public class UnavailableProblemMapper implements ExceptionMapper<UnavailableException> {

    private static final Logger LOG = Logger.getLogger(UnavailableProblemMapper.class.getName());

    @Override
    public Response toResponse(UnavailableException e) {
        if (e instanceof VerifierBusyException busy) {
            return Response.fromResponse(Problem.of("verifier-busy", Response.Status.SERVICE_UNAVAILABLE,
                            "Hệ thống đang bận", "Verifier busy", e.vietnamese(), e.english()).toResponse())
                    .header("Retry-After", busy.retryAfterSeconds()).build();
        }
        if (e instanceof DocumentStorageException) {
            LOG.log(Level.SEVERE, "Document storage failed", e);
            return Problem.of("archive-unavailable", Response.Status.SERVICE_UNAVAILABLE,
                    "Kho lưu trữ tạm thời không dùng được", "Archive unavailable",
                    e.vietnamese(), "The archive could not complete the request; try again later").toResponse();
        }
        if (e instanceof AttachmentStorageException) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Attachment store failure, incident " + incident, e);
            return Problem.of("attachment-store-unavailable", Response.Status.SERVICE_UNAVAILABLE,
                    "Kho tệp đính kèm tạm thời không ghi được", "Attachment store unavailable",
                    e.vietnamese() + ". Mã sự cố: " + incident, e.english() + ". Incident: " + incident).toResponse();
        }
        if (e instanceof IdentityProviderUnreachableException) {
            LOG.log(Level.WARNING, e.english(), e.getCause());
            return Problem.of("identity-provider-unavailable", Response.Status.SERVICE_UNAVAILABLE,
                    "Hệ thống đăng nhập tạm thời không dùng được", "Identity provider unavailable",
                    e.vietnamese(), "The province's identity provider could not be reached; try again in a few minutes")
                    .toResponse();
        }
        return FallbackProblemMapper.databaseUnavailable(e);
    }
}
