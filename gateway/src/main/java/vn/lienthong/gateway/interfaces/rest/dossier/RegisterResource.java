package vn.lienthong.gateway.interfaces.rest.dossier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.application.DeskRegister;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.DossierRegister;
import vn.lienthong.gateway.interfaces.rest.GatewayApi;
import vn.lienthong.gateway.interfaces.rest.QueryParameters;

/**
 * The dossier register (form 07, sổ theo dõi hồ sơ) of one receiving unit for a period, as JSON for
 * the screen or, with {@code Accept: application/pdf}, as a PDF/A sealed by the agency for printing
 * ({@link RegisterPdfResource} serves the same PDF at {@code /register.pdf}). Desk officers read their
 * own agency's register, leaders their agency's and each unit's under it.
 */
@Path("/register")
@RequestScoped
@RolesAllowed({Caller.DESK_OFFICER, Caller.LEADER})
@Tag(name = "Hồ sơ / Dossiers")
public class RegisterResource {

    static final String PDF = "application/pdf";
    static final String AGENCY = "Mã đơn vị tiếp nhận; mặc định: đơn vị của người gọi | The receiving unit's code; "
            + "default: the caller's agency";
    static final String FROM = "Ngày nhận đầu tiên (yyyy-MM-dd), mặc định: ngày 1 tháng này | First day of receipt; "
            + "default: the 1st of this month";
    static final String TO = "Ngày nhận cuối cùng (yyyy-MM-dd), mặc định: hôm nay; tối đa 366 ngày | Last day of "
            + "receipt; default: today; at most 366 days";

    /** One dossier of the register; {@code timeliness} is null when it is not judged (refused, stopped, awaiting a supplement). */
    public record RowView(int number, String code, String procedureCode, String procedureName, String applicant,
                          OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime returnedAt, String status,
                          String statusLabel,
                          @Schema(description = "EARLY, ON_TIME, LATE (finished with a result), IN_TIME or OVERDUE "
                                  + "(still open); null when not judged")
                          String timeliness,
                          String timelinessLabel) {
    }

    /** The register: the unit, the period, when it was drawn up, its rows in the order received and the counts. */
    public record RegisterView(String agencyCode, String agencyName, LocalDate from, LocalDate to, OffsetDateTime madeAt,
                               int total, long early, long onTime, long late, long inTime, long overdue,
                               List<RowView> rows) {

        static RegisterView of(DossierRegister r) {
            List<RowView> rows = new java.util.ArrayList<>();
            for (DossierRegister.Row row : r.rows()) {
                rows.add(new RowView(rows.size() + 1, row.code(), row.procedureCode(), row.procedureName(),
                        row.applicant(), row.receivedAt(), row.dueAt(), row.returnedAt(), row.status().name(),
                        row.status().vietnamese(), row.standing() == null ? null : row.standing().name(),
                        row.standing() == null ? null : row.standing().vietnamese()));
            }
            return new RegisterView(r.agencyCode(), r.agencyName(), r.from(), r.to(), r.madeAt(), r.rows().size(),
                    r.count(DossierRegister.Standing.EARLY), r.count(DossierRegister.Standing.ON_TIME),
                    r.count(DossierRegister.Standing.LATE), r.count(DossierRegister.Standing.IN_TIME),
                    r.count(DossierRegister.Standing.OVERDUE), rows);
        }
    }

    @Inject
    DeskRegister register;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, PDF})
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getDossierRegister", summary = "Sổ theo dõi hồ sơ (mẫu 07) / Dossier register (form 07)",
            description = "The dossiers one receiving unit received from..to, in the order received: code, "
                    + "procedure, applicant, received, appointment (due), returned, status, and early / on time / "
                    + "late. JSON by default; with Accept: application/pdf the same register as a PDF/A-2b sealed "
                    + "by the agency (also at GET /register.pdf).")
    @APIResponse(responseCode = "200", description = "The register, as JSON or as the sealed PDF",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegisterView.class)),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "A date malformed, to before from, or a period over 366 days")
    public Response get(@Parameter(description = AGENCY) @QueryParam("agency") String agency,
                        @Parameter(description = FROM) @QueryParam("from") String from,
                        @Parameter(description = TO) @QueryParam("to") String to) {
        DossierRegister r = draw(register, caller, clock, agency, from, to);
        if (wantsPdf()) {
            return pdf(register.sealed(r), r);
        }
        return Response.ok(RegisterView.of(r), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The register the caller asked for, within the caller's scope. */
    static DossierRegister draw(DeskRegister register, Caller caller, Clock clock, String agency, String from,
                                String to) {
        String unit = agency == null || agency.isBlank() ? caller.readScope().agencyCode() : agency.trim();
        caller.requireRead(unit);
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.VIETNAM));
        LocalDate start = QueryParameters.date("from", from);
        LocalDate end = QueryParameters.date("to", to);
        return register.of(caller.readScope(), unit, start == null ? today.withDayOfMonth(1) : start,
                end == null ? today : end);
    }

    static Response pdf(byte[] bytes, DossierRegister r) {
        String name = "so-theo-doi-ho-so-" + r.agencyCode() + "-" + r.from() + "-" + r.to() + ".pdf";
        return Response.ok(bytes, PDF)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Content-Length", bytes.length)
                .build();
    }

    /** Whether the client prefers the PDF: the first acceptable type (by q) that is one of the two offered. */
    private boolean wantsPdf() {
        for (MediaType t : headers.getAcceptableMediaTypes()) {
            if (t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardSubtype()) {
                return false;
            }
            if (t.isCompatible(MediaType.valueOf(PDF)) && !t.isWildcardType() && !t.isWildcardSubtype()) {
                return true;
            }
            if (t.isWildcardType() || t.isWildcardSubtype()) {
                return false;
            }
        }
        return false;
    }
}
