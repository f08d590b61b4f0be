package vn.lienthong.gateway.interfaces.rest.admin;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.CertificateAdministration;
import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.domain.certificate.RevocationReason;
import vn.lienthong.gateway.domain.certificate.SigningCertificate;
import vn.lienthong.gateway.interfaces.rest.GatewayApi;

/**
 * The officers' DEMO signing certificates for administrators: list, revoke, issue anew. Exists
 * only in demo mode (404 otherwise), where the gateway is also the CA; every POST is audited.
 */
@Path("/admin/certificates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chứng thư số DEMO / DEMO certificates")
@RolesAllowed(Caller.ADMIN)
public class CertificateResource {

    @Inject
    CertificateAdministration certificates;

    /** One officer certificate as the API shows it. */
    @Schema(description = "A DEMO signing certificate of one officer")
    public record CertificateView(
            @Schema(description = "Serial number, lower-case hexadecimal") String serial,
            @Schema(description = "OFFICER") String role,
            @Schema(description = "agencyCode/officerId") String holder,
            @Schema(description = "Subject (RFC 2253); always contains DEMO") String subject,
            OffsetDateTime notBefore,
            OffsetDateTime notAfter,
            @Schema(description = "Whether the officer's papers are signed with it (a re-issue retires the old one)")
            boolean current,
            @Schema(description = "When it was revoked; absent when not") OffsetDateTime revokedAt,
            @Schema(description = "RFC 5280 reason, e.g. KEY_COMPROMISE; absent when not revoked") String revocationReason) {

        static CertificateView of(SigningCertificate c) {
            return new CertificateView(c.serial(), c.role(), c.holder(), c.subject(), c.notBefore(), c.notAfter(),
                    c.current(), c.revokedAt(), c.revoked() ? RevocationReason.name(c.revocationReason()) : null);
        }
    }

    /** Why a certificate is revoked. */
    @Schema(description = "Why a certificate is revoked")
    public record RevocationRequest(
            @Schema(description = "unspecified, key-compromise, affiliation-changed, superseded, "
                    + "cessation-of-operation or certificate-hold; unspecified when absent") String reason) {
    }

    /** Whom to issue a new key and certificate. */
    @Schema(description = "The officer to issue a new DEMO key and certificate to")
    public record IssueRequest(
            @Schema(description = "The officer id, as the token's upn names the officer", required = true) String officerId,
            @Schema(description = "The officer's agency code", required = true) String agencyCode) {
    }

    @GET
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listOfficerCertificates", summary = "Chứng thư số của cán bộ / Officers' certificates",
            description = "Every DEMO certificate issued to an officer who signed a paper, current and retired, "
                    + "newest first, with its revocation. Demo mode only.")
    @APIResponse(responseCode = "200", description = "The certificates")
    @APIResponse(responseCode = "404", description = "Not in demo mode")
    public List<CertificateView> list() {
        return certificates.officers().stream().map(CertificateView::of).toList();
    }

    @POST
    @Path("/{serial}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "revokeCertificate", summary = "Thu hồi chứng thư số / Revoke a certificate",
            description = "Revokes a DEMO certificate now: the next CRL lists it, OCSP answers revoked, and the "
                    + "gateway refuses to sign papers with it (the paper waits, its dossier's history says why) "
                    + "until the officer is issued a new one. Revoking twice keeps the first. Demo mode only.")
    @APIResponse(responseCode = "200", description = "The certificate, revoked")
    @APIResponse(responseCode = "400", description = "Unknown reason")
    @APIResponse(responseCode = "404", description = "No such certificate, or not in demo mode")
    public CertificateView revoke(
            @Parameter(description = "Serial number, hexadecimal", required = true) @PathParam("serial") String serial,
            RevocationRequest body) {
        return CertificateView.of(certificates.revoke(serial, body == null ? null : body.reason()));
    }

    @POST
    @Path("/officers")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "issueOfficerCertificate", summary = "Cấp mới chứng thư số cho cán bộ / Issue an officer a new certificate",
            description = "Makes a new DEMO key and certificate for the officer, which signs the officer's papers from "
                    + "now on; the previous one is retired (revoke it separately if it was compromised). Demo mode only.")
    @APIResponse(responseCode = "201", description = "The new certificate")
    @APIResponse(responseCode = "400", description = "officerId or agencyCode missing")
    @APIResponse(responseCode = "404", description = "Not in demo mode")
    public Response issue(IssueRequest body) {
        CertificateView issued = CertificateView.of(certificates.issueOfficer(body == null ? null : body.officerId(),
                body == null ? null : body.agencyCode()));
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }
}
