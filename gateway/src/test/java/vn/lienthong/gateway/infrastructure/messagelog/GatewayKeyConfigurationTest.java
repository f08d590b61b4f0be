package vn.lienthong.gateway.infrastructure.messagelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayKeyConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void withoutADemoKeyAMissingKeystoreIsOneLineNamingTheSetting() {
        Path file = dir.resolve("gateway.p12");
        String unset = GatewayKeyConfiguration.missing(false, false, file).orElseThrow();
        assertTrue(unset.contains("LIENTHONG_MESSAGE_LOG_KEYSTORE (lienthong.message-log.keystore) is not set"), unset);
        String wrong = GatewayKeyConfiguration.missing(false, true, file).orElseThrow();
        assertTrue(wrong.contains("LIENTHONG_MESSAGE_LOG_KEYSTORE names " + file + ", which does not exist"), wrong);
        assertTrue(!unset.contains("\n") && !wrong.contains("\n"));
    }

    @Test
    void aDemoKeyOrAnExistingKeystoreStarts() throws IOException {
        Path file = dir.resolve("gateway.p12");
        assertEquals(Optional.empty(), GatewayKeyConfiguration.missing(true, false, file));
        Files.writeString(file, "");
        assertEquals(Optional.empty(), GatewayKeyConfiguration.missing(false, true, file));
    }
}
