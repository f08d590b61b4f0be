package vn.lienthong.gateway.interfaces.rest;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.application.MessageEvidence;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;
import vn.lienthong.gateway.domain.messagelog.MessageLogQuery;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.Verification;

/** The tamper-evident message log: every message exchanged with other agencies, and its verification. */
@Path("/admin/message-log")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quản trị liên thông / Exchange administration")
@RolesAllowed(Caller.ADMIN)
public class MessageLogResource {

    @Inject
    MessageEvidence evidence;

    /** One record: the message as sent or received, and its place in the hash chain. */
    public record RecordView(long id, String kind, String direction, String agency, String messageId,
                             String dossierCode, Integer httpStatus, JsonValue headers, String body,
                             OffsetDateTime loggedAt, String previousHash, String hash) {
    }

    /** A page, newest first; {@code next} is the {@code before} of the following page, null on the last. */
    public record Page(List<RecordView> records, Long next) {
    }

    /** The verification result; {@code firstBadRecord} is null when the whole log holds. */
    public record VerificationView(boolean ok, long records, long batches, long unsignedRecords,
                                   long startsAfterRecord, Verification.BadRecord firstBadRecord) {
    }

    @GET
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listMessageLog", summary = "Nhật ký thông điệp / Message log",
            description = "Requests to agencies, their responses and agency callbacks with headers and bodies, "
                    + "newest first. Filters: dossier (dossier code), agency (connector id); paging: before "
                    + "(the previous page's next), limit (1-500, default 50).")
    public Page list(@QueryParam("dossier") String dossier, @QueryParam("agency") String agency,
                     @QueryParam("before") String before, @QueryParam("limit") String limit) {
        int size = QueryParameters.integer("limit", limit, 50, 1, 500);
        Long beforeId = recordId(before);
        List<RecordView> records = evidence.page(new MessageLogQuery(blankToNull(dossier), blankToNull(agency),
                beforeId, size)).stream().map(MessageLogResource::view).toList();
        Long next = records.size() == size ? records.get(records.size() - 1).id() : null;
        return new Page(records, next);
    }

    @GET
    @Path("verify")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "verifyMessageLog", summary = "Kiểm tra toàn vẹn / Verify the message log",
            description = "Recomputes every record's SHA-256 and link, and checks every batch signature against "
                    + "the gateway's certificate. ok=false names the first bad record and why.")
    public VerificationView verify() {
        Verification v = evidence.verify();
        return new VerificationView(v.ok(), v.records(), v.batches(), v.unsignedRecords(), v.startsAfter(),
                v.firstBadRecord());
    }

    private static RecordView view(MessageRecord r) {
        return new RecordView(r.id(), r.kind() == null ? null : r.kind().name(),
                r.kind() == null ? null : r.kind().direction(), r.agencyId(), r.messageId(), r.dossierCode(),
                r.httpStatus(), headers(r.headers()), r.body(),
                r.loggedAt().atOffset(WorkingCalendar.VIETNAM),
                r.previousHash(), r.hash());
    }

    /** Stored as a JSON object; shown as one, or as the stored text if it no longer parses. */
    private static JsonValue headers(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return Json.createValue(text);
        }
    }

    private static Long recordId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidDossierException("before", "Tham số before phải là số bản ghi (số nguyên dương)",
                "Parameter before must be a record id (a positive integer)");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
