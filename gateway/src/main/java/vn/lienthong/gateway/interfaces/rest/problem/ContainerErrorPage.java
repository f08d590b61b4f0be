package vn.lienthong.gateway.interfaces.rest.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page (web.xml) for answers the container gives itself, such as a token that
 * MicroProfile JWT refuses before the API is reached: a problem+json body in the API's style.
 */
@WebServlet("/errors/status")
public class ContainerErrorPage extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        Problem problem = switch (status) {
            case 401 -> Problem.of("unauthorized", 401, "Chưa xác thực", "Unauthorized",
                    "Thẻ truy cập không hợp lệ hoặc đã hết hạn: cần Authorization: Bearer <JWT> do bên phát hành được cấu hình ký",
                    "The token is invalid or expired: send Authorization: Bearer <JWT> signed by the configured issuer");
            case 403 -> Problem.of("forbidden", 403, "Không có quyền", "Forbidden",
                    "Không được phép truy cập địa chỉ này", "Access to this address is not allowed");
            case 400 -> Problem.of("bad-request", 400, "Yêu cầu không hợp lệ", "Bad request",
                    "Máy chủ không đọc được yêu cầu", "The server could not read the request");
            case 413 -> Problem.of("too-large", 413, "Nội dung quá lớn", "Payload too large",
                    "Nội dung gửi lên vượt giới hạn", "The body is over the size limit");
            default -> Problem.of("internal", status, "Lỗi hệ thống", "Internal error",
                    "Yêu cầu không thực hiện được; thử lại sau", "The request failed; retry later");
        };
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"lienthong\", error=\"invalid_token\"");
        }
        response.getWriter().write(JSON.toJson(problem));
    }
}
