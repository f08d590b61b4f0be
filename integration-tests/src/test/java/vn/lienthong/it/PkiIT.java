package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.it.LienThongFlows.COMMUNE;
import static vn.lienthong.it.LienThongFlows.awaitStatus;
import static vn.lienthong.it.LienThongFlows.birth;
import static vn.lienthong.it.LienThongFlows.death;
import static vn.lienthong.it.LienThongFlows.history;
import static vn.lienthong.it.LienThongFlows.submit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import eu.europa.esig.dss.enumerations.SignatureLevel;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pdf.PadesLongTerm;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoTrustServices;
import vn.lienthong.signing.pki.EndEntity;
import vn.lienthong.signing.pki.MemoryRevocationRegistry;
import vn.lienthong.signing.pki.PkiSettings;
import vn.lienthong.signing.pki.Revocation;
import vn.lienthong.signing.support.DssOffline;

/**
 * Issue 15 on the real gateway: every document of a completed 3.000722 dossier (the scan, form 01,
 * three results, form 06) and of a 2.002913 dossier passes EU DSS 6.4 offline with the DEMO root as its only trust anchor,
 * every signature TOTAL_PASSED, at PAdES-BASELINE-LTA for the first (after the archive's LTA step, then again
 * after its renewal with the demo clock moved past the TSA certificate's margin: every version kept, exported and
 * checked) and at PAdES-BASELINE-LT for the second, and pdfsig counts every signature valid; two
 * officers sign with two certificates, each named; an officer revoked after signing a paper keeps
 * that paper valid (DSS with the CRL listing the revocation, and our verify) while the next paper is
 * refused with the reason in the dossier's history and a WARNING until an administrator issues a new
 * certificate, which signs it; the DEMO PKI publishes its CRL, OCSP and TSA at the URLs its
 * certificates name, and with its OCSP responder switched off a paper is still B-LT from the CRLs; an
 * outside PDF whose signer was revoked before signing is rejected by {@code /api/v1/verify}, naming
 * the revocation.
 */
@ExtendWith(SharedGateway.class)
class PkiIT {

    private static final String DEMO_CLOCK = "api/v1/admin/demo-clock";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final SharedGateway.Server gateway;
    private final Path work;

    PkiIT(SharedGateway.Server gateway) throws IOException {
        this.gateway = gateway;
        this.work = Files.createDirectories(gateway.dataDir().resolveSibling("pki-it"));
    }

    @Test
    void everyDocumentOfABirthGroupReachesLtaPassingDssOfflineAndIsRenewedWhenTheDemoClockPassesTheTsaMargin()
            throws IOException, InterruptedException {
        GatewayHttp desk = officer("it.pki-1");
        String code = submit(desk, birth("001190150001"));
        GatewayHttp.Reply scanned = Scans.upload(desk, code, "pki-scan-1", List.of(Scans.jpeg(151)));
        assertEquals(201, scanned.status(), scanned::toString);
        awaitStatus(desk, code, "COMPLETED", 120);
        Map<String, List<JsonObject>> documents = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> documents(desk, code),
                        d -> d.getOrDefault("RESULT", List.of()).size() == 3 && d.containsKey("FORM_06")
                                && d.containsKey("FORM_01") && d.containsKey("SCAN"));

        // The LTA step (the archive's renewal job, here asked for this dossier only): every document, its
        // validation data in, gets a document time-stamp as a new version of its archive record.
        JsonObject lta = renewal(code);
        int count = documents.values().stream().mapToInt(List::size).sum();
        assertEquals(count, lta.getInt("extended"), lta::toString);
        assertEquals(0, lta.getInt("failed"), lta::toString);
        documents = documents(desk, code);
        String results = assertEveryDocumentPassesDss(desk, code, documents, "Can bo it.pki-1 DEMO", 2);
        System.out.println("PKI-DSS per document kind, 3.000722 (EU DSS 6.4 offline, DEMO root only):\n" + results);

