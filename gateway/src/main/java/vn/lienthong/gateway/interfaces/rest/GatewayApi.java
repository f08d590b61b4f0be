package vn.lienthong.gateway.interfaces.rest;

import java.util.Map;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import vn.lienthong.gateway.application.Caller;

/**
 * The gateway's REST API, version 1. Callers authenticate with a MicroProfile JWT bearer token
 * (issuer and key: mp.jwt.verify.*); the token's groups are its roles. In the published contract
 * ({@code /openapi}, shaped by {@link ContractFilter}) every operation that needs the token names
 * the {@value #BEARER} scheme; the few open ones name none.
 */
@ApplicationPath("/api/v1")
@ApplicationScoped // a CDI bean, so that MicroProfile JWT finds its @LoginConfig
@LoginConfig(authMethod = "MP-JWT", realmName = "lienthong")
@DeclareRoles({Caller.DESK_OFFICER, Caller.LEADER, Caller.ADMIN, Caller.AUDITOR})
@OpenAPIDefinition(info = @Info(
        title = "Liên Thông gateway API",
        version = "1",
        description = "Tiếp nhận, theo dõi và thống kê hồ sơ của Bộ phận Một cửa; lịch làm việc. "
                + "Dossier intake, tracking and statistics for the one-stop desk; the working calendar."))
@SecurityScheme(securitySchemeName = GatewayApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "MicroProfile JWT: RS256 or ES256 from the configured issuer; "
                + "\"groups\" holds the roles (desk-officer, leader, admin, auditor), \"agency_code\" the officer's agency.")
public class GatewayApi extends Application {

    /** The name of the bearer-token security scheme in the published contract. */
    public static final String BEARER = "bearer";

    /**
     * Every resource is a CDI bean, whose constrained methods Hibernate Validator's CDI interceptor
     * already checks on each call (the same constraints, the same {@code ConstraintViolationException}
     * for {@code ValidationProblemMapper}); Jersey's own pass checked each request a second time.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.beanValidation.disable.server", true);
    }
}
