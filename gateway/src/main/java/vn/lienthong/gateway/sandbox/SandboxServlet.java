package vn.lienthong.gateway.sandbox;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The sandbox agencies over real HTTP under {@code /sandbox/{agency}/…}, with {@code GET _stats},
 * {@code GET|PUT _faults}, {@code GET _received} and {@code POST _reset} for tests. Answers 404
 * everywhere unless the sandbox is enabled.
 */
@WebServlet(urlPatterns = "/sandbox/*", asyncSupported = true)
public class SandboxServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SandboxSwitch sandbox;

    @Inject
    transient SandboxCallbacks callbacks;

    private transient Map<String, AgencySimulator> simulators;

    @Override
    public void init() {
        simulators = List.of(new CivilStatusSimulator(), new SocialInsuranceSimulator(), new ResidenceSimulator(),
                        new LandRegistrySimulator()).stream()
                .collect(Collectors.toMap(AgencySimulator::id, Function.identity()));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = path(req);
        if (!sandbox.enabled() || path.length != 2 || !simulators.containsKey(path[0])) {
            resp.sendError(404);
            return;
        }
        SandboxLedger ledger = sandbox.ledger(path[0]);
        switch (path[1]) {
            case "_stats" -> json(resp, 200, ledger.stats());
            case "_faults" -> json(resp, 200, ledger.faults().toJson());
            case "_received" -> json(resp, 200, Json.createObjectBuilder()
                    .add("received", simulators.get(path[0]).received()).build());
            default -> resp.sendError(404);
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = path(req);
        if (!sandbox.enabled() || path.length != 2 || !simulators.containsKey(path[0]) || !path[1].equals("_faults")) {
            resp.sendError(404);
            return;
        }
        SandboxLedger ledger = sandbox.ledger(path[0]);
        JsonObject plan = Json.createReader(new StringReader(body(req))).readObject();
        ledger.plan(SandboxFaults.from(plan, ledger.faults()));
        json(resp, 200, ledger.faults().toJson());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = path(req);
        if (!sandbox.enabled() || path.length < 2 || !simulators.containsKey(path[0])) {
            resp.sendError(404);
            return;
        }
        SandboxLedger ledger = sandbox.ledger(path[0]);
        if (path[1].equals("_reset")) {
            ledger.reset();
            callbacks.forget(path[0]);
            simulators.get(path[0]).reset();
            json(resp, 200, ledger.stats());
            return;
        }
        AgencySimulator simulator = simulators.get(path[0]);
        String body = simulator.read(req.getInputStream(), req.getContentType());
        String requestId = simulator.requestId(req.getHeader("X-Request-Id"), body);
        long arrival = ledger.arrive();
        SandboxFaults plan = ledger.faults();
        pause(plan.latencyMs());
        if (requestId == null || requestId.isBlank()) {
            write(resp, simulator.fault("400"));
            return;
        }
        String fault = ledger.faultFor(requestId, arrival);
        if (fault != null && !fault.equals("timeout") && !fault.equals("malformed")) {
            write(resp, simulator.fault(fault));
            return;
        }
        SandboxReply refused = simulator.refusal(body);
        if (refused != null) {
            write(resp, refused);
            return;
        }
        String rest = String.join("/", java.util.Arrays.copyOfRange(path, 1, path.length));
        int port = req.getLocalPort();
        SandboxReply reply = ledger.actOnce(requestId, () -> {
            SandboxReply first = simulator.act(rest, body, requestId);
            callbacks.schedule(simulator.id(), requestId, simulator.callbackBody(requestId), port, plan);
            return first;
        });
        if ("timeout".equals(fault)) {
            pause(plan.timeoutMs());
        }
        write(resp, "malformed".equals(fault) ? simulator.malformed() : reply);
    }

    private static String[] path(HttpServletRequest req) {
        String info = req.getPathInfo();
        return info == null ? new String[0] : (info.startsWith("/") ? info.substring(1) : info).split("/");
    }

    private static String body(HttpServletRequest req) throws IOException {
        return new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void write(HttpServletResponse resp, SandboxReply reply) throws IOException {
        resp.setStatus(reply.status());
        resp.setContentType(reply.contentType());
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static void json(HttpServletResponse resp, int status, JsonObject json) throws IOException {
        write(resp, new SandboxReply(status, "application/json", json.toString()));
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis); // simulated agency latency, not a test wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
