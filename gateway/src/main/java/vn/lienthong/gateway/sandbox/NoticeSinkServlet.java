package vn.lienthong.gateway.sandbox;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.icegreen.greenmail.store.FolderException;

import vn.lienthong.gateway.infrastructure.config.SandboxMode;

/**
 * The sandbox's notification sinks over HTTP: the simulated SMS gateway API
 * ({@code POST /sandbox/sms/messages}) with {@code GET _sent?to=}, {@code GET _stats},
 * {@code GET|PUT _faults}, {@code POST _reset}; and the SMTP sink's {@code GET /sandbox/mail/_sent?to=}
 * and {@code POST /sandbox/mail/_reset}. 404 everywhere unless the sandbox is on.
 */
@WebServlet(urlPatterns = {"/sandbox/sms/*", "/sandbox/mail/*"}, loadOnStartup = 1)
public class NoticeSinkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SandboxSwitch sandbox;

    @Inject
    transient SandboxSmsGateway sms;

    @Inject
    transient SandboxMailSink mail;

    @Inject
    transient SandboxMode mode;

    /** The SMS simulator's address includes the context root when the WAR is not deployed at /. */
    @Override
    public void init() {
        mode.useContextPath(getServletContext().getContextPath());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = action(req);
        if (!sandbox.enabled()) {
            resp.sendError(404);
            return;
        }
        if (isSms(req)) {
            switch (path) {
                case "_sent" -> json(resp, 200, sms.sent(req.getParameter("to")));
                case "_stats" -> json(resp, 200, sms.stats());
                case "_faults" -> json(resp, 200, sms.faults());
                default -> resp.sendError(404);
            }
        } else if (path.equals("_sent") && mail.running()) {
            try {
                json(resp, 200, mail.sent(req.getParameter("to")));
            } catch (MessagingException e) {
                json(resp, 500, error("Cannot read the received e-mails: " + e.getMessage()));
            }
        } else {
            resp.sendError(404);
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!sandbox.enabled() || !isSms(req) || !action(req).equals("_faults")) {
            resp.sendError(404);
            return;
        }
        JsonObject plan = read(req);
        json(resp, plan == null ? 400 : 200, plan == null ? error("A JSON object is required") : sms.plan(plan));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = action(req);
        if (!sandbox.enabled()) {
            resp.sendError(404);
            return;
        }
        if (!isSms(req)) {
            if (!path.equals("_reset") || !mail.running()) {
                resp.sendError(404);
                return;
            }
            try {
                mail.reset();
            } catch (FolderException e) {
                json(resp, 500, error("Cannot empty the sink: " + e.getMessage()));
                return;
            }
            json(resp, 200, Json.createObjectBuilder().add("reset", true).build());
            return;
        }
        switch (path) {
            case "_reset" -> {
                sms.reset();
                json(resp, 200, sms.stats());
            }
            case "messages" -> {
                JsonObject request = read(req);
                SandboxSmsGateway.Reply reply = request == null ? new SandboxSmsGateway.Reply(400,
                        error("A JSON object is required")) : sms.receive(req.getHeader("X-Request-Id"), request);
                json(resp, reply.status(), reply.body());
            }
            default -> resp.sendError(404);
        }
    }

    private static boolean isSms(HttpServletRequest req) {
        return req.getServletPath().equals("/sandbox/sms");
    }

    private static String action(HttpServletRequest req) {
        String info = req.getPathInfo();
        return info == null ? "" : info.replaceFirst("^/", "");
    }

    private static JsonObject read(HttpServletRequest req) throws IOException {
        String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message).build();
    }

    private static void json(HttpServletResponse resp, int status, JsonObject json) throws IOException {
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
