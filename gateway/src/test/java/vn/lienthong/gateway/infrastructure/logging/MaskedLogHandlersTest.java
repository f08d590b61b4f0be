package vn.lienthong.gateway.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On the JVM's real LogManager: records of any logger reach the root's handlers masked. */
class MaskedLogHandlersTest {

    private final LogManager manager = LogManager.getLogManager();
    private final MaskedLogHandlers handlers = new MaskedLogHandlers(manager);
    private final Logger root = Logger.getLogger("");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StreamHandler server = new StreamHandler(out, new SimpleFormatter());
    private Level rootLevel;

    @BeforeEach
    void serverHandlerOnTheRoot() {
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        root.addHandler(server);
    }

    @AfterEach
    void restore() {
        handlers.uninstall();
        root.removeHandler(server);
        root.setLevel(rootLevel);
    }

    private String written() {
        server.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void childLoggersOfTheApplicationCamelAndTheServerAreMaskedAtTheRoot() {
        List<String> wrapped = handlers.install();
        assertTrue(wrapped.contains("root: " + StreamHandler.class.getName()), wrapped::toString);

        Logger.getLogger("vn.lienthong.gateway.routes.DeliveryOutcomes").warning("refused: 001190012345");
        Logger.getLogger("org.apache.camel.processor.errorhandler.DefaultErrorHandler")
                .log(Level.SEVERE, "Failed delivery, body {0}", "{\"citizenId\":\"079203001234\"}");
        Logger.getLogger("org.glassfish.jersey.server.ServerRuntime")
                .log(Level.WARNING, "Cannot read body", new IllegalStateException("phone 0912345678"));

        String log = written();
        assertFalse(log.contains("001190012345") || log.contains("079203001234") || log.contains("0912345678"), log);
        assertTrue(log.contains("refused: 0011******45") && log.contains("0792******34")
                && log.contains("phone 0912****78"), log);
    }

    @Test
    void uninstallGivesTheServerItsOwnHandlerBack() {
        handlers.install();
        assertTrue(Arrays.stream(root.getHandlers()).noneMatch(h -> h == server));
        handlers.uninstall();
        assertTrue(Arrays.stream(root.getHandlers()).anyMatch(h -> h == server));
        assertTrue(Arrays.stream(root.getHandlers()).noneMatch(MaskingHandler.class::isInstance));

        Logger.getLogger("vn.lienthong.gateway.Probe").warning("after undeploy 001190012345");
        assertTrue(written().contains("after undeploy 001190012345"), "the wrapper is really gone");
    }

    @Test
    void aReloadedLoggingConfigurationIsWrappedAgain() throws IOException {
        handlers.install();
        manager.readConfiguration(new ByteArrayInputStream(
                "handlers=java.util.logging.ConsoleHandler\n.level=INFO\n".getBytes(StandardCharsets.ISO_8859_1)));
        Handler[] now = root.getHandlers();
        assertEquals(1, now.length);
        assertTrue(now[0] instanceof MaskingHandler masking
                && masking.delegate() instanceof java.util.logging.ConsoleHandler, Arrays.toString(now));
        handlers.uninstall();
        assertSame(java.util.logging.ConsoleHandler.class, root.getHandlers()[0].getClass());
        // The reset dropped the test's own handler; put it back for restore().
        root.addHandler(server);
    }
}
