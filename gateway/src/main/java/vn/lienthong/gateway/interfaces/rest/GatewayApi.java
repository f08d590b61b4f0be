package vn.lienthong.gateway.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The gateway's REST API, version 1. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(
        title = "Liên Thông gateway API",
        version = "1",
        description = "Tiếp nhận, theo dõi và thống kê hồ sơ của Bộ phận Một cửa; lịch làm việc. "
                + "Dossier intake, tracking and statistics for the one-stop desk; the working calendar."))
public class GatewayApi extends Application {
}