        // Past the DEMO TSA certificate's end minus the renewal margin (180 days) on the demo clock, the
        // job renews every document with a new time-stamp, the TSA's certificate re-issued for that time.
        GatewayHttp admin = admin();
        JsonObject renewed;
        try {
            GatewayHttp.Reply moved = admin.put(DEMO_CLOCK, "{\"offset\": \"P600D\"}");
            assertEquals(200, moved.status(), moved::toString);
            renewed = renewal(code);
        } finally {
            GatewayHttp.Reply reset = admin.delete(DEMO_CLOCK);
            assertEquals(200, reset.status(), reset::toString);
        }
        assertEquals(count, renewed.getInt("renewed"), renewed::toString);
        assertEquals(0, renewed.getInt("failed"), renewed::toString);
        assertTrue(renewed.getJsonArray("actions").getJsonObject(0).getString("reason").contains("within 180 days"),
                renewed::toString);
        documents = documents(desk, code);
        String afterRenewal = assertEveryDocumentPassesDss(desk, code, documents, "Can bo it.pki-1 DEMO", 3);
        System.out.println("PKI-DSS after the renewal (demo clock +600 days):\n" + afterRenewal);
        assertEveryVersionIsKeptExportedAndAudited(code, documents);
    }

    /** A renewal run of one dossier, asked for by an auditor, followed until DONE. */
    private JsonObject renewal(String code) {
        GatewayHttp auditor = gateway.http().as(gateway.tokens().token(DemoTokens.AUDITOR, COMMUNE));
        GatewayHttp.Reply started = auditor.post("api/v1/archive/renewals?dossierCode=" + code, "");
        assertEquals(202, started.status(), started::toString);
        long id = started.json().getJsonNumber("id").longValue();
        JsonObject run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> auditor.get("api/v1/archive/renewals/" + id).json(),
                        r -> !r.getString("status").equals("RUNNING"));
        assertEquals("DONE", run.getString("status"), run::toString);
        System.out.println("PKI-LTA renewal run: " + run);
        return run;
    }

    /**
     * The old versions are kept: in the record's versions (EXTEND, RENEW), in the BagIt export with the
     * ledger's RENEW entries, and checked by the fixity check; a flipped byte in the oldest is caught.
     */
    private void assertEveryVersionIsKeptExportedAndAudited(String code, Map<String, List<JsonObject>> documents)
            throws IOException, InterruptedException {
        GatewayHttp auditor = gateway.http().as(gateway.tokens().token(DemoTokens.AUDITOR, COMMUNE));
        List<JsonObject> all = documents.values().stream().flatMap(List::stream).toList();
        Map<String, JsonObject> firstVersions = new java.util.HashMap<>();
        for (JsonObject document : all) {
            String record = document.getString("archiveId");
            List<JsonObject> versions = auditor.get("api/v1/archive/records/" + record + "/versions").jsonArray()
                    .getValuesAs(JsonObject.class);
            assertEquals(List.of("EXTEND", "RENEW"), versions.subList(0, 2).stream()
                    .map(v -> v.getString("supersededBy")).toList(), versions::toString);
            assertEquals(document.getString("sha256"), versions.get(2).getString("sha256"), versions::toString);
            firstVersions.put(record, versions.get(0));
            JsonObject verify = auditor.get("api/v1/archive/records/" + record + "/verify").json();
            assertTrue(verify.getBoolean("ok") && verify.getString("detail").startsWith("3 versions"), verify::toString);
        }
        HttpResponse<byte[]> bag = CLIENT.send(HttpRequest.newBuilder(gateway.http().resolve("api/v1/archive/bags"))
                .header("Authorization", "Bearer " + gateway.tokens().token(DemoTokens.AUDITOR, COMMUNE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"dossierCode\": \"" + code + "\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, bag.statusCode());
        Map<String, byte[]> files = new java.util.HashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bag.body()))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }
        String ledger = new String(files.get("bag/ledger-excerpt.log"), java.nio.charset.StandardCharsets.UTF_8);
        for (String record : firstVersions.keySet()) {
            for (String version : List.of(".v1.pdf", ".v2.pdf", ".pdf")) {
                assertNotNull(files.get("bag/data/" + code + "/" + record + version), record + version + " in the bag");
            }
            assertTrue(ledger.contains("\tRENEW\t" + record + "\t") && ledger.contains("\tEXTEND\t" + record + "\t"),
                    ledger);
        }

        String record = firstVersions.keySet().iterator().next();
        String oldest = firstVersions.get(record).getString("sha256");
        Path blob = gateway.dataDir().resolve("archive/blobs").resolve(oldest.substring(0, 2))
                .resolve(oldest.substring(2, 4)).resolve(oldest);
        flip(blob);
        try {
            JsonObject damaged = auditor.get("api/v1/archive/records/" + record + "/verify").json();
            assertEquals("CORRUPTED", damaged.getString("outcome"), damaged::toString);
            assertTrue(damaged.getString("detail").startsWith("version 1:"), damaged::toString);
        } finally {
            flip(blob);
        }
        assertTrue(auditor.get("api/v1/archive/records/" + record + "/verify").json().getBoolean("ok"));
    }

    private static void flip(Path file) throws IOException {
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            long at = raf.length() / 3;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x01);
        }
    }

    /**
     * Every document DSS-valid at PAdES-BASELINE-LTA (each signature TOTAL_PASSED), pdfsig-valid, PDF/A-2b
     * for veraPDF, its listed digest the downloaded bytes'; answers one line per document.
     */
    private String assertEveryDocumentPassesDss(GatewayHttp desk, String code, Map<String, List<JsonObject>> documents,
                                                String officer, int versions) {
        X509Certificate root = demoRoot();
        StringBuilder results = new StringBuilder();
        for (Map.Entry<String, List<JsonObject>> kind : documents.entrySet()) {
            int signatures = kind.getKey().equals("SCAN") ? 1 : 2;
            for (JsonObject document : kind.getValue()) {
                Path pdf = download(desk, code, document);
                DssOffline.Verdict dss = DssOffline.validate(pdf, null, List.of(root), List.of());
                String what = kind.getKey() + " " + document.getString("title") + ":\n" + dss.detail();
                assertEquals(signatures, dss.indications().size(), what);
                assertTrue(dss.allPassed(), what);
                assertTrue(dss.allAt(SignatureLevel.PAdES_BASELINE_LTA), what);
                String pdfsig = OutsideVerifiers.pdfsig(pdf);
                // poppler checks the signatures; it leaves document time-stamps "not yet verified".
                assertEquals(signatures, pdfsig.split("Signature is Valid\\.", -1).length - 1, pdfsig);
                assertEquals(signatures + versions - 1, pdfsig.split("Signature #", -1).length - 1, pdfsig);
                assertEquals("", OutsideVerifiers.pdfaFailures(pdf), "veraPDF, PDF/A-2b: " + what);
                try {
                    assertEquals(document.getString("sha256"), java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pdf))));
                } catch (IOException | GeneralSecurityException e) {
                    throw new AssertionError(e);
                }
                results.append(kind.getKey()).append(": ").append(dss.levels()).append(' ').append(dss.indications())
                        .append('\n');
                if (kind.getKey().equals("FORM_01")) {
                    assertTrue(dss.signers().stream().anyMatch(s -> s.contains(officer)), what);
                }
            }
        }
        return results.toString();
    }

    @Test
    void everyDocumentOfADeathGroupPassesDssOfflineAtLongTermUnderTheDemoRoot() {
        GatewayHttp desk = officer("it.pki-4");
        String code = submit(desk, death("001160150005"));
        awaitStatus(desk, code, "COMPLETED", 120);
        Map<String, List<JsonObject>> documents = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> documents(desk, code),
                        d -> d.getOrDefault("RESULT", List.of()).size() == 3 && d.containsKey("FORM_06")
                                && d.containsKey("FORM_01"));

        String results = assertEveryDocumentPassesDssAtLongTerm(desk, code, documents, "Can bo it.pki-4 DEMO");
        System.out.println("PKI-DSS per document kind, 2.002913 (EU DSS 6.4 offline, DEMO root only):\n" + results);
    }

    @Test
    void anOutsidePdfRevokedBeforeSigningIsRejectedByOurVerifyAsByDssAndOneRevokedAfterStaysValidForBoth()
            throws IOException, GeneralSecurityException {
        X509Certificate root = certificate(binary("pki/root-ca.crt"));
        // Another holder of the DEMO issuing CA (a second office of the same province), with its own
        // OCSP responder and TSA: a signer it revoked ten minutes before signing, the OCSP answer embedded.
        DemoTrustServices elsewhere = DemoTrustServices.create(DemoPki.load(gateway.dataDir().resolve("keys/pki"),
                "demo-only".toCharArray(), PkiSettings.demo(URI.create("https://dichvucong.elsewhere.example.vn")),
                Clock.systemUTC()), new MemoryRevocationRegistry());
        TrialPki.Issued signer = elsewhere.issue(EndEntity.officer("outside-1", "Sở Tư pháp (DEMO)"));
        elsewhere.revoke(signer.certificate(), Instant.now().minus(Duration.ofMinutes(10)), Revocation.KEY_COMPROMISE);
        Path blank = work.resolve("outside-blank.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(blank.toFile());
        }
        Path outside = work.resolve("outside-revoked.pdf");
        Files.deleteIfExists(outside);
        Pkcs12KeySource key = Pkcs12KeySource.ofKey(signer.key(), signer.chain(), ProviderPreference.JDK);
        new PadesSigner(elsewhere.tsa()).sign(blank, outside,
                PadesParameters.invisible(key.defaultAlgorithm(), DigestAlgorithm.SHA256), key);
        assertTrue(new PadesLongTerm(elsewhere.revocationSource()).extend(outside).longTerm());

        DssOffline.Verdict dss = DssOffline.validate(outside, null, List.of(root), List.of());
        assertTrue(!dss.allPassed() && dss.detail().contains("INDETERMINATE/REVOKED_NO_POE"), dss.detail());
        GatewayHttp.Reply reply = gateway.http().send(HttpRequest.newBuilder(gateway.http().resolve("api/v1/verify"))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofFile(outside)));
        assertEquals(200, reply.status(), reply::toString);
        JsonObject report = reply.json();
        // DSS's indication and sub-indication, in DSS's meaning: not valid, revoked with no proof of existence before.
        assertEquals("INDETERMINATE", report.getString("indication"), report::toString);
        JsonObject finding = report.getJsonArray("signatures").getJsonObject(0).getJsonArray("findings")
                .getValuesAs(JsonObject.class).stream().filter(f -> f.getString("code").equals("REVOKED_NO_POE"))
                .findFirst().orElseThrow(() -> new AssertionError("no REVOKED_NO_POE finding: " + report));
        assertTrue(finding.getString("detail").contains("outside-1") && finding.getString("detail").contains("revoked at"),
                finding::toString);
        System.out.println("PKI-DSS outside PDF revoked before signing: DSS " + dss.detail().strip() + "; ours "
                + report.getString("indication") + "/" + finding.getString("code") + ": " + finding.getString("detail"));

        // Revoked after its time-stamp: the signature stays valid, for DSS and for our /verify alike.
        TrialPki.Issued later = elsewhere.issue(EndEntity.officer("outside-2", "Sở Tư pháp (DEMO)"));
        Path before = work.resolve("outside-revoked-after.pdf");
        Files.deleteIfExists(before);
        Pkcs12KeySource laterKey = Pkcs12KeySource.ofKey(later.key(), later.chain(), ProviderPreference.JDK);
        new PadesSigner(elsewhere.tsa()).sign(blank, before,
                PadesParameters.invisible(laterKey.defaultAlgorithm(), DigestAlgorithm.SHA256), laterKey);
        elsewhere.revoke(later.certificate(), Instant.now().plusSeconds(1), Revocation.SUPERSEDED);
        assertTrue(new PadesLongTerm(elsewhere.revocationSource()).extend(before).longTerm());
        DssOffline.Verdict stays = DssOffline.validate(before, null, List.of(root), List.of());
        assertTrue(stays.allPassed(), stays.detail());
        JsonObject valid = gateway.http().send(HttpRequest.newBuilder(gateway.http().resolve("api/v1/verify"))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofFile(before))).json();
        assertEquals("TOTAL_PASSED", valid.getString("indication"), valid::toString);
        assertTrue(valid.getJsonArray("signatures").getJsonObject(0).getJsonArray("findings")
                .getValuesAs(JsonObject.class).stream().anyMatch(f -> f.getString("code").equals("REVOKED_AFTER_SIGNING")),
                valid::toString);
        System.out.println("PKI-DSS outside PDF revoked after its time-stamp: DSS " + stays.detail().strip()
                + "; ours " + valid.getString("indication"));
    }

    /** Every document DSS-valid at B-LT (and pdfsig-valid); answers one line per document kind. */
    private String assertEveryDocumentPassesDssAtLongTerm(GatewayHttp desk, String code,
                                                         Map<String, List<JsonObject>> documents, String officer) {
        X509Certificate root = demoRoot();
        StringBuilder results = new StringBuilder();
        for (Map.Entry<String, List<JsonObject>> kind : documents.entrySet()) {
            int signatures = kind.getKey().equals("SCAN") ? 1 : 2;
            for (JsonObject document : kind.getValue()) {
                Path pdf = download(desk, code, document);
                DssOffline.Verdict dss = DssOffline.validate(pdf, null, List.of(root), List.of());
                String what = kind.getKey() + " " + document.getString("title") + ":\n" + dss.detail();
                assertEquals(signatures, dss.indications().size(), what);
                assertTrue(dss.allPassed(), what);
                assertTrue(dss.allAt(SignatureLevel.PAdES_BASELINE_LT), what);
                String pdfsig = OutsideVerifiers.pdfsig(pdf);
                assertEquals(signatures, pdfsig.split("Signature is Valid\\.", -1).length - 1, pdfsig);
                results.append(kind.getKey()).append(": ").append(dss.levels()).append(' ').append(dss.indications())
                        .append('\n');
                if (kind.getKey().equals("FORM_01")) {
                    assertTrue(dss.signers().stream().anyMatch(s -> s.contains(officer)), what);
                }
            }
        }
        return results.toString();
    }

    @Test
    void twoOfficersSignWithTwoCertificatesEachNamedAfterTheOfficer() {
        String first = submit(officer("it.pki-2a"), birth("001190150002"));
        String second = submit(officer("it.pki-2b"), birth("001190150003"));
        X509Certificate root = demoRoot();

        String signerA = officerSigner(first, root);
        String signerB = officerSigner(second, root);

        assertTrue(signerA.contains("it.pki-2a"), signerA);
        assertTrue(signerB.contains("it.pki-2b"), signerB);
        Map<String, JsonObject> certificates = admin().get("api/v1/admin/certificates").jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getBoolean("current"))
                .collect(Collectors.toMap(c -> c.getString("holder"), c -> c));
        JsonObject a = certificates.get(COMMUNE + "/it.pki-2a");
        JsonObject b = certificates.get(COMMUNE + "/it.pki-2b");
        assertNotNull(a, certificates::toString);
        assertNotNull(b, certificates::toString);
        assertNotEquals(a.getString("serial"), b.getString("serial"));
        assertTrue(a.getString("subject").contains("DEMO"), a::toString);
    }

    @Test
    void anOfficerRevokedAfterSigningKeepsThatPaperValidWhileTheNextIsRefusedUntilANewCertificateIsIssued()
            throws GeneralSecurityException, IOException {
        GatewayHttp admin = admin();
        GatewayHttp.Reply issued = admin.post("api/v1/admin/certificates/officers",
                "{\"officerId\": \"it.pki-3\", \"agencyCode\": \"" + COMMUNE + "\"}");
        assertEquals(201, issued.status(), issued::toString);
        String serial = issued.json().getString("serial");
        GatewayHttp desk = officer("it.pki-3");
        String signedBefore = submit(desk, birth("001190150004"));
        JsonObject earlierForm = form01(desk, signedBefore);
        Path earlier = download(desk, signedBefore, earlierForm);
        assertEquals(new BigInteger(serial, 16), officerSerial(earlier), "signed with the certificate just issued");
        // CRLs and OCSP give a revocation time in whole seconds: revoked within the second of the paper's
        // time-stamp, nobody can tell which came first (DSS rightly says REVOKED_NO_POE). So revoke at
        // least a second after the paper was archived, which is after its time-stamp.
        Instant archived = java.time.OffsetDateTime.parse(earlierForm.getString("createdAt")).toInstant();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(archived.plusSeconds(1)));

        GatewayHttp.Reply revoked = admin.post("api/v1/admin/certificates/" + serial + "/revocation",
                "{\"reason\": \"key-compromise\"}");
        assertEquals(200, revoked.status(), revoked::toString);
        assertEquals("KEY_COMPROMISE", revoked.json().getString("revocationReason"));

        // Published as its certificate says: the issuing CA's CRL lists it, OCSP answers revoked.
        X509Certificate issuing = certificate(binary("pki/issuing-ca.crt"));
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(binary("pki/issuing-ca.crl")));
        crl.verify(issuing.getPublicKey());
        assertNotNull(crl.getRevokedCertificate(new BigInteger(serial, 16)), crl::toString);
        assertTrue(crl.getNextUpdate().toInstant().isAfter(Instant.now()), "a CRL within its nextUpdate");
        assertTrue(ocspSaysRevoked(issuing, new BigInteger(serial, 16)));
        assertTimeStampGranted();

        // The paper signed before stays valid: for DSS, given the CRL that lists the revocation (after
        // the paper's time-stamp), and for our /verify from the paper's own validation data.
        DssOffline.Verdict dss = DssOffline.validate(earlier, null, List.of(demoRoot()), List.of(crl));
        assertTrue(dss.allPassed() && dss.allAt(SignatureLevel.PAdES_BASELINE_LT), dss.detail());
        JsonObject ours = gateway.http().send(HttpRequest.newBuilder(gateway.http().resolve("api/v1/verify"))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofFile(earlier))).json();
        assertEquals("TOTAL_PASSED", ours.getString("indication"), ours::toString);
        System.out.println("PKI-DSS paper signed before its officer's revocation: DSS " + dss.detail().strip()
                + "; ours " + ours.getString("indication"));

        // The officer's next paper is refused, visibly: the dossier's history, the job's WARNING.
        String code = submit(desk, birth("001190150005"));
        JsonObject refused = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> history(desk, code).stream().filter(h -> h.getString("kind").equals("PAPER_REFUSED"))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
        String note = refused.getString("note");
        assertTrue(note.contains("revoked") && note.contains("KEY_COMPROMISE"), note);
        String warning = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> logLine("WARNING", "form-01 of " + code + " failed"), java.util.Objects::nonNull);
        assertTrue(warning.contains("CertificateUnusableException") || warning.contains("revoked"), warning);
        assertTrue(documents(desk, code).getOrDefault("FORM_01", List.of()).isEmpty(), "nothing signed with it");

        GatewayHttp.Reply reissued = admin.post("api/v1/admin/certificates/officers",
                "{\"officerId\": \"it.pki-3\", \"agencyCode\": \"" + COMMUNE + "\"}");
        assertEquals(201, reissued.status(), reissued::toString);
        String renewed = reissued.json().getString("serial");
        assertNotEquals(serial, renewed);
        String signer = officerSigner(code, demoRoot());
        assertTrue(signer.contains("it.pki-3"), signer);
        assertEquals(new BigInteger(renewed, 16), officerSerial(download(desk, code, form01(desk, code))),
                "the next paper is signed with the new certificate");
    }

    @Test
    void withTheDemoOcspResponderOffAPaperIsStillLongTermWithTheCrlInItsDssDictionary() throws IOException {
        GatewayHttp.Reply off = gateway.http().put("pki/_faults", "{\"ocspDown\": true}");
        assertEquals(200, off.status(), off::toString);
        try {
            assertTrue(off.json().getBoolean("ocspDown"), off::toString);
            HttpResponse<byte[]> ocsp = sendBytes(HttpRequest.newBuilder(gateway.http().resolve("pki/ocsp"))
                    .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofByteArray(
                            new byte[] {0x30, 0x00})));
            assertEquals(503, ocsp.statusCode(), "the responder is off");

            GatewayHttp desk = officer("it.pki-6");
            String code = submit(desk, birth("001190150006"));
            Path paper = download(desk, code, form01(desk, code));
            DssOffline.Verdict dss = DssOffline.validate(paper, null, List.of(demoRoot()), List.of());
            assertTrue(dss.allPassed() && dss.allAt(SignatureLevel.PAdES_BASELINE_LT), dss.detail());
            try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(paper.toFile())) {
                org.apache.pdfbox.cos.COSDictionary dssDictionary = doc.getDocumentCatalog().getCOSObject()
                        .getCOSDictionary(org.apache.pdfbox.cos.COSName.getPDFName("DSS"));
                assertNotNull(dssDictionary, "a DSS dictionary");
                org.apache.pdfbox.cos.COSArray crls = dssDictionary.getCOSArray(
                        org.apache.pdfbox.cos.COSName.getPDFName("CRLs"));
                org.apache.pdfbox.cos.COSArray ocsps = dssDictionary.getCOSArray(
                        org.apache.pdfbox.cos.COSName.getPDFName("OCSPs"));
                assertTrue(crls != null && crls.size() > 0, "the CRLs in the DSS dictionary");
                assertTrue(ocsps == null || ocsps.size() == 0, "no OCSP response while the responder was off");
                System.out.println("PKI-DSS paper signed with the OCSP responder off: " + crls.size()
                        + " CRLs, no OCSP; DSS " + dss.detail().strip());
            }
        } finally {
            GatewayHttp.Reply on = gateway.http().put("pki/_faults", "{\"ocspDown\": false}");
            assertEquals(200, on.status(), on::toString);
        }
    }

    /** The dossier's form 01 once made. */
    private JsonObject form01(GatewayHttp desk, String code) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> documents(desk, code).getOrDefault("FORM_01", List.of()), l -> !l.isEmpty()).get(0);
    }

    /** The serial of the officer's ("Can bo …") certificate that signed {@code pdf}. */
    private static BigInteger officerSerial(Path pdf) throws IOException {
        byte[] bytes = Files.readAllBytes(pdf);
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            for (org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature s : doc.getSignatureDictionaries()) {
                // /Contents is zero-padded after the CMS: read its first DER object only.
                try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(
                        s.getContents(bytes))) {
                    org.bouncycastle.cms.CMSSignedData cms = new org.bouncycastle.cms.CMSSignedData(
                            org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject()));
                    org.bouncycastle.cms.SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
                    for (Object holder : cms.getCertificates().getMatches(signer.getSID())) {
                        org.bouncycastle.cert.X509CertificateHolder c = (org.bouncycastle.cert.X509CertificateHolder) holder;
                        if (c.getSubject().toString().contains("Can bo")) {
                            return c.getSerialNumber();
                        }
                    }
                } catch (org.bouncycastle.cms.CMSException e) {
                    throw new IOException("Cannot read a signature of " + pdf, e);
                }
            }
        }
        throw new AssertionError("No officer signature in " + pdf);
    }

    /** The gateway's first log record at {@code level} that holds {@code text}, or null (a record spans lines). */
    private String logLine(String level, String text) throws IOException {
        String log = new String(Files.readAllBytes(gateway.log()), java.nio.charset.StandardCharsets.UTF_8);
        for (String record : log.split("\n(?=\\[\\d{4}-\\d{2}-\\d{2}T)")) {
            if (record.contains(level) && record.contains(text)) {
                return record;
            }
        }
        return null;
    }

    private static HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws IOException {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The officer's signature on the dossier's form 01, once made; DSS must pass it at B-LT. */
    private String officerSigner(String code, X509Certificate root) {
        GatewayHttp desk = officer("it.pki-reader");
        JsonObject form = form01(desk, code);
        DssOffline.Verdict dss = DssOffline.validate(download(desk, code, form), null, List.of(root), List.of());
        assertTrue(dss.allPassed() && dss.allAt(SignatureLevel.PAdES_BASELINE_LT), dss.detail());
        return dss.signers().stream().filter(s -> s.startsWith("Can bo")).findFirst()
                .orElseThrow(() -> new AssertionError("no officer signature: " + dss.detail()));
    }

    private boolean ocspSaysRevoked(X509Certificate issuing, BigInteger serial) throws IOException {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuing), serial);
            byte[] answer = post("pki/ocsp", "application/ocsp-request", new OCSPReqBuilder().addRequest(id).build()
                    .getEncoded());
            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(answer).getResponseObject();
            return basic.getResponses()[0].getCertStatus() instanceof RevokedStatus;
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.cert.ocsp.OCSPException
                 | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertTimeStampGranted() throws IOException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, new byte[32], BigInteger.TEN);
        try {
            TimeStampResponse response = new TimeStampResponse(post("pki/tsa", "application/timestamp-query",
                    request.getEncoded()));
            response.validate(request);
            assertNotNull(response.getTimeStampToken(), response.getStatusString());
        } catch (org.bouncycastle.tsp.TSPException e) {
            throw new AssertionError("The DEMO TSA's answer does not match its request", e);
        }
    }

    private Map<String, List<JsonObject>> documents(GatewayHttp desk, String code) {
        return desk.get("api/v1/dossiers/" + code + "/documents").jsonArray().getValuesAs(JsonObject.class).stream()
                .collect(Collectors.groupingBy(d -> d.getString("kind")));
    }

    private Path download(GatewayHttp desk, String code, JsonObject document) {
        HttpResponse<byte[]> reply = Scans.download(gateway.http(),
                gateway.tokens().token(DemoTokens.DESK_OFFICER, COMMUNE), code, document.getString("id"));
        assertEquals(200, reply.statusCode());
        try {
            Path file = Files.createTempFile(work, document.getString("kind") + "-", ".pdf");
            return Files.write(file, reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private X509Certificate demoRoot() {
        try (InputStream in = Files.newInputStream(gateway.dataDir().resolve("keys/pki/root-ca.pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private byte[] binary(String path) throws IOException {
        return exchange(HttpRequest.newBuilder(gateway.http().resolve(path)).GET());
    }

    private byte[] post(String path, String type, byte[] body) throws IOException {
        return exchange(HttpRequest.newBuilder(gateway.http().resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static byte[] exchange(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> reply = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, reply.statusCode(), () -> request.build().uri() + " answered " + reply.statusCode());
            return reply.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private GatewayHttp officer(String officerId) {
        return gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, COMMUNE, officerId, Instant.now(), 3600));
    }

    private GatewayHttp admin() {
        return gateway.http().as(gateway.tokens().token(DemoTokens.ADMIN, COMMUNE));
    }
}
