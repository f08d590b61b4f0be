package vn.lienthong.gateway.interfaces.rest.dossier;

import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.interfaces.rest.GatewayApi;
import vn.lienthong.gateway.application.AgencyRequests;
import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.application.ChangeStatus;
import vn.lienthong.gateway.application.DeadLetters;
import vn.lienthong.gateway.application.DossierDesk;
import vn.lienthong.gateway.application.ExtendDossier;
import vn.lienthong.gateway.application.HandOver;
import vn.lienthong.gateway.application.OnTheSpot;
import vn.lienthong.gateway.application.SubmitDossier;
import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.CitizenId;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierQuery;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;
import vn.lienthong.gateway.domain.procedure.Procedure;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.interfaces.rest.QueryParameters;
import vn.lienthong.gateway.interfaces.rest.security.Callers;

/**
 * Dossiers at the one-stop desk: intake, look-up, hand-overs, status changes, extensions, listing.
 * Desk officers work on their own agency's dossiers; leaders read their agency's and its units'.
 * The actor recorded for a change is always the token's officer.
 */
@Path("/dossiers")
@ApplicationScoped // one instance: built and injected per request, it cost about as much as validating the intake
@RolesAllowed({Caller.DESK_OFFICER, Caller.LEADER})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Hồ sơ / Dossiers")
public class DossierResource {

    private static final String BODY_REQUIRED = "Bắt buộc có nội dung JSON | A JSON body is required";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key tối đa 200 ký tự | Idempotency-Key: at most 200 characters";

    @Inject
    DossierDesk desk;

    @Inject
    ProcedureCatalogue catalogue;

    @Inject
    AgencyRequests agencyRequests;

    @Inject
    DeadLetters deadLetters;

    @Inject
    OnTheSpot onTheSpot;

    /** The request's caller (request-scoped, read once per request). */
    @Inject
    Callers callers;

