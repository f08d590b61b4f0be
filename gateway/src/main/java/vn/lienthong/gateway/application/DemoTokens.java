package vn.lienthong.gateway.application;

import java.time.Instant;

/** The demo sign-in's port: whether demo tokens exist here, and minting one (the demo issuer implements it). */
public interface DemoTokens {

    /** A demo token's claims: who, with which role, for which agency, and until when. */
    record DemoClaims(String officerId, String name, String role, String agencyCode, Instant issuedAt,
                      Instant expiresAt) {
    }

    /** Whether this gateway runs the demo issuer (then its tokens are the ones MicroProfile JWT accepts). */
    boolean enabled();

    /**
     * A signed bearer token carrying {@code claims}.
     *
     * @throws IllegalStateException when the demo issuer is off: no caller may mint then
     */
    String mint(DemoClaims claims);
}
