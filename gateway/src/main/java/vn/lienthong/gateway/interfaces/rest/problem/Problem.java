package vn.lienthong.gateway.interfaces.rest.problem;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error body (RFC 9457 problem details) in Vietnamese with English alongside: what was
 * wrong and how to fix it, with one entry per offending field.
 */
public record Problem(String type,
                      String title,
                      String titleEn,
                      int status,
                      String detail,
                      String detailEn,
                      List<FieldError> errors,
                      List<String> allowed) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /** One field that failed, by its JSON path. */
    public record FieldError(String field, String message, String messageEn) {
    }

    public static Problem of(String slug, Response.Status status, String title, String titleEn,
                             String detail, String detailEn) {
        return of(slug, status.getStatusCode(), title, titleEn, detail, detailEn);
    }

    /** For statuses JAX-RS has no constant for, such as 422. */
    public static Problem of(String slug, int status, String title, String titleEn, String detail, String detailEn) {
        return new Problem("urn:lienthong:problem:" + slug, title, titleEn, status, detail, detailEn, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, titleEn, status, detail, detailEn, List.copyOf(fieldErrors), allowed);
    }

    public Problem withAllowed(List<String> allowedValues) {
        return new Problem(type, title, titleEn, status, detail, detailEn, errors, List.copyOf(allowedValues));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
