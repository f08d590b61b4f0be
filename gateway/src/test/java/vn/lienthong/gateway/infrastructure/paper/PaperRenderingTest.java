package vn.lienthong.gateway.infrastructure.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import vn.lienthong.gateway.domain.dossier.DossierRegister;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.paper.DeskDecision;
import vn.lienthong.signing.ltv.LongTermResult;
import vn.lienthong.signing.verify.Indication;
import vn.lienthong.signing.verify.RevocationMode;
import vn.lienthong.signing.verify.SignatureReport;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.verify.VerificationPolicy;
import vn.lienthong.signing.verify.VerificationReport;

/**
 * Every kind of paper renders as PDF/A-2b with its Vietnamese title, and carries two valid
 * signatures, the officer's first, as the signing module's verifier and poppler's pdfsig see them.
 */
class PaperRenderingTest {

    @TempDir
    static Path dir;
    private static DemoPaperKeys pki;
    private static PaperKeys keys;
    private static PaperKeys.Signers signers;
    private static X509Certificate demoCa;
    private static final PaperComposer COMPOSER = new PaperComposer(PaperFixtures.ISSUER);

    @BeforeAll
    static void demoKeys() throws IOException, GeneralSecurityException {
        VeraGreenfieldFoundryProvider.initialise();
        pki = DemoPaperKeys.create();
        keys = PaperKeys.issuedBy(pki);
        signers = keys.signers(new PaperKeys.Signatory("cb-0001", "000.00.00.H30", "UBND phường Hàng Bài"));
        demoCa = pki.root();
    }

    @AfterAll
    static void closeKeys() {
        keys.close();
    }

