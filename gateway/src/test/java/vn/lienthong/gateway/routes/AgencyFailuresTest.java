package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** A failure's text is what officers and operators read: it never carries an applicant's numbers in clear. */
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
    void describedExceptionsAreMaskedToo() {
        assertEquals("IllegalStateException: no citizen 0792******34",
                AgencyFailures.describe(new IllegalStateException("no citizen 079203001234")));
    }
}
