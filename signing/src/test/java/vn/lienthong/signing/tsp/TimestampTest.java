package vn.lienthong.signing.tsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.TimestampException;
import vn.lienthong.signing.cms.CmsParameters;
import vn.lienthong.signing.cms.CmsSigner;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;
import vn.lienthong.signing.support.Fixtures;
import vn.lienthong.signing.support.LoopbackTsa;
import vn.lienthong.signing.verify.Indication;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.verify.VerificationPolicy;
import vn.lienthong.signing.verify.VerificationReport;

/** B-T levels against a TSA the test runs on loopback. */
class TimestampTest {
    static LoopbackTsa tsa;
    @TempDir
    Path dir;

    private final SignatureVerifier verifier = new SignatureVerifier(
            VerificationPolicy.of(List.of(Fixtures.PKI.caCertificate()), List.of(Fixtures.emptyCrl())));

    @BeforeAll
    static void start() {
        tsa = LoopbackTsa.start(true);
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private Rfc3161Client client() {
        return new Rfc3161Client(TsaConfig.of(tsa.url()).withCredentials(LoopbackTsa.USER, LoopbackTsa.PASSWORD));
    }

    @Test
    void cadesBT() {
        byte[] cms = new CmsSigner(client()).sign("Kết quả".getBytes(StandardCharsets.UTF_8),
                CmsParameters.enveloping(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), Fixtures.rsaKey());
        VerificationReport r = verifier.verify(Fixtures.write(dir.resolve("t.p7m"), cms), null);
        assertEquals(Indication.TOTAL_PASSED, r.indication(), r.toText());
        assertEquals("CAdES-BASELINE-T", r.signatures().get(0).level());
        assertTrue(r.signatures().get(0).timestampTime().isPresent());
    }

    @Test
    void padesBT() {
        Path out = dir.resolve("t.pdf");
        new PadesSigner(client()).sign(Fixtures.textPdf(dir.resolve("in.pdf"), 1), out,
                PadesParameters.invisible(SignatureAlgorithm.ECDSA, DigestAlgorithm.SHA256), Fixtures.ecKey());
        VerificationReport r = verifier.verify(out, null);
        assertEquals(Indication.TOTAL_PASSED, r.indication(), r.toText());
        assertEquals("PAdES-BASELINE-T", r.signatures().get(0).level());
    }

    @Test
    void wrongCredentialsAndDeadTsaAreTimestampErrors() {
        Rfc3161Client anonymous = new Rfc3161Client(TsaConfig.of(tsa.url()));
        TimestampException denied = assertThrows(TimestampException.class,
                () -> anonymous.timestamp(new byte[32], DigestAlgorithm.SHA256));
        assertTrue(denied.getMessage().contains("401"), denied.getMessage());
        Rfc3161Client dead = new Rfc3161Client(TsaConfig.of(URI.create("http://127.0.0.1:9/tsa"))
                .withTimeout(Duration.ofSeconds(2)));
        assertThrows(TimestampException.class, () -> dead.timestamp(new byte[32], DigestAlgorithm.SHA256));
    }
}
