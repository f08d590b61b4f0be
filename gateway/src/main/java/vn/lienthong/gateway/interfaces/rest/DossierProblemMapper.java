package vn.lienthong.gateway.interfaces.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.domain.dossier.DossierException;
import vn.lienthong.gateway.domain.dossier.DossierNotFoundException;
import vn.lienthong.gateway.domain.dossier.DuplicateSubmissionException;
import vn.lienthong.gateway.domain.dossier.ForbiddenTransitionException;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;
import vn.lienthong.gateway.domain.dossier.UnknownReferenceException;

/** Turns the domain's refusals into problem bodies with the right status. */
@Provider
public class DossierProblemMapper implements ExceptionMapper<DossierException> {

    private static final int UNPROCESSABLE = 422;

    @Override
    public Response toResponse(DossierException e) {
        if (e instanceof UnknownReferenceException unknown) {
            return Problem.of("unknown-reference", UNPROCESSABLE,
                            "Không xử lý được yêu cầu", "Unprocessable request", e.vietnamese(), e.english())
                    .withErrors(List.of(new Problem.FieldError(unknown.field(), e.vietnamese(), e.english())))
                    .toResponse();
        }
        if (e instanceof InvalidDossierException invalid) {
            return Problem.of("validation", Response.Status.BAD_REQUEST,
                            "Dữ liệu không hợp lệ", "Invalid request", e.vietnamese(), e.english())
                    .withErrors(List.of(new Problem.FieldError(invalid.field(), e.vietnamese(), e.english())))
                    .toResponse();
        }
        if (e instanceof ForbiddenTransitionException forbidden) {
            return Problem.of("forbidden-transition", Response.Status.CONFLICT,
                            "Không chuyển trạng thái được", "Transition not allowed", e.vietnamese(), e.english())
                    .withAllowed(forbidden.allowed().stream().map(Enum::name).sorted().toList())
                    .toResponse();
        }
        if (e instanceof DuplicateSubmissionException) {
            return Problem.of("duplicate-submission", Response.Status.CONFLICT,
                    "Yêu cầu trùng lặp", "Duplicate submission", e.vietnamese(), e.english()).toResponse();
        }
        if (e instanceof DossierNotFoundException) {
            return Problem.of("not-found", Response.Status.NOT_FOUND,
                    "Không tìm thấy", "Not found", e.vietnamese(), e.english()).toResponse();
        }
        return Problem.of("refused", Response.Status.BAD_REQUEST,
                "Yêu cầu bị từ chối", "Request refused", e.vietnamese(), e.english()).toResponse();
    }
}
