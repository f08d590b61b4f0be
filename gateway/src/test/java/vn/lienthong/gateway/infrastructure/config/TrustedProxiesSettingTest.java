package vn.lienthong.gateway.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code lienthong.http.trusted-proxies} is read with the application: a malformed entry refuses the
 * start with one line naming the setting and what to write, not a 500 at the first rate-limited call.
 */
class TrustedProxiesSettingTest {

    @Test
    void aMalformedEntryRefusesTheStartNamingTheSetting() {
        DataFileException refused = assertThrows(DataFileException.class,
                () -> DomainProducers.trustedProxies(List.of("127.0.0.1", "balancer.local")));
        assertEquals("The gateway does not start: LIENTHONG_HTTP_TRUSTED_PROXIES (lienthong.http.trusted-proxies): "
                + "'balancer.local' is not an IP address or network "
                + "(write 10.0.0.5 or 10.0.0.0/24)", refused.getMessage());
        assertThrows(DataFileException.class, () -> DomainProducers.trustedProxies(List.of("10.0.0.0/33")));
        assertEquals("The gateway does not start: LIENTHONG_HTTP_TRUSTED_PROXIES (lienthong.http.trusted-proxies): "
                + "'10.0.0.0/x' has no valid prefix length",
                assertThrows(DataFileException.class, () -> DomainProducers.trustedProxies(List.of("10.0.0.0/x"))).getMessage());
    }

    @Test
    void addressesAndNetworksAreRead() {
        assertEquals(2, DomainProducers.trustedProxies(List.of("127.0.0.1", " 10.1.0.0/16 ")).size());
        assertEquals(0, DomainProducers.trustedProxies(List.of()).size());
    }
}
