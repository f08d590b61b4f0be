package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On the real server: an applicant's citizen ID and phone number written through the
 * application's, Camel's and Payara's loggers (message, parameters, a failure and its cause)
 * reach the server's log file masked, and so does a line printed to System.out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogMaskingIT {

    private static final String ID = "001190012345";
    private static final String PHONE = "0912345678";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.gatewayWar().addClass(LogProbeServlet.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void everyLoggerOfTheProcessWritesTheApplicantsNumbersMasked() {
        // Letters only: a UUID's last group is sometimes twelve digits, which the masking rightly takes for a citizen ID.
        String marker = ThreadLocalRandom.current().ints(20, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        GatewayHttp http = new GatewayHttp(URI.create(base.toString()));
        // Arquillian echoes the server's console to this JVM's System.out, line by line.
        String console = consoleWhile(marker + " stdout", () -> assertEquals(204,
                http.get("it/log-probe?marker=" + marker + "&citizenId=" + ID + "&phone=" + PHONE).status()));
        assertTrue(console.contains("probe " + marker + " stdout: citizen 0011******45"), console);
        assertFalse(console.contains(ID) || console.contains(PHONE), console);

        // The file handler flushes every record before publish returns, so the lines are there now.
        String log = serverLog();
        List<String> probed = log.lines().filter(l -> l.contains(marker)).toList();
        String shown = String.join("\n", probed);
        assertEquals(5, probed.size(), shown);
        assertTrue(shown.contains("application: agency refused 0011******45, phone 0912****78"), shown);
        assertTrue(shown.contains("parameters: citizen 0011******45, phone 0912****78"), shown);
        assertTrue(shown.contains("camel: Failed delivery. Exchange[Body: {\"citizenId\":\"0011******45\"}]"), shown);
        assertTrue(shown.contains("payara: request failed"), shown);
        assertTrue(shown.contains("web: {\"citizenId\":\"0011******45\"}"), shown);
        assertTrue(log.contains("java.lang.IllegalStateException: body had citizenId 0011******45"), log);
        assertTrue(log.contains("Caused by: java.lang.IllegalArgumentException: phone 0912****78"), log);
        assertTrue(log.contains("at vn.lienthong.it.LogProbeServlet.doGet"), "the stack trace is kept");
        assertFalse(log.contains(ID) || log.contains(PHONE), "a number in clear in the server log");
        assertTrue(log.contains("Personal data (citizen IDs, phone numbers) is masked in every log line"), log);
    }

    /** What this JVM prints while {@code action} runs and until a line with {@code awaited} has come. */
    private static String consoleWhile(String awaited, Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (seen) {
                    seen.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8));
        try {
            action.run();
            await().atMost(Duration.ofSeconds(30)).until(() -> text(seen).contains(awaited));
            return text(seen);
        } finally {
            System.setOut(original);
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static String serverLog() {
        Path dir = Path.of(System.getProperty("it.data.dir", "target/it-data"), "logs", "arquillian");
        List<Path> files = PersonalDataLogScan.logFiles(dir);
        assertFalse(files.isEmpty(), "Payara Micro wrote no log file under " + dir);
        return files.stream().map(f -> {
            try {
                return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).collect(Collectors.joining("\n"));
    }
}
