package vn.lienthong.gateway.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Behind a load balancer each citizen keeps a bucket of their own, and nobody else can choose their
 * bucket by sending {@code X-Forwarded-For}.
 */
class TrustedProxiesTest {

    private final TrustedProxies balancer = TrustedProxies.of(List.of("127.0.0.1", " 10.1.0.0/16 ", "2001:db8::/32"));

    @Test
    void byDefaultNoProxyIsTrustedAndTheHeaderIsIgnored() {
        TrustedProxies none = TrustedProxies.of(List.of());
        assertEquals("127.0.0.1", none.client("127.0.0.1", "203.0.113.7"));
        assertEquals("198.51.100.9", none.client("198.51.100.9", null));
    }

    @Test
    void fromATrustedProxyTheForwardedClientCounts() {
        assertEquals("203.0.113.7", balancer.client("127.0.0.1", "203.0.113.7"));
        assertEquals("198.51.100.2", balancer.client("127.0.0.1", "198.51.100.2"), "two clients, two keys");
        assertEquals("203.0.113.7", balancer.client("10.1.4.4", "203.0.113.7, 10.1.2.3"),
                "a chain of trusted proxies is walked back to the first untrusted hop");
        assertEquals("2001:db9::1", balancer.client("2001:db8::5", "2001:db9::1"));
    }

    @Test
    void aClientCannotChooseItsBucket() {
        assertEquals("198.51.100.9", balancer.client("198.51.100.9", "203.0.113.7"),
                "an untrusted peer's header is ignored");
        assertEquals("198.51.100.9", balancer.client("127.0.0.1", "1.2.3.4, 198.51.100.9"),
                "what the client itself wrote before the balancer's hop does not count");
        assertEquals("10.1.2.3", balancer.client("127.0.0.1", "evil.example, 10.1.2.3"),
                "a hop that is no address stops the walk at the last good one");
        assertEquals("127.0.0.1", balancer.client("127.0.0.1", "not-an-address"));
        assertEquals("127.0.0.1", balancer.client("127.0.0.1", "999.1.1.1"));
        assertEquals("10.1.0.1", balancer.client("127.0.0.1", "10.1.0.1"), "only trusted hops: the farthest");
    }

    @Test
    void aMisspelledProxyRefusesWithWhatToWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.of(List.of("balancer.local")));
        assertEquals("'balancer.local' is not an IP address or network "
                + "(write 10.0.0.5 or 10.0.0.0/24)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/33")));
    }
}
