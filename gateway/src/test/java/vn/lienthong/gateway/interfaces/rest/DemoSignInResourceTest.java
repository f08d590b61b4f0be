package vn.lienthong.gateway.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.infrastructure.security.DemoIssuer;

class DemoSignInResourceTest {

    /** A gateway whose demo issuer is off: a province's identity provider signs officers in. */
    private static DemoSignInResource withIssuerOff() {
        DemoSignInResource resource = new DemoSignInResource();
        resource.issuer = new DemoIssuer() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public String mint(DemoClaims claims) {
                throw new AssertionError("no token may be minted with the demo issuer off");
            }
        };
        return resource;
    }

    @Test
    void withTheDemoIssuerOffBothCallsAnswer404AndMintNothing() {
        DemoSignInResource resource = withIssuerOff();
        assertEquals(404, resource.options().getStatus());
        assertEquals(404, resource.signIn(new DemoSignInResource.SignIn("admin", "000.00.00.H30")).getStatus());
    }
}
