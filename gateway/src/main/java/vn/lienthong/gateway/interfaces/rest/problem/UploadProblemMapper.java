package vn.lienthong.gateway.interfaces.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.interfaces.rest.upload.UploadRefusedException;

/** A refused upload answers its own problem: 400, 413 or 415. */
@Provider
public class UploadProblemMapper implements ExceptionMapper<UploadRefusedException> {

    @Override
    public Response toResponse(UploadRefusedException e) {
        return e.problem().toResponse();
    }
}
