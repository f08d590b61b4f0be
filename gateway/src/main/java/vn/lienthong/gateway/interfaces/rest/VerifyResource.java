package vn.lienthong.gateway.interfaces.rest;

import java.io.InputStream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.infrastructure.verification.PdfVerification;
import vn.lienthong.signing.verify.VerificationReport;

/** Public check of a signed PDF's authenticity: the signing module's verification report. */
@jakarta.ws.rs.Path("/verify")
@RequestScoped
@PermitAll
@RateLimited("verify")
@Tag(name = "Xác thực tài liệu / Document verification")
public class VerifyResource {

    @Inject
    PdfVerification verification;

    @Inject
    @ConfigProperty(name = "lienthong.verify.max-file-bytes", defaultValue = "20971520")
    long maxFileBytes;

    @Inject
    @ConfigProperty(name = "lienthong.verify.max-files", defaultValue = "1")
    int maxFiles;

    @Context
    HttpHeaders headers;

    private UploadReader uploads;

    @PostConstruct
    void init() {
        uploads = new UploadReader(verification.spoolDir(), new UploadLimits(maxFileBytes, maxFiles, 4));
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet // open: no bearer token (an empty requirement in the contract)
    @Operation(operationId = "verifyDocument", summary = "Kiểm tra chữ ký số trên tệp PDF / Verify the signatures of a PDF",
            description = "multipart/form-data with one part 'file', or the raw PDF (application/pdf). "
                    + "Answers the verification report: indication per signature, signer, findings.")
    @APIResponse(responseCode = "200", description = "The verification report (also when a signature is invalid)")
    @APIResponse(responseCode = "400", description = "Malformed multipart body")
    @APIResponse(responseCode = "413", description = "File or body over the size limit, or more than one file")
    @APIResponse(responseCode = "415", description = "The bytes are not a PDF")
    @APIResponse(responseCode = "422", description = "A PDF that cannot be checked safely: malformed, a "
            + "decompression bomb, nested too deeply, or parsing over its time")
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After")
    @APIResponse(responseCode = "503", description = "All verification slots busy; see Retry-After")
    public Response verify(@RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
                    requiredProperties = "file", properties = @SchemaProperty(name = "file", type = SchemaType.STRING,
                            format = "binary"))),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
                           InputStream body) {
        try (UploadedFile pdf = uploads.receivePdf(body, headers.getMediaType())) {
            VerificationReport report = verification.verify(pdf.path(), pdf.name());
            return Response.ok(report.toJson(), MediaType.APPLICATION_JSON_TYPE).build();
        }
    }
}
