package vn.lienthong.gateway.interfaces.rest.document;

import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.VerifyResult;
import vn.lienthong.archive.ledger.LedgerVerification;
import vn.lienthong.gateway.application.ArchiveInspection;
import vn.lienthong.gateway.application.ArchiveRenewal;
import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.domain.archive.ArchiveAuditRun;
import vn.lienthong.gateway.domain.archive.ArchiveRenewalRun;
import vn.lienthong.gateway.domain.archive.DamagedRecord;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;
import vn.lienthong.gateway.interfaces.rest.GatewayApi;
import vn.lienthong.gateway.interfaces.rest.QueryParameters;

/**
 * The archive for auditors: search, a record's check, the ledger's check, fixity audits of the
 * whole archive run in the background, legal holds, and BagIt exports. Every check, hold and export
 * is an entry of the archive's own ledger; holds and exports (POST, PUT) are also in the audit trail.
 */
@Path("/archive")
@RequestScoped
@RolesAllowed(Caller.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lưu trữ / Archive")
public class ArchiveResource {

    static final String ZIP = "application/zip";
    private static final String CITIZEN = "Citizen ID (số định danh cá nhân), matched through the index's keyed hash "
            + "(HMAC-SHA256); the archive never holds it in clear";

    @Inject
    ArchiveInspection inspection;

    @Inject
    ArchiveRenewal renewal;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The archive's answer; {@code ok} is true only when the outcome is OK. */
    public record Verification(String recordId, String outcome, boolean ok, String detail) {
    }

    /** One archived document as the archive's index knows it (never the citizen ID). */
    public record RecordView(String id, String dossierCode, String documentType, String procedureCode,
                             String agencyCode, String sha256, long size, int pages, OffsetDateTime createdAt,
                             LocalDate retainUntil, boolean legalHold, String signer) {
    }

    /** A page of search results; {@code more} when the limit cut it. */
    public record RecordPage(List<RecordView> items, int limit, boolean more) {
    }

    /** The ledger's check: entries walked, signed heads, entries after the last signed head, problems. */
    public record LedgerView(boolean intact, long entries, long signedHeads, long unsignedTail, List<String> problems) {
    }

    /** A fixity audit: its state, progress (percent of records) and, once DONE, the counts and damaged records. */
    public record AuditView(long id, String status, String startedBy, OffsetDateTime startedAt, OffsetDateTime updatedAt,
                            OffsetDateTime finishedAt, int percent, long checked, long total, long bytes, long totalBytes,
                            long ok, long missing, long corrupted, long signatureInvalid, long untrusted,
                            boolean trustChecked, List<DamagedRecord> damaged,
                            String error) {
    }

    /** One version of a record: 1 as archived; each later one written by EXTEND (to B-LTA or LT) or RENEW. */
    public record VersionView(int version, String sha256, long size, boolean current, OffsetDateTime supersededAt,
                              String supersededBy) {
    }

    /**
     * A run of the renewal job: its state, progress, and once DONE how many records it brought to
     * PAdES-BASELINE-LTA (extended) and gave a new time-stamp (renewed), with the first actions.
     */
    public record RenewalView(long id, String status, boolean dryRun, String dossierCode, String startedBy, String node,
                              OffsetDateTime startedAt, OffsetDateTime updatedAt, OffsetDateTime finishedAt, int percent,
                              long checked, long total, long extended, long renewed, long failed,
                              List<ArchiveRenewalRun.Action> actions, String error) {
    }

    /** Puts a record on legal hold ({@code onHold} true) or lifts it, with the reason the ledger keeps. */
    public record LegalHold(Boolean onHold, String reason) {
    }

    /** What to export; the same criteria as the search (dates yyyy-MM-dd, both included); at least one. */
    public record Selection(String dossierCode, String procedureCode, String kind, String citizenId, String from,
                            String to) {
    }

    @GET
    @Path("records")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "searchArchive", summary = "Tìm bản lưu trữ / Search the archive",
            description = "Active archived documents, oldest first, by dossier code, procedure, document kind, "
                    + "the day they were archived (from..to, Vietnam's days, both included) and citizen ID.")
    @APIResponse(responseCode = "200", description = "items, limit, more")
    @APIResponse(responseCode = "400", description = "A malformed date or kind, or a limit out of 1..500")
    public RecordPage search(@QueryParam("dossierCode") String dossierCode,
                             @QueryParam("procedureCode") String procedureCode,
                             @Parameter(description = "SCAN, RESULT, FORM_01 … FORM_06") @QueryParam("kind") String kind,
                             @Parameter(description = CITIZEN) @QueryParam("citizenId") String citizenId,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("limit") String limit) {
        int max = QueryParameters.integer("limit", limit, 100, 1, 500);
        List<ArchiveRecord> found = inspection.search(criteria(new Selection(dossierCode, procedureCode, kind, citizenId,
                from, to), max + 1));
        return new RecordPage(found.stream().limit(max).map(ArchiveResource::view).toList(), max, found.size() > max);
    }

    @GET
    @Path("records/{archiveId}/verify")
    @RolesAllowed({Caller.AUDITOR, Caller.ADMIN})
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "verifyArchiveRecord", summary = "Kiểm tra toàn vẹn bản lưu trữ / Verify an archived record",
            description = "Re-hashes the stored bytes and verifies their signatures: outcome OK, MISSING, CORRUPTED, "
                    + "SIGNATURE_INVALID, or UNTRUSTED (intact, but a signer does not chain to the trust anchors of "
                    + "lienthong.verify.trust-anchors or was revoked before its time-stamp, judged offline from the "
                    + "document's validation data). The archiveId is in each document of /dossiers/{code}/documents.")
    @APIResponse(responseCode = "200", description = "The verification, also when it found a problem")
    @APIResponse(responseCode = "404", description = "No such archive record")
    public Verification verify(@PathParam("archiveId") String archiveId) {
        VerifyResult result = inspection.verify(archiveId, caller);
        return new Verification(result.recordId(), result.outcome().name(), result.ok(), result.detail());
    }

    @GET
    @Path("records/{archiveId}/versions")
    @RolesAllowed({Caller.AUDITOR, Caller.ADMIN})
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listArchiveRecordVersions", summary = "Các phiên bản của bản lưu trữ / A record's versions",
            description = "Every version of the record's signed PDF, oldest first: 1 as archived, then one per EXTEND "
                    + "(validation data, PAdES-BASELINE-LTA) and RENEW (a new document time-stamp). Every version is "
                    + "kept, verified, audited and exported.")
    @APIResponse(responseCode = "200", description = "The versions; the last is the current one")
    @APIResponse(responseCode = "404", description = "No such archive record")
    public List<VersionView> versions(@PathParam("archiveId") String archiveId) {
        return renewal.versions(archiveId).stream().map(v -> new VersionView(v.version(), v.blobHash().hex(), v.size(),
                v.newest(), v.supersededAt().map(t -> t.atOffset(WorkingCalendar.VIETNAM)).orElse(null),
                v.supersededBy().orElse(null))).toList();
    }

    @POST
    @Path("renewals")
    @RolesAllowed({Caller.AUDITOR, Caller.ADMIN})
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "startArchiveRenewal", summary = "Chạy gia hạn chứng cứ lưu trữ / Start a renewal run",
            description = "Brings every archived document whose validation data is in to PAdES-BASELINE-LTA and "
                    + "renews the document time-stamps whose TSA certificate nears its end (or whose digest is to be "
                    + "retired), each as a new version, in the background; dryRun=true only reports what it would do. "
                    + "It also runs on a timer on one node. Follow it at GET /archive/renewals/{id}. One at a time.")
    @APIResponse(responseCode = "202", description = "The run, RUNNING; Location: where to follow it")
    @APIResponse(responseCode = "400", description = "dryRun is not true or false")
    @APIResponse(responseCode = "409", description = "A renewal run is going on already")
    public Response startRenewal(@QueryParam("dryRun") String dryRun,
                                 @Parameter(description = "Only this dossier's records (default: every one)")
                                 @QueryParam("dossierCode") String dossierCode) {
        boolean dry = dryRun == null || dryRun.isBlank() ? false : switch (dryRun.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidDossierException("dryRun", "dryRun phải là true hoặc false",
                    "dryRun must be true or false");
        };
        ArchiveRenewalRun run = renewal.start(caller, dry, blank(dossierCode) ? null
                : new DossierCode(dossierCode.strip()));
        return Response.accepted(view(run)).location(URI.create("archive/renewals/" + run.id())).build();
    }

    @GET
    @Path("renewals")
    @RolesAllowed({Caller.AUDITOR, Caller.ADMIN})
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listArchiveRenewals", summary = "Các đợt gia hạn chứng cứ / Renewal runs",
            description = "The latest runs of the renewal job (scheduled and asked for), newest first.")
    public List<RenewalView> renewals(@QueryParam("limit") String limit) {
        return renewal.runs(QueryParameters.integer("limit", limit, 20, 1, 200)).stream()
                .map(ArchiveResource::view).toList();
    }

    @GET
    @Path("renewals/{id}")
    @RolesAllowed({Caller.AUDITOR, Caller.ADMIN})
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getArchiveRenewal", summary = "Một đợt gia hạn chứng cứ / One renewal run",
            description = "RUNNING with its percent, DONE with how many records were extended to "
                    + "PAdES-BASELINE-LTA, renewed and failed, and the actions (record, why), or FAILED with why.")
    @APIResponse(responseCode = "404", description = "No such run")
    public RenewalView renewal(@PathParam("id") long id) {
        return view(renewal.run(id));
    }

    @PUT
    @Path("records/{archiveId}/legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "setArchiveLegalHold", summary = "Phong tỏa / gỡ phong tỏa bản lưu trữ / Legal hold on or off",
            description = "onHold true: the record cannot be deleted, whatever its retention; false lifts the hold. "
                    + "The reason (1-500 characters) goes into the archive's ledger; the call into the audit trail.")
    @APIResponse(responseCode = "200", description = "The record, with its hold")
    @APIResponse(responseCode = "400", description = "onHold missing, or no reason")
    @APIResponse(responseCode = "404", description = "No such archive record")
    public RecordView legalHold(@PathParam("archiveId") String archiveId, LegalHold body) {
        if (body == null || body.onHold() == null) {
            throw new InvalidDossierException("onHold", "Thiếu onHold (true: phong tỏa, false: gỡ phong tỏa)",
                    "onHold is required (true: hold, false: lift the hold)");
        }
        return view(inspection.legalHold(archiveId, body.onHold(), body.reason(), caller));
    }

    @GET
    @Path("ledger/verify")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "verifyArchiveLedger", summary = "Kiểm tra sổ cái lưu trữ / Verify the archive's ledger",
            description = "Walks the archive's hash-chained ledger from its start and checks every signed head.")
    @APIResponse(responseCode = "200", description = "intact, entries, signedHeads, unsignedTail, problems")
    public LedgerView ledger() {
        LedgerVerification v = inspection.verifyLedger();
        return new LedgerView(v.intact(), v.entries(), v.signedHeads(), v.unsignedTail(), v.problems());
    }

    @POST
    @Path("audits")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "startArchiveAudit", summary = "Chạy kiểm tra toàn vẹn kho lưu trữ / Start a fixity audit",
            description = "Re-hashes every archived document and verifies every signature, in the background. "
                    + "Answers 202 with the audit; follow it at GET /archive/audits/{id} (any node answers). "
                    + "One audit at a time.")
    @APIResponse(responseCode = "202", description = "The audit, RUNNING; Location: where to follow it")
    @APIResponse(responseCode = "409", description = "An audit is running already")
    public Response startAudit() {
        ArchiveAuditRun run = inspection.startAudit(caller);
        return Response.accepted(view(run)).location(URI.create("archive/audits/" + run.id())).build();
    }

    @GET
    @Path("audits")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listArchiveAudits", summary = "Các đợt kiểm tra toàn vẹn / Fixity audits",
            description = "The latest fixity audits, newest first.")
    public List<AuditView> audits(@QueryParam("limit") String limit) {
        return inspection.audits(QueryParameters.integer("limit", limit, 20, 1, 200)).stream()
                .map(ArchiveResource::view).toList();
    }

    @GET
    @Path("audits/{id}")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getArchiveAudit", summary = "Một đợt kiểm tra toàn vẹn / One fixity audit",
            description = "RUNNING with its percent, DONE with the counts per outcome and every damaged record "
                    + "(record, dossier, kind, outcome, detail), or FAILED with why.")
    @APIResponse(responseCode = "404", description = "No such audit")
    public AuditView audit(@PathParam("id") long id) {
        return view(inspection.audit(id));
    }

    @POST
    @Path("bags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ZIP, MediaType.APPLICATION_JSON})
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "exportArchiveBag", summary = "Xuất gói BagIt / Export a BagIt bag",
            description = "The selected records as one BagIt 1.0 bag (RFC 8493), zipped under bag/: the PDFs under "
                    + "data/<dossier>/, data/records.tsv, the ledger excerpt with every signed head, and SHA-256 "
                    + "manifests (manifest-sha256.txt, tagmanifest-sha256.txt).")
    @APIResponse(responseCode = "200", description = "The zipped bag",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "No criterion, a malformed one, or nothing matches")
    @APIResponse(responseCode = "409", description = "A selected record is damaged in the store (run an audit)")
    public Response exportBag(Selection selection) {
        if (selection == null || (blank(selection.dossierCode()) && blank(selection.procedureCode())
                && blank(selection.kind()) && blank(selection.citizenId()) && blank(selection.from())
                && blank(selection.to()))) {
            throw new InvalidDossierException("selection", "Chọn ít nhất một điều kiện để xuất",
                    "Choose at least one criterion to export");
        }
        java.nio.file.Path zip = inspection.exportBag(criteria(selection, 1), caller);
        StreamingOutput body = out -> {
            try {
                Files.copy(zip, out);
            } finally {
                Files.deleteIfExists(zip);
            }
        };
        String name = "bag-" + OffsetDateTime.now(clock).atZoneSameInstant(WorkingCalendar.VIETNAM)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip";
        return Response.ok(body, ZIP).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNull(String s) {
        return blank(s) ? null : s.strip();
    }

    private static ArchiveInspection.Criteria criteria(Selection s, int limit) {
        LocalDate from = QueryParameters.date("from", s.from());
        LocalDate to = QueryParameters.date("to", s.to());
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidDossierException("to", "Ngày kết thúc trước ngày bắt đầu", "to is before from");
        }
        return new ArchiveInspection.Criteria(orNull(s.dossierCode()), orNull(s.procedureCode()),
                QueryParameters.enumeration("kind", s.kind(), DocumentKind.class), orNull(s.citizenId()), from, to, limit);
    }

    static RecordView view(ArchiveRecord r) {
        return new RecordView(r.id(), r.dossierCode(), r.documentType(), r.procedureCode(), r.agencyCode(),
                r.blobHash().hex(), r.size(), r.pages(), r.createdAt().atOffset(WorkingCalendar.VIETNAM), r.retainUntil(),
                r.legalHold(), r.signer());
    }

    static RenewalView view(ArchiveRenewalRun r) {
        return new RenewalView(r.id(), r.status().name(), r.dryRun(), r.dossierCode(), r.startedBy(), r.node(), r.startedAt(),
                r.updatedAt(), r.finishedAt(), r.percent(), r.checked(), r.total(), r.extended(), r.renewed(),
                r.failed(), r.actions(), r.error());
    }

    static AuditView view(ArchiveAuditRun a) {
        return new AuditView(a.id(), a.status().name(), a.startedBy(), a.startedAt(), a.updatedAt(), a.finishedAt(),
                a.percent(), a.checked(), a.total(), a.bytes(), a.totalBytes(), a.ok(), a.missing(), a.corrupted(),
                a.signatureInvalid(), a.untrusted(), a.trustChecked(), a.problems(), a.error());
    }
}
