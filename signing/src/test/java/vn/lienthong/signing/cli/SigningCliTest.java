package vn.lienthong.signing.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.support.Fixtures;

/** The CLI in-process: exit codes, messages without stack traces, bench line format. */
class SigningCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new SigningCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keygenSignVerifyRoundTripWithExitCodes() {
        String ks = dir.resolve("ks.p12").toString();
        String ca = dir.resolve("ca.pem").toString();
        String crl = dir.resolve("ca.crl").toString();
        assertEquals(0, run("keygen", "--out", ks, "--storepass", "pw", "--ca-out", ca, "--crl-out", crl), stderr());

        Path content = Fixtures.write(dir.resolve("kq.txt"), "Kết quả".getBytes(StandardCharsets.UTF_8));
        String p7s = dir.resolve("kq.txt.p7s").toString();
        assertEquals(0, run("sign-cms", "--in", content.toString(), "--out", p7s, "--keystore", ks, "--storepass",
                "pw", "--alg", "rsa", "--digest", "sha384"), stderr());
        assertEquals(0, run("verify", "--in", p7s, "--content", content.toString(), "--trust", ca, "--crl", crl));
        assertTrue(stdout().contains("TOTAL_PASSED"), stdout());

        Path flipped = Fixtures.flipByte(content, dir.resolve("kq2.txt"), 0);
        assertEquals(1, run("verify", "--in", p7s, "--content", flipped.toString(), "--trust", ca, "--crl", crl,
                "--json"));
        assertTrue(stdout().startsWith("{") && stdout().contains("HASH_FAILURE"), stdout());

        Path pdf = Fixtures.textPdf(dir.resolve("in.pdf"), 1);
        String signed = dir.resolve("out.pdf").toString();
        assertEquals(0, run("sign-pdf", "--in", pdf.toString(), "--out", signed, "--keystore", ks, "--storepass",
                "pw", "--visible", "--page", "1", "--rect", "300,40,250,60"), stderr());
        assertEquals(0, run("verify", "--in", signed, "--trust", ca, "--crl", crl), stdout());
        assertEquals(1, run("verify", "--in", signed, "--trust", ca), "no CRL means INDETERMINATE by default");
        assertEquals(0, run("verify", "--in", signed, "--trust", ca, "--revocation", "warn"));
    }

    @Test
    void badUsageAndBadInputExitTwoWithoutStackTraces() {
        Path garbage = Fixtures.write(dir.resolve("g.p7s"), "not DER at all".getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, run("verify", "--in", garbage.toString()));
        assertEquals(2, run("verify", "--in", dir.resolve("missing.pdf").toString()));
        assertEquals(2, run("sign-cms", "--in", garbage.toString(), "--out", "x", "--keystore",
                dir.resolve("nope.p12").toString(), "--storepass", "x"));
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("verify", "--bogus"));
        assertEquals(2, run("sign-pdf", "--in", garbage.toString()));
        assertFalse(stderr().contains("\tat ") || stderr().contains("Exception"), stderr());
    }

    @Test
    void benchPrintsNameValueUnitLines() {
        assertEquals(0, run("bench", "--only", "cms-sign", "--alg", "ecdsa", "--seconds", "1", "--no-openssl"));
        Pattern line = Pattern.compile("^cms-sign ecdsa-p256 (native|jdk): \\d+ sig/s$");
        String[] lines = stdout().strip().split("\n");
        assertTrue(lines.length >= 1, stdout());
        for (String l : lines) {
            assertTrue(line.matcher(l).matches(), "bad bench line: " + l);
        }
    }
}
