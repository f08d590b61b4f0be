package vn.lienthong.gateway.interfaces.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aClientGetsItsMinuteThenWaitsForTheRefill() {
        ClientRateLimiter limiter = new ClientRateLimiter(30, 100, nanos::get);
        for (int i = 0; i < 30; i++) {
            assertTrue(limiter.tryAcquire("203.0.113.7").allowed(), "call " + i);
        }
        ClientRateLimiter.Decision refused = limiter.tryAcquire("203.0.113.7");
        assertFalse(refused.allowed());
        assertEquals(2, refused.retryAfterSeconds(), "one token comes back every 2 s");
        assertTrue(limiter.tryAcquire("198.51.100.1").allowed(), "another address has its own bucket");
        nanos.addAndGet(2_000_000_000L);
        assertTrue(limiter.tryAcquire("203.0.113.7").allowed());
        assertFalse(limiter.tryAcquire("203.0.113.7").allowed());
    }

    @Test
    void manyAddressesNeverGrowTheMapPastItsBound() {
        ClientRateLimiter limiter = new ClientRateLimiter(5, 1_000, nanos::get);
        for (int i = 0; i < 100_000; i++) {
            limiter.tryAcquire("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertEquals(1_000, limiter.clients());
    }

    @Test
    void anIpv6HostIsOneClientPerSlash64() {
        assertEquals(RateLimits.clientKey("2001:db8:1:2:aaaa::1"), RateLimits.clientKey("2001:db8:1:2:bbbb::99"));
        assertFalse(RateLimits.clientKey("2001:db8:1:2::1").equals(RateLimits.clientKey("2001:db8:1:3::1")));
        assertEquals("127.0.0.1", RateLimits.clientKey("127.0.0.1"));
        assertEquals("unknown", RateLimits.clientKey(null));
    }
}
