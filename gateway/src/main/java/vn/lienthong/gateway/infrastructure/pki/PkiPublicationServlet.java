package vn.lienthong.gateway.infrastructure.pki;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.lienthong.gateway.infrastructure.config.SandboxMode;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.pki.DemoTrustServices;

/**
 * What the DEMO PKI publishes at the URLs its certificates name ({@code lienthong.public-base-url}
 * + {@code /pki/...}): the CA certificates, their CRLs (re-issued before {@code nextUpdate}), the
 * OCSP responder (POST application/ocsp-request) and the RFC 3161 TSA (POST
 * application/timestamp-query). Without a token, as CAs publish them; 404 outside demo mode.
 * With the sandbox on, {@code GET|PUT /pki/_faults} ({@code {"ocspDown": true}}) switches the OCSP
 * responder off, as the sandbox agencies' {@code _faults} do: it answers 503 and papers fall back to CRLs.
 */
@WebServlet(urlPatterns = "/pki/*")
public class PkiPublicationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PkiPublicationServlet.class.getName());
    /** An OCSP request or a time-stamp query is a few hundred bytes. */
    private static final int MAX_REQUEST = 16 * 1024;

    @Inject
    transient GatewayPki pki;

    @Inject
    transient SandboxMode sandbox;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!pki.available()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        DemoTrustServices trust = pki.services();
        try {
            switch (String.valueOf(req.getPathInfo())) {
                case "/root-ca.crt" -> send(resp, "application/pkix-cert", trust.pki().root().certificate().getEncoded());
                case "/issuing-ca.crt" -> send(resp, "application/pkix-cert",
                        trust.pki().issuing().certificate().getEncoded());
                case "/root-ca.crl" -> send(resp, "application/pkix-crl", trust.rootCrl().getEncoded());
                case "/issuing-ca.crl" -> send(resp, "application/pkix-crl", trust.issuingCrl().getEncoded());
                case "/_faults" -> faults(resp);
                default -> resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (CertificateEncodingException | CRLException e) {
            LOG.log(Level.SEVERE, "Cannot encode what the DEMO PKI publishes at " + req.getPathInfo(), e);
            resp.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!pki.available() || !sandbox.enabled() || !"/_faults".equals(req.getPathInfo())) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = read(req);
        if (body == null) {
            resp.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new java.io.ByteArrayInputStream(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Send {\"ocspDown\": true|false}");
            return;
        }
        if (json.containsKey("ocspDown")) {
            try {
                pki.ocspDown(json.getBoolean("ocspDown"));
            } catch (ClassCastException e) {
                resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "ocspDown must be true or false");
                return;
            }
        }
        faults(resp);
    }

    private void faults(HttpServletResponse resp) throws IOException {
        if (!sandbox.enabled()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        send(resp, "application/json", Json.createObjectBuilder().add("ocspDown", pki.ocspDown()).build().toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!pki.available()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String path = String.valueOf(req.getPathInfo());
        String expected = switch (path) {
            case "/ocsp" -> "application/ocsp-request";
            case "/tsa" -> "application/timestamp-query";
            default -> null;
        };
        if (expected == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(expected)) {
            resp.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + expected);
            return;
        }
        byte[] request = read(req);
        if (request == null) {
            resp.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        DemoTrustServices trust = pki.services();
        try {
            if (path.equals("/ocsp") && pki.ocspDown()) {
                resp.setHeader("Retry-After", "60");
                resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The DEMO OCSP responder is switched off "
                        + "(PUT /pki/_faults); use the CRL at /pki/issuing-ca.crl");
            } else if (path.equals("/ocsp")) {
                send(resp, "application/ocsp-response", trust.ocsp(request));
            } else {
                send(resp, "application/timestamp-reply", trust.timestamp(request));
            }
        } catch (SigningException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    private static byte[] read(HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            byte[] body = in.readNBytes(MAX_REQUEST + 1);
            return body.length > MAX_REQUEST ? null : body;
        }
    }

    private static void send(HttpServletResponse resp, String type, byte[] body) throws IOException {
        resp.setContentType(type);
        resp.setContentLength(body.length);
        resp.setHeader("Cache-Control", "no-cache");
        resp.getOutputStream().write(body);
    }
}
