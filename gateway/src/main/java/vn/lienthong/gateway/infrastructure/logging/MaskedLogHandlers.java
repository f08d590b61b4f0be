package vn.lienthong.gateway.infrastructure.logging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Puts a {@link MaskingHandler} around every handler of every logger of the process (the server's
 * console and file handlers sit on the root logger; Payara's, Camel's and this application's
 * records all end there), and takes them off again. A re-read logging configuration replaces the
 * handlers, so the wrapping is redone after each one.
 */
final class MaskedLogHandlers {

    private final LogManager manager;
    private final Runnable rewrap = this::wrap;
    private boolean installed;

    MaskedLogHandlers(LogManager manager) {
        this.manager = manager;
    }

    /** Wraps the handlers there are now and after every configuration reload; the wrapped handlers' class names. */
    synchronized List<String> install() {
        List<String> wrapped = wrap();
        if (!installed) {
            manager.addConfigurationListener(rewrap);
            installed = true;
        }
        return wrapped;
    }

    /** Gives every logger its own handlers back, so nothing of this application stays in the server. */
    synchronized void uninstall() {
        if (installed) {
            manager.removeConfigurationListener(rewrap);
            installed = false;
        }
        for (Logger logger : loggers()) {
            for (Handler h : logger.getHandlers()) {
                if (h instanceof MaskingHandler masking) {
                    // Removed first: a record in between goes nowhere rather than out unmasked twice.
                    logger.removeHandler(masking);
                    logger.addHandler(masking.delegate());
                }
            }
        }
    }

    private synchronized List<String> wrap() {
        Map<Handler, MaskingHandler> wrappers = new IdentityHashMap<>();
        List<String> wrapped = new ArrayList<>();
        for (Logger logger : loggers()) {
            for (Handler h : logger.getHandlers()) {
                if (h instanceof MaskingHandler) {
                    continue;
                }
                MaskingHandler masking = wrappers.computeIfAbsent(h, MaskingHandler::new);
                // Removed before the wrapper is added: a record in between is lost, never written unmasked.
                logger.removeHandler(h);
                logger.addHandler(masking);
                wrapped.add((logger.getName().isEmpty() ? "root" : logger.getName()) + ": " + h.getClass().getName());
            }
        }
        return wrapped;
    }

    private List<Logger> loggers() {
        List<Logger> loggers = new ArrayList<>();
        for (String name : Collections.list(manager.getLoggerNames())) {
            Logger logger = manager.getLogger(name);
            if (logger != null) {
                loggers.add(logger);
            }
        }
        return loggers;
    }
}
