package vn.lienthong.gateway.interfaces.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.application.OutOfScopeException;

/** A verified caller reaching outside its agency or role: 403 with the reason. */
@Provider
public class SecurityProblemMapper implements ExceptionMapper<OutOfScopeException> {

    @Override
    public Response toResponse(OutOfScopeException e) {
        return Problem.of("forbidden", Response.Status.FORBIDDEN, "Không có quyền", "Forbidden",
                e.vietnamese(), e.english()).toResponse();
    }
}
