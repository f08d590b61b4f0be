package vn.lienthong.gateway.interfaces.rest.admin;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.AgencyLinks;
import vn.lienthong.gateway.application.AgencyOverview;
import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.interfaces.rest.GatewayApi;

/** The configured agencies for administrators: health, circuit breaker, queue, last error, and a test call. */
@Path("/admin/agencies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cơ quan liên thông / Agencies")
@RolesAllowed(Caller.ADMIN)
public class AgencyResource {

    @Inject
    AgencyOverview agencies;

    /** One agency as the API shows it. */
    @Schema(description = "How one configured agency stands")
    public record AgencyView(
            @Schema(description = "Connector id, e.g. civil-status") String id,
            @Schema(description = "Display name") String name,
            @Schema(description = "Electronic agency code") String agencyCode,
            boolean enabled,
            @Schema(description = "REACHABLE, RECOVERING (circuit half open), UNREACHABLE (circuit open) or DISABLED")
            String health,
            @Schema(description = "Circuit breaker: CLOSED, OPEN, HALF_OPEN; NONE when switched off") String breaker,
            @Schema(description = "Outbox messages waiting for the agency") int pending,
            @Schema(description = "Outbox messages being delivered to it now") int inFlight,
            @Schema(description = "The newest error stored on one of its messages; absent when none") String lastError,
            @Schema(description = "When that message last changed") OffsetDateTime lastErrorAt) {

        static AgencyView of(AgencyOverview.AgencyStatus s) {
            return new AgencyView(s.id(), s.name(), s.agencyCode(), s.enabled(), s.health(), s.breaker(), s.pending(),
                    s.inFlight(), s.lastError(), s.lastErrorAt());
        }
    }

    /** A test call's answer. */
    @Schema(description = "The answer to a test call")
    public record TestCallView(
            @Schema(description = "Whether the agency's server answered below 500") boolean reachable,
            @Schema(description = "HTTP status; 0 when no answer came") int status,
            @Schema(description = "How long the call took, in milliseconds") long millis,
            @Schema(description = "Why it is not reachable; absent when it is") String error) {

        static TestCallView of(AgencyLinks.TestCall t) {
            return new TestCallView(t.reachable(), t.status(), t.millis(), t.error());
        }
    }

    @GET
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listAgencyHealth", summary = "Tình trạng cơ quan liên thông / Agencies' health",
            description = "Every configured agency with its health, circuit-breaker state, outbox queue depth "
                    + "(pending and in flight) and last error.")
    @APIResponse(responseCode = "200", description = "The agencies, in configuration order")
    public List<AgencyView> list() {
        return agencies.list().stream().map(AgencyView::of).toList();
    }

    @POST
    @Path("/{id}/test")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "testAgency", summary = "Gọi thử cơ quan / Test call to an agency",
            description = "A GET to the agency's base URL with its connector's TLS, credentials and timeouts, "
                    + "outside the circuit breaker and the outbox: it creates no dossier and no message.")
    @APIResponse(responseCode = "200", description = "Reachable or not, with the status or error")
    @APIResponse(responseCode = "404", description = "No such agency")
    public TestCallView test(
            @Parameter(description = "Connector id, e.g. civil-status", required = true) @PathParam("id") String id) {
        return TestCallView.of(agencies.test(id));
    }
}
