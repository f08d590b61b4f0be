package vn.lienthong.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Bearer tokens for the ITs, minted as scripts/demo-token mints them: RS256 with the demo issuer
 * key the gateway generated in its data dir. Also the tokens a gateway must refuse: expired, and
 * signed by a key it does not know (forged).
 */
final class DemoTokens {

    static final String DESK_OFFICER = "desk-officer";
    static final String LEADER = "leader";
    static final String ADMIN = "admin";
    static final String AUDITOR = "auditor";
    private static final String ISSUER = "urn:lienthong:demo-issuer";

    private final PrivateKey key;

    private DemoTokens(PrivateKey key) {
        this.key = key;
    }

    /** The demo issuer of a gateway started with this data dir. */
    static DemoTokens of(Path dataDir) {
        Path pem = dataDir.resolve("keys").resolve("demo-issuer.key.pem");
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return new DemoTokens(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway has not created its demo issuer key yet: " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable demo issuer key " + pem, e);
        }
    }

    /** An issuer the gateway has never heard of: its tokens are forgeries. */
    static DemoTokens forger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new DemoTokens(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String token(String role, String agencyCode) {
        return token(role, agencyCode, "it." + role, Instant.now(), 3600);
    }

    String expired(String role, String agencyCode) {
        return token(role, agencyCode, "it." + role, Instant.now().minusSeconds(7200), 600);
    }

    String token(String role, String agencyCode, String officer, Instant issuedAt, long validSeconds) {
        return token(ISSUER, role, agencyCode, officer, issuedAt, validSeconds);
    }

    /** A token naming {@code issuer}: another one than the demo issuer's is refused even with its key. */
    String token(String issuer, String role, String agencyCode, String officer, Instant issuedAt, long validSeconds) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"demo-issuer\"}";
        String payload = "{\"iss\":\"%s\",\"sub\":\"%s\",\"upn\":\"%s\",\"groups\":[\"%s\"],\"agency_code\":\"%s\",\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}"
                .formatted(issuer, officer, officer, role, agencyCode, issuedAt.getEpochSecond(),
                        issuedAt.getEpochSecond() + validSeconds, UUID.randomUUID());
        String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