    static Stream<Arguments> papers() {
        var d = PaperFixtures.dossier();
        return Stream.of(
                Arguments.of(COMPOSER.result(d, PaperFixtures.message("BIRTH_REGISTRATION", "civil-status",
                        "{\"registrationNumber\":\"KS-2026-00012\",\"personalId\":\"001226004321\"}"),
                        "Hộ tịch điện tử (Bộ Tư pháp)", PaperFixtures.RECEIVED), "Trích lục khai sinh",
                        List.of("KS-2026-00012", "001226004321", "Nguyễn Văn An", "Bệnh viện Phụ sản Hà Nội", "01/10/2026")),
                Arguments.of(COMPOSER.result(d, PaperFixtures.message("DEATH_REGISTRATION", "civil-status",
                        "{\"registrationNumber\":\"KT-2026-00003\",\"personalId\":\"001190054321\"}"),
                        "Hộ tịch điện tử (Bộ Tư pháp)", PaperFixtures.RECEIVED), "Trích lục khai tử",
                        List.of("KT-2026-00003")),
                Arguments.of(COMPOSER.result(d, PaperFixtures.message("PERMANENT_RESIDENCE_REGISTRATION", "residence",
                        "{\"residenceRecord\":\"TT-123456789\",\"registered\":true}"), "Công an cấp xã (cư trú)",
                        PaperFixtures.RECEIVED), "Xác nhận đăng ký thường trú", List.of("TT-123456789", "phố Huế")),
                Arguments.of(COMPOSER.result(d, PaperFixtures.message("PERMANENT_RESIDENCE_REMOVAL", "residence",
                        "{\"residenceRecord\":\"TT-987654321\"}"), "Công an cấp xã (cư trú)", PaperFixtures.RECEIVED),
                        "Xác nhận xóa đăng ký thường trú", List.of("TT-987654321")),
                Arguments.of(COMPOSER.result(d, PaperFixtures.message("BHYT_CARD_UNDER_6", "social-insurance",
                        "{\"socialInsuranceNumber\":\"0126543210\",\"cardValidFrom\":\"2026-10-01\","
                                + "\"cardValidTo\":\"2032-09-30\"}"), "Bảo hiểm xã hội Việt Nam", PaperFixtures.RECEIVED),
                        "Thông tin thẻ bảo hiểm y tế", List.of("0126543210", "30/09/2032", "Trẻ em dưới 6 tuổi")),
                Arguments.of(COMPOSER.result(d, PaperFixtures.message("BHYT_CARD_REISSUE", "social-insurance",
                        "{\"socialInsuranceNumber\":\"0126543211\"}"), "Bảo hiểm xã hội Việt Nam", PaperFixtures.RECEIVED),
                        "Thông tin thẻ bảo hiểm y tế", List.of("0126543211", "Cấp lại thẻ BHYT")),
                Arguments.of(COMPOSER.result(d, PaperFixtures.message("FUNERAL_SURVIVOR_BENEFIT", "social-insurance",
                        "{\"socialInsuranceNumber\":\"0126543212\",\"decisionNumber\":\"QD-654321\"}"),
                        "Bảo hiểm xã hội Việt Nam", PaperFixtures.RECEIVED),
                        "Quyết định hưởng trợ cấp mai táng, tử tuất", List.of("QD-654321")),
                Arguments.of(COMPOSER.result(d, PaperFixtures.message("LAND_USE_CHANGE", "land-registry",
                        "{\"registrationNumber\":\"BD-42\",\"certificateSerial\":\"DA 123456\",\"cadastralUpdated\":true}"),
                        "Văn phòng đăng ký đất đai", PaperFixtures.RECEIVED), "Xác nhận đăng ký biến động đất đai",
                        List.of("BD-42", "DA 123456")),
                Arguments.of(COMPOSER.result(d, PaperFixtures.message("REQUEST", "other",
                        "{\"soGiayPhep\":\"GP-77\",\"soLuong\":3}"), "Sở Xây dựng", PaperFixtures.RECEIVED),
                        "Kết quả giải quyết hồ sơ", List.of("soGiayPhep: GP-77", "soLuong: 3")),
                Arguments.of(COMPOSER.form01(d, Optional.of(PaperFixtures.procedure()), "UBND phường Hàng Bài",
                        PaperFixtures.RECEIVED), "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
                        List.of("Trần Thị Bích Ngọc", "********2345", "Giấy chứng sinh", "Lê Văn Tâm", "15/10/2026")),
                Arguments.of(COMPOSER.form06(PaperFixtures.completed(), PaperFixtures.history(),
                        Optional.of(PaperFixtures.procedure()), "UBND phường Hàng Bài", PaperFixtures.RECEIVED.plusDays(2)),
                        "Phiếu kiểm soát quá trình giải quyết hồ sơ",
                        List.of("Cơ quan liên thông trả kết quả", "Trễ hạn", "Đúng hạn", "Hoàn thành trước hạn")),
                Arguments.of(COMPOSER.form02(d, Optional.of(PaperFixtures.procedure()), "UBND phường Hàng Bài",
                        decision(List.of("Giấy chứng sinh (bản chính)", "Tờ khai CT01 có chữ ký chủ hộ"))),
                        "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
                        List.of("Mẫu số 02", "Kính gửi: Ông/Bà Trần Thị Bích Ngọc", "Giấy tờ cần bổ sung, hoàn thiện",
                                "Giấy chứng sinh (bản chính)", "Tờ khai CT01 có chữ ký chủ hộ", "Lý do",
                                "Bản sao chưa chứng thực", "tạm dừng", "Người yêu cầu bổ sung", "can-bo-1")),
                Arguments.of(COMPOSER.form03(d, Optional.of(PaperFixtures.procedure()), "UBND phường Hàng Bài",
                        decision(List.of())), "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
                        List.of("Mẫu số 03", "từ chối tiếp nhận, giải quyết", "Lý do từ chối", "Bản sao chưa chứng thực",
                                "Người từ chối", "can-bo-1", "thủ tục hành chính: Đăng ký khai sinh")),
                Arguments.of(COMPOSER.form04(d, Optional.of(PaperFixtures.procedure()), "UBND phường Hàng Bài",
                        decision(List.of())), "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
                        List.of("Mẫu số 04", "xin lỗi Ông/Bà", "15/10/2026", "Ngày hẹn trả kết quả mới",
                                "17 giờ 00 phút, ngày 20/10/2026", "Bản sao chưa chứng thực")),
                Arguments.of(COMPOSER.form05(d, Optional.of(PaperFixtures.procedure()), "UBND phường Hàng Bài",
                        decision(List.of())), "Thông báo dừng giải quyết hồ sơ",
                        List.of("Mẫu số 05", "dừng giải quyết hồ sơ này", "Lý do dừng giải quyết", "Bản sao chưa chứng thực",
                                "Người thông báo", "can-bo-1")));
    }

