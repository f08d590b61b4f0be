package vn.lienthong.gateway.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;

/** An upload refused before anything parses it: its problem body says why, bilingually. */
public class UploadRefusedException extends WebApplicationException {

    public UploadRefusedException(Problem problem) {
        super(problem.detailEn(), problem.toResponse());
    }
}
