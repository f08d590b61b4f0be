package vn.lienthong.gateway.interfaces.rest;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.application.DossierAttachments;
import vn.lienthong.gateway.application.DossierDesk;
import vn.lienthong.gateway.domain.attachment.Attachment;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * Scanned documents of a dossier, sent as the raw body (PDF or JPEG) and streamed to the blob
 * store. Only a desk officer of the dossier's agency attaches; leaders read the list too.
 */
@Path("/dossiers/{code}/attachments")
@RequestScoped
@RolesAllowed({Caller.DESK_OFFICER, Caller.LEADER})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hồ sơ / Dossiers")
public class AttachmentResource {

    /** The header naming the file; non-ASCII names are percent-encoded UTF-8 (RFC 3986). */
    public static final String FILE_NAME = "X-File-Name";

    @Inject
    DossierAttachments attachments;

    @Inject
    DossierDesk desk;

    @Inject
    Caller caller;

    /** What one attachment looks like in answers. */
    public record AttachmentView(long id, String sha256, long size, String contentType, String fileName,
                                 OffsetDateTime createdAt) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.sha256(), a.size(), a.contentType(), a.fileName(), a.createdAt());
        }
    }

    /** The dossier's attachments. */
    public record AttachmentList(String code, List<AttachmentView> attachments) {
    }

    @POST
    @RolesAllowed(Caller.DESK_OFFICER)
    @Consumes(MediaType.WILDCARD) // any other type gets this API's own 415, not JAX-RS's generic one
    @Operation(summary = "Đính kèm bản scan / Attach a scan",
            description = "Raw body, Content-Type application/pdf or image/jpeg (checked against the file's first "
                    + "bytes), X-File-Name header (percent-encoded UTF-8). Limit lienthong.attachments.max-bytes.")
    @APIResponse(responseCode = "201", description = "Stored: {id, sha256, size, contentType, fileName, createdAt}")
    @APIResponse(responseCode = "200", description = "The same scan was already attached to this dossier")
    @APIResponse(responseCode = "413", description = "Over the per-file limit; nothing is kept")
    @APIResponse(responseCode = "415", description = "Not a PDF or JPEG, or not the declared type")
    public Response attach(@PathParam("code") String code,
                           @HeaderParam(FILE_NAME) String fileName,
                           @Context HttpHeaders headers,
                           InputStream body) {
        Dossier dossier = desk.find(new DossierCode(code));
        caller.requireChange(dossier.agencyCode());
        DossierAttachments.Received received = attachments.attach(dossier.code(),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), decode(fileName), headers.getLength(), body);
        return Response.status(received.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(AttachmentView.of(received.attachment())).build();
    }

    @GET
    @Operation(summary = "Danh sách tệp đính kèm / List a dossier's attachments")
    public AttachmentList list(@PathParam("code") String code) {
        Dossier dossier = desk.find(new DossierCode(code));
        caller.requireRead(dossier.agencyCode());
        return new AttachmentList(code, attachments.of(dossier.code()).stream().map(AttachmentView::of).toList());
    }

    /** Header values are Latin-1 on the wire, so desk systems percent-encode Vietnamese names. */
    static String decode(String header) {
        if (header == null || !header.contains("%")) {
            return header;
        }
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header; // not percent-encoding after all: keep it as sent
        }
    }
}
