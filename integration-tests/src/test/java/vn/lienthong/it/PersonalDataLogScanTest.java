package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan fails on a log with an ID in clear, names file:line, and ignores what only looks like one. */
class PersonalDataLogScanTest {

    @TempDir
    Path root;

    private static final String CLEAN = """
            [2026-11-21T23:01:16.123+0700] [] [INFO] [] [PayaraMicro] [tid: _ThreadID=1 _ThreadName=main] [timeMillis: 1763740876123] [levelValue: 800] [[
              Payara Micro  6.2025.10 #badassmicrofish (build 1177) ready in 12,345 (ms)]]
            [2026-11-21T23:01:17.001+0700] [] [WARNING] [] [vn.lienthong.gateway.routes.DeliveryOutcomes] [tid: _ThreadID=77] [levelValue: 900] [[
              Agency civil-status refused message 3f2b9c4e-1d2a-4b7e-9c1f-123456789012 for good: {"personalId": "0011******45", "phone": "0912****78"}]]
            dossier H15.50.05.13-261008-0975 at 2026-11-21T23:01:17.001+07:00, 200 OK, port 8080
            nanoTime 123456789012 and a 13-digit 0011900123456 and a province 099 number 099123456789
            """;

    private Path log(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void aCleanLogPassesAndItsMaskedIdsAreCounted() throws IOException {
        log("logs/arquillian/payara-server0.log.0", CLEAN);
        PersonalDataLogScan.Result result = PersonalDataLogScan.requireMasked(root);
        assertEquals(1, result.files().size());
        assertEquals(6, result.lines());
        assertEquals(1, result.maskedIds());
    }

    @Test
    void anIdInClearFailsTheBuildNamingFileAndLine() throws IOException {
        log("logs/arquillian/payara-server0.log.0", CLEAN);
        Path leaky = log("runnable-jar/payara-root4242.log", CLEAN + """
                [[ Failed delivery. Exchange[Body: {"applicant":{"citizenId":"001190012345","phone":"+84912345678"}}]]
                """);

        AssertionError failure = assertThrows(AssertionError.class, () -> PersonalDataLogScan.requireMasked(root));
        String report = failure.getMessage();
        assertTrue(report.contains(leaky + ":7: citizen ID 0011******45"), report);
        assertTrue(report.contains(leaky + ":7: mobile number +8491*****78"), report);
        assertFalse(report.contains("001190012345"), "the report must not leak the ID again: " + report);
        assertEquals(List.of(7, 7), PersonalDataLogScan.scan(root).findings().stream()
                .map(PersonalDataLogScan.Finding::line).toList());
    }

    @Test
    void aPlainMobileNumberIsFoundToo() throws IOException {
        log("agency-exchange/payara-root1.log", "callback for 0912345678 failed\n");
        assertEquals("mobile number 0912****78",
                PersonalDataLogScan.scan(root).findings().get(0).kind() + " "
                        + PersonalDataLogScan.scan(root).findings().get(0).value());
    }

    @Test
    void digitsInsideAHexHashAreNotANumber() throws IOException {
        log("arquillian/archive/ledger/ledger.log",
                "16\tDEPOSIT\t8b612141c2979bcfdf7fe45136f405bbe8e0881781188f095c481680077e7e22\tx0011900123456\n");
        assertEquals(List.of(), PersonalDataLogScan.scan(root).findings());
        log("arquillian/archive/ledger/ledger.log", "sdt: 0881781188\n");
        assertEquals(1, PersonalDataLogScan.scan(root).findings().size());
    }

    @Test
    void aUuidWhoseLastGroupIsAllDigitsIsNotACitizenId() throws IOException {
        log("shared/data/archive/ledger/ledger.log",
                "40\t2026-11-22T06:23:46Z\tDEPOSIT\ta1b4121c-3b4c-4909-8479-016969494537\tdossier=000.20.20.H30-261122-0017\n");
        assertEquals(List.of(), PersonalDataLogScan.scan(root).findings());
        log("shared/data/archive/ledger/ledger.log", "a1b4121c-3b4c-4909-8479-016969494537 for 016969494537\n");
        assertEquals(1, PersonalDataLogScan.scan(root).findings().size());
    }

    @Test
    void noLogAtAllFailsRatherThanPassingOnNothing() throws IOException {
        log("arquillian/db/lienthong.mv.db", "001190012345"); // data, not a log: not scanned
        Files.createDirectories(root.resolve("logs/arquillian"));
        AssertionError failure = assertThrows(AssertionError.class, () -> PersonalDataLogScan.requireMasked(root));
        assertTrue(failure.getMessage().contains("a scan of nothing proves nothing"), failure.getMessage());
        assertThrows(AssertionError.class, () -> PersonalDataLogScan.requireMasked(root.resolve("missing")));
    }
}
