package vn.lienthong.gateway.interfaces.rest.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RequestBodyGuardTest {

    @Test
    void aBodyUpToTheLimitReadsWhole() throws IOException {
        AtomicInteger exceeded = new AtomicInteger();
        try (InputStream in = new RequestBodyGuard.Limited(new ByteArrayInputStream(new byte[100]), 100, exceeded::incrementAndGet)) {
            assertArrayEquals(new byte[100], in.readAllBytes());
        }
        assertEquals(0, exceeded.get());
    }

    @Test
    void aChunkedBodyOverTheLimitFailsWhileReadingAndLeavesAMark() {
        AtomicInteger exceeded = new AtomicInteger();
        InputStream in = new RequestBodyGuard.Limited(new ByteArrayInputStream(new byte[101]), 100, exceeded::incrementAndGet);
        RequestBodyGuard.BodyTooLargeException e = assertThrows(RequestBodyGuard.BodyTooLargeException.class, in::readAllBytes);
        assertEquals(100, e.limit());
        assertEquals(1, exceeded.get());
        InputStream single = new RequestBodyGuard.Limited(new ByteArrayInputStream(new byte[2]), 1, () -> { });
        assertThrows(RequestBodyGuard.BodyTooLargeException.class, () -> {
            single.read();
            single.read();
        });
    }

    @Test
    void wellFormedJsonPasses() {
        assertNull(RequestBodyGuard.shapeProblem(bytes("{\"a\": [1, {\"b\": \"Nguyễn\"}], \"c\": null}")));
        assertNull(RequestBodyGuard.shapeProblem(bytes("[" .repeat(32) + "]".repeat(32))));
        assertNull(RequestBodyGuard.shapeProblem(new byte[0]));
    }

    @Test
    void unterminatedDeepOrOversizedJsonIsRefusedBeforeBinding() {
        // This one made Parsson's skipObject spin forever inside JSON-B.
        assertNotNull(RequestBodyGuard.shapeProblem(bytes("{\"a\":".repeat(3900) + "1" + "}".repeat(100))));
        assertNotNull(RequestBodyGuard.shapeProblem(bytes("{\"a\": {\"b\": 1}")));
        assertNotNull(RequestBodyGuard.shapeProblem(bytes("[".repeat(33) + "]".repeat(33))));
        assertNotNull(RequestBodyGuard.shapeProblem(bytes("{\"a\": \"" + "x".repeat(20_001) + "\"}")));
        assertNotNull(RequestBodyGuard.shapeProblem(bytes("{} {}")));
        assertNotNull(RequestBodyGuard.shapeProblem(bytes("{\"a\": tru}")));
        assertNotNull(RequestBodyGuard.shapeProblem(new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'}));
    }

    @Test
    void uploadsHaveTheirPathsLimitAndJsonKeepsTheDefault() {
        RequestBodyGuard guard = new RequestBodyGuard();
        guard.maxBodyBytes = 1_048_576;
        guard.bodyLimits = java.util.Optional.of("verify=20971520, dossiers/x/attachments = 5");
        assertEquals(20_971_520, guard.limitFor("verify", false));
        assertEquals(20_971_520, guard.limitFor("/verify/", false));
        assertEquals(1_048_576, guard.limitFor("verify", true), "JSON stays at the JSON limit");
        assertEquals(1_048_576, guard.limitFor("verifyx", false));
        assertEquals(5, guard.limitFor("dossiers/x/attachments", false));
        assertEquals(1_048_576, guard.limitFor("dossiers", false));
        guard.bodyLimits = java.util.Optional.empty();
        assertEquals(1_048_576, guard.limitFor("verify", false));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
