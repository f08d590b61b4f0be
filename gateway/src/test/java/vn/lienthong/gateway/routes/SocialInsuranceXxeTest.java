package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A SOAP reply carrying an XXE payload (an external entity on a local file) or a billion laughs
 * is a permanent, clearly worded failure; no file is read and no entity is expanded.
 */
class SocialInsuranceXxeTest {

    @TempDir
    Path dir;

    private static String envelope(String doctype, String value) {
        return "<?xml version=\"1.0\"?>" + doctype
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:vss=\"urn:vn:vss:lienthong:1\">"
                + "<soap:Body><vss:KetQua><vss:MaSoBhxh>" + value + "</vss:MaSoBhxh></vss:KetQua></soap:Body></soap:Envelope>";
    }

    private String externalEntity() throws Exception {
        // A secret of our own rather than /etc/passwd, so the test can tell whether it was read.
        Path secret = Files.writeString(dir.resolve("secret.txt"), "0123456789");
        return envelope("<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>", "&xxe;");
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return envelope(dtd.append("]>").toString(), "&l10;");
    }

    private static PermanentAgencyException refused(String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setBody(body);
        return assertThrows(PermanentAgencyException.class, () -> new SocialInsuranceMessages().reply(exchange));
    }

    @Test
    void anExternalEntityOnALocalFileIsRefusedWithoutReadingIt() throws Exception {
        String body = externalEntity();
        PermanentAgencyException e = refused(body);
        assertTrue(e.getMessage().startsWith("SOAP reply refused: it declares a DOCTYPE"), e.getMessage());
        assertTrue(e.getMessage().contains("XXE"), e.getMessage());
        // Had the entity been expanded, the secret would be a valid 10-digit social insurance number.
        assertFalse(e.getMessage().contains("BHXH: mã số"), e.getMessage());
        assertTrue(refused(envelope("<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;"))
                .getMessage().contains("DOCTYPE"));
    }

    @Test
    void aBillionLaughsIsRefusedAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            PermanentAgencyException e = refused(billionLaughs());
            assertTrue(e.getMessage().contains("DTDs and entities are never processed"), e.getMessage());
        });
    }

    @Test
    void theParserItselfRefusesADoctypeShouldThePreCheckBeBypassed() throws Exception {
        String body = externalEntity();
        for (String payload : new String[] {body, billionLaughs()}) {
            SAXException e = assertThrows(SAXException.class, () -> SocialInsuranceMessages.secureBuilder()
                    .parse(new InputSource(new StringReader(payload))));
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        }
    }

    @Test
    void aLowerCaseDoctypeIsCaughtToo() {
        assertTrue(refused(envelope("<!doctype r [<!ENTITY x \"y\">]>", "&x;")).getMessage().contains("DOCTYPE"));
    }
}
