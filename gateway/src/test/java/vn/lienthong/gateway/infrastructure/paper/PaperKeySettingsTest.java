package vn.lienthong.gateway.infrastructure.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperKeySettingsTest {

    @TempDir
    Path dir;

    private PaperKeys.Location location(String role, Optional<Path> pkcs11) {
        return new PaperKeys.Location(role, pkcs11, dir.resolve("papers-" + role + ".p12"), "secret", role);
    }

    @Test
    void aMissingKeystoreIsOneLineNamingTheSetting() {
        String officer = PaperConfiguration.missing(location("officer", Optional.empty()), false).orElseThrow();
        assertTrue(officer.contains("LIENTHONG_PAPERS_OFFICER_KEYSTORE (lienthong.papers.officer.keystore) is not set"), officer);
        String agency = PaperConfiguration.missing(location("agency", Optional.empty()), true).orElseThrow();
        assertTrue(agency.contains("LIENTHONG_PAPERS_AGENCY_KEYSTORE names " + dir.resolve("papers-agency.p12")), agency);
        assertTrue(!officer.contains("\n") && !agency.contains("\n"));
    }

    @Test
    void anExistingKeystoreOrATokenStarts() throws IOException {
        assertEquals(Optional.empty(), PaperConfiguration.missing(location("officer", Optional.of(dir.resolve("pkcs11.cfg"))), false));
        Files.writeString(dir.resolve("papers-agency.p12"), "");
        assertEquals(Optional.empty(), PaperConfiguration.missing(location("agency", Optional.empty()), true));
    }
}
