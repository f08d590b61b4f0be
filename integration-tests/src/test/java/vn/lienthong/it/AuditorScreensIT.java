package vn.lienthong.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The auditor's archive screen in a real browser against the shared gateway: a fixity audit of the
 * whole archive reaches 100 % with every record intact; after one byte of one blob is flipped on
 * disk, the next audit names that record (and the blob is put back); a record found by its dossier
 * code verifies, goes on legal hold and off again with a reason; the BagIt export downloads and
 * every digest of its manifests matches. The archive API refuses other roles. axe-core on the page,
 * and every API request it makes is in /openapi.
 */
@ExtendWith({SharedGateway.class, SharedBrowser.class, ApiContractCheck.class})
class AuditorScreensIT {

    private static final String COMMUNE = "000.20.20.H30";
    private static final LocatorAssertions.HasTextOptions AUDIT = new LocatorAssertions.HasTextOptions().setTimeout(120_000);
    private static final LocatorAssertions.ContainsTextOptions AUDIT_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(120_000);

    private final SharedGateway.Server gateway;
    private final SharedBrowser.Chromium chromium;
    private final List<String> apiRequests;
    private BrowserContext context;

    AuditorScreensIT(SharedGateway.Server gateway, SharedBrowser.Chromium chromium, ApiContractCheck.ApiRequests apiRequests) {
        this.apiRequests = apiRequests.list();
        this.gateway = gateway;
        this.chromium = chromium;
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    private GatewayHttp as(String role) {
        return gateway.http().as(gateway.tokens().token(role, COMMUNE));
    }

    /** A dossier of the commune with one scanned page, archived as a signed PDF/A; answers its archive record. */
    private JsonObject archivedScan(String citizenId, long seed) {
        GatewayHttp desk = as(DemoTokens.DESK_OFFICER);
        GatewayHttp.Reply made = desk.post("api/v1/dossiers", GatewayHttp.submission("2.000815", COMMUNE, citizenId));
        assertEquals(201, made.status(), made::toString);
        String code = made.json().getString("code");
        GatewayHttp.Reply uploaded = Scans.upload(desk, code, "auditor-it-" + citizenId, List.of(Scans.jpeg(seed)));
        assertEquals(201, uploaded.status(), uploaded::toString);
        GatewayHttp.Reply found = as(DemoTokens.AUDITOR).get("api/v1/archive/records?dossierCode=" + code + "&kind=SCAN");
        assertEquals(200, found.status(), found::toString);
        List<JsonObject> items = found.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.size(), found::toString);
        assertEquals(uploaded.json().getJsonObject("document").getString("archiveId"), items.get(0).getString("id"));
        return items.get(0);
    }

    private Page signedInAsAuditor() {
        context = chromium.context(1280, 900, apiRequests);
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        page.navigate(gateway.http().resolve("").toString());
        SharedBrowser.Chromium.demoSignIn(page, "auditor", COMMUNE);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kho lưu trữ")).click();
        assertThat(page.locator("h1")).hasText("Kho lưu trữ hồ sơ điện tử");
        return page;
    }

