package vn.lienthong.gateway.infrastructure.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Notices link to the citizen's look-up page with the code filled in, not to the JSON API. */
class NoticeSettingsTest {

    private static final String CODE = "H15.50.05.13-261008-0975";

    @Test
    void theLinkOpensTheLookUpPageWithTheCode() {
        assertEquals("https://dichvucong.quangninh.gov.vn/tra-cuu?ma=" + CODE,
                NoticeSettings.lookupUrl("https://dichvucong.quangninh.gov.vn", CODE));
    }

    @Test
    void aTrailingSlashOrAPathInThePublicAddressIsKept() {
        assertEquals("http://127.0.0.1:8080/tra-cuu?ma=" + CODE, NoticeSettings.lookupUrl("http://127.0.0.1:8080/", CODE));
        assertEquals("https://mot-cua.example.vn/lienthong/tra-cuu?ma=" + CODE,
                NoticeSettings.lookupUrl("https://mot-cua.example.vn/lienthong", CODE));
    }
}
