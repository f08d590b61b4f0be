package vn.lienthong.gateway.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ListResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import org.junit.jupiter.api.Test;

class MaskingHandlerTest {

    private static final String ID = "001190012345";
    private static final String MASKED_ID = "0011******45";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StreamHandler target = new StreamHandler(out, new SimpleFormatter());
    private final MaskingHandler handler = new MaskingHandler(target);

    private String written() {
        handler.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void messagesAndParametersAreMasked() {
        handler.publish(new LogRecord(Level.WARNING, "Agency refused: {\"citizenId\":\"" + ID + "\"}"));
        LogRecord withParameters = new LogRecord(Level.INFO, "Applicant {0}, phone {1}, {2} attempts");
        withParameters.setParameters(new Object[] {ID, "0912345678", 3});
        handler.publish(withParameters);

        String log = written();
        assertFalse(log.contains(ID) || log.contains("0912345678"), log);
        assertTrue(log.contains("Agency refused: {\"citizenId\":\"" + MASKED_ID + "\"}"), log);
        assertTrue(log.contains("Applicant " + MASKED_ID + ", phone 0912****78, 3 attempts"), log);
    }

    @Test
    void aResourceBundleMessageIsLocalizedBeforeItsParametersAreMasked() {
        LogRecord r = new LogRecord(Level.INFO, "NCLS-TEST-00001");
        r.setResourceBundle(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"NCLS-TEST-00001", "Request body was {0}"}};
            }
        });
        r.setParameters(new Object[] {"{\"citizenId\":\"" + ID + "\"}"});
        handler.publish(r);
        assertTrue(written().contains("Request body was {\"citizenId\":\"" + MASKED_ID + "\"}"));
    }

    @Test
    void aRecordWithoutPersonalDataIsLeftAsItIs() {
        LogRecord r = new LogRecord(Level.INFO, "Outbox: {0} messages in {1} ms");
        Object[] parameters = {200, 1763765432123L};
        r.setParameters(parameters);
        IllegalStateException failure = new IllegalStateException("timeout after 5000 ms");
        r.setThrown(failure);
        handler.publish(r);
        assertEquals("Outbox: {0} messages in {1} ms", r.getMessage());
        assertSame(parameters, r.getParameters());
        assertSame(failure, r.getThrown());
    }

    @Test
    void aFailureIsRenderedMaskedWithItsStackTraceCausesAndSuppressed() {
        SQLIntegrityConstraintViolationException sql = new SQLIntegrityConstraintViolationException(
                "Unique index violation: VALUES ('" + ID + "', '0912345678')");
        IllegalStateException failure = new IllegalStateException("Cannot store dossier of " + ID, sql);
        failure.addSuppressed(new IllegalArgumentException("phone +84912345678"));
        LogRecord r = new LogRecord(Level.SEVERE, "Unexpected failure, incident 42");
        r.setThrown(failure);
        handler.publish(r);

        String log = written();
        assertFalse(log.contains(ID) || log.contains("0912345678") || log.contains("+84912345678"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: Cannot store dossier of " + MASKED_ID), log);
        assertTrue(log.contains("Caused by: java.sql.SQLIntegrityConstraintViolationException: Unique index violation: "
                + "VALUES ('" + MASKED_ID + "', '0912****78')"), log);
        assertTrue(log.contains("Suppressed: java.lang.IllegalArgumentException: phone +8491*****78"), log);
        assertTrue(log.contains("at vn.lienthong.gateway.infrastructure.logging.MaskingHandlerTest."
                + "aFailureIsRenderedMaskedWithItsStackTraceCausesAndSuppressed"), log);
        assertArrayEquals(failure.getStackTrace(), r.getThrown().getStackTrace());
        assertEquals("Cannot store dossier of " + MASKED_ID, r.getThrown().getMessage());
        // The caller's exception itself is untouched.
        assertEquals("Cannot store dossier of " + ID, failure.getMessage());
    }

    @Test
    void aCircularCauseChainIsCopiedWithoutLooping() {
        IllegalStateException a = new IllegalStateException("a " + ID);
        IllegalArgumentException b = new IllegalArgumentException("b", a);
        a.initCause(b);
        LogRecord r = new LogRecord(Level.SEVERE, "loop");
        r.setThrown(a);
        handler.publish(r);
        StringWriter trace = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(trace));
        assertTrue(trace.toString().contains("CIRCULAR REFERENCE"), trace::toString);
        assertFalse(trace.toString().contains(ID), trace::toString);
    }

    @Test
    void aParameterThatCannotBeShownWithholdsTheRecord() {
        LogRecord r = new LogRecord(Level.INFO, "value {0}");
        r.setParameters(new Object[] {new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("broken " + ID);
            }
        }});
        handler.publish(r);
        String log = written();
        assertTrue(log.contains("Log record withheld"), log);
        assertFalse(log.contains(ID), log);
    }

    @Test
    void configurationGoesToTheWrappedHandler() {
        handler.setLevel(Level.WARNING);
        assertEquals(Level.WARNING, target.getLevel());
        SimpleFormatter formatter = new SimpleFormatter();
        handler.setFormatter(formatter);
        assertSame(formatter, target.getFormatter());
        assertFalse(handler.isLoggable(new LogRecord(Level.INFO, "x")));
    }
}
