package vn.lienthong.gateway.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.infrastructure.verification.DocumentRefusedException;
import vn.lienthong.gateway.infrastructure.verification.VerifierBusyException;

/** A document the verifier refused: 422 with the reason, or 503 with Retry-After when it is busy. */
@Provider
public class VerificationProblemMapper implements ExceptionMapper<DocumentRefusedException> {

    private static final int UNPROCESSABLE = 422;

    @Override
    public Response toResponse(DocumentRefusedException e) {
        if (e instanceof VerifierBusyException busy) {
            return Response.fromResponse(Problem.of("verifier-busy", Response.Status.SERVICE_UNAVAILABLE,
                            "Hệ thống đang bận", "Verifier busy", e.vietnamese(), e.english()).toResponse())
                    .header("Retry-After", busy.retryAfterSeconds()).build();
        }
        return Problem.of("unverifiable-pdf", UNPROCESSABLE, "Không kiểm tra được tệp PDF", "PDF cannot be verified",
                e.vietnamese(), e.english()).toResponse();
    }
}
