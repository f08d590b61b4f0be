package vn.lienthong.gateway.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.domain.exchange.ExchangeConflictException;
import vn.lienthong.gateway.domain.exchange.ExchangeException;

/** Unknown tickets and dead letters answer 404; late callbacks and replays of live messages 409. */
@Provider
public class ExchangeProblemMapper implements ExceptionMapper<ExchangeException> {

    @Override
    public Response toResponse(ExchangeException e) {
        if (e instanceof ExchangeConflictException) {
            return Problem.of("exchange-conflict", Response.Status.CONFLICT,
                    "Xung đột trạng thái liên thông", "Exchange state conflict", e.vietnamese(), e.english())
                    .toResponse();
        }
        return Problem.of("exchange-not-found", Response.Status.NOT_FOUND,
                "Không tìm thấy", "Not found", e.vietnamese(), e.english()).toResponse();
    }
}
