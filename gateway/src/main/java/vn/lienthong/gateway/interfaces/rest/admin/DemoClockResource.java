package vn.lienthong.gateway.interfaces.rest.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.application.DemoClock;
import vn.lienthong.gateway.application.DemoClockOffException;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;
import vn.lienthong.gateway.interfaces.rest.GatewayApi;

/**
 * The demo clock for administrators: the gateway's clock moved forward by a duration, so that
 * deadlines, lateness and expiries show without waiting, and back to real time. It exists only in
 * demo mode (404 otherwise); every change is a line of the audit trail, as every PUT and DELETE is.
 */
@Path("/admin/demo-clock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Đồng hồ demo / Demo clock")
@RolesAllowed(Caller.ADMIN)
public class DemoClockResource {

    @Inject
    DemoClock clock;

    /** The clock's offset from real time (ISO-8601 duration, e.g. PT72H) and the time the gateway reads. */
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
    public ClockView read() {
        requireDemo();
        return view();
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
    public ClockView move(ClockOffset body) {
        requireDemo();
        clock.moveForward(offset(body == null ? null : body.offset()));
        return view();
    }

    @DELETE
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "resetDemoClock", summary = "Đồng hồ thực / Back to real time",
            description = "Puts the gateway's clock back to real time. Demo mode only.")
    @APIResponse(responseCode = "200", description = "offset, now")
    @APIResponse(responseCode = "404", description = "Not in demo mode")
    public ClockView reset() {
        requireDemo();
        clock.reset();
        return view();
    }

    static Duration offset(String text) {
        try {
            Duration offset = Duration.parse(text == null ? "" : text.trim());
            if (!offset.isNegative()) {
                return offset;
            }
        } catch (DateTimeParseException e) {
            // answered below, as a negative one
        }
        throw new InvalidDossierException("offset", "Độ lệch phải là khoảng thời gian ISO-8601 không âm, ví dụ P3D hoặc PT36H",
                "The offset must be a non-negative ISO-8601 duration, e.g. P3D or PT36H");
    }

    private void requireDemo() {
        if (!clock.available()) {
            throw new DemoClockOffException();
        }
    }

    private ClockView view() {
        return new ClockView(clock.offset().toString(), clock.now());
    }
}
