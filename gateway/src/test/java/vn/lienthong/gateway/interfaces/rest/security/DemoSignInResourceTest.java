package vn.lienthong.gateway.interfaces.rest.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoSignInResourceTest {

    @Test
    void onlyThisMachineIsHere() {
        assertTrue(DemoSignInResource.isLoopback("127.0.0.1"));
        assertTrue(DemoSignInResource.isLoopback("127.1.2.3"));
        assertTrue(DemoSignInResource.isLoopback("::1"));
        assertTrue(DemoSignInResource.isLoopback("0:0:0:0:0:0:0:1"));
        assertFalse(DemoSignInResource.isLoopback("10.0.0.5"));
        assertFalse(DemoSignInResource.isLoopback("203.0.113.20"));
        assertFalse(DemoSignInResource.isLoopback("fe80::1"));
        assertFalse(DemoSignInResource.isLoopback("0.0.0.0"));
        assertFalse(DemoSignInResource.isLoopback("localhost"));
        assertFalse(DemoSignInResource.isLoopback(""));
        assertFalse(DemoSignInResource.isLoopback(null));
    }
}
