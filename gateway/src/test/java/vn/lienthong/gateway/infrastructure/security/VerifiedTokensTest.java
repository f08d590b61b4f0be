package vn.lienthong.gateway.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final CredentialValidationResult VALID =
            new CredentialValidationResult(new CallerPrincipal("it.desk-officer"), Set.of("desk-officer"));

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        private Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static long epoch(Instant t) {
        return t.getEpochSecond();
    }

    @Test
    void onlyTheIdenticalTokenHits() {
        VerifiedTokens tokens = new VerifiedTokens(10, Optional.empty(), new Moving());
        tokens.remember("aaa.bbb.ccc", VALID, epoch(NOW), epoch(NOW.plusSeconds(3600)));
        assertSame(VALID, tokens.find("aaa.bbb.ccc").orElseThrow());
        assertTrue(tokens.find("aaa.bbb.ccd").isEmpty(), "another signature");
        assertTrue(tokens.find("aaa.bbc.ccc").isEmpty(), "other claims");
        assertTrue(tokens.find("aaa.bbb.ccc ").isEmpty());
    }

    @Test
    void anEntryEndsAtTheTokensExpiryItsAgeOrTheHoldWhicheverComesFirst() {
        Moving clock = new Moving();
        VerifiedTokens tokens = new VerifiedTokens(10, Optional.of(Duration.ofSeconds(100)), clock);
        tokens.remember("expires", VALID, epoch(NOW), epoch(NOW.plusSeconds(20)));
        tokens.remember("ages", VALID, epoch(NOW.minusSeconds(70)), epoch(NOW.plusSeconds(3600)));
        tokens.remember("holds", VALID, epoch(NOW), epoch(NOW.plusSeconds(3600)));

        clock.now = NOW.plusSeconds(19);
        assertEquals(3, Set.of("expires", "ages", "holds").stream().filter(t -> tokens.find(t).isPresent()).count());
        clock.now = NOW.plusSeconds(20);
        assertTrue(tokens.find("expires").isEmpty(), "at exp the token is refused, as MicroProfile JWT refuses it");
        clock.now = NOW.plusSeconds(30);
        assertTrue(tokens.find("ages").isEmpty(), "issued 100 s ago: past mp.jwt.verify.token.age");
        assertTrue(tokens.find("holds").isPresent());
        clock.now = NOW.plus(VerifiedTokens.HOLD);
        assertTrue(tokens.find("holds").isEmpty(), "verified again after the hold");
    }

    @Test
    void usingATokenDoesNotExtendItsHoldAndOnlyValidResultsAreKept() {
        Moving clock = new Moving();
        VerifiedTokens tokens = new VerifiedTokens(10, Optional.empty(), clock);
        tokens.remember("t", VALID, epoch(NOW), epoch(NOW.plusSeconds(3600)));
        clock.now = NOW.plusSeconds(50);
        tokens.remember("t", VALID, epoch(NOW), epoch(NOW.plusSeconds(3600)));
        clock.now = NOW.plus(VerifiedTokens.HOLD);
        assertTrue(tokens.find("t").isEmpty());

        tokens.remember("invalid", CredentialValidationResult.INVALID_RESULT, epoch(NOW), epoch(NOW.plusSeconds(3600)));
        tokens.remember("expired", VALID, epoch(NOW.minusSeconds(7200)), epoch(NOW.minusSeconds(1)));
        tokens.remember(null, VALID, epoch(NOW), epoch(NOW.plusSeconds(3600)));
        assertEquals(0, tokens.size());
    }

    @Test
    void atMostMaxTokensAreKeptTheLeastRecentlyUsedDroppedFirst() {
        VerifiedTokens tokens = new VerifiedTokens(2, Optional.empty(), new Moving());
        long exp = epoch(NOW.plusSeconds(3600));
        tokens.remember("a", VALID, epoch(NOW), exp);
        tokens.remember("b", VALID, epoch(NOW), exp);
        tokens.find("a");
        tokens.remember("c", VALID, epoch(NOW), exp);
        assertEquals(2, tokens.size());
        assertTrue(tokens.find("a").isPresent());
        assertTrue(tokens.find("b").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokens(0, Optional.empty(), new Moving()));
    }

    /** Shaped like Payara's bearer-token credential, whose class the application cannot name. */
    public static final class BearerCredential implements Credential {
        private final String token;

        BearerCredential(String token) {
            this.token = token;
        }

        public String getSignedJWT() {
            return token;
        }
    }

    @Test
    void theStoreReadsOnlyBearerTokenCredentials() {
        assertEquals("aaa.bbb.ccc", VerifiedTokenStore.bearerToken(new BearerCredential("aaa.bbb.ccc")));
        assertNull(VerifiedTokenStore.bearerToken(new UsernamePasswordCredential("officer", "secret")));
        assertNull(VerifiedTokenStore.bearerToken(null));

        VerifiedTokenStore store = new VerifiedTokenStore();
        store.maxTokens = 10;
        store.tokenAgeSeconds = Optional.of(43_200L);
        store.start();
        String token = "aaa.bbb.ccc";
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED, store.validate(new BearerCredential(token)).getStatus());
        long now = Instant.now().getEpochSecond();
        store.tokens().remember(token, VALID, now, now + 3600);
        assertSame(VALID, store.validate(new BearerCredential(token)));
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED,
                store.validate(new UsernamePasswordCredential("officer", "secret")).getStatus());
    }
}
