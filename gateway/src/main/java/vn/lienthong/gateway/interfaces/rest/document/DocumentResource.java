package vn.lienthong.gateway.interfaces.rest.document;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.interfaces.rest.GatewayApi;
import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.application.DossierDesk;
import vn.lienthong.gateway.domain.document.DocumentNotFoundException;
import vn.lienthong.gateway.domain.document.DossierDocument;
import vn.lienthong.gateway.domain.document.DossierDocuments;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierNotFoundException;

/**
 * A dossier's archived documents (scans, signed results, forms 01 and 06): the list, and each one's
 * bytes as archived. Desk officers see their agency's dossiers, leaders their agency's and its
 * units', auditors every agency's; a dossier out of scope is answered exactly like an unknown one.
 */
@Path("/dossiers/{code}/documents")
@RequestScoped
@RolesAllowed({Caller.DESK_OFFICER, Caller.LEADER, Caller.AUDITOR})
@Tag(name = "Hồ sơ / Dossiers")
public class DocumentResource {

    @Inject
    DossierDocuments documents;

    @Inject
    DossierDesk desk;

    @Inject
    Caller caller;

    /** One document as the list shows it; {@code archiveId} is what an auditor verifies. */
    public record DocumentView(String id, String kind, String title, String contentType, String sha256, long size,
                               OffsetDateTime createdAt, String archiveId) {
        public static DocumentView of(DossierDocument d) {
            return new DocumentView(d.id(), d.kind().name(), d.title(), d.contentType(), d.sha256(), d.size(),
                    d.createdAt(), d.archiveId());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listDocuments", summary = "Danh sách tài liệu của hồ sơ / A dossier's documents",
            description = "JSON array: id, kind (SCAN, RESULT, FORM_01 to FORM_06), title, contentType, sha256, size, "
                    + "createdAt, archiveId. 404 (problem+json): no such dossier, or not one this caller may see.")
    // No @APIResponse here: Payara would then drop the List<DocumentView> schema it derives (ContractFilter: its 200).
    public List<DocumentView> list(@PathParam("code") String code) {
        return documents.ofDossier(visible(code).code()).stream().map(DocumentView::of).toList();
    }

    @GET
    @Path("{id}")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "downloadDocument", summary = "Tải tài liệu / Download a document",
            description = "The archived bytes, with Content-Length, Content-Disposition (ASCII filename and RFC 5987 "
                    + "filename*), and their SHA-256 as Digest (RFC 3230) and Repr-Digest (RFC 9530)")
    @APIResponse(responseCode = "200", description = "The document")
    @APIResponse(responseCode = "404", description = "No such dossier or document, or not one this caller may see")
    public Response download(@PathParam("code") String code, @PathParam("id") String id) {
        Dossier dossier = visible(code);
        DossierDocument document = documents.find(dossier.code(), id)
                .orElseThrow(() -> new DocumentNotFoundException(id));
        InputStream in = documents.open(document, caller.officerId());
        StreamingOutput body = out -> {
            try (InputStream bytes = in) {
                bytes.transferTo(out);
            }
        };
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(document.sha256()));
        String name = fileName(dossier, document);
        return Response.ok(body, document.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, document.size())
                .header("Content-Disposition", "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Digest", "sha-256=" + digest)
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header("ETag", "\"" + document.sha256() + "\"")
                .build();
    }

    /** The dossier, if this caller may read it; otherwise the same 404 as an unknown code, so codes do not leak. */
    private Dossier visible(String code) {
        DossierCode dossierCode = new DossierCode(code);
        Dossier dossier = desk.find(dossierCode);
        boolean visible = caller.has(Caller.AUDITOR)
                || caller.agencyCode() != null && caller.readScope().covers(dossier.agencyCode());
        if (!visible) {
            throw new DossierNotFoundException(dossierCode);
        }
        return dossier;
    }

    static String fileName(Dossier dossier, DossierDocument document) {
        return document.title() + " - " + dossier.code().value() + ".pdf";
    }

    /** The name without diacritics, for clients that ignore filename*: letters, digits and a few safe marks. */
    static String ascii(String name) {
        String bare = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return bare.replaceAll("[^A-Za-z0-9._ -]", "_");
    }
}
