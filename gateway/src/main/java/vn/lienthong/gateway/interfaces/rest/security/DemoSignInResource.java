package vn.lienthong.gateway.interfaces.rest.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.application.DemoTokens;
import vn.lienthong.gateway.domain.procedure.Agency;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.interfaces.rest.GatewayApi;
import vn.lienthong.gateway.interfaces.rest.problem.Problem;

/**
 * The console's demo sign-in: a short-lived token from the demo issuer for a chosen role and
 * agency. It exists only while the demo issuer runs (the embedded default); otherwise both calls
 * answer 404, as for any unknown path, and a province signs officers in with its identity provider.
 * A demo token may carry any role, the admin's too, for the asking: it is minted only for a caller on
 * the gateway's own machine (the README's command listens on every interface), unless
 * {@code lienthong.security.demo-issuer.remote-sign-in} opens it to others (a training room).
 */
@Path("/demo/sign-in")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Đăng nhập demo / Demo sign-in")
public class DemoSignInResource {

    private static final List<RoleView> ROLES = List.of(
            new RoleView(Caller.DESK_OFFICER, "Cán bộ một cửa", "Desk officer"),
            new RoleView(Caller.LEADER, "Lãnh đạo", "Leader"),
            new RoleView(Caller.ADMIN, "Quản trị hệ thống", "Administrator"),
            new RoleView(Caller.AUDITOR, "Kiểm tra, thanh tra", "Auditor"));

    @Inject
    DemoTokens issuer;

    @Inject
    ProcedureCatalogue catalogue;

    @Inject
    @ConfigProperty(name = "lienthong.security.demo-issuer.token-seconds", defaultValue = "1800")
    long tokenSeconds;

    @Inject
    @ConfigProperty(name = "lienthong.security.demo-issuer.remote-sign-in", defaultValue = "false")
    boolean remoteSignIn;

    @Context
    HttpServletRequest request;

    /** A role one may sign in as. */
    public record RoleView(String code, String vi, String en) {
    }

    /** What the sign-in form offers. */
    public record OptionsView(List<RoleView> roles, List<Agency> agencies, long tokenSeconds) {
    }

    /** The chosen role and agency. */
    public record SignIn(String role, String agencyCode) {
    }

    /** The minted token and when it stops working. */
    public record TokenView(String token, String officerId, Instant expiresAt) {
    }

    @GET
    @SecurityRequirementsSet // open: this is how a demo user gets a token
    @Operation(operationId = "demoSignInOptions", summary = "Lựa chọn đăng nhập demo / Demo sign-in options",
            description = "The roles and agencies a demo token may carry. Only while the demo issuer runs.")
    @APIResponse(responseCode = "200", description = "roles, agencies, tokenSeconds")
    @APIResponse(responseCode = "404", description = "The demo issuer is off")
    @APIResponse(responseCode = "403", description = "Called from another machine while remote demo sign-in is off")
    public Response options() {
        if (!issuer.enabled()) {
            return off();
        }
        if (!fromHere()) {
            return notFromHere();
        }
        return Response.ok(new OptionsView(ROLES, catalogue.agencies(), tokenSeconds)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet // open: this is how a demo user gets a token
    @Operation(operationId = "demoSignIn", summary = "Đăng nhập demo / Demo sign-in",
            description = "A DEMO bearer token for {role, agencyCode}, valid lienthong.security.demo-issuer.token-seconds "
                    + "(1800). Only while the demo issuer runs; every token minted is in the audit trail.")
    @APIResponse(responseCode = "200", description = "token, officerId, expiresAt")
    @APIResponse(responseCode = "400", description = "Unknown role, or an agency not in the catalogue")
    @APIResponse(responseCode = "404", description = "The demo issuer is off")
    @APIResponse(responseCode = "403", description = "Called from another machine while remote demo sign-in is off")
    public Response signIn(SignIn body) {
        if (!issuer.enabled()) {
            return off();
        }
        if (!fromHere()) {
            return notFromHere();
        }
        String role = body == null ? null : body.role();
        String agency = body == null ? null : body.agencyCode();
        if (ROLES.stream().noneMatch(r -> r.code().equals(role))) {
            return invalid("role", "Vai trò phải là một trong desk-officer, leader, admin, auditor",
                    "The role must be one of desk-officer, leader, admin, auditor");
        }
        if (catalogue.agencies().stream().noneMatch(a -> a.code().equals(agency))) {
            return invalid("agencyCode", "Đơn vị không có trong danh mục (GET /api/v1/demo/sign-in)",
                    "The agency is not in the catalogue (GET /api/v1/demo/sign-in)");
        }
        Instant now = Instant.now();
        String officer = "demo." + role + "." + agency;
        String name = ROLES.stream().filter(r -> r.code().equals(role)).findFirst().orElseThrow().vi() + " (DEMO)";
        String token = issuer.mint(new DemoTokens.DemoClaims(officer, name, role, agency, now,
                now.plus(Duration.ofSeconds(tokenSeconds))));
        // The audit line names whom the token was minted for; the call itself is anonymous.
        request.setAttribute(AuditFilter.DEMO_SIGN_IN, officer);
        return Response.ok(new TokenView(token, officer, now.plusSeconds(tokenSeconds))).build();
    }

    private static Response off() {
        return Problem.of("not-found", Response.Status.NOT_FOUND, "Không tìm thấy", "Not found",
                "Đăng nhập demo chỉ có khi bật bên phát hành thẻ demo", "Demo sign-in exists only with the demo issuer on")
                .toResponse();
    }

    /** The connection comes from this machine (the socket's peer; a forwarded-for header is not asked). */
    private boolean fromHere() {
        return remoteSignIn || isLoopback(request.getRemoteAddr());
    }

    static boolean isLoopback(String address) {
        // The container gives the peer as an IP literal; anything else is refused, never looked up by name.
        if (address == null || !address.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    private static Response notFromHere() {
        return Problem.of("forbidden", Response.Status.FORBIDDEN, "Không có quyền", "Forbidden",
                "Đăng nhập demo chỉ dùng được trên chính máy chạy cổng (http://127.0.0.1:…); muốn mở cho máy khác "
                        + "(phòng tập huấn), đặt LIENTHONG_SECURITY_DEMO_ISSUER_REMOTE_SIGN_IN=true",
                "Demo sign-in works only on the gateway's own machine (http://127.0.0.1:…); to open it to other "
                        + "machines (a training room), set LIENTHONG_SECURITY_DEMO_ISSUER_REMOTE_SIGN_IN=true")
                .toResponse();
    }

    private static Response invalid(String field, String vi, String en) {
        return Problem.of("validation", Response.Status.BAD_REQUEST, "Dữ liệu không hợp lệ", "Invalid request", vi, en)
                .withErrors(List.of(new Problem.FieldError(field, vi, en))).toResponse();
    }
}
