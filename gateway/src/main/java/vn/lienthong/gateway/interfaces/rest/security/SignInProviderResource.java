package vn.lienthong.gateway.interfaces.rest.security;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.IdentityProvider;
import vn.lienthong.gateway.interfaces.rest.problem.Problem;

/**
 * Where the console signs officers in: the province's OpenID Connect provider and this console's
 * client there. The browser runs the authorization code flow with PKCE itself and sends the access
 * token it gets as its bearer token; MicroProfile JWT verifies it with the provider's keys
 * (docs/console.md, "Sign-in through the province's identity provider").
 */
@Path("/sign-in/provider")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Đăng nhập / Sign-in")
public class SignInProviderResource {

    @Inject
    IdentityProvider provider;

    @GET
    @SecurityRequirementsSet // open: the sign-in page asks before anyone is signed in
    @Operation(operationId = "signInProvider", summary = "Hệ thống đăng nhập của tỉnh / The province's identity provider",
            description = "The OpenID Connect issuer, the console's client id, the scope and the provider's authorization, "
                    + "token and end-session endpoints (from its discovery document). 404 when none is configured "
                    + "(lienthong.security.oidc.client-id); the demo sign-in is then the way in, in demo mode.")
    @APIResponse(responseCode = "200", description = "issuer, clientId, scope, authorizationEndpoint, tokenEndpoint, endSessionEndpoint")
    @APIResponse(responseCode = "404", description = "No identity provider configured")
    @APIResponse(responseCode = "503", description = "The provider's discovery document could not be read")
    public Response provider() {
        return provider.settings()
                .map(settings -> Response.ok(settings).build())
                .orElseGet(() -> Problem.of("not-found", Response.Status.NOT_FOUND, "Không tìm thấy", "Not found",
                        "Chưa cấu hình hệ thống đăng nhập của tỉnh (lienthong.security.oidc.client-id)",
                        "No identity provider is configured (lienthong.security.oidc.client-id)").toResponse());
    }
}
