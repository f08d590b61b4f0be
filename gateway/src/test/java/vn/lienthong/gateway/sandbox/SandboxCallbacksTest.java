package vn.lienthong.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sandbox's callback address: a start with one it could never call is refused, with the setting named. */
class SandboxCallbacksTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:18080", "https://mot-cua.example.vn", "http://[::1]:8080"})
    void anHttpBaseUrlIsTaken(String url) {
        assertDoesNotThrow(() -> SandboxCallbacks.checkCallbackBase(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:18080", "ftp://127.0.0.1", "http//127.0.0.1:18080", "http://", "http://a b"})
    void anythingElseRefusesTheStartNamingTheSetting(String url) {
        SandboxSettingException refused = assertThrows(SandboxSettingException.class,
                () -> SandboxCallbacks.checkCallbackBase(url));
        assertTrue(refused.getMessage().contains("LIENTHONG_SANDBOX_CALLBACK_URL (lienthong.sandbox.callback-url): '" + url + "'"),
                refused.getMessage());
    }
}