    /** Jersey injects a proxy to the current request's. */
    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed(Caller.DESK_OFFICER)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "submitDossier", summary = "Tiếp nhận hồ sơ / Submit a dossier",
            description = "Numbers the dossier {agencyCode}-{yymmdd}-{NNNN} and sets the appointment date (dueAt).")
    @APIResponse(responseCode = "201", description = "Received; Location names the dossier")
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid field")
    @APIResponse(responseCode = "413", description = "Body over the size limit")
    @APIResponse(responseCode = "422", description = "Unknown procedure or agency")
    @APIResponse(responseCode = "200", description = "Same Idempotency-Key as an earlier submission: that dossier")
    public Response submit(@Valid @NotNull(message = BODY_REQUIRED) DossierRequests.Submit body,
                           @HeaderParam("Idempotency-Key") @Size(max = 200, message = IDEMPOTENCY_KEY) String key) {
        caller().requireChange(body.agencyCode());
        DossierRequests.Applicant a = body.applicant();
        DossierDesk.Intake intake = desk.submit(new SubmitDossier(body.procedureCode(), body.agencyCode(),
                new Applicant(a.fullName().trim(), new CitizenId(a.citizenId()), a.phone(), a.email(),
                        a.notifications() == null ? null : a.notifications().consent()),
                body.formData() == null ? null : body.formData().toString(), body.channel(), actor("receivedBy", body.receivedBy())),
                key == null || key.isBlank() ? null : key.trim());
        Dossier dossier = intake.dossier();
        if (!intake.created()) {
            return Response.ok(view(dossier, desk.now())).build();
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(dossier.code().value()).build())
                .entity(view(dossier, dossier.receivedAt()))
                .build();
    }

    @GET
    @Path("{code}")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getDossier", summary = "Xem hồ sơ / Get a dossier")
    public DossierViews.DossierView get(@PathParam("code") String code) {
        Dossier dossier = readable(code);
        String name = catalogue.procedure(dossier.procedureCode()).map(Procedure::name).orElse(null);
        return DossierViews.of(dossier, name, desk.now(),
                agencyRequests.ofDossier(dossier.code()).stream().map(DossierViews::of).toList());
    }

    @GET
    @Path("{code}/history")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getDossierHistory", summary = "Quá trình xử lý (mẫu 06) / Processing record (form 06)")
    public DossierViews.HistoryView history(@PathParam("code") String code) {
        DossierCode dossierCode = readable(code).code();
        return new DossierViews.HistoryView(code,
                desk.history(dossierCode).stream().map(DossierViews::of).toList());
    }

    @POST
    @Path("{code}/steps")
    @RolesAllowed(Caller.DESK_OFFICER)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "handOverDossier", summary = "Chuyển bước xử lý / Hand over to a department or agency")
    public DossierViews.DossierView handOver(@PathParam("code") String code,
                                             @Valid @NotNull(message = BODY_REQUIRED) DossierRequests.Step body) {
        Dossier dossier = desk.handOver(changeable(code), new HandOver(actor("actor", body.actor()), body.fromUnit(),
                body.toUnit(), body.deadline(), body.workingHours(), body.note(), blankToNull(body.toAgency())));
        return view(dossier, desk.now());
    }

    @POST
    @Path("{code}/transitions")
    @RolesAllowed(Caller.DESK_OFFICER)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "changeDossierStatus", summary = "Chuyển trạng thái / Change status",
            description = "A forbidden transition answers 409 with the allowed ones. The desk's papers follow: "
                    + "SUPPLEMENT_REQUESTED issues form 02 (reason, and the optional documentsToAdd list), REJECTED "
                    + "form 03, STOPPED form 05, each signed by the officer and the agency and listed among the "
                    + "dossier's documents (FORM_02, FORM_03, FORM_05) once made.")
    @APIResponse(responseCode = "200", description = "The dossier as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DossierViews.DossierView.class)))
    @APIResponse(responseCode = "409", description = "Transition not allowed from the current status")
    public DossierViews.DossierView transition(@PathParam("code") String code,
                                               @Valid @NotNull(message = BODY_REQUIRED) DossierRequests.Transition body) {
        Dossier dossier = desk.changeStatus(changeable(code),
                new ChangeStatus(body.status(), body.reason(), actor("actor", body.actor()), body.documentsToAdd()));
        return view(dossier, desk.now());
    }

    @POST
    @Path("{code}/on-the-spot")
    @RolesAllowed(Caller.DESK_OFFICER)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "settleOnTheSpot", summary = "Giải quyết \"4 tại chỗ\" / Settle on the spot",
            description = "For a procedure marked onTheSpot in the catalogue (GET /api/v1/procedures), a RECEIVED dossier "
                    + "received today is appraised, approved and completed at once by a desk officer who holds the "
                    + "delegation (lienthong.on-the-spot.roles or lienthong.on-the-spot.officers). The history gets one "
                    + "line per step naming 4 tại chỗ and the officer (the decision as kind ON_THE_SPOT); the result "
                    + "papers follow as at any completion (form 06, signed); the statistics count it in onTheSpot. "
                    + "403 without the delegation, 409 (not-on-the-spot) for a procedure not so marked or a dossier "
                    + "not received today or no longer RECEIVED.")
    @APIResponse(responseCode = "200", description = "The dossier, COMPLETED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DossierViews.DossierView.class)))
    @APIResponse(responseCode = "403", description = "The officer holds no on-the-spot delegation for the dossier's unit")
    @APIResponse(responseCode = "409", description = "Not settled on the spot: procedure not marked, or dossier not RECEIVED today")
    public DossierViews.DossierView settleOnTheSpot(@PathParam("code") String code,
                                                    @Valid @NotNull(message = BODY_REQUIRED) DossierRequests.OnTheSpotDecision body) {
        Dossier dossier = onTheSpot.settle(new DossierCode(code), caller(), body.note());
        return view(dossier, desk.now());
    }

    @POST
    @Path("{code}/extensions")
    @RolesAllowed(Caller.DESK_OFFICER)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "extendDossier", summary = "Xin lỗi và hẹn lại (mẫu 04) / Apology and new date (form 04)",
            description = "Moves the appointment date (newDueAt, after the current one) with the reason; the desk "
                    + "issues form 04, signed by the officer and the agency, listed among the documents as FORM_04.")
    public DossierViews.DossierView extend(@PathParam("code") String code,
                                           @Valid @NotNull(message = BODY_REQUIRED) DossierRequests.Extension body) {
        Dossier dossier = desk.extend(changeable(code),
                new ExtendDossier(body.newDueAt(), body.reason(), actor("actor", body.actor())));
        return view(dossier, desk.now());
    }

    @POST
    @Path("{code}/steps/{operation}/retry")
    @RolesAllowed(Caller.DESK_OFFICER)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "retryAgencyStep", summary = "Thử lại bước liên thông / Retry an agency step",
            description = "Sends a failed or dead step again with the same message id, so an agency that did act "
                    + "does not act twice. Steps already done are never repeated.")
    @APIResponse(responseCode = "200", description = "The dossier as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DossierViews.DossierView.class)))
    @APIResponse(responseCode = "404", description = "No such dossier or step")
    @APIResponse(responseCode = "409", description = "The step is not failed, or the dossier is finished")
    public DossierViews.DossierView retryStep(@PathParam("code") String code, @PathParam("operation") String operation) {
        DossierCode dossier = changeable(code);
        deadLetters.retryStep(dossier, operation, caller().officerId());
        return view(desk.find(dossier), desk.now());
    }

    @POST
    @Path("{code}/flow/close")
    @RolesAllowed(Caller.DESK_OFFICER)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "closeDossierPartially", summary = "Đóng hồ sơ hoàn thành một phần / Close as partially completed",
            description = "After an agency step failed for good: the results already in stand, the dossier becomes "
                    + "PARTIALLY_COMPLETED and the reason is in its history.")
    @APIResponse(responseCode = "200", description = "The dossier as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DossierViews.DossierView.class)))
    @APIResponse(responseCode = "409", description = "No failed step, a step still under way, or already finished")
    public DossierViews.DossierView closePartially(@PathParam("code") String code,
                                                   @Valid @NotNull(message = BODY_REQUIRED) DossierRequests.Closing body) {
        Dossier dossier = deadLetters.closePartially(changeable(code), body.reason().strip(), actor("actor", body.actor()));
        return view(dossier, desk.now());
    }

    @GET
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listDossiers", summary = "Danh sách hồ sơ / List dossiers",
            description = "Search: q, a dossier code or its beginning, a whole citizen ID (12 digits, matched exactly) "
                    + "or part of the applicant's name, any case; always within the caller's agency scope. "
                    + "Filters: status, procedure, agency, overdue=true, from/to (receipt dates, yyyy-MM-dd). "
                    + "Paging: page (from 0), size (1–200).")
    @APIResponse(responseCode = "200", description = "One page of dossiers, newest first, with the total",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DossierViews.PageView.class)))
    @APIResponse(responseCode = "400", description = "A filter or paging parameter malformed or out of range, "
            + "or q longer than 100 characters")
    public DossierViews.PageView list(@QueryParam("q") String q,
                                      @QueryParam("status") String status,
                                      @QueryParam("procedure") String procedure,
                                      @QueryParam("agency") String agency,
                                      @QueryParam("overdue") String overdue,
                                      @QueryParam("from") String from,
                                      @QueryParam("to") String to,
                                      @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        String agencyFilter = blankToNull(agency);
        if (agencyFilter != null) {
            caller().requireRead(agencyFilter);
        }
        DossierQuery query = new DossierQuery(caller().readScope(),
                QueryParameters.enumeration("status", status, DossierStatus.class),
                blankToNull(procedure), agencyFilter,
                QueryParameters.flag("overdue", overdue),
                QueryParameters.date("from", from), QueryParameters.date("to", to), q,
                QueryParameters.integer("page", page, 0, 0, 1_000_000),
                QueryParameters.integer("size", size, 20, 1, 200));
        OffsetDateTime now = desk.now();
        return DossierViews.of(desk.list(query), d -> view(d, now));
    }

    private Caller caller() {
        return callers.current();
    }

    /** The dossier, if this caller may read it; looking it up first gives 404 before 403. */
    private Dossier readable(String code) {
        Dossier dossier = desk.find(new DossierCode(code));
        caller().requireRead(dossier.agencyCode());
        return dossier;
    }

    private DossierCode changeable(String code) {
        Dossier dossier = desk.find(new DossierCode(code));
        caller().requireChange(dossier.agencyCode());
        return dossier.code();
    }

    /** The signed-in officer; a body naming somebody else is refused rather than silently rewritten. */
    private String actor(String field, String claimed) {
        if (claimed == null || claimed.isBlank() || claimed.trim().equals(caller().officerId())) {
            return caller().officerId();
        }
        throw new InvalidDossierException(field, "Người thực hiện phải là cán bộ đăng nhập (" + caller().officerId()
                + ") hoặc để trống", "The actor must be the signed-in officer (" + caller().officerId() + ") or omitted");
    }

    private DossierViews.DossierView view(Dossier dossier, OffsetDateTime now) {
        String name = catalogue.procedure(dossier.procedureCode()).map(Procedure::name).orElse(null);
        return DossierViews.of(dossier, name, now);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
