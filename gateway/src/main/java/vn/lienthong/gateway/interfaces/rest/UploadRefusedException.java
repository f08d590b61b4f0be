package vn.lienthong.gateway.interfaces.rest;

/** An upload refused before anything parses it; its problem body (status included) says why. */
public class UploadRefusedException extends RuntimeException {

    private final transient Problem problem;

    public UploadRefusedException(Problem problem) {
        super(problem.detailEn());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
