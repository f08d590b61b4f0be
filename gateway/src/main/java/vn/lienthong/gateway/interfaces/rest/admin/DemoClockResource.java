package vn.lienthong.gateway.interfaces.rest.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.application.DemoClock;
import vn.lienthong.gateway.interfaces.rest.GatewayApi;
import vn.lienthong.gateway.interfaces.rest.problem.Problem;

/**
 * The demo clock for administrators: the gateway's clock moved forward by a duration, so that
 * deadlines, lateness and expiries show without waiting, and back to real time. It exists only in
 * demo mode (404 otherwise, as for any unknown path); every change is a line of the audit trail,
 * as every PUT and DELETE is.
 */
@Path("/admin/demo-clock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Đồng hồ demo / Demo clock")
@RolesAllowed(Caller.ADMIN)
public class DemoClockResource {

    @Inject
    DemoClock clock;

    /** The clock's offset from real time (ISO-8601 duration, e.g. P3D) and the time the gateway reads. */
    public record ClockView(String offset, Instant now) {
    }

    /** How far ahead of real time the clock should be (ISO-8601 duration, e.g. P3D or PT36H). */
    public record ClockOffset(String offset) {
    }

    @GET
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getDemoClock", summary = "Đồng hồ demo / Demo clock",
            description = "How far the gateway's clock is ahead of real time. Demo mode only.")
    @APIResponse(responseCode = "200", description = "offset, now")
    @APIResponse(responseCode = "404", description = "Not in demo mode")
    public Response read() {
        return clock.available() ? view() : off();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "moveDemoClock", summary = "Chỉnh đồng hồ demo / Move the demo clock forward",
            description = "Puts the gateway's clock {offset} (ISO-8601 duration, e.g. P3D) ahead of real time: "
                    + "deadlines, lateness, statistics and expiries follow. Not added to an earlier offset. Demo mode only.")
    @APIResponse(responseCode = "200", description = "offset, now")
    @APIResponse(responseCode = "400", description = "Not a non-negative ISO-8601 duration")
    @APIResponse(responseCode = "404", description = "Not in demo mode")
    public Response move(ClockOffset body) {
        if (!clock.available()) {
            return off();
        }
        Duration offset;
        try {
            offset = Duration.parse(body == null || body.offset() == null ? "" : body.offset().trim());
        } catch (DateTimeParseException e) {
            return invalid();
        }
        if (offset.isNegative()) {
            return invalid();
        }
        clock.moveForward(offset);
        return view();
    }

    @DELETE
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "resetDemoClock", summary = "Đồng hồ thực / Back to real time",
            description = "Puts the gateway's clock back to real time. Demo mode only.")
    @APIResponse(responseCode = "200", description = "offset, now")
    @APIResponse(responseCode = "404", description = "Not in demo mode")
    public Response reset() {
        if (!clock.available()) {
            return off();
        }
        clock.reset();
        return view();
    }

    private Response view() {
        return Response.ok(new ClockView(clock.offset().toString(), clock.now())).build();
    }

    private static Response off() {
        return Problem.of("not-found", Response.Status.NOT_FOUND, "Không tìm thấy", "Not found",
                "Đồng hồ demo chỉ có ở chế độ demo", "The demo clock exists only in demo mode").toResponse();
    }

    private static Response invalid() {
        String vi = "Độ lệch phải là khoảng thời gian ISO-8601 không âm, ví dụ P3D hoặc PT36H";
        String en = "The offset must be a non-negative ISO-8601 duration, e.g. P3D or PT36H";
        return Problem.of("validation", Response.Status.BAD_REQUEST, "Dữ liệu không hợp lệ", "Invalid request", vi, en)
                .withErrors(List.of(new Problem.FieldError("offset", vi, en))).toResponse();
    }
}
