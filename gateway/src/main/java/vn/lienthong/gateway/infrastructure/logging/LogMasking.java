package vn.lienthong.gateway.infrastructure.logging;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Masks citizen ID and phone numbers in every log line the gateway's process writes (Decree
 * 13/2023): installed first thing when the application starts, before the database and Camel log
 * anything, and removed once the application is gone, so an undeployed gateway leaves no class
 * of its own in the server's logging. See docs/personal-data.md.
 */
@ApplicationScoped
public class LogMasking {

    /** Before every other start-up observer (the database migration runs at 100). */
    public static final int PRIORITY = 10;

    private static final Logger LOG = Logger.getLogger(LogMasking.class.getName());
    private static final MaskedLogHandlers HANDLERS = new MaskedLogHandlers(LogManager.getLogManager());
    private static final MaskedStandardStreams STANDARD_STREAMS = new MaskedStandardStreams();
    /**
     * Payara's MicroProfile JWT store logs a full stack trace at INFO for every refused token,
     * about 5 KB each: anyone could flood the log with garbage tokens. Refusals are in the audit
     * trail instead. Held here because JUL keeps loggers weakly, and a collected one forgets its level.
     */
    private static final Logger TOKEN_REFUSALS =
            Logger.getLogger("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore");

    void install(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        List<String> wrapped = HANDLERS.install();
        STANDARD_STREAMS.install();
        TOKEN_REFUSALS.setLevel(Level.WARNING);
        LOG.info(() -> "Personal data (citizen IDs, phone numbers) is masked in every log line; log handlers: "
                + wrapped + ", and System.out/System.err");
    }

    /** Static: it runs after the application's beans are destroyed, so their last lines are masked too. */
    static void uninstall(@Observes @Destroyed(ApplicationScoped.class) Object stopped) {
        STANDARD_STREAMS.uninstall();
        HANDLERS.uninstall();
    }
}
