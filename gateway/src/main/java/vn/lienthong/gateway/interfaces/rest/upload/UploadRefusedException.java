package vn.lienthong.gateway.interfaces.rest.upload;

import vn.lienthong.gateway.domain.RefusedException;
import vn.lienthong.gateway.interfaces.rest.problem.Problem;

/** An upload refused before anything parses it; its problem body (status included) says why. */
public class UploadRefusedException extends RefusedException {

    private final transient Problem problem;

    public UploadRefusedException(Problem problem) {
        super(problem.detail(), problem.detailEn(), null);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