    /** What an officer decided for forms 02 to 05; the reason names the citizen ID, which the paper masks. */
    private static DeskDecision decision(List<String> documents) {
        return new DeskDecision("Bản sao chưa chứng thực, số định danh " + PaperFixtures.CITIZEN_ID, documents,
                PaperFixtures.RECEIVED.plusDays(7), OffsetDateTime.parse("2026-10-20T17:00:00+07:00"), "can-bo-1",
                PaperFixtures.RECEIVED.plusDays(6));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("papers")
    void rendersAsPdfA2bSignedByTheOfficerThenTheAgency(PaperComposer.Composed paper, String title,
                                                        List<String> content) throws IOException, InterruptedException {
        Path out = dir.resolve(paper.title().hashCode() + "-" + content.get(0).hashCode() + ".pdf");
        PaperPress.Pressed pressed = pki.press().press(paper.document(), signers.officer(), signers.agency(),
                dir.resolve("work"), out);
        LongTermResult level = pressed.level();
        // The mill's statement is the file as written: the archive keeps the paper on it.
        assertEquals(sha256(out), pressed.signed().sha256());
        assertEquals(2, pressed.signed().signatures());
        assertEquals(signers.agency().signerCertificate().getSubjectX500Principal().getName(), pressed.signed().signer());

        assertTrue(level.longTerm(), level.toString());
        assertEquals(title, paper.title());
        assertEquals("", pdfA2bFailures(out));
        String text = text(out);
        for (String expected : List.of(title.toUpperCase(java.util.Locale.ROOT), PaperFixtures.CODE.value(),
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "https://dichvucong.example.vn/api/v1/public/dossiers/" + PaperFixtures.CODE.value(),
                "https://dichvucong.example.vn/api/v1/verify", "Hà Nội, ngày")) {
            assertTrue(text.replace("\n", " ").contains(expected), expected + " missing from:\n" + text);
        }
        String flowing = text.replace("\n", " "); // table cells wrap their words over lines
        for (String expected : content) {
            assertTrue(flowing.contains(expected), expected + " missing from:\n" + text);
        }
        if (!paper.title().startsWith("Trích lục") && !paper.title().startsWith("Xác nhận")
                && !paper.title().startsWith("Thông tin thẻ") && !paper.title().startsWith("Quyết định")
                && !paper.title().startsWith("Kết quả")) {
            assertFalse(text.contains(PaperFixtures.CITIZEN_ID), "a form shows the citizen ID in full:\n" + text);
            assertFalse(text.contains(PaperFixtures.PHONE), "a form shows the phone number in full:\n" + text);
        }

        // Offline, from the validation data in the paper itself: revocation checked, none fetched.
        VerificationReport report = new SignatureVerifier(VerificationPolicy.of(List.of(demoCa), List.of()))
                .verifyPdf(out);
        assertEquals(2, report.signatures().size(), report.toText());
        assertEquals(Indication.TOTAL_PASSED, report.indication(), report.toText());
        SignatureReport officer = report.signatures().get(0);
        SignatureReport agency = report.signatures().get(1);
        assertTrue(officer.signer().orElseThrow().contains("Can bo cb-0001 DEMO"), officer.signer().toString());
        assertTrue(agency.signer().orElseThrow().contains("UBND phường Hàng Bài DEMO"), agency.signer().toString());
        assertTrue(officer.algorithm().startsWith("rsa-pss"), officer.algorithm());
        assertEquals("PAdES-BASELINE-LT", officer.level(), report.toText());
        assertEquals("PAdES-BASELINE-LT", agency.level(), report.toText());

        List<String> pdfsig = pdfsig(out);
        assertEquals(List.of("Signature is Valid.", "Signature is Valid."), pdfsig);
    }

    @Test
    void twoOfficersSignWithTwoNamedCertificatesUnderTheOneDemoRoot() throws GeneralSecurityException {
        PaperKeys.Signers other = keys.signers(new PaperKeys.Signatory("cb-0002", "000.00.00.H30", "UBND phường Hàng Bài"));
        X509Certificate first = signers.officer().signerCertificate();
        X509Certificate second = other.officer().signerCertificate();
        assertNotEquals(first, second);
        assertTrue(first.getSubjectX500Principal().getName().contains("Can bo cb-0001 DEMO"), first.toString());
        assertTrue(second.getSubjectX500Principal().getName().contains("Can bo cb-0002 DEMO"), second.toString());
        assertEquals(signers.agency().signerCertificate(), other.agency().signerCertificate(), "one seal per agency");
        assertEquals(4, other.officer().certificateChain().size() + 1, "officer, issuing CA, root");
        other.officer().certificateChain().get(2).verify(demoCa.getPublicKey());
        assertTrue(demoCa.getSubjectX500Principal().getName().contains("DEMO"));
        assertEquals(2048, ((java.security.interfaces.RSAPublicKey) signers.agency().signerCertificate().getPublicKey())
                .getModulus().bitLength());
    }

    @Test
    void withoutDemoKeysAMissingKeystoreIsRefusedWithItsConfigKey() {
        var missing = new PaperKeys.Location("officer", Optional.empty(), dir.resolve("none/officer.p12"), "x", null);
        var e = org.junit.jupiter.api.Assertions.assertThrows(vn.lienthong.gateway.domain.paper.PaperKeyException.class,
                () -> PaperKeys.open(missing, missing));
        assertTrue(e.getMessage().contains("lienthong.papers.officer.keystore"), e.getMessage());
    }

    /** The render-and-sign time of one paper: median of 50, after a warm-up; printed for the report. */
    @Test
    void timeToRenderAndSignOnePaper() {
        PaperComposer.Composed paper = COMPOSER.form06(PaperFixtures.completed(), PaperFixtures.history(),
                Optional.of(PaperFixtures.procedure()), "UBND phường Hàng Bài", PaperFixtures.RECEIVED.plusDays(2));
        PaperPress press = new PaperPress();
        Path out = dir.resolve("timed.pdf");
        for (int i = 0; i < 5; i++) {
            press.press(paper.document(), signers.officer(), signers.agency(), dir.resolve("work"), out);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            press.press(paper.document(), signers.officer(), signers.agency(), dir.resolve("work"), out);
            micros.add((System.nanoTime() - start) / 1000);
        }
        micros.sort(Long::compare);
        long median = micros.get(25);
        System.out.println("PAPER-TIMING render+2 signatures: median " + median / 1000.0 + " ms, p90 "
                + micros.get(45) / 1000.0 + " ms over 50 papers");
        assertTrue(median < 5_000_000, "one paper took " + median + " µs");

        PaperPress longTerm = pki.press();
        List<Long> lt = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            assertTrue(longTerm.press(paper.document(), signers.officer(), signers.agency(), dir.resolve("work"), out)
                    .level().longTerm());
            lt.add((System.nanoTime() - start) / 1000);
        }
        lt.sort(Long::compare);
        System.out.println("PAPER-TIMING render+2 signatures+2 time-stamps+DSS (B-LT): median " + lt.get(10) / 1000.0
                + " ms, p90 " + lt.get(18) / 1000.0 + " ms over 20 papers");
    }

