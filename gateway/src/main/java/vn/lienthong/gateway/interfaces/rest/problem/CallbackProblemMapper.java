package vn.lienthong.gateway.interfaces.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.application.CallbackRefusedException;

/** An agency callback without proof of its sender: 401, and nothing was acted on. */
@Provider
public class CallbackProblemMapper implements ExceptionMapper<CallbackRefusedException> {

    @Override
    public Response toResponse(CallbackRefusedException e) {
        return Response.fromResponse(Problem.of("unauthorized", Response.Status.UNAUTHORIZED,
                        "Chưa xác thực cơ quan gửi", "Callback not authenticated", e.vietnamese(), e.english())
                .toResponse()).header("WWW-Authenticate", "HMAC-SHA256 realm=\"lienthong-callbacks\"").build();
    }
}
