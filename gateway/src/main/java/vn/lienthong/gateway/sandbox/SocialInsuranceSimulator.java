package vn.lienthong.gateway.sandbox;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The social insurance service (BHXH/VSS), SOAP 1.1: issues BHYT cards and decides benefits. */
final class SocialInsuranceSimulator implements AgencySimulator {

    private static final String ENVELOPE = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:vss=\"urn:vn:vss:lienthong:1\"><soap:Body>%s</soap:Body></soap:Envelope>";
    private static final Pattern MESSAGE_ID = Pattern.compile("<vss:MessageId>([^<]+)</vss:MessageId>");
    private static final Pattern OPERATION = Pattern.compile("<vss:NghiepVu>([^<]+)</vss:NghiepVu>");
    private static final Pattern SUBJECT_ID = Pattern.compile(
            "<vss:DoiTuong>.*?<vss:SoDinhDanh>(\\d{12})</vss:SoDinhDanh>.*?</vss:DoiTuong>", Pattern.DOTALL);
    private static final Pattern DOSSIER_DATE = Pattern.compile("<vss:MaHoSo>[^<]*-(\\d{6})-\\d+</vss:MaHoSo>");
    /** The date in a dossier code; built once, as building a formatter costs more than the parse. */
    private static final DateTimeFormatter DOSSIER_DAY = DateTimeFormatter.ofPattern("yyMMdd");

    @Override
    public String id() {
        return "social-insurance";
    }

    @Override
    public String requestId(String header, String body) {
        Matcher m = MESSAGE_ID.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public SandboxReply act(String path, String body, String requestId) {
        Matcher op = OPERATION.matcher(body);
        if (!op.find()) {
            return fault("soap-client");
        }
        String number = SandboxNumbers.digits("bhxh:" + requestId, 10);
        String result;
        if (op.group(1).startsWith("FUNERAL")) {
            result = "<vss:MaSoBhxh>" + number + "</vss:MaSoBhxh><vss:SoQuyetDinh>QD-"
                    + SandboxNumbers.digits("qd:" + requestId, 6) + "</vss:SoQuyetDinh>";
        } else {
            Matcher d = DOSSIER_DATE.matcher(body);
            LocalDate from = d.find() ? LocalDate.parse(d.group(1), DOSSIER_DAY) : LocalDate.of(2026, 1, 1);
            LocalDate to = op.group(1).endsWith("UNDER_6") ? from.plusYears(6).minusDays(1) : from.plusYears(1).minusDays(1);
            result = "<vss:MaSoBhxh>" + number + "</vss:MaSoBhxh><vss:HanTheTu>" + from + "</vss:HanTheTu><vss:HanTheDen>"
                    + to + "</vss:HanTheDen>";
        }
        return new SandboxReply(200, "text/xml; charset=utf-8", ENVELOPE.formatted("<vss:KetQua>" + result + "</vss:KetQua>"));
    }

    /**
     * A child's BHYT card and a survivor benefit are about someone other than the applicant: the
     * request must name that person by the 12-digit personal ID civil status registered.
     */
    @Override
    public SandboxReply refusal(String body) {
        Matcher op = OPERATION.matcher(body);
        boolean aboutSomeoneElse = op.find()
                && (op.group(1).equals("BHYT_CARD_UNDER_6") || op.group(1).startsWith("FUNERAL"));
        if (aboutSomeoneElse && !SUBJECT_ID.matcher(body).find()) {
            return soapFault("soap:Client", "Thiếu số định danh cá nhân của trẻ em / người đã mất (simulated)");
        }
        return null;
    }

    @Override
    public SandboxReply fault(String kind) {
        return switch (kind) {
            case "soap-server" -> soapFault("soap:Server", "Hệ thống tạm thời quá tải (simulated)");
            case "soap-client", "400" -> soapFault("soap:Client", "Số định danh không hợp lệ (simulated)");
            default -> AgencySimulator.super.fault(kind);
        };
    }

    @Override
    public SandboxReply malformed() {
        return new SandboxReply(200, "text/xml; charset=utf-8", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/"
                + "soap/envelope/\"><soap:Body><vss:KetQua>");
    }

    private static SandboxReply soapFault(String code, String reason) {
        return new SandboxReply(500, "text/xml; charset=utf-8", ENVELOPE.formatted(
                "<soap:Fault><faultcode>" + code + "</faultcode><faultstring>" + reason + "</faultstring></soap:Fault>"));
    }
}
