package vn.lienthong.gateway.interfaces.rest;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.application.DossierAttachments;
import vn.lienthong.gateway.application.DossierDesk;
import vn.lienthong.gateway.application.DossierScans;
import vn.lienthong.gateway.domain.attachment.Attachment;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * Scanned documents of a dossier, sent as the raw body (one PDF or JPEG) or as multipart/form-data
 * (one 'file' part per page, in page order, archived together as one signed PDF/A), streamed to
 * disk. Only a desk officer of the dossier's agency attaches; leaders read the list too.
 */
@Path("/dossiers/{code}/attachments")
@RequestScoped
@RolesAllowed({Caller.DESK_OFFICER, Caller.LEADER})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hồ sơ / Dossiers")
public class AttachmentResource {

    // Both POST methods below are one operation of the contract (one path, one method): a raw page, or pages as multipart.
    private static final String ATTACH_SUMMARY = "Đính kèm bản scan / Attach scans";
    private static final String ATTACH_DESCRIPTION = "Either one raw page: Content-Type application/pdf or image/jpeg "
            + "(checked against the file's first bytes), X-File-Name header (percent-encoded UTF-8), limit "
            + "lienthong.attachments.max-bytes; 201 {id, sha256, size, contentType, fileName, createdAt}, 200 when the "
            + "same scan was already attached. Or multipart/form-data, one or more parts 'file' in page order (JPEG "
            + "or PDF, typed by their bytes): each page is kept as an attachment and all pages become one signed "
            + "PDF/A with the dossier's metadata, listed as its SCAN document; Idempotency-Key: a retry answers the "
            + "first result; limits lienthong.attachments.max-bytes per page, lienthong.scans.max-files pages, "
            + "lienthong.scans.max-total-bytes together; 201 {code, attachments: [...], document: {...}}. "
            + "Nothing is kept when the upload is refused.";

    /** The header naming the file; non-ASCII names are percent-encoded UTF-8 (RFC 3986). */
    public static final String FILE_NAME = "X-File-Name";
    /** The desk's name for one multipart upload; a retry with the same key answers the first result. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    DossierAttachments attachments;

    @Inject
    DossierDesk desk;

    @Inject
    Caller caller;

    @Inject
    DossierScans scans;

    @Inject
    @ConfigProperty(name = "lienthong.scans.spool-dir")
    String spoolDir;

    @Inject
    @ConfigProperty(name = "lienthong.scans.max-files", defaultValue = "200")
    int maxFiles;

    @Inject
    @ConfigProperty(name = "lienthong.scans.max-total-bytes", defaultValue = "524288000")
    long maxTotalBytes;

    /** What one attachment looks like in answers. */
    public record AttachmentView(long id, String sha256, long size, String contentType, String fileName,
                                 OffsetDateTime createdAt) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.sha256(), a.size(), a.contentType(), a.fileName(), a.createdAt());
        }
    }

    /** What a multipart upload answers: the pages as attachments and the SCAN document made of them. */
    public record ScanUpload(String code, List<AttachmentView> attachments, DocumentResource.DocumentView document) {
    }

    /** The dossier's attachments. */
    public record AttachmentList(String code, List<AttachmentView> attachments) {
    }

    @POST
    @RolesAllowed(Caller.DESK_OFFICER)
    @Consumes(MediaType.WILDCARD) // any other type gets this API's own 415, not JAX-RS's generic one
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "attachScans", summary = ATTACH_SUMMARY, description = ATTACH_DESCRIPTION)
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
                    requiredProperties = "file", properties = @SchemaProperty(name = "file", type = SchemaType.STRING,
                            format = "binary", description = "One part per page, in page order")))})
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

    @POST
    @RolesAllowed(Caller.DESK_OFFICER)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "attachScans", summary = ATTACH_SUMMARY, description = ATTACH_DESCRIPTION)
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
                    requiredProperties = "file", properties = @SchemaProperty(name = "file", type = SchemaType.STRING,
                            format = "binary", description = "One part per page, in page order")))})
    @APIResponse(responseCode = "201", description = "Stored: {code, attachments: [...], document: {...}}")
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the first result")
    @APIResponse(responseCode = "400", description = "Malformed multipart body or no 'file' part; nothing is kept")
    @APIResponse(responseCode = "413", description = "Too many pages or too large; nothing is kept")
    @APIResponse(responseCode = "415", description = "A page is neither JPEG nor PDF; nothing is kept")
    @APIResponse(responseCode = "422", description = "A page the archive cannot read; nothing is kept")
    public Response upload(@PathParam("code") String code,
                           @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                           @Context HttpHeaders headers,
                           InputStream body) {
        Dossier dossier = desk.find(new DossierCode(code));
        caller.requireChange(dossier.agencyCode());
        UploadReader reader = new UploadReader(java.nio.file.Path.of(spoolDir),
                new UploadLimits(attachments.maxBytes(), maxFiles, 4));
        try (UploadedFiles files = reader.receiveFiles(body, headers.getMediaType(), maxTotalBytes)) {
            DossierScans.Received received = scans.receive(dossier.code(), files.files().stream()
                            .map(f -> new DossierScans.Page(f.path(), f.name(), f.size())).toList(),
                    Optional.ofNullable(idempotencyKey).filter(k -> !k.isBlank()), caller.officerId());
            return Response.status(received.created() ? Response.Status.CREATED : Response.Status.OK)
                    .entity(new ScanUpload(code, received.attachments().stream().map(AttachmentView::of).toList(),
                            DocumentResource.DocumentView.of(received.document())))
                    .build();
        }
    }

    @GET
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listAttachments", summary = "Danh sách tệp đính kèm / List a dossier's attachments")
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
