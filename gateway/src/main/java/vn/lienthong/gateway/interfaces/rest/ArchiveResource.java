package vn.lienthong.gateway.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveException;
import vn.lienthong.archive.RecordNotFoundException;
import vn.lienthong.archive.VerifyResult;
import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.domain.document.DocumentNotFoundException;
import vn.lienthong.gateway.domain.document.DocumentStorageException;

/**
 * The archive's own check of one record, for auditors: the blob re-hashed against the recorded
 * SHA-256 and every signature in it verified; the check itself goes into the archive's ledger.
 */
@Path("/archive/records/{archiveId}")
@RequestScoped
@RolesAllowed({Caller.AUDITOR, Caller.ADMIN})
@Tag(name = "Lưu trữ / Archive")
public class ArchiveResource {

    @Inject
    Archive archive;

    @Inject
    Caller caller;

    /** The archive's answer; {@code ok} is true only when the outcome is OK. */
    public record Verification(String recordId, String outcome, boolean ok, String detail) {
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "verifyArchiveRecord", summary = "Kiểm tra toàn vẹn bản lưu trữ / Verify an archived record",
            description = "Re-hashes the stored bytes and verifies their signatures: outcome OK, MISSING, CORRUPTED "
                    + "or SIGNATURE_INVALID. The archiveId is in each document of /dossiers/{code}/documents.")
    @APIResponse(responseCode = "200", description = "The verification, also when it found a problem")
    @APIResponse(responseCode = "404", description = "No such archive record")
    public Verification verify(@PathParam("archiveId") String archiveId) {
        try {
            VerifyResult result = archive.verify(archiveId, caller.officerId());
            return new Verification(result.recordId(), result.outcome().name(), result.ok(), result.detail());
        } catch (RecordNotFoundException e) {
            throw new DocumentNotFoundException("lưu trữ / archive record " + archiveId);
        } catch (ArchiveException e) {
            throw new DocumentStorageException("Kho lưu trữ tạm thời không dùng được; thử lại sau",
                    "The archive failed (" + e.getMessage() + "); try again later", e);
        }
    }
}
