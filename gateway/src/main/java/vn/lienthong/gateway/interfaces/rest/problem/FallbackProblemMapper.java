package vn.lienthong.gateway.interfaces.rest.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.interfaces.rest.security.RequestBodyGuard;

/**
 * Everything no other mapper claims: unreadable JSON, a body over the limit, JAX-RS's own
 * errors (unknown path, wrong method or media type), and the unexpected. No stack trace ever
 * reaches the caller; an unexpected failure is logged under an incident id that the body quotes.
 */
@Provider
public class FallbackProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackProblemMapper.class.getName());
    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]+)'?");
    private static final Pattern ENUM_CONSTANT = Pattern.compile("No enum constant [\\w.$]*?(\\w+)\\.([^.\\s]*)$");
    /** JSON-B names the enum type but not the field; the request bodies use each enum in one field. */
    private static final Map<String, EnumField> ENUM_FIELDS = Map.of(
            "Channel", new EnumField("channel", Channel.values()),
            "DossierStatus", new EnumField("status", DossierStatus.values()));

    private record EnumField(String field, Enum<?>[] values) {
        String allowed() {
            return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
        }
    }

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        // JSON-B does not always keep the stream's exception as a cause, so the limit leaves a mark.
        Object limit = request == null ? null : request.getAttribute(RequestBodyGuard.EXCEEDED);
        if (limit instanceof Long bytes) {
            return RequestBodyGuard.tooLarge(bytes);
        }
        if (causedBy(e, JsonbException.class) || causedBy(e, JsonParsingException.class)
                || (e instanceof ProcessingException)) {
            return malformed(e);
        }
        if (e instanceof WebApplicationException web) {
            return fromStatus(web.getResponse().getStatus(), e);
        }
        if (causedBy(e, StorageException.class)) {
            return databaseUnavailable(e);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
        return Problem.of("internal", Response.Status.INTERNAL_SERVER_ERROR,
                "Lỗi hệ thống", "Internal error",
                "Đã ghi nhận sự cố " + incident + "; báo mã này cho bộ phận kỹ thuật",
                "Logged as incident " + incident + "; quote it to the operators").toResponse();
    }

    /** 503 for a database failure, logged under an incident id that the body quotes. */
    static Response databaseUnavailable(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Database failure, incident " + incident, e);
        return Problem.of("unavailable", Response.Status.SERVICE_UNAVAILABLE,
                "Cơ sở dữ liệu tạm thời không sẵn sàng", "Database temporarily unavailable",
                "Vui lòng thử lại sau. Mã sự cố: " + incident,
                "Please retry later. Incident: " + incident).toResponse();
    }

    private static Response malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : ENUM_CONSTANT.matcher(t.getMessage());
            EnumField known = m != null && m.find() ? ENUM_FIELDS.get(m.group(1)) : null;
            if (known != null) {
                String vi = "Giá trị '" + m.group(2) + "' không hợp lệ; chọn một trong: " + known.allowed();
                String en = "'" + m.group(2) + "' is not allowed; use one of: " + known.allowed();
                return Problem.of("validation", Response.Status.BAD_REQUEST, "Dữ liệu không hợp lệ", "Invalid request",
                                vi, en)
                        .withErrors(List.of(new Problem.FieldError(known.field(), vi, en))).toResponse();
            }
        }
        String property = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : PROPERTY.matcher(t.getMessage());
            if (m != null && m.find()) {
                property = m.group(1);
                break;
            }
        }
        Problem problem = Problem.of("malformed-json", Response.Status.BAD_REQUEST,
                "Nội dung JSON không đọc được", "Malformed JSON",
                property == null
                        ? "Nội dung gửi lên không phải JSON hợp lệ hoặc sai kiểu dữ liệu"
                        : "Trường '" + property + "' sai kiểu dữ liệu hoặc giá trị không hợp lệ",
                property == null
                        ? "The body is not valid JSON, or a value has the wrong type"
                        : "Field '" + property + "' has the wrong type or an invalid value");
        if (property != null) {
            problem = problem.withErrors(List.of(new Problem.FieldError(property,
                    "Sai kiểu dữ liệu hoặc giá trị không hợp lệ", "Wrong type or invalid value")));
        }
        return problem.toResponse();
    }

    private static Response fromStatus(int status, Throwable e) {
        return switch (status) {
            case 400 -> malformed(e);
            case 401 -> Response.fromResponse(Problem.of("unauthorized", Response.Status.UNAUTHORIZED,
                            "Chưa xác thực", "Unauthorized",
                            "Cần thẻ truy cập hợp lệ: Authorization: Bearer <JWT> (thẻ còn hạn, do bên phát hành được cấu hình ký)",
                            "A valid token is required: Authorization: Bearer <JWT>, unexpired and signed by the configured issuer")
                    .toResponse()).header("WWW-Authenticate", "Bearer realm=\"lienthong\"").build();
            case 403 -> Problem.of("forbidden", Response.Status.FORBIDDEN, "Không có quyền", "Forbidden",
                    "Vai trò trong thẻ truy cập không được dùng chức năng này",
                    "The token's roles do not allow this operation").toResponse();
            case 404 -> Problem.of("not-found", Response.Status.NOT_FOUND, "Không tìm thấy", "Not found",
                    "Không có tài nguyên tại địa chỉ này; xem /openapi",
                    "No resource at this address; see /openapi").toResponse();
            case 405 -> Problem.of("method-not-allowed", Response.Status.METHOD_NOT_ALLOWED,
                    "Phương thức không được hỗ trợ", "Method not allowed",
                    "Địa chỉ này không nhận phương thức HTTP đã dùng; xem /openapi",
                    "This address does not accept that HTTP method; see /openapi").toResponse();
            case 406 -> Problem.of("not-acceptable", Response.Status.NOT_ACCEPTABLE,
                    "Không trả được định dạng yêu cầu", "Not acceptable",
                    "API chỉ trả application/json", "The API answers application/json only").toResponse();
            case 415 -> Problem.of("unsupported-media-type", Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "Định dạng nội dung không được hỗ trợ", "Unsupported media type",
                    "Gửi nội dung với Content-Type: application/json",
                    "Send the body with Content-Type: application/json").toResponse();
            default -> Problem.of("http-" + status, status, "Yêu cầu không thực hiện được",
                    "Request failed", "Mã HTTP " + status, "HTTP status " + status).toResponse();
        };
    }


    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