    @Test
    void theRegisterIsPdfA2bSealedByTheAgencyAloneWithARowPerDossier() throws IOException, InterruptedException {
        OffsetDateTime now = PaperFixtures.RECEIVED.plusDays(9);
        DossierRegister register = new DossierRegister("000.00.00.H30", "UBND phường Hàng Bài",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), now, List.of(
                        DossierRegister.Row.of(PaperFixtures.completed(), PaperFixtures.procedure().name(), now),
                        DossierRegister.Row.of(PaperFixtures.dossier(), "Đăng ký khai sinh", now)));
        PaperComposer.Composed paper = COMPOSER.form07(register);
        Path out = dir.resolve("register.pdf");
        new PaperPress().seal(paper.document(), keys.agency(register.agencyCode(), register.agencyName()), dir.resolve("work"), out);

        assertEquals("Sổ theo dõi hồ sơ", paper.title());
        assertEquals("", pdfA2bFailures(out));
        String flowing = text(out).replace("\n", " ");
        for (String expected : List.of("Mẫu số 07", "SỔ THEO DÕI HỒ SƠ", "Từ ngày 01/10/2026 đến ngày 31/10/2026",
                "08/10/2026", "15/10/2026", "10/10/2026", "Trần Thị Bích Ngọc", "Đã hoàn thành", "Trước hạn",
                "Đang giải quyết, quá hạn", "Tổng số 2 hồ sơ; đã trả kết quả trước hạn 1")) {
            assertTrue(flowing.contains(expected), expected + " missing from:\n" + flowing);
        }
        assertTrue(flowing.replace(" ", "").contains(PaperFixtures.CODE.value()), "a cell wraps the code at its dash");
        assertEquals(DossierRegister.Standing.EARLY, register.rows().get(0).standing());
        assertEquals(DossierRegister.Standing.OVERDUE, register.rows().get(1).standing());

