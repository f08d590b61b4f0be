package vn.lienthong.gateway.interfaces.rest.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.domain.RefusedException;
import vn.lienthong.gateway.domain.archive.ArchiveConflictException;
import vn.lienthong.gateway.domain.attachment.AttachmentTooLargeException;
import vn.lienthong.gateway.domain.attachment.IncompleteUploadException;
import vn.lienthong.gateway.domain.attachment.UnsupportedAttachmentException;
import vn.lienthong.gateway.domain.document.DocumentRefusedException;
import vn.lienthong.gateway.domain.document.UnverifiableDocumentException;
import vn.lienthong.gateway.domain.dossier.DuplicateSubmissionException;
import vn.lienthong.gateway.domain.dossier.ForbiddenTransitionException;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;
import vn.lienthong.gateway.domain.dossier.NotOnTheSpotException;
import vn.lienthong.gateway.domain.dossier.UnknownReferenceException;
import vn.lienthong.gateway.domain.exchange.ExchangeConflictException;
import vn.lienthong.gateway.domain.rating.RatingConflictException;

/**
 * A request refused as sent: the problem type and status say which rule it broke (400 invalid,
 * 409 a state that does not allow it, 413 too large, 415 wrong type, 422 unprocessable).
 * Callbacks without proof (401), callers out of scope (403) and refused uploads have their own mappers.
 */
@Provider
public class RefusedProblemMapper implements ExceptionMapper<RefusedException> {

    private static final int UNPROCESSABLE = 422;

    @Override
    public Response toResponse(RefusedException e) {
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
        if (e instanceof NotOnTheSpotException) {
            return Problem.of("not-on-the-spot", Response.Status.CONFLICT,
                    "Không giải quyết tại chỗ được", "Cannot be settled on the spot", e.vietnamese(), e.english()).toResponse();
        }
        if (e instanceof DuplicateSubmissionException) {
            return Problem.of("duplicate-submission", Response.Status.CONFLICT,
                    "Yêu cầu trùng lặp", "Duplicate submission", e.vietnamese(), e.english()).toResponse();
        }
        if (e instanceof RatingConflictException) {
            return Problem.of("rating-conflict", Response.Status.CONFLICT,
                    "Không đánh giá được", "Cannot be rated", e.vietnamese(), e.english()).toResponse();
        }
        if (e instanceof ExchangeConflictException) {
            return Problem.of("exchange-conflict", Response.Status.CONFLICT,
                    "Xung đột trạng thái liên thông", "Exchange state conflict", e.vietnamese(), e.english())
                    .toResponse();
        }
        if (e instanceof ArchiveConflictException) {
            return Problem.of("archive-conflict", Response.Status.CONFLICT,
                    "Kho lưu trữ chưa cho phép", "Archive state conflict", e.vietnamese(), e.english()).toResponse();
        }
        if (e instanceof AttachmentTooLargeException) {
            return Problem.of("attachment-too-large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "Tệp đính kèm quá lớn", "Attachment too large", e.vietnamese(), e.english()).toResponse();
        }
        if (e instanceof UnsupportedAttachmentException) {
            return Problem.of("unsupported-attachment", Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "Định dạng tệp không được nhận", "Unsupported attachment", e.vietnamese(), e.english()).toResponse();
        }
        if (e instanceof IncompleteUploadException) {
            return Problem.of("upload-incomplete", Response.Status.BAD_REQUEST,
                    "Tải lên không trọn vẹn", "Incomplete upload", e.vietnamese(), e.english()).toResponse();
        }
        if (e instanceof DocumentRefusedException) {
            return Problem.of("document-refused", UNPROCESSABLE, "Không lưu trữ được", "Cannot be archived",
                    e.vietnamese() + "; không có gì được lưu, hãy quét lại trang đó",
                    e.english() + "; nothing was kept, scan that page again").toResponse();
        }
        if (e instanceof UnverifiableDocumentException) {
            return Problem.of("unverifiable-pdf", UNPROCESSABLE, "Không kiểm tra được tệp PDF", "PDF cannot be verified",
                    e.vietnamese(), e.english()).toResponse();
        }
        return Problem.of("refused", Response.Status.BAD_REQUEST,
                "Yêu cầu bị từ chối", "Request refused", e.vietnamese(), e.english()).toResponse();
    }
}
