package vn.lienthong.it;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.LoggerFactory;

/**
 * Test-only, added to the WAR by {@link LogMaskingIT}: writes an applicant's numbers through every
 * kind of logger the gateway's process has, the way each of them would leak one.
 */
@WebServlet("/it/log-probe")
public class LogProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String marker = request.getParameter("marker");
        String id = request.getParameter("citizenId");
        String phone = request.getParameter("phone");

        // The application's own loggers: a message built by concatenation, and {0}-style parameters.
        Logger application = Logger.getLogger("vn.lienthong.gateway.routes.LogProbe");
        application.warning("probe " + marker + " application: agency refused " + id + ", phone " + phone);
        application.log(Level.WARNING, "probe {0} parameters: citizen {1}, phone {2}", new Object[] {marker, id, phone});
        // Camel logs through slf4j-jdk14, as its error handler does when it prints an exchange's body.
        LoggerFactory.getLogger("org.apache.camel.processor.errorhandler.LogProbe")
                .warn("probe {} camel: Failed delivery. Exchange[Body: {\"citizenId\":\"{}\"}]", marker, id);
        // The server's own loggers, with a failure whose message and cause echo a request body.
        Logger.getLogger("org.glassfish.jersey.server.LogProbe").log(Level.SEVERE, "probe " + marker + " payara: request failed",
                new IllegalStateException("body had citizenId " + id, new IllegalArgumentException("phone " + phone)));
        Logger.getLogger("jakarta.enterprise.web.LogProbe").log(Level.WARNING, "probe {0} web: {1}",
                new Object[] {marker, "{\"citizenId\":\"" + id + "\"}"});
        System.out.println("probe " + marker + " stdout: citizen " + id);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
