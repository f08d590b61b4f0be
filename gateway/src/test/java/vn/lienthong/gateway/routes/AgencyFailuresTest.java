package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.exchange.AgencyResult;

/** A failure's or a result's text is what officers and operators read: it never carries a citizen's numbers in clear. */
class AgencyFailuresTest {

    @Test
    void anAgencyErrorBodyThatEchoesTheApplicantIsMaskedInTheFailure() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
        exchange.getMessage().setBody("{\"error\": \"personalId 001190012345 does not match\",\n \"phone\": \"0912345678\"}");

        PermanentAgencyException refused = assertThrows(PermanentAgencyException.class,
                () -> AgencyFailures.requireSuccess(exchange, "civil status"));
        assertEquals("civil status answered HTTP 400: {\"error\": \"personalId 0011******45 does not match\", "
                + "\"phone\": \"0912****78\"}", refused.getMessage());
    }

    @Test
    void aNumberCutByTheExcerptIsMaskedBeforeTheCut() {
        String excerpt = AgencyFailures.excerpt("x".repeat(294) + "001190012345 and more");
        assertFalse(excerpt.contains("001190"), excerpt);
        assertTrue(excerpt.endsWith("0011**…"), excerpt);
    }

    @Test
    void theCivilStatusSummaryInTheProcessingRecordShowsTheNewPersonalIdMasked() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 201);
        String reply = "{\"registrationNumber\":\"KS-00001234\",\"personalId\":\"001226012345\"}";
        exchange.getMessage().setBody(reply);
        AgencyResult result = new CivilStatusMessages().reply(exchange);
        assertEquals("Hộ tịch: số đăng ký KS-00001234, số định danh cá nhân 0012******45", result.summary());
        assertTrue(result.resultJson().contains("001226012345"), "the stored result keeps the evidence");
    }

    @Test
    void describedExceptionsAreMaskedToo() {
        assertEquals("IllegalStateException: no citizen 0792******34",
                AgencyFailures.describe(new IllegalStateException("no citizen 079203001234")));
    }
}
