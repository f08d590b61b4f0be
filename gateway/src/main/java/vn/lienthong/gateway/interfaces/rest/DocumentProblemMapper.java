package vn.lienthong.gateway.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.domain.document.DocumentException;
import vn.lienthong.gateway.domain.document.DocumentNotFoundException;
import vn.lienthong.gateway.domain.document.DocumentRefusedException;

/** Documents and the archive: 404 unknown, 422 pages or a PDF the archive cannot keep, 503 the archive failing. */
@Provider
public class DocumentProblemMapper implements ExceptionMapper<DocumentException> {

    private static final int UNPROCESSABLE = 422;

    @Override
    public Response toResponse(DocumentException e) {
        if (e instanceof DocumentNotFoundException) {
            return Problem.of("not-found", Response.Status.NOT_FOUND, "Không tìm thấy", "Not found",
                    e.vietnamese(), e.english()).toResponse();
        }
        if (e instanceof DocumentRefusedException) {
            return Problem.of("document-refused", UNPROCESSABLE, "Không lưu trữ được", "Cannot be archived",
                    e.vietnamese() + "; không có gì được lưu, hãy quét lại trang đó",
                    e.english() + "; nothing was kept, scan that page again").toResponse();
        }
        System.getLogger(DocumentProblemMapper.class.getName()).log(System.Logger.Level.ERROR,
                "Document storage failed", e);
        return Problem.of("archive-unavailable", Response.Status.SERVICE_UNAVAILABLE,
                "Kho lưu trữ tạm thời không dùng được", "Archive unavailable",
                e.vietnamese(), "The archive could not complete the request; try again later").toResponse();
    }
}
