package vn.lienthong.gateway.infrastructure.config;

import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * The gateway refuses to start: one line saying which setting is wrong, and, in the runnable jar,
 * the process ends with exit status 78 ({@code EX_CONFIG}).
 *
 * <p>Payara Micro keeps running with no application when a deployment fails (its {@code /health}
 * answers DOWN), which a service manager cannot tell from a slow start. The runnable jar bakes
 * {@value #EXIT_PROPERTY}{@code =true} into its system properties, so that a refused start ends the
 * process right after the line is logged, before Payara prints the stack trace of the failed
 * deployment. The process is halted, not exited: the deploying thread holds the server's locks, and
 * the shutdown hooks would wait for it. Nothing has been written yet (the checks run before any
 * work), and the embedded database survives a halt as it survives {@code kill -9}. Under Arquillian
 * the property is unset: the deployment fails and the container stays up for the next test.
 */
public final class StartRefusal {

    /** The system property that turns a refused start into the end of the process. */
    public static final String EXIT_PROPERTY = "lienthong.exit-on-refused-start";

    /** {@code EX_CONFIG} from sysexits.h: a configuration error. */
    public static final int EXIT_STATUS = 78;

    private StartRefusal() {
    }

    /**
     * Logs the line (which starts "The gateway does not start: ") at SEVERE, ends the process when the
     * runnable jar asked for it, and otherwise hands back the exception the caller throws to fail the
     * deployment.
     */
    public static <E extends RuntimeException> E refuse(Logger log, String line, E failure) {
        log.severe(line);
        if (Boolean.getBoolean(EXIT_PROPERTY)) {
            flush(log);
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
        return failure;
    }

    private static void flush(Logger log) {
        for (Logger l = log; l != null; l = l.getParent()) {
            for (Handler h : l.getHandlers()) {
                h.flush();
            }
        }
    }
}
