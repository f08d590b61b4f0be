package vn.lienthong.gateway.infrastructure.logging;

import java.io.UnsupportedEncodingException;
import java.util.logging.ErrorManager;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import vn.lienthong.gateway.domain.dossier.PersonalDataMask;

/**
 * Wraps one of the server's log handlers and masks personal data in every record before it
 * passes the record on. A wrapper rather than a {@link Filter}: JUL does not consult a logger's
 * filter for records propagated from child loggers, and some handlers (GlassFish's GFFileHandler)
 * queue a record without asking their own filter. Level, filter, formatter and encoding are the
 * wrapped handler's, so code that reconfigures a handler still reconfigures the real one.
 */
final class MaskingHandler extends Handler {

    /** Renders a record's message as every JUL formatter does: resource bundle, then {0}-style parameters. */
    private static final Formatter MESSAGE = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    private final Handler delegate;

    MaskingHandler(Handler delegate) {
        this.delegate = delegate;
    }

    Handler delegate() {
        return delegate;
    }

    @Override
    public void publish(LogRecord record) {
        if (record != null) {
            mask(record);
        }
        delegate.publish(record);
    }

    /**
     * Masks the record in place; every handler of the process is wrapped, so the next one sees it
     * masked already and finds nothing to do. Only a record that holds personal data is touched.
     */
    static void mask(LogRecord record) {
        try {
            Object[] parameters = record.getParameters();
            if (parameters != null && parameters.length > 0 && anyPersonal(parameters)) {
                // Parameters are rendered into the message now, so none reaches a formatter unmasked.
                record.setMessage(PersonalDataMask.mask(MESSAGE.formatMessage(record)));
                record.setParameters(null);
                record.setResourceBundle(null);
                record.setResourceBundleName(null);
            } else {
                String message = record.getMessage();
                String masked = PersonalDataMask.mask(message);
                if (masked != message) {
                    record.setMessage(masked);
                }
            }
            Throwable thrown = record.getThrown();
            Throwable masked = MaskedThrowable.of(thrown);
            if (masked != thrown) {
                record.setThrown(masked);
            }
        } catch (RuntimeException e) {
            // A parameter whose toString() fails: better a line without detail than one that might leak.
            record.setMessage("Log record withheld: masking personal data failed (" + e.getClass().getName() + ")");
            record.setParameters(null);
            record.setResourceBundle(null);
            record.setResourceBundleName(null);
            record.setThrown(null);
        }
    }

    private static boolean anyPersonal(Object[] parameters) {
        for (Object p : parameters) {
            if (p != null && PersonalDataMask.containsPersonalData(p instanceof CharSequence s ? s : String.valueOf(p))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        return delegate.isLoggable(record);
    }

    @Override
    public void setLevel(Level level) {
        delegate.setLevel(level);
    }

    @Override
    public Level getLevel() {
        return delegate.getLevel();
    }

    @Override
    public void setFilter(Filter filter) {
        delegate.setFilter(filter);
    }

    @Override
    public Filter getFilter() {
        return delegate.getFilter();
    }

    @Override
    public void setFormatter(Formatter formatter) {
        delegate.setFormatter(formatter);
    }

    @Override
    public Formatter getFormatter() {
        return delegate.getFormatter();
    }

    @Override
    public void setEncoding(String encoding) throws UnsupportedEncodingException {
        delegate.setEncoding(encoding);
    }

    @Override
    public String getEncoding() {
        return delegate.getEncoding();
    }

    @Override
    public void setErrorManager(ErrorManager manager) {
        delegate.setErrorManager(manager);
    }

    @Override
    public ErrorManager getErrorManager() {
        return delegate.getErrorManager();
    }

    @Override
    public String toString() {
        return "masking(" + delegate.getClass().getName() + ")";
    }
}
