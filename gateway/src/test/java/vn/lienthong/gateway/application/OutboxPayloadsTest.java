package vn.lienthong.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.attachment.Attachment;
import vn.lienthong.gateway.domain.attachment.Attachments;
import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.CitizenId;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.RetrySchedule;

/** The JSON the outbox keeps for a request to another agency, and for a flow step's request. */
class OutboxPayloadsTest {

    private static final DossierCode CODE = new DossierCode("000.00.00.H30-261008-0001");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-10-08T09:00:00+07:00");
    private static final RetrySchedule RETRY = new RetrySchedule(3, Duration.ofSeconds(1), Duration.ofMinutes(1));
    private static final Connector CIVIL_STATUS = new Connector("civil-status", "Hộ tịch", "G12", "CIVIL_STATUS",
            false, true, RETRY);
    private static final Connector LAND = new Connector("land-registry", "Đăng ký đất đai", "G09", "LAND_REGISTRY",
            true, true, RETRY, true);
    private static final String DOSSIER = "{\"dossierCode\":\"000.00.00.H30-261008-0001\",\"procedureCode\":\"3.000722\","
            + "\"receivingAgency\":\"000.00.00.H30\",\"applicant\":{\"fullName\":\"Trần Thị Bích Ngọc\","
            + "\"citizenId\":\"001190012345\"}";

    private final OutboxPayloads payloads = new OutboxPayloads();

    OutboxPayloadsTest() {
        payloads.attachments = new Attachments() {
            @Override
            public Attachment add(Attachment attachment) {
                throw new AssertionError("a payload never attaches");
            }

            @Override
            public Optional<Attachment> find(DossierCode code, String sha256) {
                throw new AssertionError("not asked");
            }

            @Override
            public List<Attachment> ofDossier(DossierCode code) {
                return List.of(new Attachment(1, code, "ab12", 2048, "application/pdf", "so-do.pdf", AT));
            }
        };
    }

    @Test
    void aRequestCarriesTheDossierAndItsForm() {
        assertEquals(DOSSIER + ",\"formData\":{\"child\":{\"fullName\":\"Trần Minh Khôi\"}}}",
                payloads.request(dossier("{\"child\":{\"fullName\":\"Trần Minh Khôi\"}}"), CIVIL_STATUS));
        assertEquals(DOSSIER + "}", payloads.request(dossier(null), CIVIL_STATUS));
    }

    @Test
    void aConnectorThatCarriesAttachmentsGetsTheirClaimChecksNotTheirBytes() {
        assertEquals(DOSSIER + ",\"attachments\":[{\"sha256\":\"ab12\",\"size\":2048,"
                + "\"contentType\":\"application/pdf\",\"fileName\":\"so-do.pdf\"}]}", payloads.request(dossier(null), LAND));
    }

    @Test
    void aFlowStepCarriesTheResultsSoFarAndThePersonCivilStatusRegistered() {
        List<AgencyMessage> sent = List.of(
                AgencyMessage.due(CODE, "civil-status", "BIRTH_REGISTRATION", "{}", AT)
                        .done("{\"personalId\":\"001226000123\"}", AT),
                AgencyMessage.due(CODE, "residence", "RESIDENCE_REGISTRATION", "{}", AT));

        assertEquals(DOSSIER + ",\"formData\":{\"child\":{\"fullName\":\"Trần Minh Khôi\"}},"
                        + "\"previousResults\":{\"BIRTH_REGISTRATION\":{\"personalId\":\"001226000123\"}},"
                        + "\"subject\":{\"personalId\":\"001226000123\",\"fullName\":\"Trần Minh Khôi\"}}",
                payloads.step(dossier("{\"child\":{\"fullName\":\"Trần Minh Khôi\"}}"), CIVIL_STATUS, sent));
    }

    @Test
    void withoutANameOnTheFormTheSubjectIsTheApplicantAndWithoutAPersonalIdThereIsNone() {
        List<AgencyMessage> birth = List.of(AgencyMessage.due(CODE, "civil-status", "BIRTH_REGISTRATION", "{}", AT)
                .done("{\"personalId\":\"001226000123\"}", AT));

        assertEquals(DOSSIER + ",\"previousResults\":{\"BIRTH_REGISTRATION\":{\"personalId\":\"001226000123\"}},"
                        + "\"subject\":{\"personalId\":\"001226000123\",\"fullName\":\"Trần Thị Bích Ngọc\"}}",
                payloads.step(dossier(null), CIVIL_STATUS, birth));
        assertEquals(DOSSIER + ",\"previousResults\":{}}", payloads.step(dossier(null), CIVIL_STATUS, List.of()));
    }

    private static Dossier dossier(String formData) {
        return Dossier.received(CODE, "3.000722", "000.00.00.H30", Channel.COUNTER,
                new Applicant("Trần Thị Bích Ngọc", new CitizenId("001190012345"), "0912345678", null), formData,
                "Lê Văn Tâm", AT, AT.plusDays(7));
    }
}
