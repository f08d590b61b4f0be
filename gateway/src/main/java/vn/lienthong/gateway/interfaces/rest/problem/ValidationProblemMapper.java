package vn.lienthong.gateway.interfaces.rest.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures as a 400 problem with one entry per field. Constraint messages are
 * written "Vietnamese | English" on the request records.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(ValidationProblemMapper::toFieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of("validation", Response.Status.BAD_REQUEST,
                        "Dữ liệu không hợp lệ", "Invalid request",
                        "Có " + errors.size() + " trường không hợp lệ; xem danh sách errors",
                        errors.size() + " field(s) are invalid; see errors")
                .withErrors(errors)
                .toResponse();
    }

    private static Problem.FieldError toFieldError(ConstraintViolation<?> v) {
        String message = v.getMessage();
        int bar = message.indexOf(" | ");
        String vi = bar < 0 ? message : message.substring(0, bar);
        String en = bar < 0 ? message : message.substring(bar + 3);
        return new Problem.FieldError(field(v.getPropertyPath()), vi, en);
    }

    /** "submit.request.applicant.citizenId" becomes "applicant.citizenId": the path in the JSON body. */
    private static String field(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> { }
                case PARAMETER -> out.setLength(0);
                default -> {
                    if (node.getName() != null) {
                        out.append(out.length() == 0 ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }
}
