package vn.lienthong.signing.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.support.Fixtures;
import vn.lienthong.signing.support.Tool;

/** openssl cms -verify is the outside judge of our detached and enveloping CMS. */
class CmsOpensslTest {
    @TempDir
    static Path dir;
    static Path caPem;

    @BeforeAll
    static void openssl() {
        assertTrue(Tool.available("openssl"), "openssl is not installed (.ci/run installs it)");
        caPem = Fixtures.writeCaPem(dir);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"RSA_PSS,SHA256", "RSA_PKCS1,SHA256", "ECDSA,SHA256", "RSA_PSS,SHA512", "ECDSA,SHA384"})
    void opensslAcceptsDetachedAndRejectsFlippedContent(SignatureAlgorithm alg, DigestAlgorithm digest) {
        Path content = Fixtures.write(dir.resolve("ket-qua-" + alg + digest + ".txt"),
                "Kết quả giải quyết hồ sơ H15.50.05.13-261008-0975".getBytes(StandardCharsets.UTF_8));
        KeySource key = alg == SignatureAlgorithm.ECDSA ? Fixtures.ecKey() : Fixtures.rsaKey();
        byte[] cms = new CmsSigner().sign(content, CmsParameters.detached(alg, digest), key);
        Path p7s = Fixtures.write(dir.resolve(content.getFileName() + ".p7s"), cms);

        Tool.Result ok = verify(p7s, content);
        assertEquals(0, ok.exitCode(), ok.output());
        assertTrue(ok.output().contains("Verification successful"), ok.output());

        Path tampered = Fixtures.flipByte(content, dir.resolve("tampered-" + content.getFileName()), 3);
        Tool.Result bad = verify(p7s, tampered);
        assertNotEquals(0, bad.exitCode(), bad.output());
        assertTrue(bad.output().contains("Verification failure"), bad.output());
    }

    @ParameterizedTest(name = "enveloping {0}")
    @CsvSource({"RSA_PSS", "ECDSA"})
    void opensslAcceptsEnveloping(SignatureAlgorithm alg) {
        byte[] content = "Phiếu kiểm soát quá trình giải quyết".getBytes(StandardCharsets.UTF_8);
        KeySource key = alg == SignatureAlgorithm.ECDSA ? Fixtures.ecKey() : Fixtures.rsaKey();
        byte[] cms = new CmsSigner().sign(content, CmsParameters.enveloping(alg, DigestAlgorithm.SHA256), key);
        Path p7m = Fixtures.write(dir.resolve("env-" + alg + ".p7m"), cms);
        Path out = dir.resolve("env-" + alg + ".out");
        Tool.Result ok = Tool.run(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                p7m.toString(), "-CAfile", caPem.toString(), "-purpose", "any", "-out", out.toString()));
        assertEquals(0, ok.exitCode(), ok.output());
        assertEquals(new String(content, StandardCharsets.UTF_8),
                new String(Fixtures.read(out), StandardCharsets.UTF_8));
    }

    static Tool.Result verify(Path p7s, Path content) {
        return Tool.run(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.toString(),
                "-content", content.toString(), "-CAfile", caPem.toString(), "-purpose", "any", "-out", "/dev/null"));
    }
}
