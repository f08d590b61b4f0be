package vn.lienthong.gateway.interfaces.rest.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.dossier.Channel;

class RequestValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void theContractExampleIsValid() {
        assertEquals(Set.of(), fields(validator.validate(submit("001190012345", "0912345678", "dieu@example.vn"))));
    }

    @Test
    void citizenIdMustBeTwelveDigits() {
        Set<ConstraintViolation<DossierRequests.Submit>> v = validator.validate(submit("00119001234", null, null));
        assertEquals(Set.of("applicant.citizenId"), fields(v));
        String message = v.iterator().next().getMessage();
        assertTrue(message.contains("12 chữ số") && message.contains(" | ") && message.contains("12 digits"), message);
    }

    @Test
    void missingAndMalformedFieldsAreEachReported() {
        var body = new DossierRequests.Submit(" ", "h30 lowercase", new DossierRequests.Applicant("", null, "12", "not-an-email", null),
                null, null, null);
        assertEquals(Set.of("procedureCode", "agencyCode", "channel", "applicant.fullName", "applicant.citizenId",
                "applicant.phone", "applicant.email"), fields(validator.validate(body)));
    }

    private static DossierRequests.Submit submit(String citizenId, String phone, String email) {
        return new DossierRequests.Submit("1.001193", "000.00.00.H30",
                new DossierRequests.Applicant("Nguyễn Thị Diệu", citizenId, phone, email, null), null, Channel.COUNTER, null);
    }

    private static <T> Set<String> fields(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }
}