    @Test
    void anAuditSeesEveryRecordIntactThenNamesTheOneWithAFlippedByteAndABagExportValidates() throws IOException {
        JsonObject record = archivedScan("001190180001", 1801);
        String code = record.getString("dossierCode");
        String recordId = record.getString("id");
        String sha256 = record.getString("sha256");
        Path blob = gateway.dataDir().resolve("archive/blobs").resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4)).resolve(sha256);
        assertTrue(Files.isRegularFile(blob), blob::toString);

        Page page = signedInAsAuditor();
        PageChecks.accessible(page, "archive page");
        page.locator("#audit-start").click();
        assertThat(page.locator("#audit-percent")).hasText("100 %", AUDIT);
        assertThat(page.locator("#audit-result")).containsText("đều nguyên vẹn", AUDIT_TEXT);
        // The signers were judged by the trust anchors too (the DEMO root here), not only the bytes.
        assertThat(page.locator("#audit-result .notice-warn")).hasCount(0);
        assertEquals(100, ((Number) page.locator("#audit-progress").evaluate("p => p.value")).intValue());
        SharedBrowser.Chromium.screenshot(page, "luu-tru-kiem-tra");

        byte[] original = Files.readAllBytes(blob);
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x01;
        Files.write(blob, flipped);
        try {
            page.locator("#audit-start").click();
            assertThat(page.locator("#audit-damaged")).containsText(recordId, AUDIT_TEXT);
            assertThat(page.locator("#audit-percent")).hasText("100 %");
            assertThat(page.locator("#audit-damaged li")).hasCount(1);
            assertThat(page.locator("#audit-damaged")).containsText(code);
            assertThat(page.locator("#audit-damaged")).containsText("Bị sửa đổi, hỏng");
            PageChecks.accessible(page, "audit naming a damaged record");
        } finally {
            Files.write(blob, original);
        }

        // Found by its dossier code; it verifies (the byte is back), goes on hold and off with a reason.
        page.getByLabel("Mã hồ sơ").fill(code);
        page.getByLabel("Loại tài liệu").selectOption("SCAN");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm").setExact(true)).click();
        assertThat(page.locator("#archive-table tbody tr")).hasCount(1);
        page.locator("tr[data-record='" + recordId + "'] .record-versions").click();
        assertThat(page.locator("#check-" + recordId + " ol.versions li")).hasCount(1);
        assertThat(page.locator("#check-" + recordId)).containsText("bản hiện hành");
        assertThat(page.locator("#renewal-heading")).hasText("Gia hạn chứng cứ lưu trữ (PAdES-BASELINE-LTA)");
        page.locator("tr[data-record='" + recordId + "'] .verify-record").click();
        assertThat(page.locator("#check-" + recordId)).hasText("Nguyên vẹn");
        page.locator("tr[data-record='" + recordId + "'] .hold-record").click();
        page.locator("#hold-form button[type=submit]").click();
        assertThat(page.locator("#hold-status")).containsText("Xin ghi lý do");
        page.getByLabel("Lý do (ghi vào sổ cái)").fill("Thanh tra vụ việc số 12/TTr");
        page.locator("#hold-form button[type=submit]").click();
        assertThat(page.locator("#hold-area")).containsText("Đã phong tỏa");
        assertThat(page.locator("tr[data-record='" + recordId + "']")).containsText("Đang phong tỏa");
        PageChecks.accessible(page, "search results with a hold");
        page.locator("tr[data-record='" + recordId + "'] .hold-record").click();
        page.getByLabel("Lý do (ghi vào sổ cái)").fill("Kết thúc thanh tra");
        page.locator("#hold-form button[type=submit]").click();
        assertThat(page.locator("#hold-area")).containsText("Đã gỡ phong tỏa");

        page.locator("#ledger-verify").click();
        assertThat(page.locator("#ledger-result")).containsText("Sổ cái nguyên vẹn");

        Download download = page.waitForDownload(() -> page.locator("#bag-export").click());
        Path zip = Files.createTempFile("bag-", ".zip");
        download.saveAs(zip);
        Map<String, byte[]> bag = unzip(zip);
        assertEquals("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
                new String(bag.get("bag/bagit.txt"), StandardCharsets.UTF_8));
        int payload = checkManifest(bag, "bag/manifest-sha256.txt");
        assertEquals(2, payload, "the scan's PDF and records.tsv");
        assertEquals(4, checkManifest(bag, "bag/tagmanifest-sha256.txt"));
        assertEquals(sha256, sha256(bag.get("bag/data/" + code + "/" + recordId + ".pdf")));
        assertTrue(new String(bag.get("bag/ledger-excerpt.log"), StandardCharsets.UTF_8).contains("LEGAL_HOLD_SET"));
        assertThat(page.locator("#bag-status")).containsText("Đã tải xuống");
    }

    @Test
    void theArchiveApiIsTheAuditorsAndAHoldNeedsAReason() {
        GatewayHttp desk = as(DemoTokens.DESK_OFFICER);
        assertEquals(403, desk.get("api/v1/archive/records?dossierCode=x").status());
        assertEquals(403, desk.post("api/v1/archive/audits", "").status());
        assertEquals(403, as(DemoTokens.ADMIN).put("api/v1/archive/records/x/legal-hold",
                "{\"onHold\": true, \"reason\": \"r\"}").status());
        GatewayHttp auditor = as(DemoTokens.AUDITOR);
        JsonObject record = archivedScan("001190180002", 1802);
        GatewayHttp.Reply noReason = auditor.put("api/v1/archive/records/" + record.getString("id") + "/legal-hold",
                "{\"onHold\": true}");
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals("reason", noReason.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(404, auditor.put("api/v1/archive/records/00000000-0000-0000-0000-000000000000/legal-hold",
                "{\"onHold\": true, \"reason\": \"r\"}").status());
        assertEquals(400, auditor.post("api/v1/archive/bags", "{}").status());
        assertEquals(400, auditor.post("api/v1/archive/bags", "{\"dossierCode\": \"none-such\"}").status());
        assertEquals(404, auditor.get("api/v1/archive/audits/999999999").status());
        assertEquals(400, auditor.get("api/v1/archive/records?kind=POSTER").status());
        GatewayHttp.Reply byCitizen = auditor.get("api/v1/archive/records?citizenId=001190180002");
        assertEquals(200, byCitizen.status(), byCitizen::toString);
        assertTrue(byCitizen.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("id").equals(record.getString("id"))), byCitizen::toString);
        assertFalse(byCitizen.body().contains("001190180002"), "no citizen ID in an archive answer");
    }

    /** Checks every line of a BagIt manifest against the bytes it names; answers the number of lines. */
    private static int checkManifest(Map<String, byte[]> bag, String manifest) {
        String text = new String(bag.get(manifest), StandardCharsets.UTF_8);
        int lines = 0;
        for (String line : text.split("\n")) {
            String[] hashAndPath = line.split(" {2}", 2);
            byte[] file = bag.get("bag/" + hashAndPath[1]);
            assertTrue(file != null, manifest + " names " + hashAndPath[1] + ", which the bag lacks");
            assertEquals(hashAndPath[0], sha256(file), hashAndPath[1]);
            lines++;
        }
        return lines;
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                files.put(e.getName(), entries.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
