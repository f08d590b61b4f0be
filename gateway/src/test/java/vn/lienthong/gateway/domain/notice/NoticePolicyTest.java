package vn.lienthong.gateway.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.exchange.RetrySchedule;

/** Notices link to the citizen's look-up page with the code filled in, not to the JSON API. */
class NoticePolicyTest {

    private static final String CODE = "H15.50.05.13-261008-0975";

    private static String link(String publicBaseUrl) {
        return new NoticePolicy(Set.of(), publicBaseUrl, new RetrySchedule(10, Duration.ofSeconds(1), Duration.ofMinutes(10)),
                50, Duration.ofMinutes(1)).lookupUrl(CODE);
    }

    @Test
    void theLinkOpensTheLookUpPageWithTheCode() {
        assertEquals("https://dichvucong.quangninh.gov.vn/tra-cuu?ma=" + CODE, link("https://dichvucong.quangninh.gov.vn"));
    }

    @Test
    void aTrailingSlashOrAPathInThePublicAddressIsKept() {
        assertEquals("http://127.0.0.1:8080/tra-cuu?ma=" + CODE, link("http://127.0.0.1:8080/"));
        assertEquals("https://mot-cua.example.vn/lienthong/tra-cuu?ma=" + CODE, link("https://mot-cua.example.vn/lienthong"));
    }
}