        VerificationReport report = new SignatureVerifier(VerificationPolicy.of(List.of(demoCa), List.of())
                .withRevocation(RevocationMode.WARN)).verifyPdf(out);
        assertEquals(1, report.signatures().size(), report.toText());
        assertEquals(Indication.TOTAL_PASSED, report.indication(), report.toText());
        String seal = report.signatures().get(0).signer().orElseThrow();
        assertTrue(seal.contains("UBND phường Hàng Bài DEMO"), "sealed by the register's own agency: " + seal);
        Process p = new ProcessBuilder("pdfsig", "-nocert", out.toString()).redirectErrorStream(true).start();
        String pdfsig = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdfsig did not finish");
        assertEquals(1, pdfsig.split("Signature is Valid\\.", -1).length - 1, pdfsig);
    }

    @Test
    void completedDossierFixtureIsCompleted() {
        assertEquals(DossierStatus.COMPLETED, PaperFixtures.completed().status());
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** poppler's own verdict on each signature ("Signature is Valid." …); pdfsig exits 0 whatever it finds. */
    private static List<String> pdfsig(Path pdf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdfsig", "-nocert", pdf.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdfsig did not finish");
        Matcher m = Pattern.compile("Signature Validation: (.+)").matcher(output);
        List<String> verdicts = new ArrayList<>();
        while (m.find()) {
            verdicts.add(m.group(1).trim());
        }
        assertEquals(2, verdicts.size(), output);
        return verdicts;
    }

    private static String pdfA2bFailures(Path pdf) throws IOException {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(pdf));
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            return result.isCompliant() ? "" : result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().collect(Collectors.joining("\n"));
        } catch (ModelParsingException | EncryptedPdfException | ValidationException e) {
            return "veraPDF could not parse: " + e.getMessage();
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
