package vn.lienthong.gateway.interfaces.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.domain.NoSuchRecordException;
import vn.lienthong.gateway.domain.exchange.UnknownExchangeException;

/** A dossier, document, ticket, message or dead letter that does not exist: 404. */
@Provider
public class NotFoundProblemMapper implements ExceptionMapper<NoSuchRecordException> {

    @Override
    public Response toResponse(NoSuchRecordException e) {
        String type = e instanceof UnknownExchangeException ? "exchange-not-found" : "not-found";
        return Problem.of(type, Response.Status.NOT_FOUND, "Không tìm thấy", "Not found",
                e.vietnamese(), e.english()).toResponse();
    }
}
