package vn.lienthong.gateway.infrastructure.messagelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoTrustServices;
import vn.lienthong.signing.pki.EndEntity;
import vn.lienthong.signing.pki.MemoryRevocationRegistry;
import vn.lienthong.signing.pki.PkiSettings;
import vn.lienthong.signing.support.DssOffline;

/**
 * The message log's batch signature, as the gateway makes it (its seal from the DEMO PKI, the DEMO
 * TSA): EU DSS 6.4 offline, the DEMO root the only anchor, passes it as CAdES-BASELINE-T.
 */
class CmsChainSignerDssTest {

    @TempDir
    Path dir;

    @Test
    void aBatchSealPassesDssAsCadesBaselineTUnderTheDemoRoot() throws IOException {
        DemoTrustServices demo = DemoTrustServices.create(DemoPki.create(PkiSettings.demo(
                URI.create("https://dichvucong.example.vn")), Clock.systemUTC()), new MemoryRevocationRegistry());
        TrialPki.Issued seal = demo.issue(EndEntity.gatewaySeal("UBND tinh Test"));
        CmsChainSigner signer = new CmsChainSigner(Pkcs12KeySource.ofKey(seal.key(), seal.chain(),
                ProviderPreference.JDK), demo.tsa());
        byte[] head = "batch 1..2 sha256=5f2b…\n".getBytes(StandardCharsets.UTF_8);

        byte[] cms = signer.sign(head);

        assertTrue(signer.problem(head, cms).isEmpty());
        Path content = Files.write(dir.resolve("batch-head.txt"), head);
        Path p7s = Files.write(dir.resolve("batch-head.txt.p7s"), cms);
        DssOffline.Verdict dss = DssOffline.validate(p7s, content, List.of(demo.pki().root().certificate()),
                List.of(demo.rootCrl(), demo.issuingCrl()));
        assertTrue(dss.allPassed(), dss.detail());
        assertEquals(List.of(SignatureLevel.CAdES_BASELINE_T), dss.levels(), dss.detail());
    }
}
