package vn.lienthong.gateway.infrastructure.paper;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.CitizenId;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.ExchangeStatus;
import vn.lienthong.gateway.domain.procedure.Procedure;
import vn.lienthong.gateway.domain.procedure.ProcessingTime;

/** A birth-group dossier, its results and history, as the papers see them. */
final class PaperFixtures {

    static final DossierCode CODE = new DossierCode("000.00.00.H30-261008-0975");
    static final String CITIZEN_ID = "001190012345";
    static final String PHONE = "0912345678";
    static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-10-08T09:15:00+07:00");
    static final PaperComposer.Issuer ISSUER = new PaperComposer.Issuer("Hà Nội", "https://dichvucong.example.vn/");

    private PaperFixtures() {
    }

    static Dossier dossier() {
        return Dossier.received(CODE, "3.000722", "000.00.00.H30", Channel.COUNTER,
                new Applicant("Trần Thị Bích Ngọc", new CitizenId(CITIZEN_ID), PHONE, "ngoc@example.vn"),
                "{\"tenTre\": \"Nguyễn Văn An\", \"ngaySinh\": \"2026-10-01\", \"noiSinh\": \"Bệnh viện Phụ sản Hà Nội\","
                        + " \"noiThuongTru\": \"Số 5 ngõ 12 phố Huế, phường Hai Bà Trưng\"}",
                "Lê Văn Tâm", RECEIVED, RECEIVED.plusDays(7));
    }

    static Dossier completed() {
        return dossier().moveTo(DossierStatus.IN_PROGRESS, RECEIVED.plusHours(1), null)
                .moveTo(DossierStatus.COMPLETED, RECEIVED.plusDays(2), null);
    }

    static AgencyMessage message(String operation, String agencyId, String resultJson) {
        return new AgencyMessage(7, "msg-" + operation.toLowerCase(), CODE, agencyId, operation, "{}",
                ExchangeStatus.DONE, 1, null, resultJson, null, RECEIVED, RECEIVED, RECEIVED.plusHours(2));
    }

    static List<DossierEvent> history() {
        return List.of(
                new DossierEvent(DossierEvent.Kind.RECEIVED, null, DossierStatus.RECEIVED, "Lê Văn Tâm", null,
                        "Bộ phận một cửa", null, RECEIVED.plusDays(7), null, RECEIVED),
                new DossierEvent(DossierEvent.Kind.AGENCY_SENT, null, null, "lienthong-gateway", "Bộ phận một cửa",
                        "Hộ tịch điện tử", RECEIVED.plusDays(1), null, "Công dân " + CITIZEN_ID, RECEIVED.plusMinutes(1)),
                new DossierEvent(DossierEvent.Kind.AGENCY_RESULT, null, null, "lienthong-gateway", "Hộ tịch điện tử",
                        "Bộ phận một cửa", RECEIVED.plusDays(1), null, "Hộ tịch: số đăng ký 12", RECEIVED.plusHours(2)),
                new DossierEvent(DossierEvent.Kind.AGENCY_RESULT, null, null, "lienthong-gateway", "Bảo hiểm xã hội",
                        "Bộ phận một cửa", RECEIVED.plusHours(3), null, "BHXH: trễ", RECEIVED.plusDays(2)),
                new DossierEvent(DossierEvent.Kind.TRANSITION, DossierStatus.IN_PROGRESS, DossierStatus.COMPLETED,
                        "Lê Văn Tâm", null, null, null, null, null, RECEIVED.plusDays(2)));
    }

    static Procedure procedure() {
        return new Procedure("3.000722", "Liên thông thủ tục hành chính: Đăng ký khai sinh, đăng ký thường trú, "
                + "cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "Hộ tịch", "Cấp xã", List.of(),
                new ProcessingTime(BigDecimal.valueOf(5), ProcessingTime.Unit.WORKING_DAYS), null,
                List.of("Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Tờ khai CT01", "Tờ khai TK1-TS"), "NĐ 63/2024", false);
    }
}
